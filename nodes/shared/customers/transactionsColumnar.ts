import { tzOffset } from '@date-fns/tz';
import { dateMsReaderNotAfter, getField, parseMoney, PLAUSIBLE } from '../input';
import { BATCH, CustomerNumbers } from './customerNumbers';
import { customerIdText, type ReadOptions, type TransactionColumns } from './records';

const DAY_MS = 86_400_000;

/**
 * Transaction rows read straight into columns: a customer number, epoch ms and amount per row, no
 * object per transaction. Accepts and rejects exactly what readTransaction does, with the same errors
 * in the same order (customer ID, date, amount); date-only texts are parsed once per distinct day.
 */
export class TransactionColumnReader {
	readonly customer: Int32Array;
	readonly time: Float64Array;
	readonly amount: Float64Array;
	readonly item: Int32Array;
	length = 0;
	/** Room for the rows grouped by customer (see summariseTransactionColumns). */
	readonly grouped: { time: Float64Array; amount: Float64Array; item: Int32Array };
	private readonly numbers = new CustomerNumbers();
	/** Customer IDs by customer number, in order of first appearance (all of them after numberPending). */
	readonly ids: string[] = this.numbers.ids;
	/** Customer IDs of the last rows read, numbered together (CustomerNumbers.numberAll). */
	private readonly pending: Array<string | number> = new Array<string>(BATCH).fill('');
	private pendingCount = 0;
	private readonly readDateMs: (value: unknown, field: string) => number;

	constructor(
		private readonly columns: TransactionColumns,
		capacity: number,
		options: ReadOptions,
	) {
		// One buffer for the rows and for summariseTransactionColumns' copy of them grouped by customer:
		// V8 answers each large allocation outside its heap with a full collection of the heap, which
		// holds every input item, so one allocation costs one collection instead of seven.
		const buffer = new ArrayBuffer(capacity * 44);
		this.time = new Float64Array(buffer, 0, capacity);
		this.amount = new Float64Array(buffer, capacity * 8, capacity);
		this.grouped = {
			time: new Float64Array(buffer, capacity * 16, capacity),
			amount: new Float64Array(buffer, capacity * 24, capacity),
			item: new Int32Array(buffer, capacity * 40, capacity),
		};
		this.customer = new Int32Array(buffer, capacity * 32, capacity);
		this.item = new Int32Array(buffer, capacity * 36, capacity);
		this.readDateMs = dateMsReaderNotAfter(options.asOf, { timeZone: options.timeZone });
	}

	/** Reads one row; throws the item's InputError and keeps nothing if a value is bad. */
	read(row: Record<string, unknown>, itemIndex: number): void {
		const { columns } = this;
		const rawId = getField(row, columns.customerId);
		// An integer ID is looked up by value; its text is written once per customer, not per row.
		const integerId = typeof rawId === 'number' && Number.isSafeInteger(rawId);
		const id = integerId ? '' : customerIdText(rawId, columns.customerId);
		const time = this.readDateMs(getField(row, columns.date), columns.date);
		const raw = getField(row, columns.amount);
		const amount = typeof raw === 'number' && raw >= 0 && raw <= PLAUSIBLE.money ? raw : parseMoney(raw, columns.amount, { min: 0 });
		const r = this.length++;
		this.time[r] = time;
		this.amount[r] = amount;
		this.item[r] = itemIndex;
		this.pending[this.pendingCount++] = integerId ? rawId : id;
		if (this.pendingCount === BATCH) this.numberPending();
	}

	/** Writes the customer numbers of the rows read since the last call (`customer` holds them all then). */
	numberPending(): void {
		this.numbers.numberAll(this.pending, this.pendingCount, this.customer, this.length - this.pendingCount);
		this.pendingCount = 0;
	}
}

/** One row per customer (in order of first appearance), as columns. */
export interface CustomerTotals {
	ids: string[];
	firstMs: Float64Array;
	lastMs: Float64Array;
	purchases: Int32Array;
	totalSpend: Float64Array;
	/** Customer c's input items are items[itemStart[c] .. itemStart[c + 1]), in input order. */
	itemStart: Int32Array;
	items: Int32Array;
}

/**
 * summariseTransactions on columns, with the same results bit for bit: per customer the purchases in
 * time order (ties in input order), same-day purchases optionally collapsed (amounts added in that
 * order), the total added in that order from 0.
 */
export function summariseTransactionColumns(t: TransactionColumnReader, options: { asOf: Date; collapseSameDay: boolean; timeZone?: string }): CustomerTotals {
	t.numberPending();
	const customers = t.ids.length;
	const asOfMs = options.asOf.getTime();
	const itemStart = new Int32Array(customers + 1);
	for (let r = 0; r < t.length; r++) if (t.time[r] <= asOfMs) itemStart[t.customer[r] + 1]++;
	for (let c = 0; c < customers; c++) itemStart[c + 1] += itemStart[c];
	// Rows grouped by customer, in input order within each: one pass that reads the rows in order and
	// writes each where it belongs, so the per-customer pass below reads memory in order too.
	const kept = itemStart[customers];
	const time = t.grouped.time.subarray(0, kept);
	const amount = t.grouped.amount.subarray(0, kept);
	const items = t.grouped.item.subarray(0, kept);
	const fill = itemStart.slice(0, customers);
	for (let r = 0; r < t.length; r++) {
		if (!(t.time[r] <= asOfMs)) continue;
		const at = fill[t.customer[r]]++;
		time[at] = t.time[r];
		amount[at] = t.amount[r];
		items[at] = t.item[r];
	}

	const totals: CustomerTotals = {
		ids: t.ids,
		firstMs: new Float64Array(customers),
		lastMs: new Float64Array(customers),
		purchases: new Int32Array(customers),
		totalSpend: new Float64Array(customers),
		itemStart,
		items,
	};
	const dayOf = dayNumber(options.timeZone);
	// Reused for every customer: a fresh array per customer would be a million small allocations.
	let order = new Int32Array(64);
	for (let c = 0; c < customers; c++) {
		const start = itemStart[c];
		const end = itemStart[c + 1];
		const n = end - start;
		if (n === 0) continue;
		// Positions in time order, ties in input order (positions are in input order): insertion sort
		// for the usual few purchases, a sort with ties broken by position for customers with many.
		if (n > order.length) order = new Int32Array(2 * n);
		if (n > 32) {
			const many: number[] = [];
			for (let i = start; i < end; i++) many.push(i);
			many.sort((a, b) => time[a] - time[b] || a - b);
			order.set(many);
		} else {
			for (let i = start; i < end; i++) {
				let j = i - start;
				while (j > 0 && time[order[j - 1]] > time[i]) {
					order[j] = order[j - 1];
					j--;
				}
				order[j] = i;
			}
		}
		let purchases = 0;
		let total = 0;
		let occasion = 0;
		let lastDay = Number.NaN;
		let lastTime = 0;
		for (let k = 0; k < n; k++) {
			const at = order[k];
			if (options.collapseSameDay) {
				const day = dayOf(time[at]);
				if (day === lastDay) {
					occasion += amount[at];
					continue;
				}
				if (purchases > 0) total += occasion;
				occasion = amount[at];
				lastDay = day;
			} else {
				total += amount[at];
			}
			purchases++;
			lastTime = time[at];
		}
		if (options.collapseSameDay && purchases > 0) total += occasion;
		totals.firstMs[c] = time[order[0]];
		totals.lastMs[c] = lastTime;
		totals.purchases[c] = purchases;
		totals.totalSpend[c] = total;
	}
	return totals;
}

/** Calendar day number of an instant in the zone, as summariseTransactions counts days. */
function dayNumber(timeZone: string | undefined): (time: number) => number {
	if (!timeZone || timeZone === 'UTC') return (time) => Math.floor(time / DAY_MS);
	return (time) => Math.floor((time + tzOffset(timeZone, new Date(time)) * 60_000) / DAY_MS);
}
