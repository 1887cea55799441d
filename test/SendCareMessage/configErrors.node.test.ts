import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';
import { startWebhookServer, type ProviderServer } from '../helpers/providers';
import { NODE_UNDER_TEST } from '../helpers/runWorkflow';
import { POSTGRES } from '../helpers/services';
import { runCare } from './helpers/run';

const customers = [
	{ customerId: 'C1', name: 'Ann', orderId: 'O-1', timeZone: 'Asia/Shanghai', purpose: 'service' },
	{ customerId: 'C2', name: 'Bo', orderId: 'O-2', timeZone: 'Asia/Shanghai', purpose: 'marketing' },
	{ customerId: 'C3', name: 'Cy', orderId: 'O-3', timeZone: 'Asia/Shanghai', purpose: 'service' },
];

/** Node-level settings that cannot work, each with a part of the reason it must give. */
const BAD_SETTINGS: Array<[string, IDataObject, RegExp]> = [
	['Retention Days 0', { ledger: 'redis', options: { retentionDays: 0 } }, /^Parameter "Options › Ledger Retention \(Days, Redis\)" is 0, which is out of range \(expected a positive number\)$/],
	// Number options read as item numbers are: Number() read "0x10" as 16, true as 1, and floored 2.5 to 2.
	['Concurrency "0x10"', { options: { concurrency: '={{ "0x10" }}' } }, /^Parameter "Options › Concurrency" is "0x10", which is not a number \(expected a whole number of at least 1\)$/],
	['Concurrency 2.5', { options: { concurrency: 2.5 } }, /^Parameter "Options › Concurrency" is 2\.5, which is not a whole number \(expected a whole number of at least 1\)$/],
	// A cleared number option (null) took its default without a word; an option not added still does.
	['Concurrency null', { options: { concurrency: null } }, /^Parameter "Options › Concurrency" is null, which is not a number \(expected a whole number of at least 1\)$/],
	['Time Budget null', { options: { timeBudget: '={{ null }}' } }, /^Parameter "Options › Time Budget \(Seconds\)" is null, which is not a number \(expected a positive number\)$/],
	['Rate null', { options: { pacing: 'custom', rateCount: null } }, /^Parameter "Options › Rate \(Messages\)" is null, which is not a number \(expected a whole number of at least 1\)$/],
	['Resend Unconfirmed After null', { options: { resendUnconfirmedAfter: null } }, /^Parameter "Options › Resend Unconfirmed After \(Minutes\)" is null, which is not a number \(expected a number of minutes, 0 or more\)$/],
	['Max Attempts 2.5', { options: { maxAttempts: 2.5 } }, /^Parameter "Options › Max Attempts" is 2\.5, which is not a whole number \(expected a whole number from 1 to 10\)$/],
	['Max Attempts 50 (the panel allows 10)', { options: { maxAttempts: '={{ 50 }}' } }, /^Parameter "Options › Max Attempts" is 50, which is out of range \(expected a whole number from 1 to 10\)$/],
	['Retry Delay true', { options: { retryDelay: '={{ true }}' } }, /^Parameter "Options › Retry Delay \(Ms\)" is true, which is not a number \(expected a positive number\)$/],
	['Time Budget "0b11"', { options: { timeBudget: '={{ "0b11" }}' } }, /^Parameter "Options › Time Budget \(Seconds\)" is "0b11", which is not a number \(expected a positive number\)$/],
	['Attempt Timeout "0x10"', { options: { attemptTimeout: '={{ "0x10" }}' } }, /^Parameter "Options › Attempt Timeout \(Seconds\)" is "0x10", which is not a number \(expected a positive number\)$/],
	['Rate "0x14" a minute', { options: { pacing: 'custom', rateCount: '={{ "0x14" }}' } }, /^Parameter "Options › Rate \(Messages\)" is "0x14", which is not a number \(expected a whole number of at least 1\)$/],
	['Rate 0.5 a minute', { options: { pacing: 'custom', rateCount: 0.5 } }, /^Parameter "Options › Rate \(Messages\)" is 0\.5, which is not a whole number \(expected a whole number of at least 1\)$/],
	['Resend Unconfirmed After ""', { options: { resendUnconfirmedAfter: '={{ "" }}' } }, /^Parameter "Options › Resend Unconfirmed After \(Minutes\)" is "", which is not a number \(expected a number of minutes, 0 or more\)$/],
	['Max Messages "0b10"', { frequencyCap: 'field', capMaxMessages: '={{ "0b10" }}' }, /^Parameter "Max Messages" is "0b10", which is not a number \(expected a whole number of at least 1\)$/],
	['Window (Days) "0x7"', { frequencyCap: 'field', capWindowDays: '={{ "0x7" }}' }, /^Parameter "Window \(Days\)" is "0x7", which is not a number \(expected a positive number of days\)$/],
	['sending hours 25:00', { quietHours: true, sendingHoursEnd: '25:00' }, /25:00/],
	// Text settings read with String(): true, a list or an object was looked up as a field "true", "1,2" or
	// "[object Object]" that no item has (no consent, no time zone, never contacted, for everyone).
	['Consent Field true', { consentField: '={{ true }}' }, /^Parameter "Consent Field" is true, which is not text \(expected a field name\)$/],
	['Time Zone Field an object', { timeZoneField: '={{ ({ a: 1 }) }}' }, /^Parameter "Time Zone Field" is "\{"a":1\}", which is not text \(expected a field name\)$/],
	['Last Contacted Field a list', { frequencyCap: 'field', lastContactedField: '={{ [1, 2] }}' }, /^Parameter "Last Contacted Field" is "\[1,2\]", which is not text \(expected a field name\)$/],
	['Customer ID Field an object', { customerIdField: '={{ ({ a: 1 }) }}' }, /^Parameter "Customer ID Field" is "\{"a":1\}", which is not text/],
	['Recipient Field true', { recipientField: '={{ true }}' }, /^Parameter "Recipient Field" is true, which is not text/],
	['Sending Hours Start an object', { quietHours: true, sendingHoursStart: '={{ ({ a: 1 }) }}' }, /^Parameter "Sending Hours Start" is "\{"a":1\}", which is not text \(expected a time of day like 09:00\)$/],
	['Language Field a list', { options: { languageField: '={{ ["lang"] }}' } }, /^Parameter "Options › Language Field" is "\["lang"\]", which is not text/],
	['Output Field true', { options: { outputField: '={{ true }}' } }, /^Parameter "Options › Output Field" is true, which is not text/],
	['Ledger Table an object', { ledger: 'postgres', options: { postgresTable: '={{ ({ a: 1 }) }}' } }, /^Parameter "Options › Ledger Table \(Postgres\)" is "\{"a":1\}", which is not text/],
	['an unparseable As Of', { options: { asOf: 'next tuesday-ish' } }, /next tuesday-ish/],
	['a Purpose expression differing per item', { purpose: '={{ $json.purpose }}' }, /Purpose/],
	['a ledger table name that is not one', { ledger: 'postgres', options: { postgresTable: 'bad name; drop' } }, /bad name; drop/],
	// Timers take whole milliseconds up to 2^31 - 1: before, each of these made every item OUTCOME_UNKNOWN
	// (its key taken for good), the long one after sending a request and aborting it a millisecond later.
	['Attempt Timeout 0.0004 s (under a millisecond)', { options: { attemptTimeout: 0.0004 } }, /Attempt Timeout.* is 0\.0004, which is under a millisecond \(expected 1 ms to 2147483 seconds/],
	['Attempt Timeout 3,000,000 s (over a timer\'s 24.8 days)', { options: { attemptTimeout: 3e6 } }, /Attempt Timeout.* is 3000000, which is longer than a timer can wait/],
	['Attempt Timeout 1e308 s', { options: { attemptTimeout: 1e308 } }, /Attempt Timeout.* is 1e\+308, which is longer than a timer can wait/],
	// Redis keeps a key for whole milliseconds (PX): before, these were LEDGER_UNAVAILABLE, retryable, for ever.
	['Retention Days 1e-9 (under a millisecond)', { ledger: 'redis', options: { retentionDays: 1e-9 } }, /Retention.* is 1e-9, which is under a millisecond \(expected days from a millisecond to 104249991\)/],
	['Retention Days 1e308', { ledger: 'redis', options: { retentionDays: 1e308 } }, /Retention.* is 1e\+308, which is too long for Redis to keep a key/],
	// Redis forgets contacts after the retention: a cap window reaching further back counted too few, and sent.
	[
		'a cap window of 400 days from a Redis ledger keeping 400',
		{ ledger: 'redis', frequencyCap: 'ledger', capWindowDays: 400 },
		/^Parameter "Window \(Days\)" is 400, which is too long for Options › Ledger Retention \(Days, Redis\) of 400 days: Redis forgets a contact after the retention, so the frequency cap would count too few \(expected a retention of at least 401 days, a day more than the window, or a shorter window\)$/,
	],
	['a cap window of 30 days from a Redis ledger keeping 30', { ledger: 'redis', frequencyCap: 'ledger', capWindowDays: 30, options: { retentionDays: 30 } }, /at least 31 days/],
];

describe('Send Care Message: timers get whole milliseconds', () => {
	let server: ProviderServer;
	beforeAll(async () => {
		server = await startWebhookServer();
	});
	afterAll(() => server.close());

	it('Attempt Timeout 1.0005 s is 1001 ms: the messages go out (before, every item was OUTCOME_UNKNOWN, nothing sent, its key taken)', async () => {
		const run = await runCare(server, customers, { options: { attemptTimeout: 1.0005 } }, { onError: 'continueRegularOutput' });
		expect(run.failed).toEqual([]);
		expect(run.care('sent').map((c) => c.status)).toEqual(['sent', 'sent', 'sent']);
		expect(server.deliveries).toHaveLength(customers.length);
	});
});

const ledgerCredentials = {
	credentials: { careRedisLedgerApi: { host: '127.0.0.1', port: 6379 }, carePostgresLedgerApi: { ...POSTGRES } },
	nodeCredentials: { careRedisLedgerApi: { id: 'r', name: 'r' }, carePostgresLedgerApi: { id: 'p', name: 'p' } },
};

describe('Send Care Message: a node-level configuration error under Continue', () => {
	let server: ProviderServer;
	beforeAll(async () => {
		server = await startWebhookServer();
	});
	afterAll(() => server.close());

	it.each(BAD_SETTINGS)('%s: every item on Failed with the reason under Continue (regular output), nothing sent', async (name, parameters, reason) => {
		const run = await runCare(server, customers, parameters, { ...ledgerCredentials, onError: 'continueRegularOutput' });
		expect(run.result.error).toBeUndefined();
		expect(run.sent).toEqual([]);
		expect(run.skipped).toEqual([]);
		expect(run.failed).toHaveLength(customers.length);
		for (const item of run.failed) expect(String(item.error)).toMatch(reason);
		// As the Failed output is documented: each item with its fields and care (before, { error } alone);
		// with no usable Output Field there is no field to write care to, and the item is { error }.
		if (name.startsWith('Output Field')) return expect(run.failed).toEqual(customers.map(() => ({ error: expect.stringMatching(reason) })));
		expect(run.failed.map((item) => item.customerId)).toEqual(customers.map((c) => c.customerId));
		for (const care of run.care('failed')) expect(care).toMatchObject({ status: 'failed', outcome: 'notSent', message: expect.stringMatching(reason), attempts: 0 });
		expect(server.requests).toHaveLength(0);
	});

	it.each(BAD_SETTINGS)('%s: every item on the error output under Continue (using error output)', async (_name, parameters, reason) => {
		const run = await runCare(server, customers, parameters, { ...ledgerCredentials, onError: 'continueErrorOutput' });
		expect(run.result.error).toBeUndefined();
		const errors = run.result.json(NODE_UNDER_TEST, 3);
		expect(errors).toHaveLength(customers.length);
		for (const item of errors) expect(String(item.error)).toMatch(reason);
		expect([...run.sent, ...run.skipped, ...run.failed]).toEqual([]);
	});

	it.each(BAD_SETTINGS)('%s: stops the node with the reason otherwise', async (_name, parameters, reason) => {
		const run = await runCare(server, customers, parameters, ledgerCredentials);
		expect(run.result.error?.message).toMatch(reason);
	});
});

/** Connection URLs pasted into a ledger credential's Host, the password in the URL only or in both places. */
const PASTED_URLS: Array<[string, Record<string, ICredentialDataDecryptedObject>]> = [
	['Redis, password only in the URL', { careRedisLedgerApi: { host: 'redis://care:Pw-in-url-7788@127.0.0.1', port: 1 } }],
	['Redis, an escaped password', { careRedisLedgerApi: { host: 'rediss://:p%40ss%2Fw0rd-x@127.0.0.1', port: 1, password: '' } }],
	['Postgres, password in both', { carePostgresLedgerApi: { ...POSTGRES, host: 'postgres://care:Pw-in-url-7788@127.0.0.1', port: 1, password: 'Pw-in-url-7788' } }],
];

describe('Send Care Message: a ledger credential whose Host is a connection URL with a password', () => {
	let server: ProviderServer;
	beforeAll(async () => {
		server = await startWebhookServer();
	});
	afterAll(() => server.close());

	it.each(PASTED_URLS)('%s: the password shows nowhere, on Failed or as the node error', async (_name, credentials) => {
		const ledger = 'careRedisLedgerApi' in credentials ? 'redis' : 'postgres';
		const extra = { credentials, nodeCredentials: ledgerCredentials.nodeCredentials };
		const failed = await runCare(server, customers, { ledger }, { ...extra, onError: 'continueRegularOutput' });
		expect(failed.failed).toHaveLength(customers.length);
		const stopped = await runCare(server, customers, { ledger }, extra);
		expect(stopped.result.error?.message).toMatch(/^Ledger .* failed: the host name was not found/);
		const shown = JSON.stringify([failed.result.run.data, stopped.result.run.data, stopped.result.error?.message, (stopped.result.error as { description?: unknown } | undefined)?.description]);
		expect(shown).toContain('***');
		for (const password of ['Pw-in-url-7788', 'p@ss/w0rd-x', 'p%40ss%2Fw0rd-x']) expect(shown).not.toContain(password);
		expect(server.requests).toHaveLength(0);
	});
});
