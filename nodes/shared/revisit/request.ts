import { dayNumberFromIso } from '../calendar/civilDate';
import { checkTimeZone, localDayNumber } from '../calendar/timeZone';
import { parseDate, parseDateNotAfter } from '../input/dates';
import { InputError } from '../input/errors';
import { getField, isEmpty } from '../input/fields';
import { matchCadenceRule, type CadencePolicy, type CadenceRule } from './cadence';

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

function text(item: Record<string, unknown>, column: string): string | undefined {
	if (!column) return undefined;
	const value = getField(item, column);
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

	constructor(columns: RevisitColumns, options: ReadRequestOptions) {
		this.columns = columns;
		this.options = options;
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
	private pastDay(value: unknown, column: string, timeZone: string): number {
		const { asOf } = this.options;
		if (typeof value === 'string') {
			const day = dayNumberFromIso(value.trim());
			if (day !== undefined) {
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
		const { columns, options } = this;
		const rawId = getField(item, columns.customerId);
		if (isEmpty(rawId) || (typeof rawId !== 'string' && typeof rawId !== 'number')) {
			throw new InputError(columns.customerId, rawId, isEmpty(rawId) ? 'is empty' : 'is not an ID', 'a customer ID (text or number)');
		}
		const rawZone = columns.timeZone ? getField(item, columns.timeZone) : undefined;
		const timeZone = isEmpty(rawZone) ? options.defaultTimeZone : checkTimeZone(rawZone, columns.timeZone);
		const rawLast = columns.lastContact ? getField(item, columns.lastContact) : undefined;
		const rawNext = columns.nextRevisit ? getField(item, columns.nextRevisit) : undefined;
		return {
			index,
			customerId: String(rawId).trim(),
			name: text(item, columns.name),
			timeZone,
			lastContactDay: isEmpty(rawLast) ? undefined : this.pastDay(rawLast, columns.lastContact, timeZone),
			existingRevisitAt: isEmpty(rawNext) ? undefined : parseDate(rawNext, columns.nextRevisit, { timeZone }),
			accountManager: text(item, columns.accountManager),
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
