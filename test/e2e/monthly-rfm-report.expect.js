// Expectations for examples/monthly-rfm-report.json in a real n8n: the orders of the 12 months before
// 2026-03-02 09:00 Shanghai from the sample database (context.sampleDb), RFM by Segment Customer, one
// report to a loopback Feishu bot that checks the signature, the Postgres ledger in the sample database.
// The segment counts are recomputed here in SQL from the README's rule: each of recency (reversed),
// frequency (distinct Shanghai days with an order) and spend scores 1 + floor(5 × (below + equal / 2) / n),
// and the R × F grid names the segment.
const assert = require('node:assert/strict');
const { spawn } = require('node:child_process');
const { resolve } = require('node:path');
const { query } = require('./sampleDb');
const { freePort } = require('./services');

const AS_OF = '2026-03-02T09:00:00+08:00';
const LEDGER = 'care_report_ledger';
const LABELS = {
	champions: '冠军客户',
	loyalCustomers: '忠诚客户',
	potentialLoyalists: '潜在忠诚客户',
	newCustomers: '新客户',
	promising: '有潜力客户',
	needAttention: '需要关注客户',
	aboutToSleep: '即将沉睡客户',
	atRisk: '流失风险客户',
	cantLoseThem: '不能失去的客户',
	hibernating: '沉睡客户',
};

const SEGMENTS_SQL = `
WITH recent AS (
  SELECT customer_id, ordered_at, amount FROM orders
  WHERE ordered_at > $1::timestamptz - interval '12 months' AND ordered_at <= $1::timestamptz
), per_customer AS (
  SELECT customer_id, $1::timestamptz - max(ordered_at) AS recency,
         count(DISTINCT (ordered_at AT TIME ZONE 'Asia/Shanghai')::date) AS frequency, sum(amount) AS monetary
  FROM recent GROUP BY customer_id
), scored AS (
  SELECT customer_id,
    least(5, 1 + floor(5 * ((rank() OVER (ORDER BY recency DESC) - 1) + count(*) OVER (PARTITION BY recency) / 2.0) / count(*) OVER ())) AS r,
    least(5, 1 + floor(5 * ((rank() OVER (ORDER BY frequency) - 1) + count(*) OVER (PARTITION BY frequency) / 2.0) / count(*) OVER ())) AS f,
    sum(monetary) OVER () AS total_revenue, monetary
  FROM per_customer
), named AS (
  SELECT CASE
    WHEN r = 5 AND f = 1 THEN 'newCustomers' WHEN r = 5 AND f <= 3 THEN 'potentialLoyalists' WHEN r = 5 THEN 'champions'
    WHEN r = 4 AND f = 1 THEN 'promising' WHEN r = 4 AND f <= 3 THEN 'potentialLoyalists' WHEN r = 4 THEN 'loyalCustomers'
    WHEN r = 3 AND f <= 2 THEN 'aboutToSleep' WHEN r = 3 AND f = 3 THEN 'needAttention' WHEN r = 3 THEN 'loyalCustomers'
    WHEN f <= 2 THEN 'hibernating' WHEN f <= 4 THEN 'atRisk' ELSE 'cantLoseThem' END AS key, monetary
  FROM scored
)
SELECT key, count(*)::int AS customers, sum(monetary)::float8 AS revenue FROM named GROUP BY key ORDER BY key`;

let feishu;

/** Runs the imported workflow once more, as next month's schedule would in the same month. */
function executeAgain(context) {
	return new Promise(async (done, fail) => {
		const { ensureN8n } = require('../../scripts/n8n-runtime');
		const n8n = await ensureN8n();
		const env = { ...context.env, N8N_RUNNERS_BROKER_PORT: String(await freePort()) };
		const child = spawn(n8n, ['execute', `--id=${context.workflow.id}`], { env, cwd: context.root });
		let output = '';
		child.stdout.on('data', (d) => (output += d));
		child.stderr.on('data', (d) => (output += d));
		const timer = setTimeout(() => child.kill('SIGKILL'), 240_000);
		child.on('error', fail);
		child.on('close', (code) => {
			clearTimeout(timer);
			done({ code, output });
		});
	});
}

module.exports = {
	async setup(context) {
		require('ts-node').register({ transpileOnly: true, project: resolve(context.root, 'tsconfig.json') });
		const { startFeishuServer } = require(resolve(context.root, 'test/helpers/providers'));
		feishu = await startFeishuServer();
		await query(context, `DROP TABLE IF EXISTS ${LEDGER}`);
		return async () => {
			await feishu.close();
			await query(context, `DROP TABLE IF EXISTS ${LEDGER}`);
		};
	},

	credentials(context) {
		const { host, port, database, user, password } = context.sampleDb;
		return [
			{ id: 'careFeishu000001', name: 'Care report (Feishu)', type: 'careFeishuBotApi', data: feishu.credentials },
			{ id: 'careLedgerPg0001', name: 'Care ledger (PostgreSQL)', type: 'carePostgresLedgerApi', data: { host, port, database, user, password, ssl: false } },
		];
	},

	checks: {
		'the Summary output has the segment counts and revenue of an RFM computed directly in SQL': async ({ output, context }) => {
			const expected = await query(context, SEGMENTS_SQL, [AS_OF]);
			const summary = output('Segment Customer', 1);
			const customers = output('Segment Customer', 0);
			assert.equal(customers.length, expected.reduce((n, row) => n + row.customers, 0));
			assert.ok(customers.length > 1000, `${customers.length} customers bought in the last 12 months`);
			assert.ok(!summary.some((row) => row.key === 'rejected'), 'no order was rejected');
			assert.deepEqual(
				summary.map((row) => [row.key, row.label, row.customers]).sort(),
				expected.map((row) => [row.key, LABELS[row.key], row.customers]).sort(),
			);
			for (const row of summary) {
				const sql = expected.find((e) => e.key === row.key);
				assert.ok(Math.abs(row.revenue - sql.revenue) < 0.01, `${row.key} revenue ${row.revenue} vs ${sql.revenue} in SQL`);
			}
		},
		'Feishu received exactly one report, with every segment and its count': async ({ context }) => {
			const expected = await query(context, SEGMENTS_SQL, [AS_OF]);
			assert.equal(feishu.deliveries.length, 1);
			assert.deepEqual(feishu.duplicates(), []);
			const [report] = feishu.deliveries;
			const total = expected.reduce((n, row) => n + row.customers, 0);
			assert.match(report.text, new RegExp(`^月度 RFM 客户分层报告（2026-03）`));
			assert.ok(report.text.includes(`截至 2026-03-02，近 12 个月有购买的客户 ${total} 人`), report.text);
			for (const row of expected) {
				assert.ok(report.text.includes(`\n${LABELS[row.key]}：${row.customers} 人（`), `${LABELS[row.key]} ${row.customers} in:\n${report.text}`);
			}
			const segmentLines = report.text.split('\n').filter((line) => / 人（/.test(line));
			assert.equal(segmentLines.length, expected.length, report.text);
		},
		'the ledger holds the month key as sent; running again in the same month posts nothing new': async ({ output, context }) => {
			const [sent] = output('Post to Feishu', 0);
			assert.equal(sent.care.key, 'rfm-report:monthlyRfmReport:feishu:2026-03');
			const again = await executeAgain(context);
			assert.equal(again.code, 0, again.output.slice(-2000));
			assert.equal(feishu.deliveries.length, 1, 'the second run posted again');
			const ledger = await query(context, `SELECT key, status FROM ${LEDGER} ORDER BY key`);
			assert.deepEqual(ledger, [{ key: 'rfm-report:monthlyRfmReport:feishu:2026-03', status: 'sent' }]);
		},
	},
};
