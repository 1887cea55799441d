import type { IDataObject } from 'n8n-workflow';
import { startWebhookServer, type ProviderServer } from '../helpers/providers';
import { NODE_UNDER_TEST } from '../helpers/runWorkflow';
import { runCare } from './helpers/run';

const customers = [
	{ customerId: 'P1', name: 'Ann', orderId: 'O-1', timeZone: 'Asia/Shanghai', lastContactedAt: '1990-01-01' },
	{ customerId: 'P2', name: 'Bo', orderId: 'O-2', timeZone: 'Asia/Shanghai', lastContactedAt: '1900-01-02' },
	{ customerId: 'P3', name: 'Cy', orderId: 'O-3', timeZone: 'Asia/Shanghai' },
];

/**
 * Options and boolean parameters an expression sets to none of their choices. Before, each was read as
 * some other choice and the batch was sent: a Consent Rule "optin" sent marketing without any consent,
 * Frequency Cap "weekly" capped nothing, Dry Run "false" (text) made a dry run, Key Period "hour" failed
 * every item with "Cannot read properties of undefined (reading 'replace')".
 */
const NOT_A_CHOICE: Array<[string, IDataObject, RegExp]> = [
	['Consent Rule "optin"', { purpose: 'marketing', consentMode: '={{ "optin" }}' }, /^Parameter "Consent Rule" is "optin", which is not one of its choices \(expected "auto", "ignore", "optIn", "optOut"\)$/],
	['Frequency Cap "weekly"', { frequencyCap: '={{ "weekly" }}' }, /^Parameter "Frequency Cap" is "weekly", which is not one of its choices/],
	['Dry Run "false" as text', { dryRun: '={{ "false" }}' }, /^Parameter "Dry Run" is "false", which is not one of its choices \(expected true, false\)$/],
	['Key Period "hour"', { keyPeriod: '={{ "hour" }}' }, /^Parameter "Key Period" is "hour", which is not one of its choices \(expected "day", "month", "once", "week", "year"\)$/],
	['Pacing "fast"', { options: { pacing: '={{ "fast" }}' } }, /^Parameter "Options › Pacing" is "fast", which is not one of its choices/],
	['Rate Period 1 ms', { options: { pacing: 'custom', ratePeriod: '={{ 1 }}' } }, /^Parameter "Options › Rate Period" is 1, which is not one of its choices \(expected 3600000, 60000, 1000\)$/],
];

describe('Send Care Message: policy parameters with odd values', () => {
	let server: ProviderServer;
	beforeAll(async () => {
		server = await startWebhookServer();
	});
	afterEach(() => server.reset());
	afterAll(() => server.close());

	it.each(NOT_A_CHOICE)('%s stops the node naming the parameter, the value and the choices; nothing is sent', async (_name, parameters, reason) => {
		const stopped = await runCare(server, customers, parameters);
		expect(stopped.result.error?.message).toMatch(reason);
		const failed = await runCare(server, customers, parameters, { onError: 'continueErrorOutput' });
		expect(failed.result.json(NODE_UNDER_TEST, 3).map((e) => String(e.error))).toEqual(customers.map(() => expect.stringMatching(reason)));
		expect(server.requests).toHaveLength(0);
	});

	it.each([1e5, 1e9, 1e308])('a cap window of %s days counts every contact since 1900 (before, 1e9 and 1e308 counted none)', async (days) => {
		const run = await runCare(server, customers, { frequencyCap: 'field', capMaxMessages: 1, capWindowDays: days }, { onError: 'continueRegularOutput' });
		expect(run.care('skipped').map((c) => [c.key, c.reason])).toEqual([
			['P1:custom:webhook:2026-03-08', 'capped'],
			['P2:custom:webhook:2026-03-08', 'capped'],
		]);
		expect(run.care('sent').map((c) => c.key)).toEqual(['P3:custom:webhook:2026-03-08']);
	});
});
