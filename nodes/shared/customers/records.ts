import { checkKeyNumber, getField, InputError, isEmpty, parameterError, parseCount, parseDateNotAfter, parseMoney } from '../input';
import type { Transaction } from './summarise';

/** Column names (dot paths allowed) of a one-item-per-customer table. */
export interface CustomerColumns {
	customerId: string;
	lastPurchase: string;
	firstPurchase: string;
	purchaseCount: string;
	totalSpend: string;
}

export const DEFAULT_CUSTOMER_COLUMNS: CustomerColumns = {
	customerId: 'customerId',
	lastPurchase: 'lastPurchaseAt',
	firstPurchase: 'firstPurchaseAt',
	purchaseCount: 'orderCount',
	totalSpend: 'totalSpend',
};

/** The fields of the customer item a run over transactions builds, besides the customer ID column. */
export const TRANSACTION_CUSTOMER_FIELDS = ['firstPurchaseAt', 'lastPurchaseAt', 'orderCount', 'totalSpend'];

/**
 * A run over transactions writes its result into the customer item it builds: an Output Field named
 * like one of that item's fields replaced it without a word (the customer ID or the order count lost).
 * A dotted Customer ID Column ("customer.id") is written nested where the transactions hold it nested
 * (fieldWriter), so its first part ("customer") is taken too.
 */
export function checkOutputFieldBesideCustomerFields(outputField: string, customerIdColumn: string): void {
	const dot = customerIdColumn.indexOf('.');
	const taken = [customerIdColumn, ...(dot > 0 ? [customerIdColumn.slice(0, dot)] : []), ...TRANSACTION_CUSTOMER_FIELDS];
	if (taken.includes(outputField)) {
		throw parameterError('Output Field', outputField, 'the customer item built from the transactions already has', `a field other than ${taken.join(', ')}`);
	}
}

/** Column names of a one-item-per-transaction table. */
export interface TransactionColumns {
	customerId: string;
	date: string;
	amount: string;
}

export const DEFAULT_TRANSACTION_COLUMNS: TransactionColumns = {
	customerId: 'customerId',
	date: 'orderDate',
	amount: 'amount',
};

export type Need = 'required' | 'optional' | 'unused';

export interface CustomerNeeds {
	lastPurchase: Need;
	firstPurchase: Need;
	purchaseCount: Need;
	totalSpend: Need;
}

export interface CustomerRecord {
	customerId: string;
	lastPurchase?: Date;
	firstPurchase?: Date;
	purchases?: number;
	revenue?: number;
}

export interface ReadOptions {
	asOf: Date;
	timeZone?: string;
}

export function readCustomerId(item: Record<string, unknown>, column: string): string {
	return customerIdText(getField(item, column), column);
}

const CUSTOMER_ID = 'a customer ID (text or number)';

/**
 * A customer ID as read from a column: its text, trimmed; an item error when empty, or not text or a
 * number, or a number that is no ID (NaN, Infinity: "NaN" would join every such item into one customer),
 * or a whole number beyond 2^53 − 1 (checkKeyNumber: it has lost digits, so different customers would be
 * joined into one and no result could be matched back to its row).
 */
export function customerIdText(raw: unknown, column: string): string {
	if (isEmpty(raw)) throw new InputError(column, raw, 'is empty', CUSTOMER_ID);
	if (typeof raw !== 'string' && typeof raw !== 'number' && typeof raw !== 'bigint') {
		throw new InputError(column, raw, 'is not a text or number', CUSTOMER_ID);
	}
	if (typeof raw === 'number' && !Number.isFinite(raw)) throw new InputError(column, raw, 'is not a finite number', CUSTOMER_ID);
	if (typeof raw === 'number') checkKeyNumber(raw, column, 'customers', 'IDs');
	return String(raw).trim();
}

/**
 * One item per customer: a second item with a customer's ID scored that customer twice (twice in the
 * summary's counts, the quantiles and a model's fit; two results for one customer downstream). Keeps
 * the item of each ID read so far; a later item with the same ID is that item's error. `expected` is
 * the message's "expected" part: by default it points to the transaction shape, for nodes that have one.
 */
export class OneItemPerCustomer {
	private readonly itemOf = new Map<string, number>();

	constructor(
		private readonly column: string,
		private readonly expected = 'one item per customer; orders go with One Item per Transaction',
	) {}

	/** Call once the item has been read; `raw` is its ID as the item holds it. */
	add(customerId: string, itemIndex: number, raw: unknown): void {
		const earlier = this.itemOf.get(customerId);
		if (earlier !== undefined) {
			throw new InputError(this.column, raw, `is also the customer ID of item ${earlier}`, this.expected);
		}
		this.itemOf.set(customerId, itemIndex);
	}
}

function readOptional<T>(item: Record<string, unknown>, column: string, need: Need, parse: (raw: unknown) => T): T | undefined {
	if (need === 'unused') return undefined;
	const raw = getField(item, column);
	if (need === 'optional' && isEmpty(raw)) return undefined;
	return parse(raw);
}

/** One customer row. Fields the method does not use are not read, so they cannot fail the item. */
export function readCustomer(
	item: Record<string, unknown>,
	columns: CustomerColumns,
	needs: CustomerNeeds,
	options: ReadOptions,
): CustomerRecord {
	const customerId = readCustomerId(item, columns.customerId);
	const date = (column: string) => (raw: unknown) => parseDateNotAfter(raw, column, options.asOf, { timeZone: options.timeZone });
	const lastPurchase = readOptional(item, columns.lastPurchase, needs.lastPurchase, date(columns.lastPurchase));
	const firstPurchase = readOptional(item, columns.firstPurchase, needs.firstPurchase, date(columns.firstPurchase));
	const purchases = readOptional(item, columns.purchaseCount, needs.purchaseCount, (raw) => parseCount(raw, columns.purchaseCount));
	const revenue = readOptional(item, columns.totalSpend, needs.totalSpend, (raw) => parseMoney(raw, columns.totalSpend, { min: 0 }));
	if (firstPurchase && lastPurchase && firstPurchase.getTime() > lastPurchase.getTime()) {
		throw new InputError(
			columns.firstPurchase,
			getField(item, columns.firstPurchase),
			`lies after the last purchase (${lastPurchase.toISOString()})`,
			'a first purchase on or before the last purchase',
		);
	}
	return { customerId, lastPurchase, firstPurchase, purchases, revenue };
}

/** One transaction row: customer, date (not after the as-of date) and a non-negative amount. */
export function readTransaction(
	item: Record<string, unknown>,
	columns: TransactionColumns,
	itemIndex: number,
	options: ReadOptions,
): Transaction {
	return {
		customerId: readCustomerId(item, columns.customerId),
		date: parseDateNotAfter(getField(item, columns.date), columns.date, options.asOf, { timeZone: options.timeZone }),
		amount: parseMoney(getField(item, columns.amount), columns.amount, { min: 0 }),
		itemIndex,
	};
}
