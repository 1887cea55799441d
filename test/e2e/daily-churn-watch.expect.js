// Expectations for examples/daily-churn-watch.json in a real n8n: the sample data in PostgreSQL
// (examples/data/seed.sql, loaded by run.js into context.sampleDb), the owners' WeCom group a loopback
// server that enforces WeCom's robot contract, the care ledger in the same database. As of
// 2026-03-02 09:00 Shanghai (a Monday). Two executions run at once, as a re-run or a second worker would.
const assert = require('node:assert/strict');
const { resolve } = require('node:path');
const { query } = require('./sampleDb');

const AS_OF_DAY = '2026-03-02';
let wecom;

/** Every customer as the first execution left it: at-risk ones after Schedule Revisit, healthy ones after Detect Churn Risk. */
const allCustomers = (output) => [...output('Schedule Revisit', 0), ...output('Detect Churn Risk', 1)];

module.exports = {
	runs: 2,

	async setup(context) {
		require('ts-node').register({ transpileOnly: true, project: resolve(context.root, 'tsconfig.json') });
		const { startWeComServer } = require(resolve(context.root, 'test/helpers/providers'));
		wecom = await startWeComServer({ perMinuteLimit: 20 });
		await query(context, 'TRUNCATE customer_care_status');
		await query(context, 'DROP TABLE IF EXISTS care_message_ledger');
		return () => wecom.close();
	},

	credentials(context) {
		return [
			{ id: 'careWecom0000001', name: "Owners' WeCom group", type: 'careWecomRobotApi', data: wecom.credentials },
			{ id: 'careLedgerPg0001', name: 'Care ledger (PostgreSQL)', type: 'carePostgresLedgerApi', data: { ...context.sampleDb, ssl: false } },
		];
	},

	checks: {
		'every customer with orders is segmented and scored; each leaves Detect Churn Risk once': async ({ output, context }) => {
			const [{ n }] = await query(context, 'SELECT count(DISTINCT customer_id)::int AS n FROM orders');
			assert.equal(output('Segment Customer').length, n);
			const ids = allCustomers(output).map((i) => i.customerId);
			assert.equal(ids.length, n);
			assert.equal(new Set(ids).size, n);
			const model = output('Detect Churn Risk', 2)[0];
			assert.equal(model.converged, true);
			assert.equal(model.customersUsed, n);
		},
		'story customers: segment, risk and revisit as the data says': ({ output }) => {
			const byId = Object.fromEntries(allCustomers(output).map((i) => [i.customerId, i]));
			// C0001 buys every 9 days, last on 27 Feb: a champion, not at risk, no revisit.
			assert.equal(byId.C0001.segment.key, 'champions');
			assert.ok(['low', 'medium'].includes(byId.C0001.churn.riskLevel), byId.C0001.churn.riskLevel);
			assert.equal(byId.C0001.revisit, undefined);
			// C0007 bought weekly for 21 months and stopped on 10 Oct: critical, an urgent call today by its account manager.
			assert.equal(byId.C0007.churn.riskLevel, 'critical');
			assert.equal(byId.C0007.revisit.priority, 'urgent');
			assert.equal(byId.C0007.revisit.owner, 'AM02');
			assert.equal(byId.C0007.revisit.ownerSource, 'accountManager');
			assert.equal(byId.C0007.revisit.dueDate, AS_OF_DAY);
			// C0008 bought once in May 2024: at risk because a one-time buyer silent for 668 days.
			assert.ok(byId.C0008.churn.reasons.some((r) => r.includes('仅购买过一次') && r.includes('668')), byId.C0008.churn.reasons.join(' | '));
		},
		'customer_care_status holds one row per customer equal to the node results (a second run updated, not duplicated)': async ({ output, context }) => {
			const rows = await query(
				context,
				`SELECT customer_id, segment_key, churn_level, churn_probability, revisit_due_at, revisit_owner FROM customer_care_status ORDER BY customer_id`,
			);
			const customers = allCustomers(output).sort((a, b) => a.customerId.localeCompare(b.customerId));
			assert.equal(rows.length, customers.length);
			for (const [i, item] of customers.entries()) {
				const row = rows[i];
				assert.equal(row.customer_id, item.customerId);
				assert.equal(row.segment_key, item.segment.key, item.customerId);
				assert.equal(row.churn_level, item.churn.riskLevel, item.customerId);
				assert.equal(row.churn_probability, item.churn.churnProbability, item.customerId);
				const due = item.revisit?.status === 'scheduled' ? Date.parse(item.revisit.dueAt) : null;
				assert.equal(row.revisit_due_at === null ? null : row.revisit_due_at.getTime(), due, item.customerId);
				assert.equal(row.revisit_owner, item.revisit?.owner ?? null, item.customerId);
			}
		},
		"no owner gets more revisits on a day than the capacity in account_managers; none on China's holidays": async ({ output, context }) => {
			const capacity = Object.fromEntries((await query(context, 'SELECT manager_id, daily_capacity FROM account_managers')).map((r) => [r.manager_id, r.daily_capacity]));
			const load = {};
			for (const { revisit } of output('Schedule Revisit', 0)) {
				if (revisit.status !== 'scheduled') {
					assert.equal(revisit.status, 'unschedulable');
					assert.ok(revisit.unschedulableBecause, 'an unschedulable revisit says why');
					continue;
				}
				assert.ok(revisit.dueDate >= AS_OF_DAY, revisit.dueDate);
				// 清明 2026-04-04..06 and 劳动节 2026-05-01..05 are closed days.
				assert.ok(!/^2026-04-0[4-6]$|^2026-05-0[1-5]$/.test(revisit.dueDate), revisit.dueDate);
				const key = `${revisit.owner} ${revisit.dueDate}`;
				load[key] = (load[key] ?? 0) + 1;
			}
			for (const [key, count] of Object.entries(load)) assert.ok(count <= capacity[key.split(' ')[0]], `${key}: ${count}`);
			const agenda = output('Schedule Revisit', 1);
			assert.equal(agenda.reduce((sum, a) => sum + a.count, 0), Object.values(load).reduce((a, b) => a + b, 0));
		},
		"the WeCom group got today's agenda of each owner exactly once, although two executions ran": async ({ output, runs, context }) => {
			const today = output('Schedule Revisit', 1).filter((a) => a.date === AS_OF_DAY);
			assert.ok(today.length > 0);
			assert.deepEqual(wecom.duplicates(), []);
			assert.equal(wecom.deliveries.length, today.length);
			for (const agenda of today) {
				const received = wecom.deliveries.filter((d) => d.text.includes(`${agenda.owner} ${AS_OF_DAY}`));
				assert.equal(received.length, 1, agenda.owner);
				for (const customer of agenda.customers) assert.ok(received[0].text.includes(customer.customerId), `${agenda.owner}: ${customer.customerId}`);
			}
			// The executions run at once: for each owner one sends the agenda; the other finds it sent (Skipped,
			// duplicate) or still being sent (Failed, CLAIM_UNRESOLVED since the sender's claim), never both silent.
			const claimedAt = Object.fromEntries(
				(await query(context, 'SELECT key, claimed_at FROM care_message_ledger')).map((r) => [r.key, r.claimed_at.getTime()]),
			);
			for (const run of runs) assert.equal([0, 1, 2].reduce((n, out) => n + run('Agenda to WeCom', out).length, 0), today.length, 'each agenda leaves once per run');
			for (const agenda of today) {
				const outcomes = runs.map((run) => {
					const [sent, skipped, failed] = [0, 1, 2].map((out) => run('Agenda to WeCom', out).filter((i) => i.owner === agenda.owner));
					assert.equal(sent.length + skipped.length + failed.length, 1, agenda.owner);
					if (sent.length === 1) return 'sent';
					if (skipped.length === 1) {
						const { care } = skipped[0];
						assert.equal(care.reason, 'duplicate', agenda.owner);
						assert.equal(care.previous.status, 'sent', agenda.owner);
						assert.equal(Date.parse(care.previous.claimedAt), claimedAt[care.key], agenda.owner);
						return 'duplicate';
					}
					const { care } = failed[0];
					assert.deepEqual([care.code, care.outcome, care.retryable], ['CLAIM_UNRESOLVED', 'unknown', false], `${agenda.owner}: ${care.message}`);
					assert.equal(Date.parse(care.unknownSince), claimedAt[care.key], `${agenda.owner}: unknownSince is the sending run's claim`);
					return 'CLAIM_UNRESOLVED';
				});
				assert.ok(['duplicate,sent', 'CLAIM_UNRESOLVED,sent'].includes([...outcomes].sort().join()), `${agenda.owner}: ${outcomes}`);
			}
		},
		'the ledger records each agenda as sent once': async ({ output, context }) => {
			const rows = await query(context, `SELECT status, count(*)::int AS n FROM care_message_ledger GROUP BY status`);
			const today = output('Schedule Revisit', 1).filter((a) => a.date === AS_OF_DAY).length;
			assert.deepEqual(rows, [{ status: 'sent', n: today }]);
		},
	},
};
