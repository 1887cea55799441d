import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { startWebhookServer, type ProviderServer } from '../helpers/providers';
import { NODE_UNDER_TEST } from '../helpers/runWorkflow';
import { POSTGRES, describeWithService, uniqueName } from '../helpers/services';
import { runCare } from './helpers/run';

/** Random text does not compress, so PostgreSQL indexes it at full length (at most 2704 bytes an entry). */
const LONG_ID = randomBytes(2400).toString('base64'); // 3,200 characters
const LONG_SURVEY = randomBytes(1500).toString('hex'); // 3,000 characters
/** 1,000 two-byte characters: 2,000 bytes, and 2,026 with the rest of the key: stored. */
const WIDE_ID = 'é'.repeat(1000);

const items = [
	{ customerId: LONG_ID, surveyId: 'S1' },
	{ customerId: 'C2', surveyId: LONG_SURVEY },
	{ customerId: WIDE_ID, surveyId: 'S3' },
	{ customerId: 'C4', surveyId: 'S4' },
].map((item) => ({ ...item, name: 'N', orderId: 'O', timeZone: 'Asia/Shanghai' }));

describeWithService('postgres')('Send Care Message: a key or customer ID longer than the Postgres ledger stores', () => {
	let server: ProviderServer;
	const table = uniqueName('care_long_keys');
	const run = (parameters: Record<string, unknown>, onError?: 'continueRegularOutput' | 'continueErrorOutput') =>
		runCare(server, items, { ledger: 'postgres', frequencyCap: 'off', ...parameters, options: { postgresTable: table } }, {
			credentials: { carePostgresLedgerApi: { ...POSTGRES } },
			nodeCredentials: { carePostgresLedgerApi: { id: 'pg', name: 'Ledger DB' } },
			onError,
		});
	beforeAll(async () => {
		server = await startWebhookServer();
	});
	afterEach(async () => {
		server.reset();
		const client = new Client(POSTGRES);
		await client.connect();
		await client.query(`DROP TABLE IF EXISTS "${table}"`);
		await client.end();
	});
	afterAll(() => server.close());

	// Before, the claim failed in PostgreSQL ("index row size 4040 exceeds btree version 4 maximum 2704"):
	// LEDGER_UNAVAILABLE, retryable, so every rerun failed the same way and the customer never got it.
	it('the default key: the item fails naming the customer ID field, its size and the limit; the others are sent', async () => {
		const result = await run({}, 'continueRegularOutput');
		expect(result.failed.map((f) => String(f.error))).toEqual([
			expect.stringMatching(/^Item 0: field "customerId" is ".*", which is 3200 bytes, longer than the ledger stores \(expected a customer ID of at most 2048 bytes in UTF-8 with the Postgres ledger/),
		]);
		expect(result.care('sent').map((c) => c.key)).toEqual(['C2:custom:webhook:2026-03-08', `${WIDE_ID}:custom:webhook:2026-03-08`, 'C4:custom:webhook:2026-03-08']);
		expect(server.deliveries).toHaveLength(3);
	});

	it('a custom key: the item fails naming Custom Key, on the error output under Continue (using error output)', async () => {
		const result = await run({ keyTemplate: '{{customerId}}:apology:{{surveyId}}' }, 'continueErrorOutput');
		const errors = result.result.json(NODE_UNDER_TEST, 3);
		expect(errors.map((e) => String(e.error))).toEqual([
			expect.stringMatching(/^Item 0: field "customerId" is .*, which is 3200 bytes/),
			expect.stringMatching(/^Item 1: field "Custom Key" is "C2:apology:.*", which is 3011 bytes, longer than the ledger stores \(expected an idempotency key of at most 2048 bytes/),
		]);
		expect(result.care('sent').map((c) => c.key)).toEqual([`${WIDE_ID}:apology:S3`, 'C4:apology:S4']);
	});

	it('without Continue On Fail the node stops before sending anything', async () => {
		const result = await run({});
		expect(result.result.error?.message).toMatch(/^Item 0: field "customerId" is .*, which is 3200 bytes/);
		expect(server.requests).toHaveLength(0);
	});
});
