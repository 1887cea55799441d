import { NODE_UNDER_TEST } from '../helpers/runWorkflow';
import { startWebhookServer, type ProviderServer } from '../helpers/providers';
import { DAYTIME, runCare } from './helpers/run';

const customer = (id: string, extra: Record<string, unknown> = {}) => ({
	customerId: id,
	name: `Customer ${id}`,
	orderId: `O-${id}`,
	consent: 'yes',
	timeZone: 'Asia/Shanghai',
	...extra,
});

describe('Send Care Message in the real engine (generic webhook)', () => {
	let server: ProviderServer;
	beforeEach(async () => {
		server = await startWebhookServer();
	});
	afterEach(async () => {
		await server.close();
	});

	it('puts every item on exactly one of Sent, Skipped and Failed, keeping input fields and pairing', async () => {
		const run = await runCare(
			server,
			[
				customer('a'),
				customer('b', { consent: 'opted_out' }),
				customer('c', { orderId: '' }), // placeholder without default: item error
				customer('d', { timeZone: 'America/Los_Angeles' }), // 20:00 on 7 March there
			],
			{},
			{ onError: 'continueRegularOutput' },
		);
		expect(run.result.error).toBeUndefined();
		expect(run.sent.map((s) => s.customerId)).toEqual(['a']);
		expect(run.skipped.map((s) => s.customerId)).toEqual(['b', 'd']);
		// An item error on Failed as the outputs are documented: its fields, the error and care (n8n's own
		// nodes write the message only, which leaves no customer ID to write back or retry).
		const error = `Item 2: field "orderId" is "", which the message template's placeholder {{orderId}} needs (expected a value, or a default in the template like {{orderId|…}})`;
		expect(run.failed).toEqual([
			{
				...customer('c', { orderId: '' }),
				error,
				care: { status: 'failed', channel: 'webhook', careType: 'custom', template: 'custom', outcome: 'notSent', code: 'INVALID_ITEM', message: error, retryable: false, attempts: 0 },
			},
		]);
		expect(run.sent[0]).toMatchObject({ name: 'Customer a', orderId: 'O-a' });

		expect(run.care('sent')[0]).toEqual({
			status: 'sent',
			channel: 'webhook',
			careType: 'custom',
			template: 'custom',
			key: 'a:custom:webhook:2026-03-08',
			language: 'zh-CN',
			attempts: 1,
			sentAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{3})?\+08:00$/),
			providerMessageId: 'evt_1',
			providerCode: 'HTTP_200',
			content: { subject: 'Order O-a', text: 'Hi Customer a, order O-a has shipped.' },
		});
		expect(run.care('skipped')).toEqual([
			{
				status: 'skipped',
				channel: 'webhook',
				careType: 'custom',
				template: 'custom',
				language: 'zh-CN',
				reason: 'noConsent',
				reasonLabel: '未获授权',
				detail: '"consent" records that the customer opted out',
			},
			expect.objectContaining({
				reason: 'quietHours',
				reasonLabel: '免打扰时段',
				deferUntil: '2026-03-08T09:00:00-07:00',
				key: 'd:custom:webhook:2026-03-07',
			}),
		]);
		const paired = [0, 1, 2].flatMap((o) => run.result.items(NODE_UNDER_TEST, o).map((i) => i.pairedItem));
		expect(paired).toEqual(expect.arrayContaining([{ item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }]));
		expect(paired).toHaveLength(4);
		expect(server.deliveries.map((d) => [d.key, d.subject, d.text])).toEqual([
			['a:custom:webhook:2026-03-08', 'Order O-a', 'Hi Customer a, order O-a has shipped.'],
		]);
	});

	it('stops before sending anything when an item is bad and the node does not continue on fail', async () => {
		const run = await runCare(server, [customer('a'), customer('b', { customerId: '' })]);
		expect(run.result.error?.message).toBe(
			'Item 1: field "customerId" is "", which is empty (expected a customer ID (text or number))',
		);
		expect(server.requests).toHaveLength(0);
	});

	it('routes item errors to the error output under "continue (using error output)"', async () => {
		const run = await runCare(server, [customer('a'), customer('b', { timeZone: 'Moon/Base' })], {}, { onError: 'continueErrorOutput' });
		expect(run.result.error).toBeUndefined();
		expect(run.result.json(NODE_UNDER_TEST, 0).map((i) => i.customerId)).toEqual(['a']);
		expect(run.result.json(NODE_UNDER_TEST, 2)).toEqual([]);
		const errors = run.result.items(NODE_UNDER_TEST, 3);
		expect(errors).toHaveLength(1);
		expect(errors[0].json).toEqual({
			error: 'Item 1: field "timeZone" is "Moon/Base", which is not a time zone (expected an IANA time zone such as Asia/Shanghai or Europe/Berlin)',
		});
		expect(errors[0].pairedItem).toEqual({ item: 1 });
	});

	it('dry run renders and applies policy but sends and claims nothing', async () => {
		// A service message respects opt-outs: no answer recorded (c) is not an opt-out.
		const run = await runCare(server, [customer('a'), customer('a'), customer('b', { consent: 'no' }), customer('c', { consent: '' })], {
			dryRun: true,
		});
		expect(run.care('skipped').map((c) => c.reason)).toEqual(['dryRun', 'duplicate', 'noConsent', 'dryRun']);
		expect(run.care('skipped')[0]).toMatchObject({
			reasonLabel: '试运行（未发送）',
			content: { subject: 'Order O-a', text: 'Hi Customer a, order O-a has shipped.' },
		});
		expect(server.requests).toHaveLength(0);
	});

	it('reports a permanent provider failure on Failed with code and retryable flag', async () => {
		server.faults.setHook(() => ({ kind: 'providerError', code: 400 }));
		const run = await runCare(server, [customer('a')], {}, {});
		expect(run.care('failed')).toEqual([
			expect.objectContaining({
				status: 'failed',
				outcome: 'failed',
				code: 'HTTP_400',
				retryable: false,
				attempts: 1,
				message: expect.stringContaining('HTTP 400'),
			}),
		]);
	});

	it('refuses to overwrite an existing output field', async () => {
		const run = await runCare(server, [customer('a', { care: 'x' })], {}, { onError: 'continueRegularOutput' });
		expect(run.failed).toEqual([{ error: expect.stringMatching(/^Item 0: field "care" is "x", which already exists in the item/) }]);
		expect(server.requests).toHaveLength(0);
	});

	it('reads the as-of instant for quiet hours: at night everything is deferred to 09:00 local', async () => {
		const run = await runCare(server, [customer('a')], { options: { asOf: '2026-03-08T14:30:00Z' } });
		expect(run.care('skipped')[0]).toMatchObject({ reason: 'quietHours', deferUntil: '2026-03-09T09:00:00+08:00' });
		expect(DAYTIME).toBe('2026-03-08T04:00:00Z');
	});

	// Parameters that apply to the whole batch (purpose, consent rule, quiet hours, options...) are read from
	// the first item. Written as an expression they must give every item the same value: otherwise the node
	// stops before sending anything, instead of sending everyone under the first customer's rules.
	describe('batch-level parameters written as expressions', () => {
		it('refuses an expression that gives items different values, naming the parameter, the items and the values, and sends nothing', async () => {
			const run = await runCare(server, [customer('C1', { vip: false }), customer('C2', { vip: false }), customer('C3', { vip: true })], {
				purpose: "={{ $json.vip ? 'service' : 'marketing' }}",
			});
			expect(run.result.error?.message).toBe(
				'Parameter "Purpose" is an expression that gives item 0 "marketing" but item 2 "service"; it applies to the whole batch (expected the same value for every item: split the items with an If or Switch node and use one Send Care Message node per value)',
			);
			expect(server.deliveries).toHaveLength(0);
		});

		it('checks expressions inside Options too', async () => {
			const run = await runCare(server, [customer('C1', { vip: false }), customer('C2', { vip: true })], {
				options: { concurrency: '={{ $json.vip ? 2 : 1 }}' },
			});
			expect(run.result.error?.message).toMatch(/^Parameter "Options › Concurrency" is an expression that gives item 0 1 but item 1 2; it applies to the whole batch/);
			expect(server.deliveries).toHaveLength(0);
		});

		it('reads an expression that reads no item once: As Of {{ $now }} over 50 customers (its value moves by milliseconds from item to item)', async () => {
			const customers = Array.from({ length: 50 }, (_, k) => customer(`N${k}`));
			const run = await runCare(server, customers, { dryRun: true, options: { asOf: '={{ $now }}' } });
			expect(run.result.error).toBeUndefined();
			expect(run.care('sent').length + run.care('skipped').length).toBe(50);
		});

		it('still compares an expression that reads the item through an earlier node\'s pairedItem()', async () => {
			const run = await runCare(server, [customer('C1', { vip: false }), customer('C2', { vip: true })], {
				purpose: "={{ $('Source').pairedItem().json.vip ? 'service' : 'marketing' }}",
			});
			expect(run.result.error?.message).toMatch(/^Parameter "Purpose" is an expression that gives item 0 "marketing" but item 1 "service"/);
		});

		it('accepts an expression that gives every item the same value', async () => {
			const run = await runCare(server, [customer('C1', { vip: true }), customer('C2', { vip: true })], { purpose: "={{ $json.vip ? 'service' : 'marketing' }}" });
			expect(run.result.error).toBeUndefined();
			expect(run.care('sent').map((c) => c.careType)).toHaveLength(2);
			expect(server.deliveries).toHaveLength(2);
		});
	});
});
