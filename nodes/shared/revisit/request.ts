import { checkTimeZone } from '../calendar';
import { getField, InputError, isEmpty, parseDate, parseDateNotAfter } from '../input';
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
	lastContactAt?: Date;
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

/** Reads one item; a value that cannot be used throws an InputError naming the column. */
export function readRevisitRequest(
	item: Record<string, unknown>,
	index: number,
	columns: RevisitColumns,
	options: ReadRequestOptions,
): RevisitRequest {
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
		lastContactAt: isEmpty(rawLast) ? undefined : parseDateNotAfter(rawLast, columns.lastContact, options.asOf, { timeZone }),
		existingRevisitAt: isEmpty(rawNext) ? undefined : parseDate(rawNext, columns.nextRevisit, { timeZone }),
		accountManager: text(item, columns.accountManager),
		rule: matchCadenceRule(options.policy, item),
	};
}
