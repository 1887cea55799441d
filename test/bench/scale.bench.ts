import { spawnSync } from 'child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import type { Report } from './run';

/**
 * The large-base example (examples/large-base-churn-watch.json + its page workflow) in a real n8n
 * (regular mode: one `n8n start` for the pages, the parent in `n8n execute`) over 1,000,000 and
 * 10,000,000 customers generated in PostgreSQL (dropped afterwards). Prints one line per size:
 *   scale: <customers> customers, <pages> pages, <seconds> s, peak RSS <MB> MB, equal to one batch: yes|no
 * seconds: the parent execution, learn step to summary; peak RSS: the largest VmHWM of the n8n processes
 * (the parent and the server running the pages); equal to one batch: every customer's written row compared
 * with one batch over all customers (test/e2e/largeBase/oneBatch.ts). The page server runs with the heap limit
 * the README recommends (runLargeBase.js, HEAP_MB; LARGE_BASE_HEAP_MB=0 for none). BENCH_SCALE_SIZES=1000000,10000000
 * picks the sizes; N8N_VERSION the n8n (the current one by default); BENCH_NO_BUILD=1 skips the build.
 */
const ROOT = resolve(__dirname, '..', '..');

/* eslint-disable @typescript-eslint/no-require-imports */
const { ensureN8n } = require('../../scripts/n8n-runtime');
const { n8nEnv } = require('../e2e/n8nEnv');
const { createDatabase } = require('../e2e/services');
const { generateCustomers } = require('../e2e/largeBase/data');
const { runLargeBase, compareWithOneBatch, HEAP_MB } = require('../e2e/largeBase/runLargeBase');
/* eslint-enable @typescript-eslint/no-require-imports */

const PAGE_SIZE = 50_000;

export async function run(_report: Report): Promise<void> {
	const sizes = (process.env.BENCH_SCALE_SIZES ?? '1000000,10000000').split(',').map(Number);
	const n8n: string = await ensureN8n();
	if (process.env.BENCH_NO_BUILD !== '1') {
		const build = spawnSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' });
		if (build.status !== 0) throw new Error('npm run build failed');
	}
	const artifacts = join(ROOT, 'test', 'e2e', 'artifacts', 'scale');
	mkdirSync(artifacts, { recursive: true });
	const userFolder = mkdtempSync(join(tmpdir(), 'n8n-scale-'));
	const env = await n8nEnv({ userFolder });
	try {
		for (const customers of sizes) {
			const database = await createDatabase('care_scale');
			const { drop, ...dataDb } = database;
			try {
				const generated = Date.now();
				await generateCustomers(dataDb, customers);
				console.log(`  (${customers.toLocaleString('en-US')} customers generated in ${((Date.now() - generated) / 1000).toFixed(0)} s)`);
				const result = await runLargeBase({ n8n, env, root: ROOT, artifacts, dataDb, mode: 'regular', tag: `scale-${customers}`, log: () => undefined });
				if (!result.ok) throw new Error(`the workflow failed on ${customers} customers: ${result.problem}`);
				const comparison = await compareWithOneBatch(ROOT, dataDb);
				const equal = comparison.customers === customers && comparison.compared === customers && comparison.missing === 0 && comparison.mismatches === 0;
				const pages = result.summary.pages as number;
				const peak = Math.max(...(Object.values(result.peakRss) as number[]).filter((v) => v !== undefined));
				console.log(`  (peak RSS per process: ${Object.entries(result.peakRss).map(([name, mb]) => `${name} ${Math.round(Number(mb))} MB`).join(', ')}; pages of ${PAGE_SIZE}; page server heap limit ${HEAP_MB > 0 ? `${HEAP_MB} MB` : 'none'}${equal ? '' : `; comparison ${JSON.stringify(comparison)}`})`);
				console.log(`scale: ${customers} customers, ${pages} pages, ${result.seconds.toFixed(1)} s, peak RSS ${Math.round(peak)} MB, equal to one batch: ${equal ? 'yes' : 'no'}`);
			} finally {
				await drop();
			}
		}
	} finally {
		rmSync(userFolder, { recursive: true, force: true });
	}
}
