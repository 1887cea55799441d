import { NODE_UNDER_TEST, PARAMETER_ISSUES } from '../helpers/runWorkflow';
import { startAliyunSmsServer, startWebhookServer, type ProviderServer, type RecordedRequest } from '../helpers/providers';
import { runCare } from './helpers/run';

// Message parameters written as n8n expressions are evaluated per item (the examples pick the Aliyun
// template by the customer's language); everything is checked at the loopback servers, on the wire.

/** The SendSms parameters as the Aliyun server received them (query of a GET, or a form body). */
function wireParams(request: RecordedRequest): Record<string, string> {
	const params = new URLSearchParams(request.query);
	if (request.method === 'POST') for (const [name, value] of new URLSearchParams(request.rawBody)) params.set(name, value);
	return Object.fromEntries(params);
}
const sendSmsRequests = (server: ProviderServer) => server.requests.map(wireParams).filter((p) => p.Action === 'SendSms');

const BY_LANGUAGE = "={{ $json.language === 'en' ? 'SMS_480100002' : 'SMS_480100001' }}";
const SMS_TEMPLATES = {
	SMS_480100001: '亲爱的${name}，${brand}祝您生日快乐！',
	SMS_480100002: 'Dear ${name}, happy birthday from ${brand}!',
};
const smsCustomer = (id: string, language: string, phone: string) => ({
	customerId: id,
	name: language === 'en' ? `Customer ${id}` : `客户${id}`,
	language,
	phone,
	consent: 'granted',
	timeZone: 'Asia/Shanghai',
});
const birthdaySms = { template: 'birthday', brandName: '星河优选', recipientField: 'phone', options: { languageField: 'language' } };

describe('Send Care Message: message parameters that are expressions are evaluated per item', () => {
	const servers: ProviderServer[] = [];
	const started = async (server: Promise<ProviderServer>) => {
		const s = await server;
		servers.push(s);
		return s;
	};
	afterEach(async () => {
		await Promise.all(servers.splice(0).map((s) => s.close()));
	});

	it('Aliyun: the template code expression picks each customer’s template (Chinese first, English second)', async () => {
		const server = await started(startAliyunSmsServer({ signNames: ['星河优选'], templates: SMS_TEMPLATES }));
		const run = await runCare(
			server,
			[smsCustomer('C1', 'zh-CN', '+8613800000001'), smsCustomer('C2', 'en', '+8613800000002'), smsCustomer('C3', 'zh-CN', '+8613800000003')],
			{ ...birthdaySms, smsTemplateCode: BY_LANGUAGE },
		);
		expect(run.result.error).toBeUndefined();
		expect(run.care('sent').map((c) => c.to)).toEqual(['+8613800000001', '+8613800000002', '+8613800000003']);
		const received = sendSmsRequests(server).map((p) => [p.PhoneNumbers, p.TemplateCode, JSON.parse(p.TemplateParam)]);
		expect(received.sort()).toEqual([
			['13800000001', 'SMS_480100001', { name: '客户C1', brand: '星河优选' }],
			['13800000002', 'SMS_480100002', { name: 'Customer C2', brand: '星河优选' }],
			['13800000003', 'SMS_480100001', { name: '客户C3', brand: '星河优选' }],
		]);
		expect(server.deliveries.find((d) => d.to === '13800000002')?.text).toBe('【星河优选】Dear Customer C2, happy birthday from 星河优选!');
	});

	it('a custom template whose subject, text, care type and language are expressions renders per item', async () => {
		const server = await started(startWebhookServer());
		const items = [
			{ customerId: 'a', name: 'Ann', language: 'en', orderId: 'O-1', timeZone: 'Asia/Shanghai' },
			{ customerId: 'b', name: '王芳', language: 'zh-CN', orderId: 'O-2', timeZone: 'Asia/Shanghai' },
			{ customerId: 'c', name: 'Bo', language: 'en', orderId: 'O-3', timeZone: 'Asia/Shanghai' },
		];
		const run = await runCare(server, items, {
			purpose: 'staff',
			language: '={{ $json.language }}',
			subject: "={{ $json.language === 'en' ? 'Order shipped' : '订单已发货' }}",
			// n8n fills this per item; {{placeholders}} in the result would be filled from the item too.
			text: "={{ $json.language === 'en' ? 'Hi ' + $json.name + ', order ' + $json.orderId + ' has shipped.' : $json.name + '您好，订单' + $json.orderId + '已发货。' }}",
			careType: "={{ 'shipped-' + $json.language }}",
		});
		expect(run.result.error).toBeUndefined();
		expect(server.deliveries.map((d) => [d.key, d.subject, d.text]).sort()).toEqual([
			['a:shipped-en:webhook:2026-03-08', 'Order shipped', 'Hi Ann, order O-1 has shipped.'],
			['b:shipped-zh-CN:webhook:2026-03-08', '订单已发货', '王芳您好，订单O-2已发货。'],
			['c:shipped-en:webhook:2026-03-08', 'Order shipped', 'Hi Bo, order O-3 has shipped.'],
		]);
		expect(run.care('sent').map((c) => [c.careType, c.language, c.template])).toEqual([
			['shipped-en', 'en', 'custom'],
			['shipped-zh-CN', 'zh-CN', 'custom'],
			['shipped-en', 'en', 'custom'],
		]);
	});

	it('an expression that gives one item an empty template code fails only that item (error output); the others are sent', async () => {
		const server = await started(startAliyunSmsServer({ signNames: ['星河优选'], templates: SMS_TEMPLATES }));
		const code = "={{ $json.language === 'en' ? 'SMS_480100002' : $json.language === 'zh-CN' ? 'SMS_480100001' : '' }}";
		const run = await runCare(
			server,
			[smsCustomer('C1', 'en', '+8613800000001'), { ...smsCustomer('C2', 'zh-CN', '+8613800000002'), language: 'ja' }, smsCustomer('C3', 'zh-CN', '+8613800000003')],
			{ ...birthdaySms, options: {}, smsTemplateCode: code },
			{ onError: 'continueErrorOutput' },
		);
		expect(run.result.error).toBeUndefined();
		expect(run.sent.map((i) => i.customerId)).toEqual(['C1', 'C3']);
		expect(sendSmsRequests(server).map((p) => [p.PhoneNumbers, p.TemplateCode])).toEqual([
			['13800000001', 'SMS_480100002'],
			['13800000003', 'SMS_480100001'],
		]);
		const errors = run.result.items(NODE_UNDER_TEST, 3);
		expect(errors.map((e) => [e.json, e.pairedItem])).toEqual([
			[
				{
					error:
						'Item 1: the expression of "Aliyun Template Code" gives "", which is empty (expected the code of an approved Aliyun template, such as SMS_123456789: Aliyun sends only approved templates)',
				},
				{ item: 1 },
			],
		]);
		expect(run.result.json(NODE_UNDER_TEST, 2)).toEqual([]);
	});

	it('without continue-on-fail, an item whose expression fails stops the node before anything is sent', async () => {
		const server = await started(startAliyunSmsServer({ signNames: ['星河优选'], templates: SMS_TEMPLATES }));
		const run = await runCare(
			server,
			[smsCustomer('C1', 'en', '+8613800000001'), smsCustomer('C2', 'zh-CN', '+8613800000002')],
			{ ...birthdaySms, smsTemplateCode: "={{ $json.language === 'en' ? 'SMS_480100002' : '  ' }}" },
		);
		expect(run.result.error?.message).toBe(
			'Item 1: the expression of "Aliyun Template Code" gives "  ", which is empty (expected the code of an approved Aliyun template, such as SMS_123456789: Aliyun sends only approved templates)',
		);
		expect(server.requests).toHaveLength(0);
	});

	it('Aliyun template parameters from an expression: invalid JSON for one item fails that item, naming the value', async () => {
		const server = await started(startAliyunSmsServer({ signNames: ['星河优选'], templates: { SMS_1: '${who}，生日快乐！' } }));
		const run = await runCare(
			server,
			[
				{ ...smsCustomer('C1', 'zh-CN', '+8613800000001'), params: '{"who": "{{name}}"}' },
				{ ...smsCustomer('C2', 'zh-CN', '+8613800000002'), params: '{"who": "{{name}"' },
			],
			{ ...birthdaySms, smsTemplateCode: 'SMS_1', smsTemplateParams: '={{ $json.params }}' },
			{ onError: 'continueRegularOutput' },
		);
		expect(run.result.error).toBeUndefined();
		// An expression's result is finished text: "{{name}}" in item data is never read as a placeholder.
		expect(sendSmsRequests(server).map((p) => [p.PhoneNumbers, p.TemplateParam])).toEqual([['13800000001', '{"who":"{{name}}"}']]);
		// The item keeps its fields; Care Type is unknown when the item's own message parameters failed.
		const error = 'Item 1: the expression of "Aliyun Template Parameters" gives "{"who": "{{name}"", which is not JSON (expected an object like {"name": "{{name}}"})';
		expect(run.failed).toEqual([
			expect.objectContaining({
				customerId: 'C2',
				error,
				care: { status: 'failed', channel: 'aliyunSms', template: 'birthday', outcome: 'notSent', code: 'INVALID_ITEM', message: error, retryable: false, attempts: 0 },
			}),
		]);
	});

	// null was read as empty, so the item was sent with every placeholder of the text by field name instead
	// of the parameters its expression was meant to give.
	it('Aliyun template parameters from an expression: null for one item fails that item, naming the value', async () => {
		const server = await started(startAliyunSmsServer({ signNames: ['星河优选'], templates: { SMS_1: '${who}，生日快乐！' } }));
		const run = await runCare(
			server,
			[
				{ ...smsCustomer('C1', 'zh-CN', '+8613800000001'), params: '{"who": "Ann"}' },
				{ ...smsCustomer('C2', 'zh-CN', '+8613800000002'), params: null },
			],
			{ ...birthdaySms, smsTemplateCode: 'SMS_1', smsTemplateParams: '={{ $json.params }}' },
			{ onError: 'continueRegularOutput' },
		);
		expect(run.result.error).toBeUndefined();
		expect(sendSmsRequests(server).map((p) => [p.PhoneNumbers, p.TemplateParam])).toEqual([['13800000001', '{"who":"Ann"}']]);
		// The item keeps its fields; Care Type is unknown when the item's own message parameters failed.
		const error = 'Item 1: the expression of "Aliyun Template Parameters" gives null, which is not a JSON object (expected an object of Aliyun template variable names and values, like {"name": "{{name}}"})';
		expect(run.failed).toEqual([
			expect.objectContaining({
				customerId: 'C2',
				error,
				care: { status: 'failed', channel: 'aliyunSms', template: 'birthday', outcome: 'notSent', code: 'INVALID_ITEM', message: error, retryable: false, attempts: 0 },
			}),
		]);
	});

	it('a blank Aliyun template code without an expression is still a configuration error before any item', async () => {
		const server = await started(startAliyunSmsServer({ signNames: ['星河优选'], templates: SMS_TEMPLATES }));
		const items = [smsCustomer('C1', 'zh-CN', '+8613800000001'), smsCustomer('C2', 'en', '+8613800000002')];
		const reason =
			'Parameter "Aliyun Template Code" is "   ", which is empty (expected the code of an approved Aliyun template, such as SMS_123456789: Aliyun sends only approved templates)';
		const stopped = await runCare(server, items, { ...birthdaySms, smsTemplateCode: '   ' });
		expect(stopped.result.error?.message).toBe(reason);
		expect(stopped.result.run.data.resultData.runData[NODE_UNDER_TEST][0].error?.message).toBe(reason);
		// Under Continue (using error output) every item leaves on the error output with the reason.
		const run = await runCare(server, items, { ...birthdaySms, smsTemplateCode: '   ' }, { onError: 'continueErrorOutput' });
		expect(run.result.error).toBeUndefined();
		expect(run.result.json(NODE_UNDER_TEST, 3)).toEqual(items.map(() => expect.objectContaining({ error: reason })));
		expect(server.requests).toHaveLength(0);
		// An empty one never gets that far: the parameter is required, and n8n refuses to run the workflow.
		await expect(runCare(server, items, { ...birthdaySms, smsTemplateCode: '' })).rejects.toThrow(PARAMETER_ISSUES);
		expect(server.requests).toHaveLength(0);
	});
});
