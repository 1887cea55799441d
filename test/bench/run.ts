/**
 * `npm run bench`: runs every test/bench/*.bench.ts (or those named on the command line) and prints each
 * figure with its budget and its ratio to a baseline workload timed in the same process, so results from
 * machines of different speed can be compared. Figures are printed, never asserted.
 */
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

async function main() {
	const only = process.argv.slice(2);
	const files = readdirSync(__dirname)
		.filter((f) => f.endsWith('.bench.ts'))
		.filter((f) => only.length === 0 || only.some((o) => f.startsWith(o)));
	const baseline = Math.min(baselineSeconds(), baselineSeconds(), baselineSeconds());
	console.log(`baseline (sort 1M doubles): ${(baseline * 1000).toFixed(1)} ms\n`);
	const rows: string[] = [];
	for (const file of files) {
		const area = basename(file, '.bench.ts');
		console.log(`# ${area}`);
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const bench = require(join(__dirname, file)) as { run: (report: Report) => Promise<void> };
		await bench.run((name, seconds, extra = {}) => {
			const { budgetSeconds, ...rest } = extra as { budgetSeconds?: number };
			const budget = typeof budgetSeconds === 'number' ? `budget ${budgetSeconds} s (${((seconds / budgetSeconds) * 100).toFixed(0)}% used)` : '';
			const details = Object.entries(rest)
				.map(([k, v]) => `${k}=${typeof v === 'number' ? +v.toFixed(4) : v}`)
				.join(' ');
			const line = `${area}: ${name}: ${seconds.toFixed(3)} s, ${(seconds / baseline).toFixed(1)}x baseline ${budget} ${details}`.trim();
			console.log(`  ${line}`);
			rows.push(line);
		});
	}
	console.log(`\n${rows.length} figures`);
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
