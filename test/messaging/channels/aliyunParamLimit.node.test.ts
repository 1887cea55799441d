import type { IDataObject } from 'n8n-workflow';

import { startAliyunSmsServer, type ProviderServer } from '../../helpers/providers';
import { runCare } from '../../SendCareMessage/helpers/run';

/**
 * Aliyun SMS takes at most 35 characters in one template variable's value unless Aliyun lifts the limit for
 * a template (then the whole SMS may not pass 500), and refuses a longer one with isv.PARAM_LENGTH_LIMIT;
 * the loopback gateway does the same. Before, such a value was claimed and sent, and the customer failed for
 * good on Aliyun's refusal. Now it is the item's error, naming the variable, before anything is claimed.
 */
describe('Aliyun SMS: a template variable over its length limit is the item\'s error before anything is sent', () => {
	const servers: ProviderServer[] = [];
	afterAll(async () => Promise.all(servers.map((s) => s.close())));
	const start = async (paramLengthLimit?: number) => {
		const server = await startAliyunSmsServer({ templates: { SMS_1: '亲爱的${name}，您的订单${orderId}已发货。' }, paramLengthLimit });
		servers.push(server);
		return server;
	};
	const item = (i: number, name: string): IDataObject => ({ customerId: `A${i}`, phone: `138001380${String(i).padStart(2, '0')}`, name, orderId: `O-${i}`, timeZone: 'Asia/Shanghai' });
	const parameters = (extra: IDataObject = {}): IDataObject => ({
		text: '亲爱的{{name}}，您的订单{{orderId}}已发货。',
		recipientField: 'phone',
		smsTemplateCode: 'SMS_1',
		frequencyCap: 'off',
		...extra,
	});

	it('35 characters are sent, 36 fail naming the variable and its size: ASCII, Chinese, and an emoji counted as two', async () => {
		const server = await start();
		const names = ['x'.repeat(35), 'x'.repeat(36), '长'.repeat(35), '长'.repeat(36), '😀'.repeat(17) + 'x', '😀'.repeat(18)];
		const run = await runCare(server, names.map((name, i) => item(i, name)), parameters(), { onError: 'continueRegularOutput' });
		expect(run.sent.map((s) => s.customerId)).toEqual(['A0', 'A2', 'A4']);
		expect(run.failed.map((f) => [f.customerId, String(f.error)])).toEqual(
			[1, 3, 5].map((i) => [
				`A${i}`,
				expect.stringMatching(
					new RegExp(`^Item ${i}: field "TemplateParam\\.name" is ".*", which is 36 characters, over Aliyun's limit for one template variable of 35 characters \\(expected a value of at most 35 characters, counting an emoji as two: shorten the value, or, if Aliyun lifted the limit for this template, raise Aliyun Variable Limit \\(Characters\\)\\)$`),
				),
			]),
		);
		expect(run.failed.map((f) => (f.care as IDataObject).code)).toEqual(['INVALID_ITEM', 'INVALID_ITEM', 'INVALID_ITEM']);
		// Only the three that fit reached Aliyun, and it accepted them.
		expect(server.deliveries.map((d) => d.to)).toEqual(['13800138000', '13800138002', '13800138004']);
	});

	it('a limit Aliyun lifted is set with Aliyun Variable Limit (Characters): 100 is sent, 101 fails', async () => {
		const server = await start(100);
		const run = await runCare(server, [item(0, '长'.repeat(100)), item(1, '长'.repeat(101))], parameters({ smsParamMaxLength: 100 }), { onError: 'continueRegularOutput' });
		expect(run.sent.map((s) => s.customerId)).toEqual(['A0']);
		expect(String(run.failed[0].error)).toMatch(/^Item 1: field "TemplateParam\.name" is ".*", which is 101 characters, over Aliyun's limit for one template variable of 100 characters/);
	});

	it('the loopback gateway refuses a longer value with isv.PARAM_LENGTH_LIMIT, as Aliyun does (the node told a limit higher than the template\'s)', async () => {
		const server = await start();
		const run = await runCare(server, [item(0, 'x'.repeat(36))], parameters({ smsParamMaxLength: 500 }), { onError: 'continueRegularOutput' });
		expect(run.failed.map((f) => [(f.care as IDataObject).code, (f.care as IDataObject).retryable])).toEqual([['isv.PARAM_LENGTH_LIMIT', false]]);
		expect(server.deliveries).toEqual([]);
	});

	it('Aliyun Variable Limit (Characters) outside 1 to 500, or no whole number, stops the run naming it', async () => {
		const server = await start();
		for (const [value, shown, problem] of [[0, '0', 'is out of range'], [501, '501', 'is out of range'], [35.5, '35.5', 'is not a whole number'], ['={{ NaN }}', 'NaN', 'is not a number']] as const) {
			const run = await runCare(server, [item(0, 'Ann')], parameters({ smsParamMaxLength: value }));
			expect(run.result.error?.message).toBe(`Parameter "Aliyun Variable Limit (Characters)" is ${shown}, which ${problem} (expected a whole number of characters from 1 to 500)`);
		}
	});
});
