import { OneItemPerCustomer, readCustomerId, type CustomerColumns, type ReadOptions } from '../customers';
import { calendarDaysCounter, dateMsReaderNotAfter, getField, parseCount, parseMoney, PLAUSIBLE } from '../input';
import type { RfmColumns } from './rfm';


/** getField, with the common case (a plain key that is present) answered by one lookup instead of two. */
function field(item: Record<string, unknown>, column: string): unknown {
	const value = item[column];
	return value !== undefined ? value : getField(item, column);
}

/**
 * Reads one-item-per-customer rows for RFM straight into columns: no record, Date or result object per
 * customer, which is what makes a million rows fit the time budget. It accepts and rejects exactly what
 * readCustomer does with RFM's needs (id, last purchase, purchase count, total spend), with the same
 * errors, checked in the same order; and, as the general path, one item per customer (OneItemPerCustomer).
 */
export class RfmColumnReader {
	readonly recencyDays: Float64Array;
	readonly frequency: Float64Array;
	readonly monetary: Float64Array;
	/** The input item each accepted row came from. */
	readonly itemIndices: Int32Array;
	/** Rows accepted so far. */
	length = 0;
	private readonly asOfMs: number;
	private readonly days: (fromMs: number, toMs: number) => number;
	private readonly readDateMs: (value: unknown, field: string) => number;
	private readonly customers: OneItemPerCustomer;

	constructor(
		private readonly columns: CustomerColumns,
		capacity: number,
		options: ReadOptions,
	) {
		this.recencyDays = new Float64Array(capacity);
		this.frequency = new Float64Array(capacity);
		this.monetary = new Float64Array(capacity);
		this.itemIndices = new Int32Array(capacity);
		this.asOfMs = options.asOf.getTime();
		this.days = calendarDaysCounter(options.timeZone);
		this.readDateMs = dateMsReaderNotAfter(options.asOf, { timeZone: options.timeZone });
		this.customers = new OneItemPerCustomer(columns.customerId);
	}

	/** Reads one row; throws the item's InputError and keeps nothing if a value is bad. */
	read(item: Record<string, unknown>, itemIndex: number): void {
		const { columns } = this;
		const customerId = readCustomerId(item, columns.customerId);
		const lastPurchaseMs = this.readDateMs(field(item, columns.lastPurchase), columns.lastPurchase);
		const frequency = parseCount(field(item, columns.purchaseCount), columns.purchaseCount);
		const spend = field(item, columns.totalSpend);
		const monetary =
			typeof spend === 'number' && spend >= 0 && spend <= PLAUSIBLE.money ? spend + 0 : parseMoney(spend, columns.totalSpend, { min: 0 }); // -0 as 0
		this.customers.add(customerId, itemIndex, field(item, columns.customerId));
		const row = this.length++;
		this.recencyDays[row] = this.days(lastPurchaseMs, this.asOfMs);
		this.frequency[row] = frequency;
		this.monetary[row] = monetary;
		this.itemIndices[row] = itemIndex;
	}

	/** The accepted rows' columns (views, not copies). */
	rfmColumns(): RfmColumns {
		return {
			recencyDays: this.recencyDays.subarray(0, this.length),
			frequency: this.frequency.subarray(0, this.length),
			monetary: this.monetary.subarray(0, this.length),
		};
	}
}
