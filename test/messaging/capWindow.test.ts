import { MemoryLedger, PostgresLedger, RedisLedger, type Ledger } from '../../nodes/shared/messaging/ledger';
import { capWindowStarts } from '../../nodes/shared/messaging/perZone';
import { countContactsFromField, type FrequencyCap } from '../../nodes/shared/messaging/policy';
import { runCareBatch, type CareCandidate } from '../../nodes/shared/messaging/sending';
import { POSTGRES, REDIS, describeWithService, uniqueName } from '../helpers/services';
import { instantOf, wallMs } from '../timeZones/zoneCases';
import { message } from './helpers/fakeChannel';
import { VirtualClock, seededRandom } from './helpers/virtualClock';
import { dropRedisKeys, dropPostgresTable } from '../helpers/serviceCleanup';

/**
 * The frequency cap's window of D days on the recipient's calendar (README, Send Care Message, Policy):
 * a contact counts when the recipient's clock showed, at that moment, As Of's wall-clock time D days
 * earlier or later; the window starts at the first moment their clock shows that time (when the clocks
 * jump past it, or at its first showing when they show it twice), and has no end: a contact dated after As
 * Of counts as well. The ledger stamps a claim with the real clock, so an end at As Of would leave out the
 * messages this execution has just sent and those of a concurrent execution (page runs share their parent's
 * As Of), and a customer could get two inside the window. The reference below reads wall-clock
 * times with Intl only, not with the node's code. Generated cases put the window start around both
 * daylight-saving changes of each zone and around local midnights, with recipients of six zones in one
 * batch, and check the decisions through the in-memory, PostgreSQL and Redis ledgers and the Last
 * Contacted Field alike.
 */
const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
const ZONES = ['UTC', 'Asia/Shanghai', 'America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'Pacific/Chatham'] as const;

/** The instants of the 2024 clock changes of these zones, both directions (Lord Howe's are 30 minutes). */
const CHANGES = [
	'2024-03-10T07:00:00Z', // New York forward
	'2024-11-03T06:00:00Z', // New York back
	'2024-03-31T01:00:00Z', // London forward
	'2024-10-27T01:00:00Z', // London back
	'2024-04-06T15:00:00Z', // Lord Howe back (02:00 -> 01:30)
	'2024-10-05T15:30:00Z', // Lord Howe forward (02:00 -> 02:30)
	'2024-04-06T14:00:00Z', // Chatham back (03:45 -> 02:45)
	'2024-09-28T14:00:00Z', // Chatham forward (02:45 -> 03:45)
].map(Date.parse);

/** The first instant whose wall-clock time in the zone is `wall` or later, found with Intl. */
function referenceWindowStart(asOf: number, windowDays: number, zone: string): number {
	const startWall = wallMs(asOf, zone) - windowDays * DAY_MS;
	const first = instantOf(new Date(startWall).toISOString().slice(0, 23), zone);
	if (wallMs(first, zone) === startWall) return first;
	// Skipped by the clocks: the change happens on a whole minute; step back to it.
	let minute = Math.floor(first / MINUTE_MS) * MINUTE_MS;
	while (wallMs(minute - MINUTE_MS, zone) >= startWall) minute -= MINUTE_MS;
	return minute;
}

interface Case {
	asOf: number;
	cap: FrequencyCap;
	/** Per recipient: its zone and its one earlier contact. */
	recipients: Array<{ zone: string; contact: number; inWindow: boolean }>;
}

function generateCases(count: number): Case[] {
	const random = seededRandom(20261207);
	const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
	const cases: Case[] = [];
	for (let c = 0; c < count; c++) {
		const windowDays = pick([1, 2, 7, 7, 30, 1.5]);
		// Anchor the window start at a clock change or at a local midnight of one of the zones.
		const anchor =
			c % 3 === 2
				? instantOf(`2024-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 9)}T00:00:00`, pick(ZONES))
				: pick(CHANGES);
		const jitter = Math.round((random() - 0.5) * 6 * 60) * MINUTE_MS + (random() < 0.3 ? Math.floor(random() * 60_000) : 0);
		const asOf = anchor + windowDays * DAY_MS + jitter;
		const recipients: Case['recipients'] = [];
		for (const zone of ZONES) {
			const since = referenceWindowStart(asOf, windowDays, zone);
			const elapsed = asOf - windowDays * DAY_MS;
			const localMidnight = instantOf(new Date(wallMs(since, zone)).toISOString().slice(0, 10), zone);
			const contacts = [
				since - 1,
				since,
				since + 1,
				since - 30 * MINUTE_MS,
				since + 30 * MINUTE_MS,
				since - 60 * MINUTE_MS,
				since + 60 * MINUTE_MS,
				// Where D × 24 hours would start it.
				elapsed - 1,
				elapsed,
				localMidnight,
				localMidnight + DAY_MS,
				since + Math.round((random() - 0.5) * 4 * 3_600_000),
				// After As Of: this execution's own sends, a concurrent page run's under the same As Of, or a
				// contact the CRM recorded later. The window has no end: they count, in every source alike.
				asOf,
				asOf + 1,
				asOf + 3 * DAY_MS + 17 * MINUTE_MS,
			];
			for (const contact of contacts) recipients.push({ zone, contact, inWindow: contact >= since });
		}
		cases.push({ asOf, cap: { maxMessages: 1, windowDays }, recipients });
	}
	return cases;
}

const CASES = generateCases(36);

const customerOf = (run: string, c: number, r: number) => `${run}-${c}-${r}`;

async function seedContacts(ledger: Ledger, run: string) {
	const seeds = CASES.flatMap((kase, c) => kase.recipients.map((recipient, r) => ({ customerId: customerOf(run, c, r), at: new Date(recipient.contact) })));
	for (let i = 0; i < seeds.length; i += 50) {
		await Promise.all(
			seeds.slice(i, i + 50).map(async ({ customerId, at }) => {
				const key = `${customerId}:earlier`;
				const claim = await ledger.claim({ key, customerId, careType: 'birthday', channel: 'webhook', claimedAt: at, token: `seed-${key}` });
				if (!claim.claimed) throw new Error(`seed ${key} not claimed`);
				await ledger.record(key, customerId, claim.token, { status: 'sent' });
			}),
		);
	}
}

/** Each case as one dry-run batch with recipients of every zone: capped exactly when the contact is in their window. */
async function expectLedgerDecisions(ledger: Ledger, run: string) {
	await seedContacts(ledger, run);
	const mismatches: string[] = [];
	for (const [c, kase] of CASES.entries()) {
		const clock = new VirtualClock(kase.asOf);
		const candidates: CareCandidate[] = kase.recipients.map((recipient, r) => {
			const customerId = customerOf(run, c, r);
			return { customerId, careType: 'winBack', key: `${customerId}:now`, timeZone: recipient.zone, message: message(customerId) };
		});
		const results = await runCareBatch(
			candidates,
			{
				asOf: new Date(kase.asOf),
				channelKind: 'webhook',
				concurrency: 2,
				retry: { maxAttempts: 1, baseDelayMs: 1000, maxDelayMs: 1000 },
				budgetMs: 60_000,
				timeoutMs: 5000,
				dryRun: true,
				cap: { limit: kase.cap, source: 'ledger' },
			},
			{ ledger, clock, random: seededRandom() },
		);
		results.forEach((result, r) => {
			const recipient = kase.recipients[r];
			const capped = result.output === 'skipped' && result.reason === 'capped';
			if (capped !== recipient.inWindow) mismatches.push(mismatchText(kase, recipient, capped));
		});
	}
	expect(mismatches).toEqual([]);
}

function mismatchText(kase: Case, recipient: Case['recipients'][number], capped: boolean): string {
	const local = (instant: number) => new Date(wallMs(instant, recipient.zone)).toISOString();
	return `${recipient.zone}: As Of ${local(kase.asOf)}, ${kase.cap.windowDays} day(s), contact ${local(recipient.contact)} (${new Date(recipient.contact).toISOString()}): ${capped ? 'capped' : 'not capped'}, expected ${recipient.inWindow ? 'capped' : 'not capped'}`;
}

describe('frequency cap window on the recipient calendar (generated)', () => {
	it('the generated cases cross clock changes: the window start differs from D × 24 hours in some', () => {
		const shifted = CASES.flatMap((kase) => kase.recipients.filter((r) => r.inWindow !== r.contact >= kase.asOf - kase.cap.windowDays * DAY_MS));
		expect(shifted.length).toBeGreaterThan(20);
		expect(new Set(shifted.map((r) => r.zone))).toEqual(new Set(['America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'Pacific/Chatham']));
	});

	it('counts the Last Contacted Field inside the window of each recipient zone', () => {
		const mismatches: string[] = [];
		for (const kase of CASES) {
			const windowStart = capWindowStarts(new Date(kase.asOf), kase.cap);
			for (const recipient of kase.recipients) {
				const counted = countContactsFromField(new Date(recipient.contact).toISOString(), 'lastContactedAt', windowStart(recipient.zone), recipient.zone);
				if ((counted === 1) !== recipient.inWindow) mismatches.push(mismatchText(kase, recipient, counted === 1));
			}
		}
		expect(mismatches).toEqual([]);
	});

	it('asks the ledger once per distinct window start, never once per customer', async () => {
		const ledger = new MemoryLedger();
		const since: number[] = [];
		const counting: Ledger = Object.assign(Object.create(ledger) as Ledger, {
			countSince: (customerIds: string[], at: Date) => {
				since.push(at.getTime());
				return ledger.countSince(customerIds, at);
			},
		});
		const asOf = new Date('2024-03-12T14:00:00Z');
		const cap = { maxMessages: 1, windowDays: 7 };
		const candidates: CareCandidate[] = Array.from({ length: 600 }, (_, i) => ({
			customerId: `Q${i}`,
			careType: 'winBack',
			key: `Q${i}:now`,
			timeZone: ZONES[i % ZONES.length],
			message: message(`Q${i}`),
		}));
		await runCareBatch(
			candidates,
			{ asOf, channelKind: 'webhook', concurrency: 2, retry: { maxAttempts: 1, baseDelayMs: 1000, maxDelayMs: 1000 }, budgetMs: 60_000, timeoutMs: 5000, dryRun: true, cap: { limit: cap, source: 'ledger' } },
			{ ledger: counting, clock: new VirtualClock(asOf.getTime()), random: seededRandom() },
		);
		const starts = new Set(ZONES.map((zone) => capWindowStarts(asOf, cap)(zone).getTime()));
		// New York's clocks went forward on 10 March: its window starts an hour apart; the other five zones' coincide.
		expect(starts.size).toBe(2);
		expect(since.sort()).toEqual([...starts].sort());
	});

	it('caps from the in-memory ledger', async () => {
		await expectLedgerDecisions(new MemoryLedger(), 'memory');
	});
});

describeWithService('postgres')('frequency cap window on the recipient calendar, PostgreSQL ledger (generated)', () => {
	const table = uniqueName('care_cap_window');
	afterAll(async () => {
		await dropPostgresTable(table);
	});

	it('caps from the PostgreSQL ledger', async () => {
		const ledger = await PostgresLedger.connect({ ...POSTGRES, table, maxConnections: 4 });
		try {
			await expectLedgerDecisions(ledger, 'pg');
		} finally {
			await ledger.close();
		}
	}, 60_000);
});

describeWithService('redis')('frequency cap window on the recipient calendar, Redis ledger (generated)', () => {
	const prefix = `${uniqueName('care_cap_window')}:`;
	afterAll(async () => {
		await dropRedisKeys(prefix);
	});

	it('caps from the Redis ledger', async () => {
		const ledger = await RedisLedger.connect({ ...REDIS, keyPrefix: prefix, retentionDays: 400 });
		try {
			await expectLedgerDecisions(ledger, 'redis');
		} finally {
			await ledger.close();
		}
	}, 60_000);
});
