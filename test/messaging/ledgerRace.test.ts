import { PostgresLedger, RedisLedger, type Ledger } from '../../nodes/shared/messaging/ledger';
import { runCareBatch, systemClock, type CareCandidate, type CareResult } from '../../nodes/shared/messaging/sending';
import { POSTGRES, REDIS, describeWithService, uniqueName } from '../helpers/services';
import { ScriptedChannel, message } from './helpers/fakeChannel';
import { seededRandom } from './helpers/virtualClock';
import { dropRedisKeys, dropPostgresTable } from '../helpers/serviceCleanup';

/**
 * Two executions at once (n8n queue mode: two workers) sending to the same customers, with the frequency
 * cap counted from the ledger at 1 per 7 days. Each execution is its own ledger connection, as a worker
 * has. The worst interleaving is forced: neither execution claims anything until both have read the
 * ledger's counts, so both see every customer uncontacted. With the same idempotency key the key's claim
 * lets one through; with different keys (two care types) only a claim that checks the cap in the same
 * atomic step keeps the second message out.
 */
const CUSTOMERS = Array.from({ length: 40 }, (_, i) => `R${i}`);
const CAP = { maxMessages: 1, windowDays: 7 };

/** Resolves once `parties` callers are waiting. */
function barrier(parties: number): () => Promise<void> {
	let waiting = 0;
	let release!: () => void;
	const all = new Promise<void>((resolve) => (release = resolve));
	return () => {
		waiting++;
		if (waiting === parties) release();
		return all;
	};
}

/** The ledger, holding back its contact counts until the other execution has read its own. */
function countingTogether(ledger: Ledger, together: () => Promise<void>): Ledger {
	return {
		backend: ledger.backend,
		findClaimed: (keys) => ledger.findClaimed(keys),
		countSince: async (customerIds, since) => {
			const counts = await ledger.countSince(customerIds, since);
			await together();
			return counts;
		},
		claim: (request) => ledger.claim(request),
		record: (key, customerId, token, outcome) => ledger.record(key, customerId, token, outcome),
		close: () => ledger.close(),
	};
}

async function twoExecutions(open: () => Promise<Ledger>, run: string, keyOf: (customerId: string, execution: number) => string) {
	const together = barrier(2);
	const ledgers = [countingTogether(await open(), together), countingTogether(await open(), together)];
	const clock = systemClock((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
	const channel = new ScriptedChannel(clock);
	try {
		const results = await Promise.all(
			ledgers.map((ledger, execution) => {
				const candidates: CareCandidate[] = CUSTOMERS.map((id) => {
					const customerId = `${run}-${id}`;
					const key = keyOf(customerId, execution);
					return { customerId, careType: `care${execution}`, key, timeZone: 'Asia/Shanghai', message: message(customerId, key) };
				});
				return runCareBatch(
					candidates,
					{
						asOf: new Date(clock.now()),
						channelKind: 'webhook',
						concurrency: 4,
						retry: { maxAttempts: 1, baseDelayMs: 1000, maxDelayMs: 1000 },
						budgetMs: 60_000,
						timeoutMs: 5000,
						dryRun: false,
						cap: { limit: CAP, source: 'ledger' },
					},
					{ ledger, channel, clock, random: seededRandom(execution) },
				);
			}),
		);
		const deliveries = new Map<string, number>();
		for (const call of channel.calls) deliveries.set(call.message.to, (deliveries.get(call.message.to) ?? 0) + 1);
		return { results, deliveries };
	} finally {
		await Promise.all(ledgers.map((ledger) => ledger.close()));
	}
}

const outcome = (result: CareResult) => (result.output === 'skipped' ? result.reason : result.output === 'failed' ? result.code : 'sent');

function raceContract(open: () => Promise<Ledger>) {
	it('with the same idempotency key, each customer gets one message', async () => {
		const { results, deliveries } = await twoExecutions(open, 'same', (customerId) => `${customerId}:birthday:2026`);
		expect(CUSTOMERS.map((id) => deliveries.get(`same-${id}`) ?? 0)).toEqual(CUSTOMERS.map(() => 1));
		// The other execution found the key claimed: sent or being sent, never a second message.
		const losers = results.flat().filter((result) => result.output !== 'sent').map(outcome);
		expect(losers).toHaveLength(CUSTOMERS.length);
		expect(new Set(losers).size).toBeGreaterThan(0);
		for (const loser of losers) expect(['duplicate', 'CLAIM_UNRESOLVED']).toContain(loser);
	}, 60_000);

	it('with different keys (two care types), each customer gets one message: the claim checks the cap', async () => {
		const { results, deliveries } = await twoExecutions(open, 'diff', (customerId, execution) => `${customerId}:care${execution}:2026`);
		expect(CUSTOMERS.map((id) => deliveries.get(`diff-${id}`) ?? 0)).toEqual(CUSTOMERS.map(() => 1));
		const losers = results.flat().filter((result) => result.output !== 'sent');
		expect(losers.map(outcome)).toEqual(CUSTOMERS.map(() => 'capped'));
		expect(losers[0]).toMatchObject({ detail: '1 care message(s) in the last 7 day(s) reach the cap of 1' });
	}, 60_000);
}

describeWithService('postgres')('two executions at once against the PostgreSQL ledger, cap from the ledger', () => {
	const table = uniqueName('care_ledger_race_cap');
	afterAll(async () => {
		await dropPostgresTable(table);
	});
	raceContract(() => PostgresLedger.connect({ ...POSTGRES, table, maxConnections: 4 }));
});

describeWithService('redis')('two executions at once against the Redis ledger, cap from the ledger', () => {
	const prefix = `${uniqueName('care_race_cap')}:`;
	afterAll(async () => {
		await dropRedisKeys(prefix);
	});
	raceContract(() => RedisLedger.connect({ ...REDIS, keyPrefix: prefix, retentionDays: 30 }));
});
