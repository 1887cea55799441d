import type { IDataObject } from 'n8n-workflow';

import { startFeishuServer, type ProviderServer } from '../../helpers/providers';
import { runCare } from '../../SendCareMessage/helpers/run';

/**
 * Feishu's custom bot refuses a request body over 20 KB with 9499 Bad Request ("请求体的数据大小不能超过
 * 20 KB", open.feishu.cn/document/client-docs/bot-v3/add-custom-bot). The loopback bot answers so, with
 * 20 KB read as 20,000 bytes as the node reads it.
 * Before, such a text was claimed and posted, and the customer failed for good after the claim.
 */
const FEISHU_BODY_LIMIT = 20_000;

describe('Feishu: a text whose request body is over 20 KB is the item\'s error before anything is sent', () => {
	let server: ProviderServer;
	beforeAll(async () => {
		server = await startFeishuServer();
	});
	afterEach(() => server.reset());
	afterAll(() => server.close());

	const item = (i: number, name: string): IDataObject => ({ customerId: `F${i}`, name, orderId: `O-${i}`, timeZone: 'Asia/Shanghai' });
	const run = (items: IDataObject[]) =>
		runCare(server, items, { text: 'Hi {{name}}.', frequencyCap: 'off', options: { pacing: 'off' } }, { onError: 'continueRegularOutput' });

	it('a body of exactly 20,000 bytes is sent; one byte more fails naming the size, in ASCII, Chinese and text JSON escapes', async () => {
		const probe = await run([item(0, 'x')]);
		expect(probe.sent).toHaveLength(1);
		const overhead = Buffer.byteLength(server.requests[0].rawBody, 'utf8') - 1;
		server.reset();
		// '长' is 3 bytes in the body; '"' and a line break are 2 (their JSON escapes): names padded with ASCII to the exact size.
		const padded = (unit: string, unitBytes: number, total: number) => {
			const count = Math.floor((total - overhead) / unitBytes);
			return unit.repeat(count) + 'x'.repeat(total - overhead - count * unitBytes);
		};
		const names = [
			'x'.repeat(FEISHU_BODY_LIMIT - overhead),
			'x'.repeat(FEISHU_BODY_LIMIT - overhead + 1),
			padded('长', 3, FEISHU_BODY_LIMIT),
			padded('长', 3, FEISHU_BODY_LIMIT + 1),
			padded('"\n', 4, FEISHU_BODY_LIMIT),
			padded('"\n', 4, FEISHU_BODY_LIMIT + 1),
		];
		const result = await run(names.map((name, i) => item(i, name)));
		expect(result.sent.map((s) => s.customerId)).toEqual(['F0', 'F2', 'F4']);
		expect(result.failed.map((f) => [f.customerId, String(f.error)])).toEqual(
			[1, 3, 5].map((i) => [
				`F${i}`,
				expect.stringMatching(
					new RegExp(`^Item ${i}: field "message text" is ".*", which makes a request body of ${FEISHU_BODY_LIMIT + 1} bytes, over Feishu's limit for a custom bot's request body of ${FEISHU_BODY_LIMIT} bytes \\(expected a request body of at most ${FEISHU_BODY_LIMIT} bytes`, 's'),
				),
			]),
		);
		expect(result.failed.map((f) => (f.care as IDataObject).code)).toEqual(['INVALID_ITEM', 'INVALID_ITEM', 'INVALID_ITEM']);
		// Only the three that fit reached the bot; none was refused by it.
		expect(server.requests.map((r) => r.status)).toEqual([200, 200, 200]);
	});
});
