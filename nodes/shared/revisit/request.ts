import { dayNumberFromIso } from '../calendar/civilDate';
import { checkTimeZone, localDayNumber } from '../calendar/timeZone';
import { parseDate, parseDateNotAfter } from '../input/dates';
import { InputError } from '../input/errors';
import { isEmpty } from '../input/fields';
import { matchCadenceRule, type CadencePolicy, type CadenceRule } from './cadence';
import { fieldReader } from '../input';

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

/** Distinct date texts remembered per run; dates repeat a lot (a few years of days), customers do not. */
const MAX_REMEMBERED_DATES = 10_000;

type Reader = (item: Record<string, unknown>) => unknown;

/** Reads nothing: the column is not mapped. */
const unmapped: Reader = () => undefined;

function text(item: Record<string, unknown>, read: Reader): string | undefined {
	const value = read(item);
	if (isEmpty(value) || typeof value === 'object') return undefined;
	return String(value).trim();
}

/**
 * Reads items into revisit requests; one reader per run keeps per-zone facts (the as-of day) so a
 * plain "YYYY-MM-DD" costs a regular-expression match, not a time-zone conversion.
 */
export class RevisitRequestReader {
	private readonly columns: RevisitColumns;
	private readonly options: ReadRequestOptions;
	private readonly asOfDays = new Map<string, number>();
	private readonly isoDays = new Map<string, number | null>();
	private readonly readers: Record<keyof RevisitColumns, Reader>;

	constructor(columns: RevisitColumns, options: ReadRequestOptions) {
		this.columns = columns;
		this.options = options;
		const reader = (column: string) => (column ? fieldReader(column) : unmapped);
		this.readers = {
			customerId: fieldReader(columns.customerId),
			name: reader(columns.name),
			timeZone: reader(columns.timeZone),
			lastContact: reader(columns.lastContact),
			nextRevisit: reader(columns.nextRevisit),
			accountManager: reader(columns.accountManager),
		};
	}

	private asOfDay(timeZone: string): number {
		let day = this.asOfDays.get(timeZone);
		if (day === undefined) {
			day = localDayNumber(this.options.asOf, timeZone);
			this.asOfDays.set(timeZone, day);
		}
		return day;
	}

	/** The local day of a past date, the same check as parseDateNotAfter. */
	/** The day number of a plain "YYYY-MM-DD" text (null for other texts), matched once per distinct text. */
	private isoDay(text: string): number | null {
		let day = this.isoDays.get(text);
		if (day === undefined) {
			day = dayNumberFromIso(text.trim()) ?? null;
			if (this.isoDays.size < MAX_REMEMBERED_DATES) this.isoDays.set(text, day);
		}
		return day;
	}

	private pastDay(value: unknown, column: string, timeZone: string): number {
		const { asOf } = this.options;
		if (typeof value === 'string') {
			const day = this.isoDay(value);
			if (day !== null) {
				if (day > this.asOfDay(timeZone)) {
					throw new InputError(column, value, `lies after the as-of date ${asOf.toISOString()}`, `a date on or before ${asOf.toISOString()}`);
				}
				return day;
			}
		}
		return localDayNumber(parseDateNotAfter(value, column, asOf, { timeZone }), timeZone);
	}

	/** Reads one item; a value that cannot be used throws an InputError naming the column. */
	read(item: Record<string, unknown>, index: number): RevisitRequest {
		const { columns, options, readers: read } = this;
		const rawId = read.customerId(item);
		if (isEmpty(rawId) || (typeof rawId !== 'string' && typeof rawId !== 'number')) {
			throw new InputError(columns.customerId, rawId, isEmpty(rawId) ? 'is empty' : 'is not an ID', 'a customer ID (text or number)');
		}
		const rawZone = read.timeZone(item);
		const timeZone = isEmpty(rawZone) ? options.defaultTimeZone : checkTimeZone(rawZone, columns.timeZone);
		const rawLast = read.lastContact(item);
		const rawNext = read.nextRevisit(item);
		return {
			index,
			customerId: String(rawId).trim(),
			name: text(item, read.name),
			timeZone,
			lastContactDay: isEmpty(rawLast) ? undefined : this.pastDay(rawLast, columns.lastContact, timeZone),
			existingRevisitAt: isEmpty(rawNext) ? undefined : parseDate(rawNext, columns.nextRevisit, { timeZone }),
			accountManager: text(item, read.accountManager),
			rule: matchCadenceRule(options.policy, item),
		};
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
