import type { IDataObject } from 'n8n-workflow';
import { startWebhookServer, type ProviderServer } from '../helpers/providers';
import { runCare } from './helpers/run';

const customers = [
	{ customerId: 'E1', name: 'Ann', orderId: 'O-1', timeZone: 'Asia/Shanghai', pick: { city: 'Shanghai' } },
	{ customerId: 'E2', name: 'Bo', orderId: 'O-2', timeZone: 'Asia/Shanghai', pick: 'Suzhou' },
	{ customerId: 'E3', name: 'Cy', orderId: 'O-3', timeZone: 'Asia/Shanghai', pick: ['a', 'b'] },
	{ customerId: 'E4', name: 'Di', orderId: 'O-4', timeZone: 'Asia/Shanghai', pick: { city: 'Beijing' } },
];

/**
 * A message parameter whose expression gives an object or a list. Before, it was written as
 * "[object Object]" or "a,b": the customer got "[object Object]" as the text, subject or brand, and as a
 * Custom Key every customer with an object had the same key "[object Object]", so all but the first were
 * skipped as duplicates.
 */
const PARAMETERS: Array<[string, string, IDataObject]> = [
	['Text', 'text', { text: '={{ $json.pick }}' }],
	['Subject', 'subject', { subject: '={{ $json.pick }}' }],
	['Brand Name', 'brandName', { brandName: '={{ $json.pick }}', text: 'Hello from {{brand}}' }],
	['Custom Key', 'keyTemplate', { keyTemplate: '={{ $json.pick }}' }],
	['Care Type', 'careType', { careType: '={{ $json.pick }}' }],
];

describe('Send Care Message: a message parameter whose expression gives an object or a list', () => {
	let server: ProviderServer;
	beforeAll(async () => {
		server = await startWebhookServer();
	});
	afterEach(() => server.reset());
	afterAll(() => server.close());

	it.each(PARAMETERS)('%s: each such item fails naming the parameter and the value; the item with text is sent', async (label, _name, parameters) => {
		const run = await runCare(server, customers, { frequencyCap: 'off', ...parameters }, { onError: 'continueRegularOutput' });
		expect(run.failed.map((f) => String(f.error))).toEqual([
			`Item 0: the expression of "${label}" gives "{"city":"Shanghai"}", which is an object, not text (expected text, a number or a date (pick the field you mean, such as $json.address.city))`,
			`Item 2: the expression of "${label}" gives "["a","b"]", which is a list, not text (expected text, a number or a date (pick the field you mean, such as $json.address.city))`,
			expect.stringMatching(new RegExp(`^Item 3: the expression of "${label}" gives "\\{"city":"Beijing"\\}", which is an object`)),
		]);
		expect(run.skipped).toEqual([]);
		expect(run.sent.map((s) => s.customerId)).toEqual(['E2']);
		expect(JSON.stringify(server.requests.map((r) => r.rawBody))).not.toContain('[object Object]');
	});
});

// true and false were written as "true" and "false": the customer got "true" as the text or the brand, and
// as a Custom Key every such customer had the key "true", so all but the first were skipped as duplicates.
describe('Send Care Message: a message parameter whose expression gives true or false', () => {
	let server: ProviderServer;
	beforeAll(async () => {
		server = await startWebhookServer();
	});
	afterEach(() => server.reset());
	afterAll(() => server.close());

	const flags = [true, 'Suzhou', false, true].map((pick, i) => ({ ...customers[i], pick }));
	it.each(PARAMETERS)('%s: each such item fails naming the parameter and the value; the item with text is sent', async (label, _name, parameters) => {
		const run = await runCare(server, flags, { frequencyCap: 'off', ...parameters }, { onError: 'continueRegularOutput' });
		const expected = 'which is not text (expected text, a number or a date (pick the field you mean, such as $json.address.city))';
		expect(run.failed.map((f) => String(f.error))).toEqual([
			`Item 0: the expression of "${label}" gives true, ${expected}`,
			`Item 2: the expression of "${label}" gives false, ${expected}`,
			`Item 3: the expression of "${label}" gives true, ${expected}`,
		]);
		expect(run.skipped).toEqual([]);
		expect(run.sent.map((s) => s.customerId)).toEqual(['E2']);
	});
});

describe('Send Care Message: a message parameter whose expression gives a date', () => {
	let server: ProviderServer;
	beforeAll(async () => {
		server = await startWebhookServer();
	});
	afterAll(() => server.close());

	it('keeps its own text form (a luxon DateTime its ISO text, a Date its text)', async () => {
		const run = await runCare(server, [customers[1]], { text: '={{ DateTime.fromISO("2026-03-08T12:00:00.000+08:00", { setZone: true }) }}', subject: '={{ new Date(Date.UTC(2026, 2, 8)) }}' }, { onError: 'continueRegularOutput' });
		expect(run.failed).toEqual([]);
		expect(run.care('sent')[0].content).toEqual({ text: '2026-03-08T12:00:00.000+08:00', subject: expect.stringMatching(/^(2026-03-08T00:00:00.000Z|Sun Mar 08 2026 .*)$/) });
	});
});
