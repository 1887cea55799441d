import { startDingTalkServer, startFeishuServer, startWeComServer, type ProviderServer } from '../../helpers/providers';
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
	];

	it.each([
		['DingTalk', startDingTalkServer],
		['WeCom', startWeComServer],
	])('%s: each mobile is mentioned, a name is not; every customer is sent', async (_name, start) => {
		const server = await start();
		servers.push(server);
		const run = await runCare(server, items, { subject: '回访', text: '请跟进 {{name}}', recipientField: 'owner', options: { pacing: 'off' } });
		expect(run.result.error).toBeUndefined();
		expect(run.care('sent')).toHaveLength(7);
		const byText = Object.fromEntries(server.deliveries.map((d) => [d.text.split('请跟进 ')[1].split(' ')[0], d.to]));
		expect(byText).toEqual({
			韩梅梅: '13800138000',
			李雷: '13900139000',
			王芳: '13700137000',
			赵强: '',
			孙丽: '13600136000',
			周杰: '13500135000',
			吴敏: '13400134000',
		});
		if (server.kind === 'dingtalk') {
			// DingTalk shows the mention only where the text names the same number.
			for (const delivery of server.deliveries.filter((d) => d.to !== '')) expect(delivery.text).toContain(`@${delivery.to}`);
			expect(server.deliveries.filter((d) => d.text.includes('@+86'))).toEqual([]);
		}
	});

	// A number the robot cannot mention is the item's error, naming the field, the value and what would do;
	// before, it was posted with a mention that reached nobody (another country's mobile, "+852 9123 4567"
	// as +85291234567; a landline). A decimal export is the item's error too (it was mentioned as
	// 138001380000, a digit too many). The others are still sent.
	it.each([
		['DingTalk', startDingTalkServer, 'a DingTalk robot'],
		['WeCom', startWeComServer, 'a WeCom robot'],
	])('%s: a number outside mainland China, a landline and 13800138000.0 are each the item\'s error', async (_name, start, robot) => {
		const server = await start();
		servers.push(server);
		const odd = [
			{ customerId: 'D1', name: 'Ann', owner: '+44 (0)20 7946 0958', timeZone: 'Asia/Shanghai' },
			{ customerId: 'D2', name: 'Bo', owner: '13800138000.0', timeZone: 'Asia/Shanghai' },
			{ customerId: 'D3', name: '陈伟', owner: '+852 9123 4567', timeZone: 'Asia/Shanghai' },
			{ customerId: 'D4', name: 'Cy', owner: '+1 (415) 555-0100', timeZone: 'Asia/Shanghai' },
			{ customerId: 'D5', name: '王', owner: '010-6552 9988', timeZone: 'Asia/Shanghai' },
			{ customerId: 'D6', name: 'Di', owner: '+86 138 0013 8000', timeZone: 'Asia/Shanghai' },
		];
		const run = await runCare(server, odd, { subject: 'Follow-up', text: 'Call {{name}}', recipientField: 'owner', options: { pacing: 'off' } }, { onError: 'continueRegularOutput' });
		expect(run.result.error).toBeUndefined();
		expect(server.deliveries.map((d) => d.to)).toEqual(['13800138000']);
		expect(run.sent.map((s) => s.customerId)).toEqual(['D6']);
		const errors = Object.fromEntries(run.failed.map((f) => [f.customerId, String(f.error)]));
		expect(errors.D2).toMatch(/"13800138000\.0".*phone number written as a decimal number/);
		for (const [id, owner] of [['D1', '+44 (0)20 7946 0958'], ['D3', '+852 9123 4567'], ['D4', '+1 (415) 555-0100'], ['D5', '010-6552 9988']]) {
			expect(errors[id]).toBe(
				`Item ${Number(id.slice(1)) - 1}: field "owner" is "${owner}", which is not a mainland China mobile number, the only number ${robot} can @-mention (it matches the member's registered mobile, and documents no form for another country's) (expected a mainland China mobile such as 13800138000 or +86 138 0013 8000, or no recipient to post without a mention)`,
			);
		}
		expect(run.failed.map((f) => (f.care as { code: string }).code)).toEqual(['INVALID_ITEM', 'INVALID_ITEM', 'INVALID_ITEM', 'INVALID_ITEM', 'INVALID_ITEM']);
	});

	// Feishu's custom bot mentions by user ID only: a mobile in the Recipient Field mentioned nobody, silently.
	it('Feishu: a phone number in the Recipient Field is the item\'s error; a name is posted as before', async () => {
		const server = await startFeishuServer();
		servers.push(server);
		const items = [
			{ customerId: 'F1', name: 'Ann', owner: '138 0013 8000', timeZone: 'Asia/Shanghai' },
			{ customerId: 'F2', name: 'Bo', owner: '客服主管', timeZone: 'Asia/Shanghai' },
		];
		const run = await runCare(server, items, { subject: 'Follow-up', text: 'Call {{name}}', recipientField: 'owner', options: { pacing: 'off' } }, { onError: 'continueRegularOutput' });
		expect(run.sent.map((s) => s.customerId)).toEqual(['F2']);
		expect(run.failed.map((f) => String(f.error))).toEqual([
			'Item 0: field "owner" is "138 0013 8000", which is a phone number, and a Feishu custom bot cannot @-mention by phone number (it mentions by user ID only) (expected no recipient; to mention someone, write <at user_id="ou_…">name</at> with their open_id in the text)',
		]);
		expect(server.deliveries).toHaveLength(1);
	});
});

describe('the loopback robots match a mention as the providers do: the registered mobile exactly', () => {
	const post = async (url: string, body: unknown) => {
		const response = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
		expect(response.status).toBe(200);
	};

	it('DingTalk and WeCom: "+8613800138000", "008613800138000", "8613800138000" and another country\'s "+85291234567" mention nobody; "13800138000" does; the message is posted', async () => {
		const forms = ['+8613800138000', '008613800138000', '8613800138000', '13800138000', '+85291234567'];
		const dingtalk = await startDingTalkServer({ secret: null });
		const wecom = await startWeComServer();
		try {
			const token = String(dingtalk.credentials.accessToken);
			await post(`${dingtalk.baseUrl}/robot/send?access_token=${token}`, { msgtype: 'text', text: { content: 'hi' }, at: { atMobiles: forms } });
			await post(`${wecom.baseUrl}/cgi-bin/webhook/send?key=${String(wecom.credentials.webhookKey)}`, { msgtype: 'text', text: { content: 'hi', mentioned_mobile_list: forms } });
			expect(dingtalk.deliveries.map((d) => d.to)).toEqual(['13800138000']);
			expect(wecom.deliveries.map((d) => d.to)).toEqual(['13800138000']);
		} finally {
			await dingtalk.close();
			await wecom.close();
		}
	});
});
