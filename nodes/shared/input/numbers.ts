import { InputError } from './errors';
import { isEmpty } from './fields';
import { PLAUSIBLE } from './plausible';

/**
 * THE rule for numbers written as text, for every reader here (numbers, counts, scores, money, and number
 * parameters through numberFromText): surrounding white space, an optional sign, decimal digits with an
 * optional point and fraction ("5", " 5 ", "-1.5", ".5", "5."), or digits grouped by thousands with commas
 * ("5,000", "1,234.5"). Full-width forms of those characters ("５", "－１", "５，０００", "０．５", as Chinese
 * input methods type them) read as their half-width forms. Nothing else is a number: not the exponent form
 * ("1e1": no person or database writes a score or an amount that way; it is a float printed by a program, or
 * Excel's rounded display of a long number, "1.23457E+11"), hex, octal or binary ("0x10"), "5%", "5abc", a
 * currency mark (only parseMoney takes one), "Infinity". "-0" is 0.
 */
const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)$/;
const GROUPED_NUMBER = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;
/** The full-width sign, comma, point and digits (U+FF0B-FF19), each 0xFEE0 above its half-width form. */
const FULL_WIDTH_NUMBER_CHARS = /[\uFF0B-\uFF0E\uFF10-\uFF19]/g;
const CURRENCY_MARKS = /^(?:[¥￥$€£]|RMB|CNY|USD|EUR|GBP|元)\s*|\s*(?:[¥￥$€£]|RMB|CNY|USD|EUR|GBP|元)$/gi;

export interface NumberRules {
	/** Smallest allowed value (inclusive). */
	min?: number;
	/** Largest allowed value (inclusive). */
	max?: number;
	integer?: boolean;
}

/** What is wrong with a number under `rules` ("is below 0"), or undefined when nothing is. */
export function rangeProblem(value: number, rules: NumberRules): string | undefined {
	if (rules.integer && !Number.isInteger(value)) return 'is not a whole number';
	if (rules.min !== undefined && value < rules.min) return `is below ${rules.min}`;
	if (rules.max !== undefined && value > rules.max) return `is above ${rules.max}`;
	return undefined;
}

function checkRange(field: string, raw: unknown, value: number, rules: NumberRules, expected: () => string): number {
	const problem = rangeProblem(value, rules);
	if (problem !== undefined) throw new InputError(field, raw, problem, expected());
	// -0 (a number from upstream, or the text "-0") is read as 0: it would come out as -0 in results.
	return value + 0;
}

/** "a whole number from 0 to 10": what `rules` allow, as messages say it (`kind` "number", "amount"). */
export function describeExpected(kind: string, rules: NumberRules): string {
	const article = /^[aeiou]/.test(kind) ? 'an' : 'a';
	const parts = [rules.integer ? `a whole ${kind}` : `${article} ${kind}`];
	if (rules.min !== undefined && rules.max !== undefined) parts.push(`from ${rules.min} to ${rules.max}`);
	else if (rules.min !== undefined) parts.push(`of at least ${rules.min}`);
	else if (rules.max !== undefined) parts.push(`of at most ${rules.max}`);
	return parts.join(' ');
}

/** The text with full-width digits, sign, comma and point as half-width ones. */
function halfWidth(text: string): string {
	return text.replace(FULL_WIDTH_NUMBER_CHARS, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

function fromText(text: string): number | undefined {
	const trimmed = text.trim();
	if (PLAIN_NUMBER.test(trimmed)) return Number(trimmed);
	if (GROUPED_NUMBER.test(trimmed)) return Number(trimmed.replace(/,/g, ''));
	// Full-width forms only after the half-width ones failed: no cost for the texts databases give.
	const half = halfWidth(trimmed);
	return half === trimmed ? undefined : fromText(half);
}

/**
 * A number written as text the way parseNumber reads it ("7", " -1.5 ", "1,234.5", "５"; the rule above);
 * undefined for anything else, an empty text, "0x10", "0b11" or "1e3" included (Number() would read those
 * as 0, 16, 3 and 1000).
 */
export function numberFromText(text: string): number | undefined {
	const value = fromText(text);
	return value === undefined || !(Math.abs(value) <= Number.MAX_SAFE_INTEGER) ? undefined : value + 0;
}

/**
 * A text whose number is beyond 2^53 − 1 has more digits than a number holds: "9007199254740993" would be
 * read as 9007199254740992 without a word (a bigint or a long numeric from SQL, or an ID in the wrong column).
 */
function checkDigitsKept(field: string, text: string, value: number, expected: () => string): void {
	if (Math.abs(value) > Number.MAX_SAFE_INTEGER) {
		throw new InputError(field, text, `has more digits than a number holds exactly (it would be read as ${value})`, expected());
	}
}

/**
 * A whole number written in decimal digits only (" 30 "), for counts and ports typed as text; undefined
 * for anything else. Number() would also read "0x10" as 16, "0b11" as 3 and "1e2" as 100.
 */
export function digitsFromText(text: string): number | undefined {
	const trimmed = text.trim();
	return /^\d+$/.test(trimmed) ? Number(trimmed) : undefined;
}

/**
 * Refuses a key (a customer ID, a stratum or group value) given as a whole number beyond 2^53 − 1: as a JSON
 * number it has lost its last digits before n8n hands it on (64-bit IDs 1420000000000000001 and …002 both
 * arrive as 1420000000000000000), so two keys would become one, named after neither. `what` names the keys
 * ("customers"), `asText` what to send as text instead ("IDs").
 */
export function checkKeyNumber(value: number, field: string, what: string, asText: string): void {
	if (Number.isInteger(value) && !Number.isSafeInteger(value)) {
		throw new InputError(
			field,
			value,
			`is a number beyond 9007199254740991, which has lost digits on its way as a number (two ${what} could become one)`,
			`${asText} this long as text: cast them in the query (id::text, CAST(id AS CHAR)) or in the source`,
		);
	}
}

/**
 * Why a value that is no number (true, a list, an object, a BigInt) is refused. A BigInt (a Code node's, a
 * driver's 64-bit integer) is said to be one: its digits alone would read as a number refused for no reason.
 * It is refused, not read: n8n cannot store it with the execution's data (JSON holds none).
 */
function notNumber(value: unknown, kind: string): string {
	return typeof value === 'bigint' ? `is a BigInt, which JSON and n8n's execution data cannot hold (send it as a number or as text)` : `is not ${kind}`;
}

/** A number given as a number or as text (" 7 ", "1,234.5"). Empty, NaN and Infinity are errors. */
export function parseNumber(value: unknown, field: string, rules: NumberRules = {}): number {
	// Built only when an error needs it: this runs once per value on million-row batches.
	const expected = () => describeExpected('number', rules);
	if (isEmpty(value)) throw new InputError(field, value, 'is empty', expected());
	const parsed = typeof value === 'number' ? value : typeof value === 'string' ? fromText(value) : undefined;
	if (parsed === undefined || !Number.isFinite(parsed)) {
		throw new InputError(field, value, notNumber(value, 'a number'), expected());
	}
	if (typeof value === 'string') checkDigitsKept(field, value, parsed, expected);
	return checkRange(field, value, parsed, rules, expected);
}

/** Beyond a plausible size (PLAUSIBLE): an item error saying so, with what was expected. */
function checkPlausible(field: string, raw: unknown, value: number, limit: number, kind: string, expected: () => string): number {
	if (Math.abs(value) > limit) throw new InputError(field, raw, `is beyond any plausible ${kind} (more than ${limit.toExponential()} in size)`, expected());
	return value;
}

/** A count of purchases, orders, complaints or renewals: a whole number from `min`, at most PLAUSIBLE.count. */
export function parseCount(value: unknown, field: string, min = 0): number {
	if (typeof value === 'number' && Number.isInteger(value) && value >= min && value <= PLAUSIBLE.count) return value + 0;
	const count = parseNumber(value, field, { min, integer: true });
	return checkPlausible(field, value, count, PLAUSIBLE.count, 'count', () => describeExpected('number', { min, integer: true }));
}

/**
 * How many customers one row stands for (a GROUP BY row's count, a histogram bin's): a whole number of at
 * least 0, at most PLAUSIBLE.customers. Not a per-customer count: one value held by 15 million customers
 * of a large base is a histogram row, not an epoch in the wrong column.
 */
export function parseCustomerCount(value: unknown, field: string): number {
	const count = parseNumber(value, field, { min: 0, integer: true });
	return checkPlausible(field, value, count, PLAUSIBLE.customers, 'number of customers', () => describeExpected('number', { min: 0, integer: true }));
}

/** An amount written as text: a number by the rule above, with a currency mark before or after it and a sign before either. */
function moneyFromText(value: string): number | undefined {
	let text = value.trim();
	let negative = false;
	if (text.startsWith('-')) {
		negative = true;
		text = text.slice(1).trim();
	}
	const rest = text.replace(CURRENCY_MARKS, '');
	// One sign: "--5" or "-¥-5" is no amount (the minus taken off here would cancel the other).
	if (negative && /^\s*[+-]/.test(rest)) return undefined;
	const n = fromText(rest);
	return n === undefined ? undefined : negative ? -n : n;
}

/**
 * Money as a number or text with an optional currency mark and thousands separators ("¥1,234.50",
 * "$12"), within ±PLAUSIBLE.money unless the rules say otherwise.
 */
export function parseMoney(value: unknown, field: string, rules: NumberRules = {}): number {
	const expected = () => `${describeExpected('amount', rules)}, like 1234.50, "1,234.50" or "¥1,234.50"`;
	if (isEmpty(value)) throw new InputError(field, value, 'is empty', expected());
	let parsed: number | undefined;
	if (typeof value === 'number') parsed = value;
	else if (typeof value === 'string') {
		// A plain number first: what SQL numerics and most exports give, without the currency marks' regex.
		parsed = fromText(value) ?? moneyFromText(value);
		if (parsed === undefined) {
			const half = halfWidth(value);
			if (half !== value) parsed = moneyFromText(half);
		}
	}
	if (parsed === undefined || !Number.isFinite(parsed)) {
		throw new InputError(field, value, notNumber(value, 'an amount of money'), expected());
	}
	if (typeof value === 'string') checkDigitsKept(field, value, parsed, expected);
	return checkPlausible(field, value, checkRange(field, value, parsed, rules, expected), PLAUSIBLE.money, 'amount', expected);
}
