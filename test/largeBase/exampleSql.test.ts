import { readFileSync } from 'fs';
import { join } from 'path';
import { Client } from 'pg';
import { dateMsReaderNotAfter } from '../../nodes/shared/input';
import { compress } from '../../nodes/shared/models';
import { learnRfmCutPoints, learnRfmCutPointsFromHistograms, readHistogramRows } from '../../nodes/shared/segments';
import { describeWithService } from '../helpers/services';

/* eslint-disable @typescript-eslint/no-require-imports */
const { createDatabase } = require('../e2e/services') as { createDatabase: (prefix: string) => Promise<Record<string, unknown> & { drop: () => Promise<void> }> };
const { AS_OF, generateCustomers } = require('../e2e/largeBase/data') as { AS_OF: string; generateCustomers: (db: unknown, n: number) => Promise<void> };
/* eslint-enable @typescript-eslint/no-require-imports */

/**
 * The SQL of examples/large-base-churn-watch.json and its page workflow, word for word, on PostgreSQL
 * over the generated test data: the learn step's GROUP BY rows teach what the customers one by one do,
 * the key-range pages cover every customer exactly once, and the write-back is one upsert answering a count.
 */
type Workflow = { nodes: Array<{ name: string; parameters: { query?: string } }> };
const read = (name: string): Workflow => JSON.parse(readFileSync(join(__dirname, '..', '..', 'examples', `${name}.json`), 'utf8')) as Workflow;
const queryOf = (workflow: Workflow, node: string) => {
	const query = workflow.nodes.find((n) => n.name === node)?.parameters.query;
	if (!query) throw new Error(`no query in node "${node}"`);
	return query;
};
const watch = read('large-base-churn-watch');
const page = read('large-base-churn-page');
const CUSTOMERS = 120_001;

describeWithService('postgres')('the large-base example SQL on PostgreSQL', () => {
	let db: Record<string, unknown> & { drop: () => Promise<void> };
	let client: Client;
	beforeAll(async () => {
		db = await createDatabase('care_example_sql');
		const { drop, ...connection } = db;
		await generateCustomers(connection, CUSTOMERS);
		client = new Client(connection);
		await client.connect();
	}, 120_000);
	afterAll(async () => {
		await client?.end();
		await db?.drop();
	});

	/** Every customer, page by page, as the page workflow's Read Page query returns them. */
	async function pages() {
		const bounds = (await client.query(queryOf(watch, 'Page Bounds'))).rows;
		const customers: Array<Record<string, unknown>> = [];
		const sizes: number[] = [];
		for (const b of bounds) {
			const { rows } = await client.query(queryOf(page, 'Read Page'), [b.after, b.upTo]);
			sizes.push(rows.length);
			customers.push(...rows);
		}
		return { bounds, sizes, customers };
	}

	it('pages of 50,000 by key range cover every customer once, in order', async () => {
		const { bounds, sizes, customers } = await pages();
		expect(bounds.map((b) => b.page)).toEqual([0, 1, 2]);
		expect(sizes).toEqual([50_000, 50_000, 20_001]);
		expect(customers.map((c) => c.customerId)).toEqual(Array.from({ length: CUSTOMERS }, (_, i) => i + 1));
	}, 60_000);

	it('the histograms and the grouped rows teach what the customers one by one do', async () => {
		const { customers } = await pages();
		const asOf = new Date(`${AS_OF}T00:00:00Z`);
		const readMs = dateMsReaderNotAfter(asOf, { timeZone: 'UTC' });
		const day = (text: unknown) => readMs(text, 'date') / 86_400_000;
		const oneByOne = learnRfmCutPoints(
			{
				recencyDays: Float64Array.from(customers, (c) => asOf.getTime() / 86_400_000 - day(c.lastPurchaseAt)),
				frequency: Float64Array.from(customers, (c) => Number(c.orderCount)),
				monetary: Float64Array.from(customers, (c) => Number(c.totalSpend)),
			},
			5,
		);
		const histogramRows = (await client.query(queryOf(watch, 'Value Histograms'))).rows;
		const histograms = readHistogramRows(histogramRows, { measure: 'measure', value: 'value', count: 'count' }, { asOf, timeZone: 'UTC' });
		expect(learnRfmCutPointsFromHistograms(histograms, 5)).toEqual(oneByOne);

		const groups = (await client.query(queryOf(watch, 'Churn Groups'))).rows;
		expect(groups.length).toBeLessThan(CUSTOMERS / 10);
		expect(new Set(groups.map((g) => g.id)).size).toBe(groups.length);
		const grouped = compress({ x: groups.map((g) => g.x), tx: groups.map((g) => g.tx), T: groups.map((g) => g.T) }, groups.map((g) => Number(g.customers)));
		const all = compress({
			x: customers.map((c) => Number(c.orderCount) - 1),
			tx: customers.map((c) => day(c.lastPurchaseAt) - day(c.firstPurchaseAt)),
			T: customers.map((c) => asOf.getTime() / 86_400_000 - day(c.firstPurchaseAt)),
		});
		expect([grouped.customers, grouped.x, grouped.tx, grouped.T, grouped.weight]).toEqual([all.customers, all.x, all.tx, all.T, all.weight]);
	}, 60_000);

	it('the write-back is one upsert that answers with a count and updates on a re-run', async () => {
		// One list per column, as the page's Aggregate node (Page Rows) gives them.
		const rows = (probability: number) =>
			JSON.stringify({ customer_id: [1, 2, 3], segment_key: ['champions', 'champions', 'lost'], rfm_code: ['555', '545', '111'], probability_alive: [probability, 0.1234, null], expected_purchases: [1.5, 0, null], risk_level: ['low', 'high', 'critical'] });
		const write = queryOf(page, 'Write Results');
		expect((await client.query(write, [rows(0.25)])).rows).toEqual([{ written: 3 }]);
		expect((await client.query(write, [rows(0.75)])).rows).toEqual([{ written: 3 }]);
		const stored = (await client.query('SELECT customer_id, segment_key, rfm_code, probability_alive, expected_purchases, risk_level FROM customer_care_scores ORDER BY customer_id')).rows;
		expect(stored).toEqual([
			{ customer_id: 1, segment_key: 'champions', rfm_code: '555', probability_alive: 0.75, expected_purchases: 1.5, risk_level: 'low' },
			{ customer_id: 2, segment_key: 'champions', rfm_code: '545', probability_alive: 0.1234, expected_purchases: 0, risk_level: 'high' },
			{ customer_id: 3, segment_key: 'lost', rfm_code: '111', probability_alive: null, expected_purchases: null, risk_level: 'critical' },
		]);
	});
});
