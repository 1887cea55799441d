/**
 * `npm run bench`: runs every test/bench/*.bench.ts (or those named on the command line) and prints each
 * figure with its budget and its ratio to a baseline workload timed in the same process, so results from
 * machines of different speed can be compared. Figures are printed, never asserted.
 */
import { spawnSync } from 'child_process';
import { readdirSync } from 'fs';
import { basename, join } from 'path';

export type Report = (name: string, seconds: number, extra?: Record<string, unknown>) => void;

/** A fixed CPU-bound reference: sorting 1,000,000 pseudo-random doubles. */
function baselineSeconds(): number {
	const values = new Float64Array(1_000_000);
	let seed = 42;
	for (let i = 0; i < values.length; i++) {
		seed = (seed * 1103515245 + 12345) % 2147483648;
		values[i] = seed / 2147483648;
	}
	const started = process.hrtime.bigint();
	values.sort();
	return Number(process.hrtime.bigint() - started) / 1e9;
}

/** Runs one bench file in this process and prints its figures. */
async function runFile(file: string, baseline: number): Promise<void> {
	const area = basename(file, '.bench.ts');
	console.log(`# ${area} (baseline here: ${(baseline * 1000).toFixed(1)} ms)`);
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const bench = require(join(__dirname, file)) as { run: (report: Report) => Promise<void> };
	await bench.run((name, seconds, extra = {}) => {
		const { budgetSeconds, ...rest } = extra as { budgetSeconds?: number };
		const budget = typeof budgetSeconds === 'number' ? `budget ${budgetSeconds} s (${((seconds / budgetSeconds) * 100).toFixed(0)}% used)` : '';
		const details = Object.entries(rest)
			.map(([k, v]) => `${k}=${typeof v === 'number' ? +v.toFixed(4) : v}`)
			.join(' ');
		console.log(`  ${`${area}: ${name}: ${seconds.toFixed(3)} s, ${(seconds / baseline).toFixed(1)}x baseline ${budget} ${details}`.trim()}`);
	});
}

/**
 * Each bench file runs in a child process of its own, so one area's heap (a million items) does not
 * slow the garbage collector, or inflate the memory figures, of the next.
 */
async function main() {
	const single = process.env.BENCH_FILE;
	const baseline = Math.min(baselineSeconds(), baselineSeconds(), baselineSeconds());
	if (single) {
		await runFile(single, baseline);
		// n8n-core leaves module-level handles open after an engine run; the figures are printed.
		process.exit(0);
	}
	const only = process.argv.slice(2);
	const files = readdirSync(__dirname)
		.filter((f) => f.endsWith('.bench.ts'))
		.filter((f) => only.length === 0 || only.some((o) => f.startsWith(o)));
	console.log(`baseline (sort 1M doubles): ${(baseline * 1000).toFixed(1)} ms\n`);
	let failed = 0;
	for (const file of files) {
		const child = spawnSync(process.execPath, [...process.execArgv, __filename], {
			env: { ...process.env, BENCH_FILE: file },
			stdio: 'inherit',
		});
		if (child.status !== 0) failed++;
	}
	console.log(`\n${files.length} bench files run${failed ? `, ${failed} failed` : ''}`);
	if (failed) process.exitCode = 1;
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
