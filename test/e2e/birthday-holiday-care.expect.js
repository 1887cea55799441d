// Expectations for examples/birthday-holiday-care.json in a real n8n: customers from the sample data in
// PostgreSQL (context.sampleDb), email to a loopback SMTP server, SMS to a loopback Aliyun server that checks
// signatures and approved templates, the Postgres ledger in the sample database. As of the Lantern Festival,
// 2026-03-03 10:00 Shanghai (02:00 in London). Two executions run at once, as a rerun or a second worker
// would: each key is sent once in all.
const assert = require('node:assert/strict');
const { resolve } = require('node:path');
const { query } = require('./sampleDb');

const AS_OF = '2026-03-03T10:00:00+08:00';
const SEND_NODES = ['Birthday Email', 'Birthday SMS', 'Lantern Festival Email'];
const CARE_TYPES = ['birthday', 'holiday'];
// The approved Aliyun templates the SMS nodes name (the demo's loopback Aliyun server knows the same).
const SMS_TEMPLATES = require('../../examples/data/aliyun-sms-templates.json');
let smtp;
let aliyun;

/** Every item that left one output (0 sent, 1 skipped, 2 failed) of the three send nodes in one run. */
const leaving = (run, output) => SEND_NODES.flatMap((node) => run(node, output).map((item) => ({ ...item, node })));
const byCustomer = (items) => Object.fromEntries(items.map((item) => [item.customerId, item]));

module.exports = {
	runs: 2,

	async setup(context) {
		require('ts-node').register({ transpileOnly: true, project: resolve(context.root, 'tsconfig.json') });
		const { startSmtpServer, startAliyunSmsServer } = require(resolve(context.root, 'test/helpers/providers'));
		smtp = await startSmtpServer();
		aliyun = await startAliyunSmsServer({ templates: SMS_TEMPLATES });
		const [{ exists }] = await query(context, `SELECT to_regclass('care_message_ledger') IS NOT NULL AS exists`);
		if (exists) await query(context, 'DELETE FROM care_message_ledger WHERE care_type = ANY($1)', [CARE_TYPES]);
		return async () => {
			await smtp.close();
			await aliyun.close();
		};
	},

	credentials(context) {
		return [
			{ id: 'careSmtp00000001', name: 'Care email (SMTP)', type: 'careSmtpApi', data: smtp.credentials },
			{ id: 'careAliyunSms001', name: 'Care SMS (Aliyun)', type: 'careAliyunSmsApi', data: aliyun.credentials },
			{ id: 'careLedgerPg0001', name: 'Care ledger (PostgreSQL)', type: 'carePostgresLedgerApi', data: { ...context.sampleDb, ssl: false } },
		];
	},

	checks: {
		'care occasions on 3 March: birthdays, 29 Feb observed on 28 Feb, lunar 正月十五, the Lantern Festival for everyone': ({ output }) => {
			const found = byCustomer(output('Find Care Occasions'));
			const kinds = (id) => found[id].occasions.occasions.map((o) => `${o.type} ${o.key} ${o.date}`).sort();
			assert.deepEqual(kinds('C0001'), ['festival lanternFestival 2026-03-03']);
			assert.deepEqual(kinds('C0002'), ['birthday birthday 2026-03-03', 'festival lanternFestival 2026-03-03']);
			assert.deepEqual(kinds('C0003'), ['festival lanternFestival 2026-03-03']);
			const lunar = found.C0004.occasions.occasions.find((o) => o.type === 'lunarBirthday');
			assert.equal(lunar.date, '2026-03-03');
			assert.equal(lunar.lunarDate, '正月十五');
			// A leap-sixth-month birthday (1987-L06-10) is not in early March.
			assert.deepEqual(kinds('C0011'), ['festival lanternFestival 2026-03-03']);
			assert.equal(Object.keys(found).length, output('Customers').length);
		},
		'story customers: sent, no consent, capped, quiet hours with deferUntil (the same in both runs, sent or duplicate)': ({ runs }) => {
			for (const run of runs) {
				const sent = byCustomer(leaving(run, 0));
				const skipped = byCustomer(leaving(run, 1));
				const failed = byCustomer(leaving(run, 2));
				const outcome = (id) =>
					sent[id] ? `sent by ${sent[id].node}`
					: skipped[id] ? `${skipped[id].care.reason} in ${skipped[id].node}`
					: failed[id] ? `${failed[id].care.code} in ${failed[id].node}`
					: 'not messaged';
				// Two runs at once: a key the other run has already sent is a duplicate; one it is still sending
				// comes out on Failed as CLAIM_UNRESOLVED (outcome unknown since its claim), never sent twice.
				const sentOrDuplicate = (id, node) => {
					const o = outcome(id);
					assert.ok([`sent by ${node}`, `duplicate in ${node}`, `CLAIM_UNRESOLVED in ${node}`].includes(o), `${id}: ${o}`);
				};
				// Birthday on 2 March, yesterday: the festival greeting (she has an account manager).
				sentOrDuplicate('C0001', 'Lantern Festival Email');
				assert.equal(outcome('C0002'), 'quietHours in Birthday Email');
				assert.equal(Date.parse(skipped.C0002.care.deferUntil), Date.parse('2026-03-03T09:00:00Z'), skipped.C0002.care.deferUntil);
				// 29 February observed on 28 February; no account manager, so no festival greeting either.
				assert.equal(outcome('C0003'), 'not messaged');
				sentOrDuplicate('C0004', 'Birthday SMS');
				assert.equal(outcome('C0005'), 'noConsent in Birthday Email');
				assert.equal(outcome('C0006'), 'capped in Birthday Email');
				sentOrDuplicate('C0007', 'Lantern Festival Email');
				assert.equal(outcome('C0008'), 'not messaged');
				// Managed, but a phone only: festival greetings go by email only.
				assert.equal(outcome('C0009'), 'not messaged');
				sentOrDuplicate('C0010', 'Lantern Festival Email');
				assert.equal(outcome('C0011'), 'not messaged');
				assert.equal(outcome('C0012'), 'noConsent in Birthday Email');
				const failures = SEND_NODES.flatMap((node) => run(node, 2)).filter((i) => i.care?.code !== 'CLAIM_UNRESOLVED');
				assert.deepEqual(failures, [], 'nothing failed but keys the other run was still sending');
			}
		},
		'each key is sent by exactly one of the two runs; the other finds it in the ledger (sent, or still being sent)': ({ runs }) => {
			const [first, second] = runs.map((run) => leaving(run, 0).map((i) => i.care.key));
			const all = [...first, ...second];
			assert.ok(all.length > 0);
			assert.equal(new Set(all).size, all.length, 'a key sent twice');
			for (const [run, otherSent] of [
				[runs[0], second],
				[runs[1], first],
			]) {
				const duplicates = leaving(run, 1).filter((i) => i.care.reason === 'duplicate').map((i) => i.care.key);
				const unresolved = leaving(run, 2).filter((i) => i.care.code === 'CLAIM_UNRESOLVED');
				for (const item of unresolved) assert.deepEqual([item.care.outcome, item.care.retryable], ['unknown', false], item.care.message);
				assert.deepEqual([...duplicates, ...unresolved.map((i) => i.care.key)].sort(), [...otherSent].sort());
			}
		},
		'who is greeted equals what the data says (consent granted, not contacted in 7 days, 09:00–20:00 locally)': async ({ runs, context }) => {
			const rows = await query(
				context,
				`WITH today AS (
				   SELECT c.*, (c.birthday IS NOT NULL AND to_char(c.birthday, 'MM-DD') = '03-03') OR c.customer_id IN (SELECT customer_id FROM customers WHERE lunar_birthday LIKE '%-01-15') AS birthday_today
				   FROM customers c WHERE email IS NOT NULL OR phone IS NOT NULL)
				 SELECT customer_id, birthday_today FROM today
				 WHERE marketing_consent = 'granted' AND (last_contacted_at IS NULL OR last_contacted_at <= $1::timestamptz - interval '7 days')
				   AND extract(hour FROM $1::timestamptz AT TIME ZONE time_zone) BETWEEN 9 AND 19
				   AND (birthday_today OR (account_manager IS NOT NULL AND email IS NOT NULL))
				 ORDER BY customer_id`,
				[AS_OF],
			);
			const sent = runs.flatMap((run) => leaving(run, 0)).sort((a, b) => a.customerId.localeCompare(b.customerId));
			assert.deepEqual(
				sent.map((i) => `${i.customerId} ${i.care.careType}`),
				rows.map((r) => `${r.customer_id} ${r.birthday_today ? 'birthday' : 'holiday'}`),
			);
		},
		'the loopback servers received exactly the sent messages, once each, in the customer language': ({ runs }) => {
			const sent = runs.flatMap((run) => leaving(run, 0));
			assert.deepEqual(smtp.duplicates(), []);
			assert.deepEqual(aliyun.duplicates(), []);
			const emails = sent.filter((i) => i.care.channel === 'smtp');
			const texts = sent.filter((i) => i.care.channel === 'aliyunSms');
			const mails = smtp.requests.filter((t) => t.result === 'delivered');
			assert.deepEqual(mails.map((t) => t.to.join(',')).sort(), emails.map((i) => i.email).sort());
			// Aliyun takes numbers without the + (and mainland ones without 86).
			assert.deepEqual(aliyun.deliveries.map((d) => d.to).sort(), texts.map((i) => i.care.to.replace(/^\+(86)?/, '')).sort());
			assert.equal(smtp.requests.length + aliyun.requests.length, sent.length, 'a message delivered twice or rejected');
			const mailTo = (address) => mails.find((t) => t.to.includes(address));
			assert.equal(mailTo('wang.fang@example.cn').subject, '星河优选祝您元宵节快乐');
			assert.match(mailTo('sophia.wong@example.hk').text, /Dear Sophia Wong, .*Lantern Festival/);
			const smsTo = (number) => aliyun.deliveries.find((d) => d.to === number);
			assert.equal(smsTo('13800000004').text, '【客户关怀】亲爱的张丽，星河优选祝您生日快乐！愿新的一岁平安喜乐、万事顺意。');
			// The template code is an expression on the customer's language, evaluated per item: the English
			// customers get the English template even though the batch starts with a Chinese one.
			assert.equal(smsTo('18036367141').text, '【客户关怀】Dear Hannah Lim, everyone at 星河优选 wishes you a very happy birthday and a wonderful year ahead.');
			for (const item of texts) {
				const delivery = smsTo(item.care.to.replace(/^\+(86)?/, ''));
				assert.equal(delivery.raw.TemplateCode, item.language === 'en' ? 'SMS_480100002' : 'SMS_480100001', `${item.customerId} (${item.language})`);
			}
			assert.ok(texts.some((i) => i.language === 'en') && texts.some((i) => i.language !== 'en'), 'SMS in both languages');
		},
		'the ledger holds one sent row per delivered key and nothing else for these greetings': async ({ runs, context }) => {
			const rows = await query(context, `SELECT key, customer_id, status FROM care_message_ledger WHERE care_type = ANY($1) ORDER BY key`, [CARE_TYPES]);
			const sent = runs.flatMap((run) => leaving(run, 0)).sort((a, b) => (a.care.key < b.care.key ? -1 : 1));
			assert.deepEqual(
				rows.map((r) => [r.key, r.customer_id, r.status]),
				sent.map((i) => [i.care.key, i.customerId, 'sent']),
			);
			assert.ok(rows.some((r) => r.key === 'C0004:birthday:aliyunSms:2026'), rows.map((r) => r.key).join());
		},
		'no credential secret appears in the executions': ({ runData }) => {
			const text = JSON.stringify(runData);
			for (const secret of [...smtp.secrets, ...aliyun.secrets]) assert.ok(!text.includes(secret));
		},
	},
};
