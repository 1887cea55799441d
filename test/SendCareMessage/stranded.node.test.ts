import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';
import Redis from 'ioredis';
import { Client } from 'pg';
import { startWebhookServer, type ProviderServer } from '../helpers/providers';
import { startTcpProxy, type TcpProxy } from '../helpers/providers/tcpProxy';
import { POSTGRES, REDIS, describeWithService, uniqueName } from '../helpers/services';
import { deliveriesByKey, runCare } from './helpers/run';

const customers = Array.from({ length: 3 }, (_, i) => ({ customerId: `S${i}`, name: `Stranded ${i}`, orderId: `O-${i}`, timeZone: 'Asia/Shanghai' }));
const HOUR = 3_600_000;

interface Backend {
	name: 'redis' | 'postgres';
	target: { host: string; port: number };
	/** What the claim command looks like on the wire. */
	claimCommand: string;
	parameters: IDataObject;
	credentials: (port: number) => Record<string, ICredentialDataDecryptedObject>;
	nodeCredentials: Record<string, { id: string; name: string }>;
	/** Moves every claim `ms` into the past (as if made by a run that crashed that long ago). */
	age: (ms: number) => Promise<void>;
	cleanUp: () => Promise<void>;
}

function redisBackend(): Backend {
	const prefix = `${uniqueName('care_stranded')}:`;
	const withClient = async <T>(work: (client: Redis) => Promise<T>) => {
		const client = new Redis({ ...REDIS, lazyConnect: true });
		await client.connect();
		try {
			return await work(client);
		} finally {
			await client.quit();
		}
	};
	return {
		name: 'redis',
		target: REDIS,
		claimCommand: 'EVAL',
		parameters: { ledger: 'redis', options: { redisKeyPrefix: prefix } },
		credentials: (port) => ({ careRedisLedgerApi: { host: '127.0.0.1', port } }),
		nodeCredentials: { careRedisLedgerApi: { id: 'redis', name: 'Ledger Redis' } },
		age: (ms) =>
			withClient(async (client) => {
				for (const key of await client.keys(`${prefix}entry:*`)) {
					const value = JSON.parse((await client.get(key)) ?? '{}') as { at: number };
					value.at -= ms;
					await client.set(key, JSON.stringify(value), 'KEEPTTL');
				}
			}),
		cleanUp: () =>
			withClient(async (client) => {
				const keys = await client.keys(`${prefix}*`);
				if (keys.length) await client.del(...keys);
			}),
	};
}

function postgresBackend(): Backend {
	const table = uniqueName('care_stranded');
	const withClient = async (sql: string) => {
		const client = new Client(POSTGRES);
		await client.connect();
		try {
			await client.query(sql);
		} finally {
			await client.end();
		}
	};
	return {
		name: 'postgres',
		target: POSTGRES,
		claimCommand: 'INSERT INTO',
		parameters: { ledger: 'postgres', options: { postgresTable: table } },
		credentials: (port) => ({ carePostgresLedgerApi: { ...POSTGRES, port } }),
		nodeCredentials: { carePostgresLedgerApi: { id: 'pg', name: 'Ledger DB' } },
		age: (ms) => withClient(`UPDATE "${table}" SET claimed_at = claimed_at - interval '${ms / 1000} seconds'`),
		cleanUp: () => withClient(`DROP TABLE IF EXISTS "${table}"`),
	};
}

function strandedSuite(makeBackend: () => Backend) {
	let server: ProviderServer;
	let proxy: TcpProxy;
	let backend: Backend;
	beforeEach(async () => {
		backend = makeBackend();
		server = await startWebhookServer();
		proxy = await startTcpProxy(backend.target);
	});
	afterEach(async () => {
		await proxy.close();
		await server.close();
		await backend.cleanUp();
	});

	const run = (options: IDataObject = {}) =>
		runCare(
			server,
			customers,
			{ ...backend.parameters, options: { ...(backend.parameters.options as IDataObject), ...options } },
			{ credentials: backend.credentials(proxy.port), nodeCredentials: backend.nodeCredentials, onError: 'continueRegularOutput' },
		);

	it.each([
		['its reply is lost (the release still reaches the ledger)', 'replies'],
		['the network is cut right after it (nor can it be released)', 'partition'],
	])('a claim stored when %s: never "nothing sent, retryable" while it blocks; later runs report it, then may resend it', async (_name, fault) => {
		// The claims reach the ledger and are stored; their replies are lost (and with a partition, everything after).
		if (fault === 'partition') proxy.partitionAfter(backend.claimCommand);
		else proxy.loseRepliesFrom(backend.claimCommand);
		const lost = await run();
		expect(server.requests).toHaveLength(0);
		const first = lost.care('failed');
		expect(first).toHaveLength(customers.length);
		for (const c of first) {
			// Released after all (nothing stored): retryable. Otherwise it may block a rerun: not retryable.
			if (c.code === 'LEDGER_UNAVAILABLE') expect(c).toMatchObject({ retryable: true, outcome: 'notSent' });
			else expect(c).toMatchObject({ code: 'LEDGER_CLAIM_UNCERTAIN', retryable: false, outcome: 'notSent', attempts: 0 });
		}

		// The ledger answers again. A claim that was stored is reported as unresolved, on Failed, never skipped
		// as a duplicate; one that never reached the ledger is simply sent now.
		proxy.heal();
		const rerun = await run();
		expect(rerun.skipped).toEqual([]);
		const unresolved = rerun.care('failed');
		if (fault === 'partition') expect(unresolved.length).toBeGreaterThan(0);
		for (const c of unresolved) {
			expect(c).toMatchObject({ code: 'CLAIM_UNRESOLVED', retryable: false, message: expect.stringMatching(/^Outcome unknown since \d{4}-\d\d-\d\dT/) });
			expect(first.find((f) => f.key === c.key)).toMatchObject({ code: 'LEDGER_CLAIM_UNCERTAIN', retryable: false });
		}
		expect(rerun.sent.length + unresolved.length).toBe(customers.length);
		expect(server.deliveries).toHaveLength(rerun.sent.length);

		// An hour later, with Resend Unconfirmed After 30 minutes, the unresolved ones are sent; each key once in all.
		await backend.age(HOUR);
		const resend = { resendUnconfirmedAfter: 30, timeBudget: 60, attemptTimeout: 5 };
		const resent = await run(resend);
		expect(resent.care('sent').map((c) => c.key).sort()).toEqual(unresolved.map((c) => c.key).sort());
		expect([...deliveriesByKey(server.deliveries).values()]).toEqual(customers.map(() => 1));
		const after = await run(resend);
		expect(after.care('skipped')).toEqual(customers.map(() => expect.objectContaining({ reason: 'duplicate' })));
		expect(server.deliveries).toHaveLength(customers.length);
	}, 60_000);

	it('a lease shorter than a run could still be sending is refused', async () => {
		const refused = await run({ resendUnconfirmedAfter: 5, timeBudget: 600 });
		expect(refused.failed.map((item) => item.error)).toEqual(customers.map(() => expect.stringContaining('Resend Unconfirmed After')));
		expect(server.requests).toHaveLength(0);
	});
}

describeWithService('redis')('Send Care Message: stranded claims with the Redis ledger', () => strandedSuite(redisBackend));
describeWithService('postgres')('Send Care Message: stranded claims with the Postgres ledger', () => strandedSuite(postgresBackend));
