import { checkTimeZone, localDayNumber } from '../calendar/timeZone';
import { customerIdText } from '../customers/records';
import { parseDate, parseDateNotAfter } from '../input/dates';
import { InputError } from '../input/errors';
import { checkKeyNumber } from '../input/numbers';
import { matchCadenceRule, type CadencePolicy, type CadenceRule } from './cadence';
import { columnReaders, isEmpty, type FieldReader } from '../input/fields';
import { TextMemo } from './textMemo';

/** Item columns the revisit scheduler reads (dot paths allowed). An empty name means "not mapped". */
export interface RevisitColumns {
	customerId: string;
	name: string;
	timeZone: string;
	lastContact: string;
	nextRevisit: string;
	accountManager: string;
}

export const DEFAULT_REVISIT_COLUMNS: RevisitColumns = {
	customerId: 'customerId',
	name: 'name',
	timeZone: 'timeZone',
	lastContact: 'lastContactAt',
	nextRevisit: 'nextRevisitAt',
	accountManager: 'accountManager',
};

/** One customer, read and checked, ready for the scheduler. */
export interface RevisitRequest {
	/** Position of the input item; results come back in this order. */
	index: number;
	customerId: string;
	name?: string;
	timeZone: string;
	/** The local day (day number) of the last contact. */
	lastContactDay?: number;
	/** A revisit already planned for this customer (from the item). */
	existingRevisitAt?: Date;
	accountManager?: string;
	rule: CadenceRule;
}

export interface ReadRequestOptions {
	policy: CadencePolicy;
	defaultTimeZone: string;
	asOf: Date;
}

const TEXT_EXPECTED = 'text or a number';

/**
 * An optional text column (name, account manager), read as a customer ID is: text or a number. A list,
 * an object, true/false, NaN or Infinity there is the item's error, not a name or owner made of
 * "true" or "NaN"; so is a whole number beyond 2^53 − 1, which lost digits on its way.
 */
function text(item: Record<string, unknown>, read: FieldReader | undefined, column: string): string | undefined {
	const value = read?.(item);
	if (isEmpty(value)) return undefined;
	if (typeof value === 'string') return value.trim();
	if (typeof value === 'bigint') return String(value);
	if (typeof value === 'number') {
		if (!Number.isFinite(value)) throw new InputError(column, value, 'is not a finite number', TEXT_EXPECTED);
		checkKeyNumber(value, column, 'names or owners', 'Values');
		return String(value);
	}
	const kind = Array.isArray(value) ? 'a list' : typeof value === 'boolean' ? 'a yes/no value' : 'an object';
	throw new InputError(column, value, `is ${kind}`, TEXT_EXPECTED);
}

/** The date readers of one time zone (a date without an offset is read in the customer's zone). */
interface ZoneDates {
	lastContactDay: TextMemo<number>;
	nextRevisit: TextMemo<Date>;
}

/**
 * Reads items into revisit requests. Dates go through the package's one date parser (forms,
 * plausible range, errors naming the field), each distinct text once per time zone.
 */
export class RevisitRequestReader {
	private readonly columns: RevisitColumns;
	private readonly options: ReadRequestOptions;
	private readonly zones = new Map<string, ZoneDates>();
	private readonly readers: Record<keyof RevisitColumns, FieldReader | undefined>;
	/** The item each customer ID was read from. */
	private readonly itemOfCustomer = new Map<string, number>();

	constructor(columns: RevisitColumns, options: ReadRequestOptions) {
		this.columns = columns;
		this.options = options;
		this.readers = columnReaders(columns);
	}

	private dates(timeZone: string): ZoneDates {
		let dates = this.zones.get(timeZone);
		if (!dates) {
			const { columns, options } = this;
			dates = {
				lastContactDay: new TextMemo((value) => localDayNumber(parseDateNotAfter(value, columns.lastContact, options.asOf, { timeZone }), timeZone)),
				nextRevisit: new TextMemo((value) => parseDate(value, columns.nextRevisit, { timeZone })),
			};
			this.zones.set(timeZone, dates);
		}
		return dates;
	}

	/** Reads one item; a value that cannot be used throws an InputError naming the column. */
	read(item: Record<string, unknown>, index: number): RevisitRequest {
		const { columns, options, readers: read } = this;
		const customerId = customerIdText(read.customerId?.(item), columns.customerId);
		const rawZone = read.timeZone?.(item);
		const timeZone = isEmpty(rawZone) ? options.defaultTimeZone : checkTimeZone(rawZone, columns.timeZone);
		const rawLast = read.lastContact?.(item);
		const rawNext = read.nextRevisit?.(item);
		const request: RevisitRequest = {
			index,
			customerId,
			name: text(item, read.name, columns.name),
			timeZone,
			lastContactDay: isEmpty(rawLast) ? undefined : this.dates(timeZone).lastContactDay.read(rawLast),
			existingRevisitAt: isEmpty(rawNext) ? undefined : this.dates(timeZone).nextRevisit.read(rawNext),
			accountManager: text(item, read.accountManager, columns.accountManager),
			rule: matchCadenceRule(options.policy, item),
		};
		// A second item of a customer would book them twice, by two owners, under one event UID.
		const earlier = this.itemOfCustomer.get(customerId);
		if (earlier !== undefined) {
			throw new InputError(columns.customerId, read.customerId?.(item), `is also the customer ID of item ${earlier}, which is scheduled`, 'one item per customer');
		}
		this.itemOfCustomer.set(customerId, index);
		return request;
	}
}

/** Reads one item (see RevisitRequestReader, which is faster for many items). */
export function readRevisitRequest(
	item: Record<string, unknown>,
	index: number,
	columns: RevisitColumns,
	options: ReadRequestOptions,
): RevisitRequest {
	return new RevisitRequestReader(columns, options).read(item, index);
}
