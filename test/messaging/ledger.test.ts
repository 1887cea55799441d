import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { Client } from 'pg';
import {
	LedgerError,
	MemoryLedger,
	PostgresLedger,
	RedisLedger,
	idempotencyKey,
	openLedger,
	periodOf,
	quoteTableName,
	fromStoredText,
	toStoredText,
	type Ledger,
} from '../../nodes/shared/messaging/ledger';
import { ConfigError } from '../../nodes/shared/input';
import { POSTGRES, REDIS, describeWithService, uniqueName } from '../helpers/services';
import { dropRedisKeys, dropPostgresTable } from '../helpers/serviceCleanup';

const T0 = new Date('2026-03-08T02:00:00Z');
const request = (key: string, customerId = 'C1', claimedAt = T0) => ({
	key,
	customerId,
	careType: 'birthday',
	channel: 'smtp',
	claimedAt,
	token: randomUUID(),
});

/** The contract every backend keeps. `open` gives a fresh handle on the same store. */
function ledgerContract(open: () => Promise<Ledger>, sharedStore: boolean) {
	let ledger: Ledger;
	beforeAll(async () => {
		ledger = await open();
	});
	afterAll(async () => {
		await ledger?.close();
	});

	it('claims a new key once; the second claim sees the pending entry', async () => {
		const first = await ledger.claim(request('k-new'));
		expect(first.claimed).toBe(true);
		const second = await ledger.claim(request('k-new'));
		expect(second).toEqual({
			claimed: false,
			existing: { key: 'k-new', customerId: 'C1', status: 'pending', claimedAt: T0 },
		});
	});

	it('records a sent outcome with the provider id; the key stays taken', async () => {
		const claim = await ledger.claim(request('k-sent'));
		if (!claim.claimed) throw new Error('not claimed');
		await ledger.record('k-sent', 'C1', claim.token, { status: 'sent', providerMessageId: 'msg-1' });
		const found = await ledger.findClaimed(['k-sent', 'k-absent']);
		expect([...found.keys()]).toEqual(['k-sent']);
		expect(found.get('k-sent')).toMatchObject({ status: 'sent', providerMessageId: 'msg-1' });
		expect(await ledger.claim(request('k-sent'))).toMatchObject({ claimed: false, existing: { status: 'sent' } });
	});

	it('keeps an unknown outcome taken: it is never re-sent automatically', async () => {
		const claim = await ledger.claim(request('k-unknown'));
		if (!claim.claimed) throw new Error('not claimed');
		await ledger.record('k-unknown', 'C1', claim.token, { status: 'unknown', detail: 'timed out after 10000 ms' });
		expect(await ledger.claim(request('k-unknown'))).toMatchObject({ claimed: false, existing: { status: 'unknown' } });
	});

	it('frees a failed or released key for a later run, and no longer counts it', async () => {
		const failed = await ledger.claim(request('k-failed', 'C-free'));
		const released = await ledger.claim(request('k-released', 'C-free'));
		if (!failed.claimed || !released.claimed) throw new Error('not claimed');
		expect((await ledger.countSince(['C-free'], T0)).get('C-free')).toBe(2);
		await ledger.record('k-failed', 'C-free', failed.token, { status: 'failed', detail: 'invalid number' });
		await ledger.record('k-released', 'C-free', released.token, { status: 'released' });
		expect((await ledger.findClaimed(['k-failed', 'k-released'])).size).toBe(0);
		expect((await ledger.countSince(['C-free'], T0)).get('C-free')).toBeUndefined();
		expect((await ledger.claim(request('k-failed', 'C-free'))).claimed).toBe(true);
		expect((await ledger.claim(request('k-released', 'C-free'))).claimed).toBe(true);
	});

	it('ignores an outcome from someone who does not hold the claim', async () => {
		const claim = await ledger.claim(request('k-token'));
		if (!claim.claimed) throw new Error('not claimed');
		await ledger.record('k-token', 'C1', 'not-the-token', { status: 'released' });
		await ledger.record('k-token', 'C1', 'not-the-token', { status: 'sent' });
		expect((await ledger.findClaimed(['k-token'])).get('k-token')).toMatchObject({ status: 'pending' });
	});

	it('counts claims per customer since an instant', async () => {
		const day = 86_400_000;
		await ledger.claim(request('cnt-1', 'C-count', new Date(T0.getTime() - 10 * day)));
		await ledger.claim(request('cnt-2', 'C-count', new Date(T0.getTime() - 3 * day)));
		await ledger.claim(request('cnt-3', 'C-count', new Date(T0.getTime() - 1 * day)));
		await ledger.claim(request('cnt-4', 'C-other', new Date(T0.getTime() - 1 * day)));
		const counts = await ledger.countSince(['C-count', 'C-other', 'C-none'], new Date(T0.getTime() - 7 * day));
		expect(Object.fromEntries(counts)).toEqual({ 'C-count': 2, 'C-other': 1 });
	});

	it('refuses a claim given a cap when the customer has that many other messages in the window, in the same step', async () => {
		const day = 86_400_000;
		const cap = { since: new Date(T0.getTime() - 7 * day), maxMessages: 2 };
		const withCap = (key: string, customerId: string, claimedAt = T0) => ({ ...request(key, customerId, claimedAt), cap });
		await ledger.claim(request('cap-old', 'C-cap', new Date(T0.getTime() - 8 * day)));
		expect((await ledger.claim(withCap('cap-1', 'C-cap'))).claimed).toBe(true);
		const second = await ledger.claim(withCap('cap-2', 'C-cap'));
		expect(second.claimed).toBe(true);
		expect(await ledger.claim(withCap('cap-3', 'C-cap'))).toEqual({ claimed: false, capped: { inWindow: 2 } });
		// Nothing was stored for the refused claim: the count and the key are as before.
		expect((await ledger.countSince(['C-cap'], cap.since)).get('C-cap')).toBe(2);
		expect((await ledger.findClaimed(['cap-3'])).size).toBe(0);
		// A key held by another claim is reported as such before the cap is looked at.
		expect(await ledger.claim(withCap('cap-1', 'C-cap'))).toMatchObject({ claimed: false, existing: { key: 'cap-1', status: 'pending' } });
		// A failed message leaves the window; our own claim of a key (a resent command) does not count against itself.
		if (!second.claimed) throw new Error('not claimed');
		await ledger.record('cap-2', 'C-cap', second.token, { status: 'failed', detail: 'invalid number' });
		const third = await ledger.claim(withCap('cap-3', 'C-cap'));
		expect(third.claimed).toBe(true);
		if (!third.claimed) throw new Error('not claimed');
		expect(await ledger.claim({ ...withCap('cap-3', 'C-cap'), token: third.token })).toEqual({ claimed: true, token: third.token });
		// Other customers are not affected.
		expect((await ledger.claim(withCap('cap-other', 'C-cap-other'))).claimed).toBe(true);
	});

	it('keeps keys and customer IDs with NUL, lone surrogates and backslashes apart, without failing the batch', async () => {
		const odd = ['N2\u0000', 'N2', 'S\uD800', 'S\uDC00', 'S\uFFFD', 'S\\uD800', 'S\\0', '\u0000\u0000', 'x\uDBFF\uDFFF', '客户001', '顾客001'];
		const claims = await Promise.all(odd.map((id) => ledger.claim(request(`odd:${id}`, id))));
		expect(claims.map((c) => c.claimed)).toEqual(odd.map(() => true));
		const found = await ledger.findClaimed(odd.map((id) => `odd:${id}`));
		expect([...found.keys()].sort()).toEqual(odd.map((id) => `odd:${id}`).sort());
		for (const id of odd) expect(found.get(`odd:${id}`)?.customerId).toBe(id);
		const counts = await ledger.countSince(odd, new Date(T0.getTime() - 1));
		expect(odd.map((id) => counts.get(id))).toEqual(odd.map(() => 1));
		const again = await Promise.all(odd.map((id) => ledger.claim(request(`odd:${id}`, id))));
		expect(again.every((c) => !c.claimed && 'existing' in c && c.existing.customerId !== undefined)).toBe(true);
	});

	it('treats a claim holding the caller\'s own token as won (a resent command after a lost reply)', async () => {
		const mine = request('k-own');
		expect((await ledger.claim(mine)).claimed).toBe(true);
		expect(await ledger.claim({ ...mine })).toEqual({ claimed: true, token: mine.token });
		expect((await ledger.claim(request('k-own'))).claimed).toBe(false);
	});

	it('gives an unconfirmed (pending or unknown) claim to a later run only past the lease it names', async () => {
		const pending = await ledger.claim(request('k-lease-p', 'C1', T0));
		const unknown = await ledger.claim(request('k-lease-u', 'C1', T0));
		const sent = await ledger.claim(request('k-lease-s', 'C1', T0));
		if (!pending.claimed || !unknown.claimed || !sent.claimed) throw new Error('not claimed');
		await ledger.record('k-lease-u', 'C1', unknown.token, { status: 'unknown', detail: 'timed out' });
		await ledger.record('k-lease-s', 'C1', sent.token, { status: 'sent' });
		const later = new Date(T0.getTime() + 60 * 60_000);
		const beforeLease = new Date(T0.getTime() - 1);
		for (const key of ['k-lease-p', 'k-lease-u', 'k-lease-s']) {
			expect((await ledger.claim({ ...request(key, 'C1', later) })).claimed).toBe(false);
			expect((await ledger.claim({ ...request(key, 'C1', later), takeOverBefore: beforeLease })).claimed).toBe(false);
		}
		const afterLease = new Date(T0.getTime() + 1);
		expect((await ledger.claim({ ...request('k-lease-p', 'C1', later), takeOverBefore: afterLease })).claimed).toBe(true);
		expect((await ledger.claim({ ...request('k-lease-u', 'C1', later), takeOverBefore: afterLease })).claimed).toBe(true);
		expect((await ledger.claim({ ...request('k-lease-s', 'C1', later), takeOverBefore: afterLease })).claimed).toBe(false);
		// The new claim is pending again, as of the takeover: a second run past the same lease cannot take it.
		expect((await ledger.claim({ ...request('k-lease-p', 'C1', later), takeOverBefore: afterLease })).claimed).toBe(false);
	});

	if (sharedStore) {
		it('lets exactly one of many concurrent claimers (separate connections) win each key', async () => {
			const other = await open();
			try {
				const keys = Array.from({ length: 200 }, (_, i) => `race-${i}`);
				const attempts = keys.flatMap((key) => [ledger.claim(request(key)), other.claim(request(key)), other.claim(request(key))]);
				const results = await Promise.all(attempts);
				const wins = new Map<string, number>();
				results.forEach((result, i) => {
					if (result.claimed) wins.set(keys[Math.floor(i / 3)], (wins.get(keys[Math.floor(i / 3)]) ?? 0) + 1);
				});
				expect(wins.size).toBe(200);
				expect([...wins.values()].every((n) => n === 1)).toBe(true);
			} finally {
				await other.close();
			}
		});
	}
}

describe('MemoryLedger (backend "none")', () => {
	ledgerContract(async () => new MemoryLedger(), false);
});

describeWithService('redis')('RedisLedger against the real Redis', () => {
	const prefix = `${uniqueName('care_test')}:`;
	const open = () => RedisLedger.connect({ ...REDIS, keyPrefix: prefix, retentionDays: 30 });

	afterAll(async () => {
		await dropRedisKeys(prefix);
	});

	ledgerContract(open, true);

	it('writes keys under its prefix with the retention as TTL', async () => {
		const ledger = await open();
		await ledger.claim(request('ttl-check'));
		await ledger.close();
		const client = new Redis({ ...REDIS, lazyConnect: true });
		await client.connect();
		const ttl = await client.pttl(`${prefix}entry:ttl-check`);
		await client.quit();
		expect(ttl).toBeGreaterThan(29 * 86_400_000);
		expect(ttl).toBeLessThanOrEqual(30 * 86_400_000);
	});

	it('reports an unreachable Redis as a LedgerError without the password', async () => {
		const attempt = RedisLedger.connect({
			host: '127.0.0.1',
			port: 1,
			password: 'hunter2-secret',
			keyPrefix: prefix,
			retentionDays: 1,
			timeoutMs: 1000,
		});
		await expect(attempt).rejects.toThrow(LedgerError);
		// Named with its host and port, in words: n8n replaces any message holding a socket code such as
		// ECONNREFUSED with a generic "The service refused the connection".
		await expect(attempt).rejects.toThrow('Ledger connection to Redis at 127.0.0.1:1 failed: the connection was refused');
		await expect(attempt).rejects.not.toThrow(/ECONNREFUSED/);
		await expect(attempt).rejects.not.toThrow(/hunter2/);
	});
});

describeWithService('postgres')('PostgresLedger against the real Postgres', () => {
	const table = uniqueName('care_ledger_test');
	const open = () => PostgresLedger.connect({ ...POSTGRES, table, maxConnections: 4 });

	afterAll(async () => {
		await dropPostgresTable(table);
	});

	ledgerContract(open, true);

	it('keeps a failed row for audit while letting the key be claimed again', async () => {
		const ledger = await open();
		const claim = await ledger.claim(request('audit-failed'));
		if (!claim.claimed) throw new Error('not claimed');
		await ledger.record('audit-failed', 'C1', claim.token, { status: 'failed', detail: 'Twilio 21211 invalid number' });
		await ledger.close();
		const client = new Client(POSTGRES);
		await client.connect();
		const { rows } = await client.query(`SELECT status, detail FROM "${table}" WHERE key = 'audit-failed'`);
		await client.end();
		expect(rows).toEqual([{ status: 'failed', detail: 'Twilio 21211 invalid number' }]);
	});

	it('creates its table safely when several executions start at once', async () => {
		const freshTable = uniqueName('care_ledger_race');
		try {
			const ledgers = await Promise.all(
				Array.from({ length: 4 }, () => PostgresLedger.connect({ ...POSTGRES, table: freshTable, maxConnections: 1 })),
			);
			const claims = await Promise.all(ledgers.map((l) => l.claim(request('same'))));
			expect(claims.filter((c) => c.claimed)).toHaveLength(1);
			await Promise.all(ledgers.map((l) => l.close()));
		} finally {
			await dropPostgresTable(freshTable);
		}
	});

	it('reports an unreachable Postgres as a LedgerError without the password', async () => {
		const attempt = PostgresLedger.connect({ ...POSTGRES, port: 1, password: 'hunter2-secret', table, timeoutMs: 1000 });
		await expect(attempt).rejects.toThrow(LedgerError);
		await expect(attempt).rejects.toThrow('Ledger set-up of the Postgres table');
		await expect(attempt).rejects.toThrow('at 127.0.0.1:1 failed: the connection was refused');
		await expect(attempt).rejects.not.toThrow(/ECONNREFUSED/);
		await expect(attempt).rejects.toMatchObject({ retryable: true });
		await expect(attempt).rejects.not.toThrow(/hunter2/);
	});
});

describeWithService('postgres')('ledger configuration errors are not retryable', () => {
	it('a database that does not exist or a wrong user is a LedgerError with retryable false', async () => {
		for (const config of [{ ...POSTGRES, database: 'no_such_db_care' }, { ...POSTGRES, user: 'no_such_role_care' }]) {
			const attempt = PostgresLedger.connect({ ...config, table: 'care_ledger_cfg' });
			await expect(attempt).rejects.toMatchObject({ name: 'LedgerError', retryable: false });
		}
	});
});

describe('ledger helpers', () => {
	it('stores text one-to-one without NUL or lone surrogates', () => {
		const samples = ['', 'plain', 'a\\b', '\\0', '\u0000', 'S\uD800', 'S\uDC00', '\\uD800', '😀', '\uDE00\uD83D', 'x\\\u0000y'];
		const stored = samples.map(toStoredText);
		expect(new Set(stored).size).toBe(samples.length);
		for (const text of stored) {
			expect(text).not.toContain('\u0000');
			expect(Buffer.from(text, 'utf8').toString('utf8')).toBe(text);
		}
		expect(stored.map(fromStoredText)).toEqual(samples);
		expect(toStoredText('客户001:care')).toBe('客户001:care');
	});

	it('refuses table names that are not plain identifiers', () => {
		expect(quoteTableName('crm.care_ledger')).toBe('"crm"."care_ledger"');
		expect(() => quoteTableName('x; DROP TABLE y')).toThrow(ConfigError);
		expect(() => quoteTableName('a.b.c')).toThrow(ConfigError);
	});

	it('openLedger("none") gives the in-execution memory ledger', async () => {
		expect((await openLedger({ backend: 'none' })).backend).toBe('none');
	});

	it('builds the key from customer, care type, channel and period, escaping the separator', () => {
		expect(idempotencyKey({ customerId: 'C17', careType: 'birthday', channel: 'smtp', period: '2026' })).toBe(
			'C17:birthday:smtp:2026',
		);
		expect(idempotencyKey({ customerId: 'a:b', careType: 'x%y', channel: 'smtp', period: 'once' })).toBe(
			'a%3Ab:x%25y:smtp:once',
		);
	});

	it('puts an instant in its period in the recipient zone', () => {
		// 2026-03-08T17:30Z is already Monday 9 March in Shanghai (ISO week 11) but Sunday 8 March (week 10) in UTC.
		const instant = new Date('2026-03-08T17:30:00Z');
		expect(periodOf(instant, 'day', 'Asia/Shanghai')).toBe('2026-03-09');
		expect(periodOf(instant, 'day', 'UTC')).toBe('2026-03-08');
		expect(periodOf(instant, 'week', 'Asia/Shanghai')).toBe('2026-W11');
		expect(periodOf(instant, 'week', 'UTC')).toBe('2026-W10');
		expect(periodOf(instant, 'month', 'UTC')).toBe('2026-03');
		expect(periodOf(new Date('2026-12-31T20:00:00Z'), 'year', 'Asia/Shanghai')).toBe('2027');
		// 2027-01-01 is a Friday: ISO week 53 of 2026.
		expect(periodOf(new Date('2027-01-01T12:00:00Z'), 'week', 'UTC')).toBe('2026-W53');
		expect(periodOf(instant, 'once', 'UTC')).toBe('once');
	});
});
