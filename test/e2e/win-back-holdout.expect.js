// Expectations for examples/win-back-holdout.json in a real n8n: at-risk customers from the sample data in
// PostgreSQL (context.sampleDb), Assign Holdout for campaign win-back-2026-03 (10%, stratified by silence),
// the win-back email to a loopback SMTP server for the treatment group only, the Postgres ledger in the sample
// database. Two executions run at once, as a rerun or a second worker would: the groups are the same in both
// and each email arrives once.
const assert = require('node:assert/strict');
const { resolve } = require('node:path');
const { query } = require('./sampleDb');

const AS_OF = '2026-03-02T09:00:00+08:00';
const CAMPAIGN = 'win-back-2026-03';
let smtp;

/** The at-risk customers and their group computed in SQL by the documented rule (SHA-256 of campaign NUL id, 53 bits). */
const atRiskWithSqlGroups = (context) =>
	query(
		context,
		`WITH last_order AS (SELECT customer_id, max(ordered_at) AS last_at FROM orders WHERE ordered_at <= $1::timestamptz GROUP BY customer_id)
		 SELECT c.customer_id, c.email,
		        CASE WHEN l.last_at >= $1::timestamptz - interval '180 days' THEN 'lapsing' ELSE 'lapsed' END AS silence,
		        CASE WHEN (('x' || substr(encode(sha256(convert_to($2, 'UTF8') || '\\x00'::bytea || convert_to(c.customer_id, 'UTF8')), 'hex'), 1, 14))::bit(56)::bigint >> 3) / 2^53 < 0.1
		             THEN 'holdout' ELSE 'treatment' END AS sql_group
		 FROM customers c JOIN last_order l USING (customer_id)
		 WHERE l.last_at <= $1::timestamptz - interval '60 days' AND l.last_at >= $1::timestamptz - interval '365 days' AND c.email IS NOT NULL
		 ORDER BY c.customer_id`,
		[AS_OF, CAMPAIGN],
	);

const assigned = (run) => [...run('Assign Holdout', 0), ...run('Assign Holdout', 1)];

module.exports = {
	runs: 2,

	async setup(context) {
		require('ts-node').register({ transpileOnly: true, project: resolve(context.root, 'tsconfig.json') });
		const { startSmtpServer } = require(resolve(context.root, 'test/helpers/providers'));
		smtp = await startSmtpServer();
		const [{ exists }] = await query(context, `SELECT to_regclass('care_message_ledger') IS NOT NULL AS exists`);
		if (exists) await query(context, `DELETE FROM care_message_ledger WHERE care_type = 'winBack'`);
		return () => smtp.close();
	},

	credentials(context) {
		return [
			{ id: 'careSmtp00000001', name: 'Care email (SMTP)', type: 'careSmtpApi', data: smtp.credentials },
			{ id: 'careLedgerPg0001', name: 'Care ledger (PostgreSQL)', type: 'carePostgresLedgerApi', data: { ...context.sampleDb, ssl: false } },
		];
	},

	checks: {
		'every at-risk customer leaves Assign Holdout once, in the group PostgreSQL computes from the documented hash': async ({ output, context }) => {
			const rows = await atRiskWithSqlGroups(context);
			assert.ok(rows.length > 500, `${rows.length} at-risk customers`);
			const items = assigned(output);
			assert.equal(items.length, rows.length);
			const byId = new Map(items.map((i) => [i.customerId, i.impact]));
			assert.equal(byId.size, rows.length);
			for (const row of rows) {
				const impact = byId.get(row.customer_id);
				assert.equal(impact.group, row.sql_group, row.customer_id);
				assert.equal(impact.stratum, row.silence, row.customer_id);
				assert.equal(impact.campaign, CAMPAIGN);
			}
			for (const i of output('Assign Holdout', 0)) assert.equal(i.impact.group, 'treatment');
			for (const i of output('Assign Holdout', 1)) assert.equal(i.impact.group, 'holdout');
		},
		'each stratum keeps the 10% holdout share (within 4 binomial standard deviations)': ({ output }) => {
			const items = assigned(output);
			for (const stratum of ['lapsing', 'lapsed']) {
				const members = items.filter((i) => i.impact.stratum === stratum);
				const share = members.filter((i) => i.impact.group === 'holdout').length / members.length;
				const sd = Math.sqrt((0.1 * 0.9) / members.length);
				assert.ok(members.length > 100, `${stratum}: ${members.length}`);
				assert.ok(Math.abs(share - 0.1) < 4 * sd, `${stratum}: ${share} of ${members.length}`);
			}
		},
		'both executions assign every customer to the same group': ({ runs }) => {
			const groups = (run) => Object.fromEntries(assigned(run).map((i) => [i.customerId, i.impact.group]));
			assert.deepEqual(groups(runs[1]), groups(runs[0]));
		},
		'only treatment customers are emailed, each at most once; every treatment customer leaves the send node once': ({ runs, output }) => {
			const holdoutEmails = new Set(output('Assign Holdout', 1).map((i) => i.email));
			const delivered = smtp.requests.filter((t) => t.result === 'delivered').flatMap((t) => t.to);
			assert.ok(delivered.length > 0);
			for (const to of delivered) assert.ok(!holdoutEmails.has(to), `holdout customer ${to} was emailed`);
			assert.deepEqual(smtp.duplicates(), []);
			const treatmentIds = output('Assign Holdout', 0).map((i) => i.customerId).sort();
			for (const run of runs) {
				const leaving = [0, 1, 2].flatMap((o) => run('Win-Back Email', o)).map((i) => i.customerId).sort();
				assert.deepEqual(leaving, treatmentIds);
			}
			const sent = runs.flatMap((run) => run('Win-Back Email', 0));
			assert.equal(sent.length, delivered.length);
			assert.deepEqual(output('Held Out (No Message)').map((i) => i.customerId).sort(), output('Assign Holdout', 1).map((i) => i.customerId).sort());
		},
	},
};
