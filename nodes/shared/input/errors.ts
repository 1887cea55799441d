import { luxonDate } from './luxon';

const MAX_VALUE_LENGTH = 80;

/** Stands in for a value JSON cannot write, while JSON.stringify runs; never in a text an item can hold (a NUL, an index, a NUL). */
const MARK = /"\\u0000(\d+)\\u0000"/g;

/**
 * A list or object as JSON, except that what JSON cannot hold is shown as itself, not as null or left out:
 * NaN, Infinity, -Infinity, undefined, a BigInt's digits, an Invalid Date ([NaN] is "[NaN]", not "[null]").
 */
export function looseJson(value: unknown): string | undefined {
	const shown: string[] = [];
	const mark = (text: string) => `\u0000${shown.push(text) - 1}\u0000`;
	const json = JSON.stringify(value, function (this: Record<string, unknown>, key: string, converted: unknown) {
		// `this[key]` is the value before its toJSON (an Invalid Date's gives null).
		const original = this[key];
		if (typeof original === 'number' && !Number.isFinite(original)) return mark(String(original));
		if (typeof original === 'bigint') return mark(String(original));
		if (original === undefined) return mark('undefined');
		if (original instanceof Date && Number.isNaN(original.getTime())) return mark('Invalid Date');
		return converted;
	});
	return json?.replace(MARK, (_, index: string) => shown[Number(index)]);
}

/** Renders a bad value for an error message: JSON-ish, truncated to 80 characters. */
export function describeValue(value: unknown): string {
	let text: string;
	if (value === undefined) return 'missing';
	if (value === null) return 'null';
	if (value instanceof Date) text = Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
	else if (Number.isNaN(luxonDate(value)?.getTime() ?? 0)) text = 'Invalid DateTime';
	else if (typeof value === 'string') text = value;
	// A BigInt as its digits, unquoted as a number is: quoted, 5n read "5", as if it were the text.
	else if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
	else {
		try {
			text = looseJson(value) ?? String(value);
			// An object written as a text (a luxon DateTime, anything with a toJSON giving one) shows that text once quoted.
			if (text.startsWith('"')) text = JSON.parse(text) as string;
		} catch {
			// A list or object that contains itself (JSON.stringify throws): String() would say "[object Object]".
			return Array.isArray(value) ? 'a list that contains itself' : 'an object that contains itself';
		}
	}
	return `"${shortText(text)}"`;
}

/**
 * A text cut to `max` characters with an ellipsis when longer, never inside a character: a CJK
 * extension character or an emoji is two UTF-16 units, and half of one is not a character at all.
 */
export function shortText(text: string, max = MAX_VALUE_LENGTH): string {
	if (text.length <= max) return text;
	let end = max - 1;
	const last = text.charCodeAt(end - 1);
	if (last >= 0xd800 && last <= 0xdbff) end--;
	return `${text.slice(0, end)}…`;
}

/**
 * A value in one input item that cannot be used. The message names the field, the value and what was
 * expected; the n8n layer prefixes the item index and routes it per item.
 */
export class InputError extends Error {
	readonly field: string;
	readonly value: unknown;
	readonly expected: string;

	constructor(field: string, value: unknown, problem: string, expected: string) {
		const shown = describeValue(value);
		const subject = value === undefined ? `field "${field}" is missing` : `field "${field}" is ${shown}`;
		super(`${subject}, which ${problem} (expected ${expected})`);
		this.name = 'InputError';
		this.field = field;
		this.value = value;
		this.expected = expected;
	}
}

/** A problem with the whole batch or a parameter, not with one item's field. */
export class ConfigError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'ConfigError';
	}
}

/**
 * A parameter value that cannot be used, in the one wording parameter messages share (as InputError's
 * for a field): 'Parameter "Horizon" is null, which is not a number (expected a number)'. `label` is the
 * parameter as the panel names it ("Options › Skip Missing"); `problem` follows "which".
 */
export function parameterError(label: string, value: unknown, problem: string, expected: string): ConfigError {
	return new ConfigError(`Parameter "${label}" is ${describeValue(value)}, which ${problem} (expected ${expected})`);
}
