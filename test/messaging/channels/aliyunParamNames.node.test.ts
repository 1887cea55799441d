import type { IDataObject } from 'n8n-workflow';

import { startAliyunSmsServer, type ProviderServer } from '../../helpers/providers';
import { runCare } from '../../SendCareMessage/helpers/run';

/**
 * Without Aliyun Template Parameters each placeholder of the Text is sent as the template variable of its
 * name, with every character a variable name cannot have made "_". Two placeholders that become one name
 * ({{customer.name}} and {{customer_name}}) sent only the first one's value under it, and the second was
 * dropped without a word. Now every item fails naming both placeholders, before anything is claimed or sent.
 */
describe('Aliyun SMS: two placeholders that become one template variable are refused, not one of them dropped', () => {
	let server: ProviderServer;
	beforeAll(async () => {
		server = await startAliyunSmsServer({ templates: { SMS_1: '${customer_name}：${customer_title}' } });
	});
	afterAll(async () => server.close());
	const items: IDataObject[] = [
		{ customerId: 'A1', phone: '13800138001', customer: { name: '王芳', title: 'VIP' }, customer_name: '王', timeZone: 'Asia/Shanghai' },
		{ customerId: 'A2', phone: '13800138002', customer: { name: '李雷', title: 'VIP' }, customer_name: '李', timeZone: 'Asia/Shanghai' },
	];
	const parameters = (text: string, extra: IDataObject = {}): IDataObject => ({ text, recipientField: 'phone', smsTemplateCode: 'SMS_1', frequencyCap: 'off', ...extra });

	it('every item fails naming both placeholders and the variable; nothing reaches Aliyun', async () => {
		const run = await runCare(server, items, parameters('{{customer.name}}：{{customer_name}}{{customer.title}}'), { onError: 'continueRegularOutput' });
		expect(run.sent).toEqual([]);
		expect(run.failed.map((f) => String(f.error))).toEqual(
			[0, 1].map(
				(i) =>
					`Item ${i}: The placeholders {{customer.name}} and {{customer_name}} both become the Aliyun template variable "customer_name" (expected placeholders whose names differ in more than the characters a variable name cannot have, or Aliyun Template Parameters naming each variable)`,
			),
		);
		expect(server.deliveries).toEqual([]);
	});

	it('the same placeholder twice is one variable, and Aliyun Template Parameters name each variable', async () => {
		const twice = await runCare(server, [items[0]], parameters('{{customer.name}}：{{customer.title}} {{customer.name}}'), { onError: 'continueRegularOutput' });
		expect(twice.failed).toEqual([]);
		expect(server.deliveries.at(-1)?.text).toMatch(/】王芳：VIP$/);
		const named = await runCare(server, [items[1]], parameters('{{customer.name}}：{{customer_name}}', { smsTemplateParams: '{"customer_name": "{{customer.name}}", "customer_title": "{{customer_name}}"}' }), {
			onError: 'continueRegularOutput',
		});
		expect(named.failed).toEqual([]);
		expect(server.deliveries.at(-1)?.text).toMatch(/】李雷：李$/);
	});
});
