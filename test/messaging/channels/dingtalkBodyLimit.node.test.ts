import type { IDataObject } from 'n8n-workflow';

import { startDingTalkServer, type ProviderServer } from '../../helpers/providers';
import { DINGTALK_BODY_LIMIT_BYTES } from '../../helpers/providers/dingtalkServer';
import { runCare } from '../../SendCareMessage/helpers/run';

/**
 * DingTalk's custom robot refuses a request body over 20,000 bytes with errcode 460101 "message too long,
 * exceed 20000 bytes"; the loopback robot answers so. Before, such a text was claimed and posted, and the
 * customer failed for good after the claim. The body carries the @-mention of a mobile number (at.atMobiles
 * and " @mobile" at the end of the text), so a text that fits without one may not fit with one.
 */
describe('DingTalk: a text whose request body is over 20,000 bytes is the item\'s error before anything is sent', () => {
	let server: ProviderServer;
	beforeAll(async () => {
		server = await startDingTalkServer();
	});
	afterEach(() => server.reset());
	afterAll(() => server.close());

	const item = (i: number, name: string, owner = ''): IDataObject => ({ customerId: `D${i}`, name, owner, orderId: `O-${i}`, timeZone: 'Asia/Shanghai' });
	const run = (items: IDataObject[]) =>
		runCare(server, items, { text: 'Hi {{name}}.', recipientField: 'owner', frequencyCap: 'off', options: { pacing: 'off' } }, { onError: 'continueRegularOutput' });
	const bodyBytes = async (name: string, owner = '') => {
		server.reset();
		const probe = await run([item(0, name, owner)]);
		expect(probe.sent).toHaveLength(1);
		return Buffer.byteLength(server.requests[0].rawBody, 'utf8');
	};

	it('the loopback robot refuses 20,001 bytes with 460101, as DingTalk does', async () => {
		// Unsigned, to post by hand; with 加签 the signature is in the query string, which the limit does not count.
		const robot = await startDingTalkServer({ secret: null });
		try {
			const send = (content: string) =>
				fetch(`${robot.baseUrl}/robot/send?access_token=${String(robot.credentials.accessToken)}`, {
					method: 'POST',
					headers: { 'Content-Type': 'application/json' },
					body: JSON.stringify({ msgtype: 'text', text: { content } }),
				}).then((r) => r.json());
			const overhead = Buffer.byteLength(JSON.stringify({ msgtype: 'text', text: { content: '' } }));
			expect(await send('长'.repeat(1000) + 'x'.repeat(DINGTALK_BODY_LIMIT_BYTES - overhead - 3000))).toEqual({ errcode: 0, errmsg: 'ok' });
			expect(await send('长'.repeat(1000) + 'x'.repeat(DINGTALK_BODY_LIMIT_BYTES - overhead - 2999))).toEqual({ errcode: 460101, errmsg: 'message too long, exceed 20000 bytes' });
		} finally {
			await robot.close();
		}
	});

	it('a body of exactly 20,000 bytes is sent; one byte more fails naming the size, in ASCII, Chinese, JSON escapes and with a mention', async () => {
		const overhead = (await bodyBytes('x')) - 1;
		const mentionOverhead = (await bodyBytes('x', '+86 138 0013 8000')) - 1;
		// The mention adds at.atMobiles and " @13800138000" to the text.
		expect(mentionOverhead - overhead).toBeGreaterThan(2 * 11);
		server.reset();
		// '长' is 3 bytes in the body; '"' and a line break are 2 (their JSON escapes): names padded with ASCII to the exact size.
		const padded = (unit: string, unitBytes: number, total: number, base = overhead) => {
			const count = Math.floor((total - base) / unitBytes);
			return unit.repeat(count) + 'x'.repeat(total - base - count * unitBytes);
		};
		const limit = DINGTALK_BODY_LIMIT_BYTES;
		const items = [
			item(0, 'x'.repeat(limit - overhead)),
			item(1, 'x'.repeat(limit - overhead + 1)),
			item(2, padded('长', 3, limit)),
			item(3, padded('长', 3, limit + 1)),
			item(4, padded('"\n', 4, limit)),
			item(5, padded('"\n', 4, limit + 1)),
			item(6, 'x'.repeat(limit - mentionOverhead), '13800138000'),
			// Fits without the mention, not with it.
			item(7, 'x'.repeat(limit - mentionOverhead + 1), '13800138000'),
		];
		const result = await run(items);
		expect(result.sent.map((s) => s.customerId)).toEqual(['D0', 'D2', 'D4', 'D6']);
		expect(result.failed.map((f) => [f.customerId, String(f.error)])).toEqual(
			[1, 3, 5, 7].map((i) => [
				`D${i}`,
				expect.stringMatching(
					new RegExp(`^Item ${i}: field "message text" is ".*", which makes a request body of ${limit + 1} bytes, over DingTalk's limit for a robot's request body of ${limit} bytes \\(expected a request body of at most ${limit} bytes`, 's'),
				),
			]),
		);
		expect(result.failed.map((f) => (f.care as IDataObject).code)).toEqual(['INVALID_ITEM', 'INVALID_ITEM', 'INVALID_ITEM', 'INVALID_ITEM']);
		// Only the four that fit reached the robot, each exactly at the limit; none was refused by it.
		expect(server.requests.map((r) => [r.status, Buffer.byteLength(r.rawBody, 'utf8')])).toEqual([0, 2, 4, 6].map(() => [200, limit]));
		expect(server.deliveries).toHaveLength(4);
	});
});
