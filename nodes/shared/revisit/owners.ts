import { checkTimeZone } from '../calendar/timeZone';
import { ConfigError, describeValue, digitsFromText } from '../input';

export interface OwnerInput {
	id?: unknown;
	dailyCapacity?: unknown;
	/** The owner's IANA time zone, for their agenda; empty: the run's zone. */
	timeZone?: unknown;
}

export interface Owner {
	id: string;
	/** Most revisits this owner takes on one day. */
	dailyCapacity: number;
	/** Position in the pool; ties between owners are broken by it. */
	position: number;
	/** The owner's IANA time zone, when it is not the run's. */
	timeZone?: string;
}

export const MAX_CAPACITY = 1000;

function checkCapacity(value: unknown, owner: string): number {
	const n = typeof value === 'string' ? (digitsFromText(value) ?? value) : value;
	if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > MAX_CAPACITY) {
		throw new ConfigError(
			`Owner "${owner}": daily capacity ${describeValue(value)} is not valid (expected a whole number from 1 to ${MAX_CAPACITY})`,
		);
	}
	return n;
}

function ownerZone(value: unknown, owner: string): string {
	try {
		return checkTimeZone(value);
	} catch (error) {
		if (!(error instanceof ConfigError)) throw error;
		throw new ConfigError(`Owner "${owner}": ${error.message}`);
	}
}

/**
 * An owner's ID as text, trimmed: a text, or a finite number's digits. Anything else (a list, an object,
 * true, NaN) is refused by position: as text it read "[object Object]" and two such owners were "listed twice".
 */
function ownerId(raw: unknown, position: number): string {
	if (raw === undefined || raw === null) return '';
	if (typeof raw === 'string') return raw.trim();
	if (typeof raw === 'number' && Number.isFinite(raw)) return `${raw}`;
	throw new ConfigError(`Owner ${position + 1} in the pool has the ID ${describeValue(raw)}, which is not text or a number (expected an owner ID such as alice)`);
}

/** The pool of owners revisits are assigned to, in the order given (which breaks ties). */
export function buildOwnerPool(inputs: OwnerInput[], defaultCapacity?: unknown): Owner[] {
	if (inputs.length === 0) {
		throw new ConfigError('The owner pool is empty (expected at least one owner with an ID and a daily capacity)');
	}
	const seen = new Set<string>();
	return inputs.map((input, position) => {
		const id = ownerId(input.id, position);
		if (!id) throw new ConfigError(`Owner ${position + 1} in the pool has an empty ID (expected an owner ID such as alice)`);
		if (seen.has(id)) throw new ConfigError(`Owner ${describeValue(id)} is listed twice in the pool (expected each owner once)`);
		seen.add(id);
		const capacity = input.dailyCapacity === undefined || input.dailyCapacity === '' ? defaultCapacity : input.dailyCapacity;
		const owner: Owner = { id, dailyCapacity: checkCapacity(capacity, id), position };
		if (input.timeZone !== undefined && String(input.timeZone).trim() !== '') owner.timeZone = ownerZone(input.timeZone, id);
		return owner;
	});
}

/**
 * Reads an owner list written as text, for expressions: "alice:8, bob:6, carol" (capacity after a
 * colon; without one the default capacity applies).
 */
export function parseOwnerList(text: string, defaultCapacity: unknown): Owner[] {
	const inputs: OwnerInput[] = String(text ?? '')
		.split(/[,;，；\n]+/)
		.map((part) => part.trim())
		.filter((part) => part !== '')
		.map((part) => {
			const colon = part.lastIndexOf(':');
			return colon < 0 ? { id: part } : { id: part.slice(0, colon), dailyCapacity: part.slice(colon + 1).trim() };
		});
	return buildOwnerPool(inputs, defaultCapacity);
}
