import { startDingTalkServer, startWeComServer, type ProviderServer } from '../../helpers/providers';
import { runCare } from '../../SendCareMessage/helpers/run';

/**
 * The robots @-mention the member whose mobile number is in the Recipient Field. A number is read as the
 * phone channels read one (spaces, dashes, dots and parentheses are layout), so a CRM's "(+86) 138.0013.8000"
 * mentions the member as "13800138000" does; anything else (a name, an email) mentions nobody.
 * DingTalk (atMobiles) and WeCom (mentioned_mobile_list) match the registered mobile exactly, and a
 * mainland member is registered by 11 digits: "+8613900139000" mentioned nobody, so a mainland number
 * goes out as its 11 digits whatever country code it was written with.
 */
describe('robot mentions through the engine: the mobile number as a CRM writes it', () => {
	const servers: ProviderServer[] = [];
	afterAll(async () => Promise.all(servers.map((s) => s.close())));

	const items = [
		{ customerId: 'C1', name: '韩梅梅', owner: '138 0013 8000', timeZone: 'Asia/Shanghai' },
		{ customerId: 'C2', name: '李雷', owner: '(+86) 139-0013-9000', timeZone: 'Asia/Shanghai' },
		{ customerId: 'C3', name: '王芳', owner: '137.0013.7000', timeZone: 'Asia/Shanghai' },
		{ customerId: 'C4', name: '赵强', owner: '客服主管', timeZone: 'Asia/Shanghai' },
		// Full-width digits and signs, as a Chinese keyboard types them: the same number.
		{ customerId: 'C5', name: '孙丽', owner: '＋８６ １３６－００１３－６０００', timeZone: 'Asia/Shanghai' },
		{ customerId: 'C6', name: '周杰', owner: '0086 135 0013 5000', timeZone: 'Asia/Shanghai' },
		{ customerId: 'C7', name: '吴敏', owner: '86 134 0013 4000', timeZone: 'Asia/Shanghai' },
		// Another country's number is no mainland mobile: passed on as written, compact.
		{ customerId: 'C8', name: '陈伟', owner: '+852 9123 4567', timeZone: 'Asia/Shanghai' },
	];

	it.each([
		['DingTalk', startDingTalkServer],
		['WeCom', startWeComServer],
	])('%s: each mobile is mentioned, a name is not; every customer is sent', async (_name, start) => {
		const server = await start();
		servers.push(server);
		const run = await runCare(server, items, { subject: '回访', text: '请跟进 {{name}}', recipientField: 'owner', options: { pacing: 'off' } });
		expect(run.result.error).toBeUndefined();
		expect(run.care('sent')).toHaveLength(8);
		const byText = Object.fromEntries(server.deliveries.map((d) => [d.text.split('请跟进 ')[1].split(' ')[0], d.to]));
		expect(byText).toEqual({
			韩梅梅: '13800138000',
			李雷: '13900139000',
			王芳: '13700137000',
			赵强: '',
			孙丽: '13600136000',
			周杰: '13500135000',
			吴敏: '13400134000',
			陈伟: '+85291234567',
		});
		if (server.kind === 'dingtalk') {
			// DingTalk shows the mention only where the text names the same number.
			for (const delivery of server.deliveries.filter((d) => d.to !== '')) expect(delivery.text).toContain(`@${delivery.to}`);
			expect(server.deliveries.filter((d) => d.text.includes('@+86'))).toEqual([]);
		}
	});

	// The phone channels' two rules hold for mentions too: "(0)" after a country code is the trunk prefix
	// (+44 (0)20 … was mentioned as +4402079460958), and a decimal export is the item's error (it was
	// mentioned as 138001380000, a digit too many), the others still sent.
	it.each([
		['DingTalk', startDingTalkServer],
		['WeCom', startWeComServer],
	])('%s: +44 (0)20 … is mentioned without the (0); 13800138000.0 is the item\'s error', async (_name, start) => {
		const server = await start();
		servers.push(server);
		const odd = [
			{ customerId: 'D1', name: 'Ann', owner: '+44 (0)20 7946 0958', timeZone: 'Asia/Shanghai' },
			{ customerId: 'D2', name: 'Bo', owner: '13800138000.0', timeZone: 'Asia/Shanghai' },
		];
		const run = await runCare(server, odd, { subject: 'Follow-up', text: 'Call {{name}}', recipientField: 'owner', options: { pacing: 'off' } }, { onError: 'continueRegularOutput' });
		expect(run.result.error).toBeUndefined();
		expect(server.deliveries.map((d) => d.to)).toEqual(['+442079460958']);
		expect(run.failed.map((f) => String(f.error))).toEqual([expect.stringContaining('"13800138000.0"')]);
		expect(String(run.failed[0].error)).toMatch(/phone number written as a decimal number/);
	});
});

describe('the loopback robots match a mention as the providers do: the registered mobile exactly', () => {
	const post = async (url: string, body: unknown) => {
		const response = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
		expect(response.status).toBe(200);
	};

	it('DingTalk and WeCom: "+8613800138000", "008613800138000" and "8613800138000" mention nobody; "13800138000" does; the message is posted', async () => {
		const forms = ['+8613800138000', '008613800138000', '8613800138000', '13800138000', '+85291234567'];
		const dingtalk = await startDingTalkServer({ secret: null });
		const wecom = await startWeComServer();
		try {
			const token = String(dingtalk.credentials.accessToken);
			await post(`${dingtalk.baseUrl}/robot/send?access_token=${token}`, { msgtype: 'text', text: { content: 'hi' }, at: { atMobiles: forms } });
			await post(`${wecom.baseUrl}/cgi-bin/webhook/send?key=${String(wecom.credentials.webhookKey)}`, { msgtype: 'text', text: { content: 'hi', mentioned_mobile_list: forms } });
			expect(dingtalk.deliveries.map((d) => d.to)).toEqual(['13800138000,+85291234567']);
			expect(wecom.deliveries.map((d) => d.to)).toEqual(['13800138000,+85291234567']);
		} finally {
			await dingtalk.close();
			await wecom.close();
		}
	});
});
