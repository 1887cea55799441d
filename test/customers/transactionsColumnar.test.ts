import { readTransaction, summariseTransactions, type Transaction } from '../../nodes/shared/customers';
import { summariseTransactionColumns, TransactionColumnReader, type CustomerTotals } from '../../nodes/shared/customers/transactionsColumnar';
import { seededRandom } from '../helpers/random';

const columns = { customerId: 'customerId', date: 'orderDate', amount: 'amount' };
const DAY_MS = 86_400_000;

/** Orders of a few hundred customers: same-day and same-instant purchases, one customer with many, bad rows. */
function orders(n: number, asOfMs: number): Array<Record<string, unknown>> {
	const next = seededRandom(21);
	return Array.from({ length: n }, (_, i) => {
		const customer = i % 7 === 0 ? 0 : Math.floor(next() * 300);
		// Whole days and a few hours: several purchases of one customer fall on one day, some at one instant.
		const at = asOfMs - Math.floor(next() * 200) * DAY_MS - Math.floor(next() * 3) * 3_600_000;
		return {
			customerId: customer % 4 === 0 ? customer : `C${customer}`,
			orderDate: i % 97 === 5 ? 'not a date' : new Date(at).toISOString(),
			amount: i % 89 === 3 ? -1 : Math.round(next() * 40000) / 100,
		};
	});
}

/** The general path's summaries keyed by customer: what the columns must equal bit for bit. */
function general(rows: Array<Record<string, unknown>>, readAsOf: Date, asOf: Date, collapseSameDay: boolean, timeZone: string) {
	const transactions: Transaction[] = [];
	rows.forEach((row, i) => {
		try {
			transactions.push(readTransaction(row, columns, i, { asOf: readAsOf, timeZone }));
		} catch {
			// rejected, as the reader rejects it
		}
	});
	return summariseTransactions(transactions, { asOf, unit: 'days', collapseSameDay, timeZone });
}

function columnar(rows: Array<Record<string, unknown>>, readAsOf: Date, asOf: Date, collapseSameDay: boolean, timeZone: string): CustomerTotals {
	const reader = new TransactionColumnReader(columns, rows.length, { asOf: readAsOf, timeZone });
	let rejected = 0;
	rows.forEach((row, i) => {
		try {
			reader.read(row, i);
		} catch {
			rejected++;
		}
	});
	expect(rejected).toBeGreaterThan(10);
	return summariseTransactionColumns(reader, { asOf, collapseSameDay, timeZone });
}

function byCustomer(totals: CustomerTotals) {
	const { itemStart } = totals;
	return totals.ids.flatMap((customerId, c) =>
		itemStart[c + 1] === itemStart[c]
			? []
			: [
					{
						customerId,
						firstMs: totals.firstMs[c],
						lastMs: totals.lastMs[c],
						purchases: totals.purchases[c],
						totalSpend: totals.totalSpend[c],
						items: totals.items.slice(itemStart[c], itemStart[c + 1]),
					},
				],
	);
}

describe('summariseTransactionColumns', () => {
	const asOf = new Date(Date.UTC(2024, 6, 1));

	it.each([
		[true, 'UTC'],
		[false, 'UTC'],
		[true, 'Asia/Shanghai'],
		[true, 'America/New_York'],
	])('equals summariseTransactions bit for bit (same-day collapse %s, %s), in the same customer order', (collapseSameDay, timeZone) => {
		const rows = orders(3000, asOf.getTime());
		const want = general(rows, asOf, asOf, collapseSameDay, timeZone).map((s) => ({
			customerId: s.customerId,
			firstMs: s.firstPurchase.getTime(),
			lastMs: s.lastPurchase.getTime(),
			purchases: s.purchases,
			totalSpend: s.totalSpend,
			items: s.itemIndices,
		}));
		const got = byCustomer(columnar(rows, asOf, asOf, collapseSameDay, timeZone));
		expect(got).toEqual(want);
		// Customer 0 has more purchases than the insertion sort handles.
		expect(Math.max(...got.map((c) => c.items.length))).toBeGreaterThan(32);
	});

	it('leaves out rows after its As Of when the reader allowed them, and lists the rows left in input order', () => {
		const rows = orders(3000, asOf.getTime());
		const earlier = new Date(asOf.getTime() - 60 * DAY_MS);
		const totals = columnar(rows, asOf, earlier, true, 'UTC');
		const want = new Map(general(rows, asOf, earlier, true, 'UTC').map((s) => [s.customerId, s]));
		const got = byCustomer(totals);
		expect(got.length).toBe(want.size);
		for (const customer of got) {
			const s = want.get(customer.customerId)!;
			expect(customer).toEqual({ customerId: s.customerId, firstMs: s.firstPurchase.getTime(), lastMs: s.lastPurchase.getTime(), purchases: s.purchases, totalSpend: s.totalSpend, items: s.itemIndices });
		}
		// rows and rowCustomer: the rows left in, in input order, each with its customer.
		const kept = [...want.values()].flatMap((s) => s.itemIndices.map((item) => ({ item, customerId: s.customerId }))).sort((a, b) => a.item - b.item);
		expect(totals.rowCount).toBe(kept.length);
		kept.forEach(({ item, customerId }, r) => {
			expect(totals.rowItem === undefined ? r : totals.rowItem[r]).toBe(item);
			expect(totals.ids[totals.rowCustomer[r]]).toBe(customerId);
		});
	});
});
