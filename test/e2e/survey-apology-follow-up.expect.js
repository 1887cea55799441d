// Expectations for examples/survey-apology-follow-up.json in a real n8n: the survey answers of the sample
// data in PostgreSQL (context.sampleDb), apologies to a loopback SMTP server and a loopback Aliyun server
// (signatures, approved templates), the daily report to a loopback Feishu bot (signed), the Postgres ledger in
// the sample database. As of 2026-03-02 09:00 Shanghai (a Monday). Two executions run at once, as a rerun or a
// second worker would: every apology and the report arrive once.
const assert = require('node:assert/strict');
const { resolve } = require('node:path');
const { query } = require('./sampleDb');

const AS_OF = '2026-03-02T09:00:00+08:00';
// Monday 2 March and the two business days after it on mainland China's calendar (no holiday or 调休 that week).
const OPEN_DAYS_WITHIN_TWO = ['2026-03-02', '2026-03-03', '2026-03-04'];
const SEND_NODES = ['Apology Email', 'Apology SMS'];
// The approved Aliyun templates the SMS nodes name (the demo's loopback Aliyun server knows the same).
const SMS_TEMPLATES = require('../../examples/data/aliyun-sms-templates.json');
let smtp;
let aliyun;
let feishu;

/** The poor answers of the 30 days before the as-of, straight from SQL. */
const poorAnswers = (context) =>
	query(
		context,
		`SELECT r.response_id, r.customer_id, c.email, c.phone, c.account_manager
		 FROM survey_responses r JOIN customers c USING (customer_id)
		 WHERE r.answered_at > $1::timestamptz - interval '30 days' AND r.answered_at <= $1::timestamptz AND (r.nps <= 6 OR r.expectation = 'below')
		 ORDER BY r.response_id`,
		[AS_OF],
	);
const leaving = (run, output) => SEND_NODES.flatMap((node) => run(node, output).map((item) => ({ ...item, node })));

module.exports = {
	runs: 2,

	async setup(context) {
		require('ts-node').register({ transpileOnly: true, project: resolve(context.root, 'tsconfig.json') });
		const { startSmtpServer, startAliyunSmsServer, startFeishuServer } = require(resolve(context.root, 'test/helpers/providers'));
		smtp = await startSmtpServer();
		aliyun = await startAliyunSmsServer({ templates: SMS_TEMPLATES });
		feishu = await startFeishuServer();
		const [{ exists }] = await query(context, `SELECT to_regclass('care_message_ledger') IS NOT NULL AS exists`);
		if (exists) await query(context, `DELETE FROM care_message_ledger WHERE care_type IN ('apology', 'surveyReport')`);
		return async () => {
			await smtp.close();
			await aliyun.close();
			await feishu.close();
		};
	},

	credentials(context) {
		return [
			{ id: 'careSmtp00000001', name: 'Care email (SMTP)', type: 'careSmtpApi', data: smtp.credentials },
			{ id: 'careAliyunSms001', name: 'Care SMS (Aliyun)', type: 'careAliyunSmsApi', data: aliyun.credentials },
			{ id: 'careFeishu000001', name: 'Care report (Feishu)', type: 'careFeishuBotApi', data: feishu.credentials },
			{ id: 'careLedgerPg0001', name: 'Care ledger (PostgreSQL)', type: 'carePostgresLedgerApi', data: { ...context.sampleDb, ssl: false } },
		];
	},

	checks: {
		'every answer of the last 30 days is scored; the filter keeps exactly the detractors and "below" answers': async ({ output, context }) => {
			const [{ n }] = await query(context, `SELECT count(*)::int AS n FROM survey_responses WHERE answered_at > $1::timestamptz - interval '30 days' AND answered_at <= $1::timestamptz`, [AS_OF]);
			assert.ok(n > 50, `${n} answers`);
			assert.equal(output('Score Satisfaction', 0).length, n);
			const kept = output('Detractor or Below Expectations').map((i) => i.responseId).sort();
			assert.deepEqual(kept, (await poorAnswers(context)).map((r) => r.response_id));
			const byCustomer = Object.fromEntries(output('Score Satisfaction', 0).map((i) => [i.customerId, i]));
			assert.equal(byCustomer.C0009.satisfaction.nps.category, 'detractor');
			assert.equal(byCustomer.C0010.satisfaction.nps.category, 'passive');
			assert.ok(kept.includes(byCustomer.C0010.responseId), 'a passive answer below expectations is kept');
			assert.ok(!kept.includes(byCustomer.C0011.responseId), 'a promoter is not');
			assert.ok(!kept.includes(byCustomer.C0001.responseId));
		},
		'each poor answer gets one apology in all: C0009 by SMS, C0010 by email (passive but below)': async ({ runs, context }) => {
			const poor = await poorAnswers(context);
			const sent = runs.flatMap((run) => leaving(run, 0));
			const byResponse = Object.fromEntries(sent.map((i) => [i.responseId, i]));
			const claimedAt = Object.fromEntries(
				(await query(context, `SELECT key, claimed_at FROM care_message_ledger WHERE care_type = 'apology'`)).map((r) => [r.key, r.claimed_at.getTime()]),
			);
			// The two runs go at once: every poor answer is sent by one run; the other finds it sent (Skipped,
			// duplicate) or still being sent (Failed, CLAIM_UNRESOLVED since the sender's claim). Customers who opted
			// out or for whom it is night are skipped for that reason by both.
			for (const answer of poor) {
				const outcomes = runs.map((run) => {
					const [s, k, f] = [0, 1, 2].map((out) => leaving(run, out).filter((i) => i.responseId === answer.response_id));
					assert.equal(s.length + k.length + f.length, 1, `${answer.response_id} leaves once per run`);
					if (s.length === 1) return 'sent';
					if (k.length === 1) {
						if (k[0].care.reason === 'duplicate') assert.equal(Date.parse(k[0].care.previous.claimedAt), claimedAt[k[0].care.key], answer.response_id);
						return k[0].care.reason;
					}
					const { care } = f[0];
					assert.deepEqual([care.code, care.outcome, care.retryable], ['CLAIM_UNRESOLVED', 'unknown', false], `${answer.response_id}: ${care.message}`);
					assert.equal(Date.parse(care.unknownSince), claimedAt[care.key], `${answer.response_id}: unknownSince is the sending run's claim`);
					return care.code;
				});
				assert.ok(
					['duplicate,sent', 'CLAIM_UNRESOLVED,sent', 'noConsent,noConsent', 'quietHours,quietHours'].includes([...outcomes].sort().join()),
					`${answer.response_id}: ${outcomes}`,
				);
			}
			const notSentHere = runs.flatMap((run) => [...leaving(run, 1).filter((i) => i.care.reason === 'duplicate'), ...leaving(run, 2)]);
			assert.equal(notSentHere.length, sent.length, 'the run that did not send an apology reports it');
			const c9 = sent.find((i) => i.customerId === 'C0009');
			assert.equal(c9.node, 'Apology SMS');
			const c10 = sent.find((i) => i.customerId === 'C0010');
			assert.equal(c10.node, 'Apology Email');
			assert.equal(c10.care.key, `apology:${c10.responseId}`);
			assert.equal(Object.keys(byResponse).length, sent.length, 'one apology per answer');
		},
		'the loopback servers received exactly the sent apologies, once each, in the customer language': ({ runs }) => {
			const sent = runs.flatMap((run) => leaving(run, 0));
			assert.deepEqual(smtp.duplicates(), []);
			assert.deepEqual(aliyun.duplicates(), []);
			const mails = smtp.requests.filter((t) => t.result === 'delivered');
			assert.deepEqual(mails.map((t) => t.to.join(',')).sort(), sent.filter((i) => i.node === 'Apology Email').map((i) => i.email).sort());
			assert.deepEqual(
				aliyun.deliveries.map((d) => d.to).sort(),
				sent.filter((i) => i.node === 'Apology SMS').map((i) => i.care.to.replace(/^\+(86)?/, '')).sort(),
			);
			assert.equal(smtp.requests.length + aliyun.requests.length, sent.length, 'a message delivered twice or rejected');
			const sophia = mails.find((t) => t.to.includes('sophia.wong@example.hk'));
			assert.match(sophia.text, /^Dear Sophia Wong, we are sorry that your recent experience with 星河优选 fell short\. .*David Wong will contact you shortly/s);
			const zhou = aliyun.deliveries.find((d) => d.to === '13800000009');
			assert.equal(zhou.text, '【客户关怀】周敏您好，非常抱歉您最近一次的体验未能让您满意。我们已认真阅读您的反馈，将尽快与您联系。星河优选');
			// The template code is an expression on the customer's language, evaluated per item.
			const david = aliyun.deliveries.find((d) => d.to === '15651057691');
			assert.equal(david.text, '【客户关怀】Dear David Brown, we are sorry that your recent experience with 星河优选 fell short. We will contact you shortly to put it right.');
			const texts = sent.filter((i) => i.node === 'Apology SMS');
			for (const item of texts) {
				const delivery = aliyun.deliveries.find((d) => d.to === item.care.to.replace(/^\+(86)?/, ''));
				assert.equal(delivery.raw.TemplateCode, item.language === 'en' ? 'SMS_480100012' : 'SMS_480100011', `${item.customerId} (${item.language})`);
			}
			assert.ok(texts.some((i) => i.language === 'en') && texts.some((i) => i.language !== 'en'), 'SMS in both languages');
		},
		'each poor answer gets a revisit from today to two business days ahead on the China calendar, within the managers\' capacity; the rest are reported unschedulable': async ({ output, context }) => {
			const poor = await poorAnswers(context);
			const managers = await query(context, 'SELECT manager_id, daily_capacity FROM account_managers');
			const capacity = Object.fromEntries(managers.map((r) => [r.manager_id, r.daily_capacity]));
			const revisits = output('Revisit Within Two Business Days', 0);
			assert.equal(revisits.length, poor.length);
			const load = {};
			for (const item of revisits) {
				const { revisit } = item;
				if (revisit.status !== 'scheduled') {
					assert.equal(revisit.status, 'unschedulable');
					assert.ok(revisit.unschedulableBecause, 'an unschedulable revisit says why');
					continue;
				}
				assert.ok(OPEN_DAYS_WITHIN_TWO.includes(revisit.dueDate), `${item.customerId}: ${revisit.dueDate}`);
				if (revisit.ownerSource === 'accountManager') assert.equal(revisit.owner, item.accountManager);
				const key = `${revisit.owner} ${revisit.dueDate}`;
				load[key] = (load[key] ?? 0) + 1;
			}
			for (const [key, count] of Object.entries(load)) assert.ok(count <= capacity[key.split(' ')[0]], `${key}: ${count}`);
			// Every slot of the three open days is used before anyone is left out.
			const slots = OPEN_DAYS_WITHIN_TWO.length * managers.reduce((sum, m) => sum + m.daily_capacity, 0);
			const scheduled = revisits.filter((i) => i.revisit.status === 'scheduled');
			assert.equal(scheduled.length, Math.min(poor.length, slots));
			// C0009 (NPS 2, among the first answers) is called today by her own account manager.
			const c9 = revisits.find((i) => i.customerId === 'C0009').revisit;
			assert.deepEqual([c9.status, c9.owner, c9.ownerSource, c9.dueDate], ['scheduled', 'AM03', 'accountManager', '2026-03-02']);
		},
		'the Feishu report arrives once, with the NPS SQL computes over the same answers': async ({ output, context }) => {
			const [sql] = await query(
				context,
				`SELECT count(*)::int AS n, round(100.0 * (count(*) FILTER (WHERE nps >= 9) - count(*) FILTER (WHERE nps <= 6)) / count(*), 2)::float8 AS nps
				 FROM survey_responses WHERE answered_at > $1::timestamptz - interval '30 days' AND answered_at <= $1::timestamptz`,
				[AS_OF],
			);
			const [overall] = output('Score Satisfaction', 1);
			assert.equal(overall.scope, 'overall');
			assert.equal(overall.responses, sql.n);
			assert.equal(overall.nps.nps, sql.nps);
			assert.deepEqual(feishu.duplicates(), []);
			assert.equal(feishu.deliveries.length, 1);
			const text = feishu.deliveries[0].text;
			assert.ok(text.includes(`总体：${sql.n} 份，NPS ${sql.nps}（`), text);
			const stores = output('Score Satisfaction', 1).filter((r) => r.scope === 'group');
			assert.ok(stores.length > 1);
			for (const store of stores) assert.ok(text.includes(`${store.group}：${store.responses} 份，NPS ${store.nps.nps}，`), store.group);
		},
		'the ledger holds one sent row per apology and one for the day report': async ({ runs, context }) => {
			const rows = await query(context, `SELECT key, care_type, status FROM care_message_ledger WHERE care_type IN ('apology', 'surveyReport') ORDER BY key`);
			const sent = runs.flatMap((run) => leaving(run, 0)).map((i) => i.care.key);
			const report = runs.flatMap((run) => run('Report to Feishu', 0)).map((i) => i.care.key);
			assert.equal(report.length, 1);
			assert.deepEqual(
				rows.map((r) => [r.key, r.status]),
				[...sent, ...report].sort().map((key) => [key, 'sent']),
			);
		},
		'no credential secret appears in the executions': ({ runData }) => {
			const text = JSON.stringify(runData);
			for (const secret of [...smtp.secrets, ...aliyun.secrets, ...feishu.secrets]) assert.ok(!text.includes(secret));
		},
	},
};
