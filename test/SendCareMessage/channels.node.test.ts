import {
	startAliyunSmsServer,
	startDingTalkServer,
	startFeishuServer,
	startSlackServer,
	startSmtpServer,
	startTwilioServer,
	startWeComServer,
	type AnyProviderServer,
	type SmtpTransaction,
} from '../helpers/providers';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { NODE_UNDER_TEST } from '../helpers/runWorkflow';
import { runCare, type CareRun } from './helpers/run';

/** Every secret the server handed out must be absent from everything the execution produced. */
function expectNoSecrets(server: AnyProviderServer, run: CareRun) {
	const everything = JSON.stringify(run.result.run.data);
	expect(server.secrets.length).toBeGreaterThan(0);
	for (const secret of server.secrets) expect(everything).not.toContain(secret);
}

const servers: AnyProviderServer[] = [];
async function started<T extends AnyProviderServer>(server: Promise<T>): Promise<T> {
	const s = await server;
	servers.push(s);
	return s;
}
afterEach(async () => {
	await Promise.all(servers.splice(0).map((s) => s.close()));
});

describe('SendCareMessage through each channel (loopback providers)', () => {
	it('SMTP: a birthday email with escaped HTML and a plain-text part; a refused mailbox fails permanently', async () => {
		const server = await started(startSmtpServer({ rejectRecipients: { 'gone@example.cn': 550 } }));
		const run = await runCare(
			server,
			[
				{ customerId: 'C1', name: '王<芳>', email: 'wang@example.cn', consent: '同意', timeZone: 'Asia/Shanghai' },
				{ customerId: 'C2', name: 'Li', email: 'gone@example.cn', consent: 'yes', timeZone: 'Asia/Shanghai' },
			],
			{ template: 'birthday', brandName: '星河银行', recipientField: 'email' },
		);
		expect(run.result.error).toBeUndefined();
		const [mail] = server.requests as SmtpTransaction[];
		expect(mail.to).toEqual(['wang@example.cn']);
		expect(mail.subject).toBe('星河银行祝您生日快乐');
		expect(mail.text?.trim()).toBe('亲爱的王<芳>，星河银行祝您生日快乐！愿新的一岁平安喜乐、万事顺意。');
		expect(mail.html).toContain('亲爱的王&lt;芳&gt;，星河银行祝您生日快乐！');
		expect(run.care('sent')).toEqual([expect.objectContaining({ key: 'C1:birthday:smtp:2026-03-08', to: 'wang@example.cn' })]);
		expect(run.care('failed')).toEqual([expect.objectContaining({ outcome: 'failed', retryable: false, to: 'gone@example.cn' })]);
		expect(server.duplicates()).toEqual([]);
		expectNoSecrets(server, run);
	});

	it('Aliyun SMS: the approved template with parameters from the item', async () => {
		const server = await started(
			startAliyunSmsServer({ signNames: ['星河银行'], templates: { SMS_2026: '${name}您好，${brand}祝您${holidayName}快乐！拒收请回复R' } }),
		);
		const run = await runCare(
			server,
			[{ customerId: 'C1', name: '韩梅梅', phone: '138 0013 8000', consent: true, holidayName: '春节', timeZone: 'Asia/Shanghai' }],
			{ template: 'holiday', brandName: '星河银行', recipientField: 'phone', smsTemplateCode: 'SMS_2026' },
		);
		expect(run.result.error).toBeUndefined();
		expect(server.deliveries.map((d) => [d.to, d.text])).toEqual([['13800138000', '【星河银行】韩梅梅您好，星河银行祝您春节快乐！拒收请回复R']]);
		// The rendered preview is kept, signed and with the opt-out text (a holiday greeting is marketing).
		expect(run.care('sent')[0]).toMatchObject({
			content: { text: '【星河银行】亲爱的韩梅梅，星河银行祝您春节快乐，阖家幸福、万事如意！拒收请回复R' },
		});
		expectNoSecrets(server, run);
	});

	it('Twilio SMS: a customer name written as another sender\'s 【signature】 does not take the place of ours', async () => {
		const server = await started(startTwilioServer());
		await runCare(
			server,
			[
				{ customerId: 'C1', name: '【Other Bank】', phone: '+15550001111', consent: 'opted_in', timeZone: 'America/New_York' },
				{ customerId: 'C2', name: '【Acme Bank】', phone: '+15550003333', consent: 'opted_in', timeZone: 'America/New_York' },
			],
			{ purpose: 'marketing', language: 'en', subject: 'x', text: '{{name}}: new arrivals are in.', brandName: 'Acme', recipientField: 'phone', options: { asOf: '2026-03-09T15:00:00Z' } },
		);
		expect(server.deliveries.map((d) => d.text).sort()).toEqual([
			'【Acme】【Acme Bank】: new arrivals are in. Reply STOP to opt out',
			'【Acme】【Other Bank】: new arrivals are in. Reply STOP to opt out',
		]);
	});

	it('Twilio SMS: marketing text with Reply STOP; an unsubscribed number is marked opted out and not retried', async () => {
		const server = await started(startTwilioServer({ optedOut: ['+15550002222'] }));
		const run = await runCare(
			server,
			[
				{ customerId: 'C1', name: 'Ann', phone: '+1 555 000 1111', consent: 'opted_in', offer: '20% off', timeZone: 'America/New_York' },
				{ customerId: 'C2', name: 'Bo', phone: '+15550002222', consent: 'opted_in', timeZone: 'America/New_York' },
			],
			{ template: 'winBack', language: 'en', brandName: 'Acme', recipientField: 'phone', options: { asOf: '2026-03-09T15:00:00Z' } },
		);
		expect(server.deliveries.map((d) => d.text)).toEqual([
			'【Acme】We miss you, Ann! To welcome you back to Acme, we have 20% off waiting for you. Reply STOP to opt out',
		]);
		expect(run.care('failed')).toEqual([
			expect.objectContaining({ code: '21610', retryable: false, optedOut: true, attempts: 1, outcome: 'failed' }),
		]);
		expect(server.requests.filter((r) => 'rawBody' in r && r.rawBody.includes('2222'))).toHaveLength(1);
		expectNoSecrets(server, run);
	});

	it('WeCom, DingTalk, Feishu, Slack: the revisit reminder reaches the owners’ group', async () => {
		const item = {
			customerId: 'C9',
			name: '周杰',
			timeZone: 'Asia/Shanghai',
			revisit: { dueAt: '2026-03-10T10:00:00+08:00', owner: '张三', reason: '满意度下降' },
		};
		const expected = '张三您好，请于2026-03-10T10:00:00+08:00前回访客户周杰（C9）。原因：满意度下降。';
		for (const server of [
			await started(startWeComServer()),
			await started(startDingTalkServer()),
			await started(startFeishuServer()),
			await started(startSlackServer()),
		]) {
			const run = await runCare(server, [item], { template: 'revisitReminder', options: { pacing: 'off' } });
			expect(run.result.error).toBeUndefined();
			expect(run.care('sent')).toEqual([expect.objectContaining({ careType: 'revisitReminder', key: `C9:revisitReminder:${server.kind}:2026-03-08` })]);
			expect(server.deliveries).toHaveLength(1);
			expect(server.deliveries[0].text).toContain(expected);
			expectNoSecrets(server, run);
		}
	});

	it.each([
		['<iframe srcdoc="{{name}}"></iframe>', /srcdoc/],
		['<svg><a><set attributeName="href" to="{{name}}"/>x</a></svg>', /"to" value of <set>/],
	])('SMTP: the HTML template %j is refused before any item; every item on Failed, nothing sent', async (html, reason) => {
		const server = await started(startSmtpServer());
		const run = await runCare(
			server,
			[{ customerId: 'C1', name: '<script>alert(1)</script>', email: 'ann@example.cn', timeZone: 'Asia/Shanghai' }],
			{ subject: 'Hi', text: 'Hi {{name}}', html, recipientField: 'email' },
			{ onError: 'continueRegularOutput' },
		);
		expect(run.sent).toEqual([]);
		expect(run.failed).toHaveLength(1);
		expect(String(run.failed[0].error)).toMatch(reason);
		expect(server.requests).toEqual([]);
	});

	it('Slack and Feishu: a customer value never mentions the whole group or becomes a link; the template\'s own markup does', async () => {
		const reason = '<!channel> 看 <https://evil.example/x|订单详情> & <at user_id="all">所有人</at>';
		const item = { customerId: 'C7', name: '<@U0ADMIN>', timeZone: 'Asia/Shanghai', revisit: { dueAt: '2026-03-10T10:00:00+08:00', owner: '张三', reason } };
		const slack = await started(startSlackServer());
		const slackRun = await runCare(slack, [item], { template: 'revisitReminder', options: { pacing: 'off' } });
		const slackText = slack.deliveries[0].text;
		expect(slackText).toContain('客户&lt;@U0ADMIN&gt;');
		expect(slackText).toContain('&lt;!channel&gt; 看 &lt;https://evil.example/x|订单详情&gt; &amp; &lt;at user_id="all"&gt;所有人&lt;/at&gt;');
		expect(slackText).not.toMatch(/<[!@h]/);
		expect(slackRun.care('sent')).toHaveLength(1);

		const own = await started(startSlackServer());
		await runCare(own, [item], { subject: '回访', text: '<!here> {{revisit.owner}}: {{name}}', options: { pacing: 'off' } });
		expect(own.deliveries[0].text).toBe('<!here> 张三: &lt;@U0ADMIN&gt;');

		const feishu = await started(startFeishuServer());
		await runCare(feishu, [item], { subject: '回访', text: '<at user_id="all">所有人</at> {{revisit.reason}}', options: { pacing: 'off' } });
		const feishuText = feishu.deliveries[0].text;
		expect(feishuText.startsWith('<at user_id="all">所有人</at> ')).toBe(true);
		expect(feishuText.match(/<at /g)).toHaveLength(1);
		expect(feishuText.replace(/\u200b/g, '')).toBe(`<at user_id="all">所有人</at> ${reason}`);
	});

	it('a WeCom rate limit (errcode 45009, wait a minute) that outlasts the time budget fails as retryable', async () => {
		const server = await started(startWeComServer());
		server.faults.inject({ kind: 'rateLimit' });
		const run = await runCare(
			server,
			[{ customerId: 'C9', name: '周杰', timeZone: 'Asia/Shanghai', revisit: { dueAt: '2026-03-10' } }],
			{ template: 'revisitReminder', options: { pacing: 'off', timeBudget: 5 } },
		);
		expect(run.care('failed')).toEqual([
			expect.objectContaining({ outcome: 'failed', code: '45009', retryable: true, attempts: 1, budgetExhausted: true }),
		]);
		expect(run.care('failed')[0].message).toMatch(/no time left in the budget to retry\)$/);
		expect(server.requests).toHaveLength(1);
		expect(run.result.items(NODE_UNDER_TEST, 2)[0].pairedItem).toEqual({ item: 0 });
	});
});

describe('SMTP: an SSL/TLS setting that does not match the server', () => {
	let tlsServer: SMTPServer;
	let tlsPort: number;
	beforeAll(async () => {
		// smtp-server's built-in test certificate: self-signed and expired, as an unchecked server's may be.
		tlsServer = new SMTPServer({ secure: true, authOptional: true, onData: (stream, _session, done) => stream.resume().on('end', () => done()) });
		tlsServer.on('error', () => undefined); // the clients that refuse its certificate mid-handshake
		await new Promise<void>((resolve) => tlsServer.listen(0, '127.0.0.1', () => resolve()));
		tlsPort = (tlsServer.server.address() as AddressInfo).port;
	});
	afterAll(async () => new Promise<void>((resolve) => tlsServer.close(() => resolve())));

	const customers = [
		{ customerId: 'T1', name: 'Ann', email: 'ann@example.cn', timeZone: 'Asia/Shanghai' },
		{ customerId: 'T2', name: 'Bo', email: 'bo@example.cn', timeZone: 'Asia/Shanghai' },
	];
	const send = (credentials: Record<string, unknown>) =>
		runCare({ kind: 'smtp', credentials }, customers, { subject: 'Hi', text: 'Hi {{name}}', recipientField: 'email', options: { attemptTimeout: 5 } }, { onError: 'continueRegularOutput' });

	it.each([
		['SSL/TLS on for a plain server', async () => ({ ...(await started(startSmtpServer())).credentials, secure: true }), /^ERR_SSL_/],
		['a certificate that fails the check', async () => ({ host: '127.0.0.1', port: tlsPort, secure: true, fromEmail: 'care@example.com' }), /CERT|SELF_SIGNED/],
	])('%s: each item Failed as not sent and not retryable, not an unknown outcome that would strand the key', async (_name, credentials, code) => {
		const run = await send(await credentials());
		expect(run.sent).toEqual([]);
		expect(run.care('failed')).toEqual(
			customers.map(() => expect.objectContaining({ outcome: 'notSent', code: expect.stringMatching(code), retryable: false, message: expect.stringContaining('nothing was sent') })),
		);
	});

	it('the same server with the certificate check off takes the messages', async () => {
		const run = await send({ host: '127.0.0.1', port: tlsPort, secure: true, allowUnauthorizedCerts: true, fromEmail: 'care@example.com' });
		expect(run.care('sent')).toHaveLength(2);
	});
});
