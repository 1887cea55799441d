import { CHANNELS } from '../../nodes/shared/messaging/channels/registry';
import { LedgerError, MemoryLedger, type Ledger } from '../../nodes/shared/messaging/ledger';
import { parseSendingWindow } from '../../nodes/shared/messaging/policy';
import {
	Pacer,
	deliver,
	dispatch,
	retryDelay,
	runCareBatch,
	runWithConcurrency,
	type CareCandidate,
	type RetryPolicy,
} from '../../nodes/shared/messaging/sending';
import { toIsoWithOffset } from '../../nodes/shared/format/isoDate';
import { ScriptedChannel, message } from './helpers/fakeChannel';
import { VirtualClock, seededRandom } from './helpers/virtualClock';

const RETRY: RetryPolicy = { maxAttempts: 4, baseDelayMs: 1000, maxDelayMs: 30_000 };
const retryable = (code = 'HTTP_503', retryAfterMs?: number) =>
	({ status: 'failed', retryable: true, providerCode: code, message: 'try later', ...(retryAfterMs ? { retryAfterMs } : {}) }) as const;

describe('retryDelay', () => {
	it('doubles from the base with jitter in the upper half, up to the maximum', () => {
		expect(retryDelay(1, RETRY, () => 0)).toBe(500);
		expect(retryDelay(1, RETRY, () => 0.999999)).toBeCloseTo(1000, 2);
		expect(retryDelay(3, RETRY, () => 0.5)).toBe(3000); // ceiling 4000: 2000 + 0.5 * 2000
		expect(retryDelay(10, RETRY, () => 0)).toBe(15_000); // ceiling capped at 30000
	});

	it('never waits less than the provider asked with Retry-After', () => {
		expect(retryDelay(1, RETRY, () => 0.5, 45_000)).toBe(45_000);
		expect(retryDelay(4, RETRY, () => 0, 100)).toBe(4000);
	});
});

describe('Pacer', () => {
	it('spaces slots evenly at the rate, without a burst', async () => {
		const clock = new VirtualClock(0);
		const pacer = new Pacer(CHANNELS.wecom.defaultRate, clock);
		const times: number[] = [];
		for (let i = 0; i < 5; i++) {
			await pacer.acquire(Number.POSITIVE_INFINITY);
			times.push(clock.now());
		}
		expect(times).toEqual([0, 3000, 6000, 9000, 12000]);
	});

	it('hands out slots in order to concurrent callers', async () => {
		const clock = new VirtualClock(0);
		const pacer = new Pacer({ count: 5, perMs: 1000 }, clock);
		const times: number[] = [];
		await Promise.all(Array.from({ length: 4 }, async () => {
			await pacer.acquire(Number.POSITIVE_INFINITY);
			times.push(clock.now());
		}));
		expect(times).toEqual([0, 200, 400, 600]);
	});

	it('refuses, without using a slot, when the next slot lies past the deadline', async () => {
		const clock = new VirtualClock(0);
		const pacer = new Pacer({ count: 1, perMs: 1000 }, clock);
		expect(await pacer.acquire(1500)).toBe(true);
		expect(await pacer.acquire(500)).toBe(false);
		expect(clock.now()).toBe(0);
		expect(await pacer.acquire(1500)).toBe(true);
		expect(clock.now()).toBe(1000);
	});

	it('holds every slot back until a Retry-After pause ends', async () => {
		const clock = new VirtualClock(0);
		const pacer = new Pacer(undefined, clock);
		pacer.pauseUntil(7000);
		await pacer.acquire(Number.POSITIVE_INFINITY);
		expect(clock.now()).toBe(7000);
	});
});

describe('deliver', () => {
	const context = (clock: VirtualClock, channel: ScriptedChannel, budgetMs = 600_000) => ({
		channel,
		pacer: new Pacer(undefined, clock),
		clock,
		random: () => 0.5,
		retry: RETRY,
		deadline: clock.now() + budgetMs,
		timeoutMs: 10_000,
	});

	it('retries retryable failures with backoff honouring Retry-After, then succeeds', async () => {
		const clock = new VirtualClock(0);
		const channel = new ScriptedChannel(clock, (_m, attempt) =>
			attempt === 1 ? retryable('HTTP_429', 5000) : attempt === 2 ? retryable('HTTP_502') : { status: 'sent', providerMessageId: 'p-1' },
		);
		const result = await deliver(message('a'), context(clock, channel));
		expect(result).toEqual({ result: 'sent', attempts: 3, providerMessageId: 'p-1', providerCode: undefined });
		// Attempt 2 after max(Retry-After 5000, 750); attempt 3 after 1500 (ceiling 2000, jitter 0.5).
		expect(channel.calls.map((c) => c.at)).toEqual([0, 5000, 6500]);
	});

	it('does not retry a permanent failure and passes on the opt-out mark', async () => {
		const clock = new VirtualClock(0);
		const channel = new ScriptedChannel(clock, () => ({
			status: 'failed',
			retryable: false,
			providerCode: '21610',
			message: 'Attempt to send to unsubscribed recipient',
			optedOut: true,
		}));
		expect(await deliver(message('a'), context(clock, channel))).toEqual({
			result: 'failed',
			attempts: 1,
			retryable: false,
			providerCode: '21610',
			message: 'Attempt to send to unsubscribed recipient',
			optedOut: true,
			budgetExhausted: false,
		});
	});

	it('never re-sends after an unknown outcome, nor after a throw from the channel', async () => {
		const clock = new VirtualClock(0);
		const timedOut = new ScriptedChannel(clock, () => ({ status: 'unknown', message: 'timed out after 10000 ms' }));
		expect(await deliver(message('a'), context(clock, timedOut))).toEqual({
			result: 'unknown',
			attempts: 1,
			message: 'timed out after 10000 ms',
		});
		expect(timedOut.calls).toHaveLength(1);
		const throwing = new ScriptedChannel(clock, () => new Error('socket hang up'));
		expect(await deliver(message('a'), context(clock, throwing))).toMatchObject({ result: 'unknown', attempts: 1 });
	});

	it('says the provider never saw the message only when no attempt reached it', async () => {
		const clock = new VirtualClock(0);
		const refused = { status: 'failed' as const, retryable: true, providerCode: 'ECONNREFUSED', message: 'connect ECONNREFUSED', neverSent: true };
		const neverReached = new ScriptedChannel(clock, () => refused);
		expect(await deliver(message('a'), context(clock, neverReached))).toMatchObject({ result: 'failed', attempts: 4, neverSent: true });
		// A 503 first, then refused connections: the provider did see (and refuse) the message once.
		const reachedOnce = new ScriptedChannel(clock, (_m, attempt) => (attempt === 1 ? retryable('HTTP_503') : refused));
		const mixed = await deliver(message('a'), context(clock, reachedOnce));
		expect(mixed).toMatchObject({ result: 'failed', attempts: 4, providerCode: 'ECONNREFUSED' });
		expect(mixed).not.toHaveProperty('neverSent');
	});

	it('stops after the maximum attempts', async () => {
		const clock = new VirtualClock(0);
		const channel = new ScriptedChannel(clock, () => retryable());
		const result = await deliver(message('a'), context(clock, channel));
		expect(result).toMatchObject({ result: 'failed', attempts: 4, retryable: true, budgetExhausted: false });
	});

	it('gives up when the next wait would end past the budget, saying so', async () => {
		const clock = new VirtualClock(0);
		const channel = new ScriptedChannel(clock, () => retryable('HTTP_429', 60_000));
		const result = await deliver(message('a'), context(clock, channel, 30_000));
		expect(result).toMatchObject({ result: 'failed', attempts: 1, budgetExhausted: true, providerCode: 'HTTP_429' });
		expect(clock.now()).toBe(0);
	});
});

describe('runWithConcurrency', () => {
	it('never runs more than the limit at once and runs everything', async () => {
		const clock = new VirtualClock(0);
		let running = 0;
		let peak = 0;
		const done: number[] = [];
		await runWithConcurrency(20, 3, async (i) => {
			running++;
			peak = Math.max(peak, running);
			await clock.sleep(100 + (i % 3) * 10);
			running--;
			done.push(i);
		});
		expect(peak).toBe(3);
		expect(done.sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i));
	});
});

describe('dispatch', () => {
	const options = { concurrency: 4, retry: RETRY, budgetMs: 600_000, timeoutMs: 10_000 };
	const job = (to: string, key = `k-${to}`) => ({ key, customerId: to, careType: 'birthday', channel: 'webhook', message: message(to, key) });

	it('sends each key once across two dispatches sharing a ledger', async () => {
		const clock = new VirtualClock();
		const ledger = new MemoryLedger();
		const channel = new ScriptedChannel(clock, (m) => ({ status: 'sent', providerMessageId: `id-${m.to}` }));
		const deps = { channel, ledger, clock, random: seededRandom() };
		const jobs = ['a', 'b', 'c'].map((to) => job(to));
		const [first, second] = await Promise.all([dispatch(jobs, deps, options), dispatch(jobs, deps, options)]);
		const kinds = [...first, ...second].map((r) => r.kind).sort();
		expect(kinds).toEqual(['duplicate', 'duplicate', 'duplicate', 'sent', 'sent', 'sent']);
		expect(channel.calls.map((c) => c.message.to).sort()).toEqual(['a', 'b', 'c']);
	});

	it('reports a message that never left this machine as notSent and one the provider refused as failed', async () => {
		const clock = new VirtualClock();
		const channel = new ScriptedChannel(clock, (m) =>
			m.to === 'blocked'
				? { status: 'failed', retryable: false, providerCode: 'SSRF_BLOCKED', message: 'n8n refused the request', neverSent: true }
				: { status: 'failed', retryable: false, providerCode: 'INVALID', message: 'bad body' },
		);
		const results = await dispatch([job('blocked'), job('refused')], { channel, ledger: new MemoryLedger(), clock, random: seededRandom() }, options);
		expect(results.map((r) => [r.kind, 'outcome' in r ? r.outcome : undefined, 'code' in r ? r.code : undefined])).toEqual([
			['failed', 'notSent', 'SSRF_BLOCKED'],
			['failed', 'failed', 'INVALID'],
		]);
	});

	it('frees the key of a refused message for a later run, but keeps an unknown one', async () => {
		const clock = new VirtualClock();
		const ledger = new MemoryLedger();
		let refuse = true;
		const channel = new ScriptedChannel(clock, (m) =>
			m.to === 'unsure'
				? { status: 'unknown', message: 'connection reset' }
				: refuse
					? { status: 'failed', retryable: false, providerCode: 'INVALID', message: 'bad body' }
					: { status: 'sent' },
		);
		const deps = { channel, ledger, clock, random: seededRandom() };
		const first = await dispatch([job('refused'), job('unsure')], deps, options);
		expect(first).toEqual([
			{ kind: 'failed', outcome: 'failed', code: 'INVALID', message: 'bad body', retryable: false, attempts: 1 },
			{
				kind: 'failed',
				outcome: 'unknown',
				code: 'OUTCOME_UNKNOWN',
				message: 'connection reset. Delivery is not confirmed, so it is not re-sent automatically',
				retryable: false,
				attempts: 1,
			},
		]);
		refuse = false;
		const second = await dispatch([job('refused'), job('unsure')], deps, options);
		expect(second.map((r) => r.kind)).toEqual(['sent', 'duplicate']);
		expect(channel.attemptsFor('unsure')).toBe(1);
	});

	it('sends nothing when the ledger cannot claim', async () => {
		const clock = new VirtualClock();
		const ledger = new MemoryLedger();
		ledger.claim = async () => {
			throw new LedgerError('Ledger claim in Redis failed: Command timed out');
		};
		const channel = new ScriptedChannel(clock);
		const [result] = await dispatch([job('a')], { channel, ledger, clock, random: seededRandom() }, options);
		expect(result).toEqual({
			kind: 'failed',
			outcome: 'notSent',
			code: 'LEDGER_UNAVAILABLE',
			message: 'Ledger claim in Redis failed: Command timed out; nothing was sent',
			retryable: true,
			attempts: 0,
		});
		expect(channel.calls).toHaveLength(0);
	});

	it('reports a sent message whose outcome could not be recorded, keeping the key blocked', async () => {
		const clock = new VirtualClock();
		const ledger = new MemoryLedger();
		ledger.record = async () => {
			throw new LedgerError('Ledger outcome update in Postgres failed: Connection terminated');
		};
		const channel = new ScriptedChannel(clock);
		const [result] = await dispatch([job('a')], { channel, ledger, clock, random: seededRandom() }, options);
		expect(result).toMatchObject({
			kind: 'sent',
			ledgerWarning: 'Ledger outcome update in Postgres failed: Connection terminated; the key stays claimed',
		});
		expect((await ledger.findClaimed(['k-a'])).get('k-a')?.status).toBe('pending');
	});

	it('keeps to the concurrency limit and the pacing rate', async () => {
		const clock = new VirtualClock(0);
		const channel = new ScriptedChannel(clock, () => ({ status: 'sent' }), 250);
		const jobs = Array.from({ length: 30 }, (_, i) => job(`c${i}`));
		await dispatch(jobs, { channel, ledger: new MemoryLedger(), clock, random: seededRandom() }, {
			...options,
			concurrency: 3,
			rate: { count: 10, perMs: 1000 },
		});
		expect(channel.maxInFlight).toBe(3);
		const gaps = channel.calls.slice(1).map((c, i) => c.at - channel.calls[i].at);
		expect(gaps.every((g) => g === 100)).toBe(true);
	});

	it('returns messages it had no time for as not sent and releases nothing it did not claim', async () => {
		const clock = new VirtualClock(0);
		const ledger = new MemoryLedger();
		const channel = new ScriptedChannel(clock);
		const jobs = Array.from({ length: 5 }, (_, i) => job(`c${i}`));
		const results = await dispatch(jobs, { channel, ledger, clock, random: seededRandom() }, {
			...options,
			concurrency: 1,
			rate: { count: 1, perMs: 1000 },
			budgetMs: 2500,
		});
		expect(results.map((r) => r.kind)).toEqual(['sent', 'sent', 'sent', 'failed', 'failed']);
		expect(results[3]).toMatchObject({ outcome: 'notSent', code: 'BUDGET_EXHAUSTED', retryable: true, budgetExhausted: true });
		expect((await ledger.findClaimed(['k-c3', 'k-c4'])).size).toBe(0);
	});

	it('on Stop sends nothing not yet under way, ends a retry chain, and releases every key it did not send', async () => {
		const clock = new VirtualClock(0);
		const ledger = new MemoryLedger();
		const stop = new AbortController();
		// c1 keeps answering 503; the execution is stopped while c1 waits for its retry and c2 for its slot.
		const channel = new ScriptedChannel(clock, (m) => (m.to === 'c1' ? retryable() : { status: 'sent' }));
		const jobs = Array.from({ length: 5 }, (_, i) => job(`c${i}`));
		const running = dispatch(jobs, { channel, ledger, clock, random: seededRandom(), cancel: stop.signal }, {
			...options,
			concurrency: 2,
			rate: { count: 1, perMs: 1000 },
		});
		await new Promise((resolve) => setImmediate(resolve));
		while (channel.calls.length < 2) await new Promise((resolve) => setImmediate(resolve));
		stop.abort();
		const results = await running;
		expect(results[0]).toMatchObject({ kind: 'sent' });
		expect(results[1]).toMatchObject({ kind: 'failed', outcome: 'failed', code: 'HTTP_503', retryable: true });
		expect(String((results[1] as { message: string }).message)).toContain('stopped');
		for (const r of results.slice(2)) expect(r).toMatchObject({ kind: 'failed', outcome: 'notSent', code: 'CANCELLED', retryable: true, attempts: 0 });
		expect(channel.calls.map((c) => c.message.to)).toEqual(['c0', 'c1']);
		expect([...(await ledger.findClaimed(jobs.map((j) => j.key))).keys()]).toEqual(['k-c0']);
	});
});

describe('runCareBatch', () => {
	const asOf = new Date('2026-03-08T04:00:00Z'); // 12:00 in Shanghai, 05:00 in Berlin
	const candidate = (customerId: string, extra: Partial<CareCandidate> = {}): CareCandidate => ({
		customerId,
		careType: 'winBack',
		key: `${customerId}:winBack:webhook:2026-03`,
		timeZone: 'Asia/Shanghai',
		message: message(customerId),
		...extra,
	});
	const baseOptions = {
		asOf,
		channelKind: 'webhook' as const,
		concurrency: 2,
		retry: RETRY,
		budgetMs: 60_000,
		timeoutMs: 5000,
		dryRun: false,
	};

	async function seeded(ledger: Ledger, key: string, customerId: string, claimedAt: Date) {
		const claim = await ledger.claim({ key, customerId, careType: 'birthday', channel: 'webhook', claimedAt, token: `seed-${key}` });
		if (claim.claimed) await ledger.record(key, customerId, claim.token, { status: 'sent' });
	}

	it('applies duplicate, cap and quiet hours in that order, and sends the rest', async () => {
		const clock = new VirtualClock(asOf.getTime());
		const ledger = new MemoryLedger();
		await seeded(ledger, 'old:winBack:webhook:2026-03', 'old', new Date('2026-03-01T00:00:00Z'));
		await seeded(ledger, 'busy:birthday', 'busy', new Date('2026-03-06T00:00:00Z'));
		const channel = new ScriptedChannel(clock);
		const results = await runCareBatch(
			[
				candidate('new'),
				candidate('new'), // same key again
				candidate('old'), // in the ledger already
				candidate('busy'), // one message two days ago, cap 1 per 7 days
				candidate('night', { timeZone: 'America/Los_Angeles' }), // 20:00 on 7 March there
				candidate('twice', { key: 'twice:a' }),
				candidate('twice', { key: 'twice:b' }), // second message to the same customer in this run
			],
			{
				...baseOptions,
				sendingWindow: parseSendingWindow('09:00', '20:00'),
				cap: { limit: { maxMessages: 1, windowDays: 7 }, source: 'ledger' },
			},
			{ ledger, channel, clock, random: seededRandom() },
		);
		expect(results.map((r) => (r.output === 'skipped' ? r.reason : r.output))).toEqual([
			'sent',
			'duplicate',
			'duplicate',
			'capped',
			'quietHours',
			'sent',
			'capped',
		]);
		expect(results[1]).toMatchObject({ detail: 'Same key as candidate 0 of this batch' });
		expect(results[2]).toMatchObject({ previous: { status: 'sent', claimedAt: new Date('2026-03-01T00:00:00Z') } });
		expect(results[3]).toMatchObject({ detail: '1 care message(s) in the last 7 day(s) reach the cap of 1' });
		const deferred = results[4];
		if (deferred.output !== 'skipped' || !deferred.deferUntil) throw new Error('expected a deferral');
		expect(toIsoWithOffset(deferred.deferUntil, 'America/Los_Angeles')).toBe('2026-03-08T09:00:00-07:00');
		expect(channel.calls.map((c) => c.message.to)).toEqual(['new', 'twice']);
	});

	it('takes the cap count from the item field when told to', async () => {
		const clock = new VirtualClock(asOf.getTime());
		const results = await runCareBatch(
			[candidate('a', { fieldContacts: 2 }), candidate('b', { fieldContacts: 1 })],
			{ ...baseOptions, cap: { limit: { maxMessages: 2, windowDays: 30 }, source: 'field' } },
			{ ledger: new MemoryLedger(), channel: new ScriptedChannel(clock), clock, random: seededRandom() },
		);
		expect(results.map((r) => r.output)).toEqual(['skipped', 'sent']);
	});

	it('dry run: decides everything, claims and sends nothing', async () => {
		const clock = new VirtualClock(asOf.getTime());
		const ledger = new MemoryLedger();
		const channel = new ScriptedChannel(clock);
		const results = await runCareBatch([candidate('a'), candidate('a')], { ...baseOptions, dryRun: true }, {
			ledger,
			channel,
			clock,
			random: seededRandom(),
		});
		expect(results.map((r) => (r.output === 'skipped' ? r.reason : r.output))).toEqual(['dryRun', 'duplicate']);
		expect(channel.calls).toHaveLength(0);
		expect((await ledger.findClaimed(['a:winBack:webhook:2026-03'])).size).toBe(0);
	});

	it('fails every item, sending nothing, when the ledger cannot be read', async () => {
		const clock = new VirtualClock(asOf.getTime());
		const ledger = new MemoryLedger();
		ledger.findClaimed = async () => {
			throw new LedgerError('Ledger lookup in Redis failed: Connection is closed.');
		};
		const channel = new ScriptedChannel(clock);
		const results = await runCareBatch([candidate('a'), candidate('b')], baseOptions, { ledger, channel, clock, random: seededRandom() });
		expect(results).toHaveLength(2);
		expect(results.every((r) => r.output === 'failed' && r.code === 'LEDGER_UNAVAILABLE' && r.retryable)).toBe(true);
		expect(channel.calls).toHaveLength(0);
	});
});
