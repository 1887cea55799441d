// The large-base example (examples/large-base-churn-watch.json and its page workflow
// examples/large-base-churn-page.json) over generated customers in PostgreSQL, in regular mode and in
// queue mode with two workers: every customer's written result must equal one batch over all customers
// (test/e2e/largeBase/oneBatch.ts); each n8n server's peak RSS must stay within its heap limit plus room
// for what is outside the heap; in queue mode both workers must have run pages and the main none.
// Size: LARGE_BASE_CUSTOMERS, else 1,000,000 on the current n8n and 100,000 on 2.8.x (regular mode only
// there: CI time); LARGE_BASE_MODES=regular,queue picks the modes.
const { check } = require('../recordCheck');
const assert = require('node:assert/strict');
const { createDatabase } = require('../services');
const { generateCustomers } = require('../largeBase/data');
const { runLargeBase, compareWithOneBatch, HEAP_MB } = require('../largeBase/runLargeBase');
const { runtimeFor } = require('../../../scripts/n8n-runtime');

const PAGE_SIZE = 50_000;
/** Room for what is not V8's heap: code, buffers, the pg driver's rows while they are read. */
const OUTSIDE_HEAP_MB = 512;

const mb = (value) => (value === undefined ? 'gone' : `${Math.round(value)} MB`);

async function run({ n8n, env, record, root, artifacts }) {
	const { version } = runtimeFor();
	const oldest = version.startsWith('2.8.');
	const customers = Number(process.env.LARGE_BASE_CUSTOMERS || (oldest ? 100_000 : 1_000_000));
	const modes = (process.env.LARGE_BASE_MODES || (oldest ? 'regular' : 'regular,queue')).split(',');
	const database = await createDatabase('care_large_base');
	const { drop, ...dataDb } = database;
	try {
		let t0 = Date.now();
		await generateCustomers(dataDb, customers);
		console.log(`    ${customers.toLocaleString('en-US')} customers generated in PostgreSQL in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
		for (const mode of modes) {
			t0 = Date.now();
			const result = await runLargeBase({ n8n, env, root, artifacts, dataDb, mode, log: (line) => console.log(`    ${line}`) });
			const label = `${mode} mode${mode === 'queue' ? ' (main + 2 workers)' : ''}`;
			record(result.ok, `${label}: the parent workflow runs ${customers.toLocaleString('en-US')} customers in pages of ${PAGE_SIZE.toLocaleString('en-US')} (${result.seconds?.toFixed(0)} s; with n8n execute's start-up ${result.commandSeconds.toFixed(0)} s)`, result.problem);
			if (!result.ok) continue;
			const pages = Math.ceil(customers / PAGE_SIZE);
			await check(record, `${label}: one summary item, ${pages} pages, every customer written once`, () => {
				assert.equal(result.summary.pages, pages);
				assert.equal(result.summary.customers, customers);
				assert.equal(result.summary.model.customersUsed, customers);
			});
			await check(record, `${label}: every customer's segment and churn result equals one batch over all customers`, async () => {
				const t = Date.now();
				const comparison = await compareWithOneBatch(root, dataDb);
				assert.equal(comparison.customers, customers);
				assert.deepEqual({ missing: comparison.missing, mismatches: comparison.mismatches, examples: comparison.examples }, { missing: 0, mismatches: 0, examples: [] });
				assert.equal(comparison.compared, customers);
				return `${comparison.compared.toLocaleString('en-US')} rows compared in ${((Date.now() - t) / 1000).toFixed(0)} s`;
			});
			// The heap limit bounds what V8 keeps (a run that kept anything per page would die of "heap out of
			// memory"); this bounds the rest (code, buffers, memory outside the heap), whatever the number of pages.
			if (HEAP_MB > 0) {
				await check(record, `${label}: every n8n server's peak RSS within its heap limit + ${OUTSIDE_HEAP_MB} MB (${HEAP_MB + OUTSIDE_HEAP_MB} MB), whatever the number of pages`, () => {
					const servers = Object.entries(result.peakRss).filter(([name]) => name !== 'parent');
					const over = servers.filter(([, value]) => !(value <= HEAP_MB + OUTSIDE_HEAP_MB));
					assert.deepEqual(over.map(([name, value]) => `${name} ${mb(value)}`), []);
					return servers.map(([name, value]) => `${name} ${mb(value)}`).join(', ');
				});
			} else {
				console.log(`    ${label}: no heap limit (LARGE_BASE_HEAP_MB=0), so no memory bound is checked`);
			}
			const rss = Object.entries(result.peakRss).map(([name, value]) => `${name} ${mb(value)}`).join(', ');
			console.log(`    ${label}: peak RSS ${rss}; ${((Date.now() - t0) / 1000).toFixed(0)} s with start-up and comparison`);
			if (mode === 'queue') {
				await check(record, `${label}: both workers ran pages, the main none`, () => {
					const counts = result.workerExecutions;
					assert.ok(counts.every((w) => w.executions > 0), `page executions per worker: ${JSON.stringify(counts)}`);
					assert.equal(counts.reduce((sum, w) => sum + w.executions, 0), pages);
					assert.equal(result.mainRanPages, false, 'the main ran executions itself');
					return counts.map((w) => `${w.name}: ${w.executions}`).join(', ');
				});
			}
		}
	} finally {
		await drop();
	}
}

module.exports = { run };
