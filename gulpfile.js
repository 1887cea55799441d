const path = require('path');
const { task, src, dest } = require('gulp');

// tsc emits only JavaScript; n8n also needs each node's and credential's icon and codex file beside it.
task('build:icons', () =>
	src(['nodes/**/*.{png,svg}', 'nodes/**/*.node.json', 'credentials/**/*.{png,svg}'], {
		base: '.',
		encoding: false,
	}).pipe(dest(path.resolve('dist'))),
);
