// Expectations for examples/care-birthday.json in a real n8n, against a loopback SMTP server and the real
// Postgres ledger. "Send Care Message" runs first; "Send Again (Same Day)" then gets the same customers, as a
// re-run or a second worker would. (Concurrent executions are tested in the engine harness,
// test/SendCareMessage/ledger.node.test.ts: two `n8n execute` processes cannot run at once here, as both
// want the task broker's port.) As of 2026-03-08 12:00 in Shanghai:
//   C01 王芳        consented, Shanghai (12:00)             -> sent once, zh-CN
//   C02 Emily       consented, London (04:00)               -> skipped: quiet hours until 09:00 London
//   C03 李伟        refused (拒绝)                           -> skipped: no consent
//   C04 张丽        contacted 2026-03-05, cap 1 per 7 days  -> skipped: capped
//   C05 刘洋        mailbox refused with 550                 -> failed, permanent
//   C06 Tom <Lee>   consented, Singapore (12:00)            -> sent once, English, name HTML-escaped
//   C07 陈静        "chen.jing(at)example.cn"               -> item error (not an email address)
const assert = require('node:assert/strict');
const { resolve } = require('node:path');
const { Client } = require('pg');

const TABLE = 'care_e2e_birthday_ledger';
const POSTGRES = { host: '127.0.0.1', port: 5432, database: 'test', user: 'postgres' };
let smtp;

async function dropLedger() {
	const client = new Client(POSTGRES);
	await client.connect();
	await client.query(`DROP TABLE IF EXISTS "${TABLE}"`);
	await client.end();
}

const care = (item) => item.care;

module.exports = {
	async setup(context) {
		require('ts-node').register({ transpileOnly: true, project: resolve(context.root, 'tsconfig.json') });
		const { startSmtpServer } = require(resolve(context.root, 'test/helpers/providers'));
		smtp = await startSmtpServer({ rejectRecipients: { 'gone@example.cn': 550 } });
		await dropLedger();
		return async () => {
			await smtp.close();
			await dropLedger();
		};
	},

	credentials() {
		return [
			{ id: 'careSmtp00000001', name: 'Care email (SMTP)', type: 'careSmtpApi', data: smtp.credentials },
			{
				id: 'careLedgerPg0001',
				name: 'Care ledger (PostgreSQL)',
				type: 'carePostgresLedgerApi',
				data: { ...POSTGRES, password: '', ssl: false },
			},
		];
	},

	checks: {
		'each birthday email is delivered exactly once, although two nodes tried': ({ output }) => {
			assert.deepEqual(smtp.duplicates(), []);
			const delivered = smtp.requests.filter((t) => t.result === 'delivered').map((t) => t.to.join(','));
			assert.deepEqual(delivered.sort(), ['tom.lee@example.com', 'wang.fang@example.cn']);
			assert.deepEqual(output('Send Care Message', 0).map((i) => i.customerId), ['C01', 'C06']);
			assert.deepEqual(output('Send Again (Same Day)', 0), []);
		},
		'every customer lands on exactly one output of each node': ({ output }) => {
			for (const node of ['Send Care Message', 'Send Again (Same Day)']) {
				// Under Continue (regular output) the item error (C07) leaves on Failed as the item itself, with error and care.
				const ids = [0, 1, 2].flatMap((o) => output(node, o).map((i) => i.customerId));
				assert.deepEqual(ids.sort(), ['C01', 'C02', 'C03', 'C04', 'C05', 'C06', 'C07']);
			}
		},
		'policy skips with reasons and labels in each customer language': ({ output }) => {
			const skipped = Object.fromEntries(output('Send Care Message', 1).map((i) => [i.customerId, care(i)]));
			assert.deepEqual(Object.keys(skipped).sort(), ['C02', 'C03', 'C04']);
			assert.equal(skipped.C02.reason, 'quietHours');
			assert.equal(skipped.C02.deferUntil, '2026-03-08T09:00:00+00:00');
			assert.equal(skipped.C02.reasonLabel, 'Quiet hours');
			assert.equal(skipped.C03.reason, 'noConsent');
			assert.equal(skipped.C03.reasonLabel, '未获授权');
			assert.equal(skipped.C04.reason, 'capped');
			assert.equal(skipped.C04.detail, '1 care message(s) in the last 7 day(s) reach the cap of 1');
		},
		'the second node finds the sent keys in the ledger': ({ output }) => {
			const again = Object.fromEntries(output('Send Again (Same Day)', 1).map((i) => [i.customerId, care(i)]));
			for (const id of ['C01', 'C06']) {
				assert.equal(again[id].reason, 'duplicate');
				assert.equal(again[id].previous.status, 'sent');
			}
			assert.equal(again.C01.reasonLabel, '已发送过');
			assert.equal(again.C06.reasonLabel, 'Already sent');
		},
		'sent items carry the key, the rendered text and the provider id; the HTML is escaped': ({ output }) => {
			const sent = Object.fromEntries(output('Send Care Message', 0).map((i) => [i.customerId, care(i)]));
			assert.equal(sent.C01.key, 'C01:birthday:smtp:2026');
			assert.equal(sent.C01.content.subject, '星河银行祝您生日快乐');
			assert.equal(sent.C01.content.text, '亲爱的王芳，星河银行祝您生日快乐！愿新的一岁平安喜乐、万事顺意。');
			assert.equal(sent.C06.language, 'en');
			assert.match(sent.C06.sentAt, /\+08:00$/);
			assert.ok(sent.C06.providerMessageId);
			const mail = smtp.requests.find((t) => t.to.includes('tom.lee@example.com'));
			assert.match(mail.html, /Dear Tom &lt;Lee&gt; &amp; Co, everyone at 星河银行/);
			assert.match(mail.text, /Dear Tom <Lee> & Co, everyone at 星河银行/);
		},
		'a refused mailbox fails permanently (and may be tried again); a bad address is an item error': ({ output }) => {
			for (const node of ['Send Care Message', 'Send Again (Same Day)']) {
				const failed = output(node, 2);
				const refused = failed.find((i) => i.customerId === 'C05');
				assert.equal(care(refused).outcome, 'failed');
				assert.equal(care(refused).retryable, false);
				const badAddress = failed.find((i) => i.customerId === 'C07');
				assert.match(badAddress.error, /^Item 6: field "email" is "chen\.jing\(at\)example\.cn", which is not an email address/);
				assert.equal(care(badAddress).code, 'INVALID_ITEM');
				assert.equal(care(badAddress).outcome, 'notSent');
			}
		},
		'no credential secret appears in the execution': ({ runData }) => {
			const text = JSON.stringify(runData);
			assert.ok(smtp.secrets.length > 0);
			for (const secret of smtp.secrets) assert.ok(!text.includes(secret));
		},
	},
};
