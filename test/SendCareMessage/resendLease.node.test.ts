import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';
import { PostgresLedger, RedisLedger, type Ledger } from '../../nodes/shared/messaging/ledger';
import { startWebhookServer, type ProviderServer } from '../helpers/providers';
import { POSTGRES, REDIS, describeWithService, uniqueName } from '../helpers/services';
import { runCare } from './helpers/run';
import { dropRedisKeys, dropPostgresTable } from '../helpers/serviceCleanup';

const customers = [
	{ customerId: 'R1', name: 'Ann', orderId: 'O-1', timeZone: 'Asia/Shanghai' },
	{ customerId: 'R2', name: 'Bo', orderId: 'O-2', timeZone: 'Asia/Shanghai' },
];

interface Backend {
	parameters: IDataObject;
	credentials: Record<string, ICredentialDataDecryptedObject>;
	nodeCredentials: Record<string, { id: string; name: string }>;
	open: () => Promise<Ledger>;
	cleanUp: () => Promise<void>;
}

const backends: Array<[string, () => Backend]> = [
	[
		'redis',
		() => {
			const prefix = `${uniqueName('care_lease')}:`;
			return {
				parameters: { ledger: 'redis', options: { redisKeyPrefix: prefix } },
				credentials: { careRedisLedgerApi: { ...REDIS } },
				nodeCredentials: { careRedisLedgerApi: { id: 'redis', name: 'Ledger Redis' } },
				open: () => RedisLedger.connect({ ...REDIS, keyPrefix: prefix, retentionDays: 1 }),
				cleanUp: async () => {
					await dropRedisKeys(prefix);
				},
			};
		},
	],
	[
		'postgres',
		() => {
			const table = uniqueName('care_lease');
			return {
				parameters: { ledger: 'postgres', options: { postgresTable: table } },
				credentials: { carePostgresLedgerApi: { ...POSTGRES } },
				nodeCredentials: { carePostgresLedgerApi: { id: 'pg', name: 'Ledger DB' } },
				open: () => PostgresLedger.connect({ ...POSTGRES, table }),
				cleanUp: async () => {
					await dropPostgresTable(table);
				},
			};
		},
	],
];

describeWithService('redis', 'postgres')('Send Care Message: Resend Unconfirmed After longer than there are dates', () => {
	let server: ProviderServer;
	beforeAll(async () => {
		server = await startWebhookServer();
	});
	afterEach(() => server.reset());
	afterAll(() => server.close());

	// 1e12 minutes reach back before any date; 1e308 is Infinity ms. Before, the take-over instant was an
	// invalid date: PostgreSQL refused every claim ("invalid input syntax for type timestamp with time zone:
	// 0NaN-NaN-…"), LEDGER_UNAVAILABLE (retryable) for every item on every run. Redis's script read it as NaN
	// and took nothing over, as it should: kept here so both ledgers say the same.
	describe.each(backends)('%s', (_name, makeBackend) => {
		it.each([1e12, 1e308])('a lease of %s minutes sends the new keys and takes over no earlier claim', async (minutes) => {
			const backend = makeBackend();
			try {
				// R1's key was claimed an hour ago by a run that never recorded its outcome.
				const ledger = await backend.open();
				await ledger.claim({ key: 'R1:custom:webhook:2026-03-08', customerId: 'R1', careType: 'custom', channel: 'webhook', claimedAt: new Date(Date.now() - 3_600_000), token: 'crashed-run' });
				await ledger.close();
				const run = await runCare(server, customers, { ...backend.parameters, options: { ...(backend.parameters.options as IDataObject), resendUnconfirmedAfter: minutes } }, {
					credentials: backend.credentials,
					nodeCredentials: backend.nodeCredentials,
					onError: 'continueRegularOutput',
				});
				expect(run.care('sent').map((c) => c.key)).toEqual(['R2:custom:webhook:2026-03-08']);
				expect(run.care('failed')).toEqual([expect.objectContaining({ key: 'R1:custom:webhook:2026-03-08', code: 'CLAIM_UNRESOLVED' })]);
				expect(server.deliveries.map((d) => d.key)).toEqual(['R2:custom:webhook:2026-03-08']);
			} finally {
				await backend.cleanUp();
			}
		});
	});
});
