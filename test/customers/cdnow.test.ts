import { readFileSync } from 'fs';
import { resolve } from 'path';
import { summariseTransactions, type Transaction } from '../../nodes/shared/customers';
import { parseDate } from '../../nodes/shared/input';

const DATA = resolve(__dirname, '..', '..', '..', 'shared', 'data', 'cdnow');

function readTransactions(): Transaction[] {
	return readFileSync(resolve(DATA, 'CDNOW_sample.txt'), 'utf8')
		.split('\n')
		.filter((line) => line.trim())
		.map((line) => {
			const [, sampleId, date, , dollars] = line.trim().split(/\s+/);
			return { customerId: String(Number(sampleId)), date: parseDate(date, 'date'), amount: Number(dollars) };
		});
}

function readPublishedSummary(): Map<string, { x: number; tx: number; T: number }> {
	const [, ...rows] = readFileSync(resolve(DATA, 'cdnow_customers_summary.csv'), 'utf8').trim().split('\n');
	return new Map(
		rows.map((row) => {
			const [id, x, tx, T] = row.split(',');
			return [id, { x: Number(x), tx: Number(tx), T: Number(T) }];
		}),
	);
}

describe('transactions -> customer summary on CDNOW', () => {
	const summaries = summariseTransactions(readTransactions(), {
		asOf: new Date('1997-09-30T00:00:00Z'),
		unit: 'weeks',
		collapseSameDay: true,
	});
	const published = readPublishedSummary();

	it('finds every published customer and no other', () => {
		expect(summaries).toHaveLength(2357);
		expect(new Set(summaries.map((s) => s.customerId))).toEqual(new Set(published.keys()));
	});

	it('reproduces x exactly and t_x, T within 0.01 week for every customer', () => {
		const mismatches = summaries.filter((s) => {
			const p = published.get(s.customerId)!;
			return s.x !== p.x || Math.abs(s.tx - p.tx) > 0.01 || Math.abs(s.T - p.T) > 0.01;
		});
		expect(mismatches).toEqual([]);
	});

	it('counts same-day purchases separately when not collapsing', () => {
		const raw = summariseTransactions(readTransactions(), {
			asOf: new Date('1997-09-30T00:00:00Z'),
			unit: 'weeks',
			collapseSameDay: false,
		});
		const totalRepeat = (list: typeof raw) => list.reduce((n, s) => n + s.x, 0);
		expect(totalRepeat(raw)).toBeGreaterThan(totalRepeat(summaries));
	});
});

describe('summariseTransactions', () => {
	const day = (d: string) => new Date(`${d}T00:00:00Z`);

	it('computes recency, age, spend and mean repeat spend in days', () => {
		const [s] = summariseTransactions(
			[
				{ customerId: 'a', date: day('2024-01-11'), amount: 30 },
				{ customerId: 'a', date: day('2024-01-01'), amount: 10 },
				{ customerId: 'a', date: day('2024-01-21'), amount: 50 },
			],
			{ asOf: day('2024-01-31'), unit: 'days', collapseSameDay: false },
		);
		expect(s).toMatchObject({ x: 2, tx: 20, T: 30, totalSpend: 90, meanRepeatSpend: 40, purchases: 3 });
		expect(s.firstPurchase.toISOString()).toBe('2024-01-01T00:00:00.000Z');
		expect(s.lastPurchase.toISOString()).toBe('2024-01-21T00:00:00.000Z');
	});

	it('gives a one-time buyer x = 0, t_x = 0 and mean repeat spend 0', () => {
		const [s] = summariseTransactions([{ customerId: 'b', date: day('2024-01-01'), amount: 99 }], {
			asOf: day('2024-01-15'),
			unit: 'weeks',
			collapseSameDay: true,
		});
		expect(s).toMatchObject({ x: 0, tx: 0, T: 2, meanRepeatSpend: 0, totalSpend: 99 });
	});

	it('collapses same-day purchases by the calendar of the given zone', () => {
		// 23:30 and 00:30 UTC on consecutive UTC days are the same day in Shanghai (07:30 and 08:30).
		const txs = [
			{ customerId: 'c', date: new Date('2024-03-01T23:30:00Z'), amount: 5 },
			{ customerId: 'c', date: new Date('2024-03-02T00:30:00Z'), amount: 7 },
		];
		const asOf = day('2024-03-10');
		expect(summariseTransactions(txs, { asOf, unit: 'days', collapseSameDay: true })[0].x).toBe(1);
		const shanghai = summariseTransactions(txs, { asOf, unit: 'days', collapseSameDay: true, timeZone: 'Asia/Shanghai' });
		expect(shanghai[0]).toMatchObject({ x: 0, purchases: 1, totalSpend: 12 });
	});

	it('ignores transactions after the as-of date', () => {
		const s = summariseTransactions(
			[
				{ customerId: 'd', date: day('2024-01-01'), amount: 1 },
				{ customerId: 'd', date: day('2024-02-01'), amount: 1 },
			],
			{ asOf: day('2024-01-15'), unit: 'days', collapseSameDay: false },
		);
		expect(s[0].x).toBe(0);
	});

	it('returns nothing for no transactions', () => {
		expect(summariseTransactions([], { asOf: day('2024-01-01'), unit: 'days', collapseSameDay: true })).toEqual([]);
	});
});
