#!/usr/bin/env node
// Checks what `npm publish` would ship: exactly the built nodes and credentials (JavaScript, type
// declarations, icons, codex files, the JSON data modules they require), README, LICENSE and
// package.json, and every node and credential that package.json's "n8n" section lists.
// Run after `npm run build`:  npm run build && npm run pack:check
'use strict';

const { execFileSync } = require('node:child_process');
const { existsSync, readFileSync } = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const packageJson = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));

const ALWAYS = new Set(['package.json', 'README.md', 'LICENSE']);
const BUILT = /^dist\/(nodes|credentials)\/.+\.(js|d\.ts|svg|json)$/;
const CODEX = /\.node\.json$/;
// Built, but never for users: test output if a full `tsc -p tsconfig.json` ever ran, source maps, stray sources.
const NEVER = [/(^|\/)test\//, /\.map$/, /(?<!\.d)\.ts$/, /\.(png|jpe?g|gif)$/, /(^|\/)(docs|examples|scripts)\//];

function packedFiles() {
	if (!existsSync(path.join(root, 'dist'))) throw new Error('dist/ is missing: run `npm run build` first');
	const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' });
	const [pack] = JSON.parse(out);
	return pack.files.map((file) => file.path).sort();
}

function check(files) {
	const problems = [];
	const present = new Set(files);
	const required = requiredJson(files);
	for (const file of files) {
		if (ALWAYS.has(file)) continue;
		if (!BUILT.test(file)) problems.push(`not for users: ${file}`);
		else if (NEVER.some((pattern) => pattern.test(file))) problems.push(`not for users: ${file}`);
		else if (file.endsWith('.json') && !CODEX.test(file) && !required.has(file)) problems.push(`not for users (no module requires it): ${file}`);
	}
	// tsc emits the JSON a module imports, but npm packs only what "files" names.
	for (const [file, requiredBy] of required) {
		if (!present.has(file)) problems.push(`required by ${requiredBy} but not packed: ${file}`);
	}
	for (const file of ALWAYS) if (!present.has(file)) problems.push(`missing: ${file}`);

	const listed = [...(packageJson.n8n?.nodes ?? []), ...(packageJson.n8n?.credentials ?? [])];
	if (listed.length === 0) problems.push('package.json lists no n8n nodes or credentials');
	for (const file of listed) {
		if (!present.has(file)) problems.push(`listed in package.json "n8n" but not packed: ${file}`);
	}
	// Each node ships beside its codex file and every icon its description names; each credential its icon.
	for (const file of packageJson.n8n?.nodes ?? []) {
		const codex = `${file}on`;
		if (!present.has(codex)) problems.push(`node without its codex file: ${codex}`);
		for (const icon of iconsOf(file)) {
			if (!present.has(icon)) problems.push(`icon named by ${path.basename(file)} not packed: ${icon}`);
		}
	}
	for (const file of packageJson.n8n?.credentials ?? []) {
		for (const icon of iconsOf(file)) {
			if (!present.has(icon)) problems.push(`icon named by ${path.basename(file)} not packed: ${icon}`);
		}
	}
	if (packageJson.main !== undefined && !present.has(path.posix.normalize(packageJson.main))) {
		problems.push(`"main" names a file that is not packed: ${packageJson.main}`);
	}
	return problems;
}

/** The JSON files the packed JavaScript requires by a relative path, as packed paths, each with one file that requires it. */
function requiredJson(files) {
	const required = new Map();
	for (const file of files) {
		if (!file.endsWith('.js')) continue;
		const absolute = path.join(root, file);
		if (!existsSync(absolute)) continue;
		const dir = path.posix.dirname(file);
		for (const match of readFileSync(absolute, 'utf8').matchAll(/require\(["'](\.{1,2}\/[^"']+\.json)["']\)/g)) {
			const json = path.posix.join(dir, match[1]);
			if (!required.has(json)) required.set(json, file);
		}
	}
	return required;
}

/** The `file:` icons a built node or credential names (light and dark), as packed paths. */
function iconsOf(builtFile) {
	const absolute = path.join(root, builtFile);
	if (!existsSync(absolute)) return [];
	const source = readFileSync(absolute, 'utf8');
	const dir = path.posix.dirname(builtFile);
	return [...new Set([...source.matchAll(/['"]file:([^'"]+\.(?:svg|png))['"]/g)].map((match) => path.posix.join(dir, match[1])))];
}

function main() {
	let files;
	try {
		files = packedFiles();
	} catch (error) {
		console.error(`pack check: ${error.message}`);
		process.exit(1);
	}
	const problems = check(files);
	if (problems.length > 0) {
		console.error(`pack check: ${problems.length} problem(s) in the ${files.length} packed files`);
		for (const problem of problems) console.error(`  ${problem}`);
		process.exit(1);
	}
	const nodes = packageJson.n8n.nodes.length;
	const credentials = packageJson.n8n.credentials.length;
	console.log(`pack check: ${files.length} files, ${nodes} nodes and ${credentials} credentials, nothing else`);
}

if (require.main === module) main();

module.exports = { check };
