import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';
import Redis from 'ioredis';
import { Client } from 'pg';
import { POSTGRES, REDIS, describeWithService, uniqueName } from '../helpers/services';
import { startWebhookServer, type ProviderServer } from '../helpers/providers';
import { deliveriesByKey, onAttempt, requestsByKey, runCare, type CareRun } from './helpers/run';
import { dropRedisKeys, dropPostgresTable } from '../helpers/serviceCleanup';
const customers = (n: number) =>
	Array.from({ length: n }, (_, i) => ({ customerId: `C${i}`, name: `Customer ${i}`, orderId: `O-${i}`, timeZone: 'Asia/Shanghai' }));

interface Backend {
	name: 'postgres' | 'redis';
	parameters: () => IDataObject;
	credentials: Record<string, ICredentialDataDecryptedObject>;
	nodeCredentials: Record<string, { id: string; name: string }>;
	cleanUp: () => Promise<void>;
}

function postgresBackend(): Backend {
	const table = uniqueName('care_node_ledger');
	return {
		name: 'postgres',
		parameters: () => ({ ledger: 'postgres', options: { postgresTable: table } }),
		credentials: { carePostgresLedgerApi: { ...POSTGRES } },
		nodeCredentials: { carePostgresLedgerApi: { id: 'pg', name: 'Ledger DB' } },
		cleanUp: async () => {
			await dropPostgresTable(table);
		},
	};
}

function redisBackend(): Backend {
	const prefix = `${uniqueName('care_node')}:`;
	return {
		name: 'redis',
		parameters: () => ({ ledger: 'redis', options: { redisKeyPrefix: prefix } }),
		credentials: { careRedisLedgerApi: { ...REDIS, password: '' } },
		nodeCredentials: { careRedisLedgerApi: { id: 'redis', name: 'Ledger Redis' } },
		cleanUp: async () => {
			await dropRedisKeys(prefix);
		},
	};
}

function ledgerSuite(makeBackend: () => Backend) {
	let server: ProviderServer;
	let backend: Backend;
	beforeEach(async () => {
		backend = makeBackend();
		server = await startWebhookServer();
	});
	afterEach(async () => {
		await server.close();
		await backend.cleanUp();
	});

	const run = (items: IDataObject[], parameters: IDataObject = {}): Promise<CareRun> => {
		const base = backend.parameters();
		return runCare(
			server,
			items,
			{ ...base, ...parameters, options: { ...(base.options as IDataObject), ...((parameters.options as IDataObject) ?? {}) } },
			{ credentials: backend.credentials, nodeCredentials: backend.nodeCredentials, onError: 'continueRegularOutput' },
		);
	};

	it('two executions at once over the same customers send each key exactly once', async () => {
		const items = customers(200);
		const [first, second] = await Promise.all([run(items, { options: { concurrency: 8 } }), run(items, { options: { concurrency: 8 } })]);
		expect(first.result.error).toBeUndefined();
		expect(second.result.error).toBeUndefined();
		expect(deliveriesByKey(server.deliveries).size).toBe(200);
		expect(server.duplicates()).toEqual([]);
		// Each execution accounts for all 200: the ones it sent, the others' finished sends as duplicates, and
		// sends still under way in the other execution as unresolved claims (never silently skipped).
		for (const r of [first, second]) expect(r.sent.length + r.skipped.length + r.failed.length).toBe(200);
		expect(first.sent.length + second.sent.length).toBe(200);
		const notSentHere = [...first.care('skipped'), ...second.care('skipped'), ...first.care('failed'), ...second.care('failed')];
		expect(notSentHere).toHaveLength(200);
		for (const c of notSentHere) {
			if (c.status === 'skipped') expect(c).toMatchObject({ reason: 'duplicate', previous: { status: 'sent' } });
			else expect(c).toMatchObject({ code: 'CLAIM_UNRESOLVED', outcome: 'unknown', retryable: false });
		}
	});

	it('a later execution finds the keys already sent', async () => {
		await run(customers(3));
		const again = await run(customers(3));
		expect(again.sent).toHaveLength(0);
		expect(again.care('skipped')).toEqual(
			customers(3).map(() =>
				expect.objectContaining({ reason: 'duplicate', previous: { status: 'sent', claimedAt: expect.stringMatching(/\+08:00$/) } }),
			),
		);
		expect(server.deliveries).toHaveLength(3);
		expect(server.duplicates()).toEqual([]);
	});

	it('never re-sends a message whose outcome is unknown', async () => {
		// C0's first request is acted on, then the connection drops before the answer.
		server.faults.setHook(onAttempt('C0:', 0, { kind: 'drop', delivered: true }));
		const first = await run(customers(2), { options: { attemptTimeout: 2 } });
		expect(first.care('failed')).toEqual([
			expect.objectContaining({ outcome: 'unknown', code: 'OUTCOME_UNKNOWN', retryable: false, attempts: 1 }),
		]);
		expect(first.care('sent')).toHaveLength(1);
		const second = await run(customers(2));
		expect(second.care('skipped').map((c) => (c.previous as IDataObject).status)).toEqual(['sent']);
		expect(second.care('failed')).toEqual([
			expect.objectContaining({ code: 'OUTCOME_UNKNOWN', retryable: false, message: expect.stringMatching(/^Outcome unknown since 20\d\d-/) }),
		]);
		expect(deliveriesByKey(server.deliveries).get('C0:custom:webhook:2026-03-08')).toBe(1);
		expect(requestsByKey(server.requests).get('C0:custom:webhook:2026-03-08')?.map((r) => r.result)).toEqual(['drop-after-delivery']);
	});

	it('lets a refused key be sent by a later execution', async () => {
		server.faults.setHook(() => ({ kind: 'providerError', code: 422 }));
		const first = await run(customers(1));
		expect(first.care('failed')).toEqual([expect.objectContaining({ outcome: 'failed', code: 'HTTP_422', retryable: false })]);
		server.faults.setHook(undefined);
		const second = await run(customers(1));
		expect(second.care('sent')).toHaveLength(1);
		expect(server.deliveries.map((d) => d.key)).toEqual(['C0:custom:webhook:2026-03-08']);
	});

	it('caps from the ledger across care types', async () => {
		await run(customers(1), { careType: 'apology' });
		const capped = await run(customers(1), { careType: 'followUp', frequencyCap: 'ledger', capMaxMessages: 1, capWindowDays: 7 });
		expect(capped.care('skipped')).toEqual([
			expect.objectContaining({ reason: 'capped', detail: '1 care message(s) in the last 7 day(s) reach the cap of 1' }),
		]);
		expect(server.deliveries).toHaveLength(1);
	});
}

describeWithService('postgres')('Send Care Message with the Postgres ledger', () => ledgerSuite(postgresBackend));
describeWithService('redis')('Send Care Message with the Redis ledger', () => ledgerSuite(redisBackend));

describe('Send Care Message with an unreachable ledger', () => {
	let server: ProviderServer;
	beforeEach(async () => {
		server = await startWebhookServer();
	});
	afterEach(() => server.close());

	const unreachable = {
		credentials: { careRedisLedgerApi: { host: '127.0.0.1', port: 1, password: 'redis-pass-77x' } },
		nodeCredentials: { careRedisLedgerApi: { id: 'r', name: 'r' } },
	};

	it('fails every item as retryable and sends nothing under continue-on-fail', async () => {
		const run = await runCare(server, customers(2), { ledger: 'redis' }, { ...unreachable, onError: 'continueRegularOutput' });
		expect(run.care('failed')).toEqual(
			customers(2).map(() =>
				expect.objectContaining({ code: 'LEDGER_UNAVAILABLE', retryable: true, outcome: 'notSent', attempts: 0 }),
			),
		);
		expect(server.requests).toHaveLength(0);
		expect(JSON.stringify(run.result.run.data)).not.toContain('redis-pass-77x');
	});

	it('stops the execution otherwise, without the password in the error', async () => {
		const run = await runCare(server, customers(2), { ledger: 'redis' }, unreachable);
		const error = run.result.error as Error & { messages?: string[] };
		// The ledger, its host and port, in words: a socket code in the message would make n8n show only its
		// generic "The service refused the connection".
		expect(error.message).toBe(
			'Ledger connection to Redis at 127.0.0.1:1 failed: the connection was refused (is the server running, and is this the right port?)',
		);
		expect(JSON.stringify(run.result.run.data)).not.toContain('redis-pass-77x');
		expect(server.requests).toHaveLength(0);
	});
});

/** A ledger setting no rerun can fix: every item on Failed as LEDGER_NOT_CONFIGURED, not retryable; nothing sent. */
async function expectNotConfigured(parameters: IDataObject, credentials: Record<string, ICredentialDataDecryptedObject>, reason: RegExp) {
	const server = await startWebhookServer();
	try {
		const nodeCredentials = { careRedisLedgerApi: { id: 'r', name: 'r' }, carePostgresLedgerApi: { id: 'p', name: 'p' } };
		const run = await runCare(server, customers(2), parameters, { credentials, nodeCredentials, onError: 'continueRegularOutput' });
		expect(run.care('failed')).toEqual(
			customers(2).map(() => expect.objectContaining({ code: 'LEDGER_NOT_CONFIGURED', retryable: false, outcome: 'notSent', message: expect.stringMatching(reason) })),
		);
		expect([...run.sent, ...run.skipped]).toEqual([]);
		expect(server.requests).toHaveLength(0);
	} finally {
		await server.close();
	}
}

describe('Send Care Message: a ledger port or database number that cannot work', () => {
	it.each([
		['a Redis port of 70000', { careRedisLedgerApi: { host: '127.0.0.1', port: 70000 } }, /"port" is 70000/],
		['a Redis database of 1.5', { careRedisLedgerApi: { host: '127.0.0.1', port: 6379, database: 1.5 } }, /"database" is 1.5/],
		['a Redis database of -1', { careRedisLedgerApi: { host: '127.0.0.1', port: 6379, database: -1 } }, /"database" is -1/],
		['a Postgres port of 0', { carePostgresLedgerApi: { ...POSTGRES, port: 0 } }, /"port" is 0/],
	] as const)('%s is a configuration error, not retryable', async (_name, credentials, reason) => {
		// Own key prefix and table: the code before this check went on in database 0 and sent.
		const options = { redisKeyPrefix: `${uniqueName('care_node_cfg')}:`, postgresTable: uniqueName('care_node_cfg') };
		await expectNotConfigured({ ledger: 'careRedisLedgerApi' in credentials ? 'redis' : 'postgres', options }, credentials, reason);
	});
});

describeWithService('redis')('Send Care Message: a Redis database number the server does not have', () => {
	it('is a configuration error, and nothing is claimed in database 0 instead', async () => {
		const prefix = `${uniqueName('care_node_db')}:`;
		await expectNotConfigured({ ledger: 'redis', options: { redisKeyPrefix: prefix } }, { careRedisLedgerApi: { ...REDIS, password: '', database: 999 } }, /DB index/);
		const client = new Redis({ ...REDIS, lazyConnect: true });
		await client.connect();
		const written = await client.keys(`${prefix}*`);
		await client.quit();
		expect(written).toEqual([]);
	});
});

describeWithService('postgres')('Send Care Message: SSL on for a Postgres server without SSL', () => {
	it('is a configuration error, not retryable', async () => {
		await expectNotConfigured({ ledger: 'postgres', options: { postgresTable: uniqueName('care_node_ssl') } }, { carePostgresLedgerApi: { ...POSTGRES, password: '', ssl: true } }, /does not support SSL/);
	});
});

describeWithService('postgres')('Send Care Message: a Postgres table of the ledger name but another shape', () => {
	it.each([
		['without the status column the lookup reads', 'key text PRIMARY KEY, customer_id text, claimed_at timestamptz'],
		['without the token column the claim writes', 'key text PRIMARY KEY, customer_id text, status text, claimed_at timestamptz, provider_message_id text'],
	])('%s: a configuration error, not retryable, nothing sent', async (_name, columns) => {
		const table = uniqueName('care_node_shape');
		const client = new Client(POSTGRES);
		await client.connect();
		try {
			await client.query(`CREATE TABLE "${table}" (${columns})`);
			await expectNotConfigured({ ledger: 'postgres', options: { postgresTable: table } }, { carePostgresLedgerApi: { ...POSTGRES } }, /column "\w+" .*does not exist/);
		} finally {
			await client.query(`DROP TABLE IF EXISTS "${table}"`);
			await client.end();
		}
	});
});
