import { DateTime } from 'luxon';
import { valueForms } from './runChecks';

/**
 * What the item-values audits (test/<Node>/itemValues.node.test.ts) share: the odd values real sources put
 * in an item field (a database's numerics as text, a spreadsheet's " 5 ", full-width digits, a Code node's
 * NaN, undefined, Date and luxon objects), setting them into items, and checking how a refusal shows them.
 */

/** A field left out of the item (a Code node's undefined, a column the source left out): the item has no such key. */
export const ABSENT = Symbol('absent');

/** An odd value and, when it has one, the valid value it must behave as (ABSENT: the field left out); without one it must be refused. */
export interface Odd {
	value: unknown;
	equivalent?: unknown;
}

/** Digits, Latin letters and , . + - as a Chinese input method types them (１２３, ｙｅｓ, ２０２６－０３－０５). */
export const fullWidth = (text: string) => text.replace(/[0-9A-Za-z,.+-]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

/** null, "" and white space and a left-out field: "not given" (the field left out) for an optional field, refused for a required one. */
export const emptyOdds = (optional: boolean, values: unknown[] = [null, '', '  ', ABSENT]): Odd[] => values.map((value) => (optional ? { value, equivalent: ABSENT } : { value }));

/**
 * A copy of the item with `path` set to `value`, or without it for ABSENT. A dot path goes into the nested
 * objects the item has, as n8n reads it; where the item has no object under its first part, it is one key
 * written with the dots (a CSV export's "survey.csat"). The copy shares nothing with the item.
 */
export function withValue<T extends object>(item: T, path: string, value: unknown): T {
	const copy = structuredClone(item) as Record<string, unknown>;
	let target = copy;
	let key = path;
	for (let dot = key.indexOf('.'); dot > 0; dot = key.indexOf('.')) {
		const head = target[key.slice(0, dot)];
		if (head === null || typeof head !== 'object') break;
		target = head as Record<string, unknown>;
		key = key.slice(dot + 1);
	}
	if (value === ABSENT) delete target[key];
	else target[key] = value;
	return copy as T;
}

/** The value at `path` of the item, read as withValue sets it. */
export function valueAt(item: Record<string, unknown>, path: string): unknown {
	const dot = path.indexOf('.');
	const head = dot > 0 ? item[path.slice(0, dot)] : undefined;
	return head !== null && typeof head === 'object' ? valueAt(head as Record<string, unknown>, path.slice(dot + 1)) : item[path];
}

/** Whether two values are equal as Jest's toEqual has it. */
export function isEqual(a: unknown, b: unknown): boolean {
	try {
		expect(a).toEqual(b);
		return true;
	} catch {
		return false;
	}
}

/**
 * Whether a message shows a value it refuses: in a form runChecks' valueForms lists, an Invalid Date or
 * DateTime as such, a luxon DateTime as its ISO text, a BigInt as its digits, a left-out field as missing
 * or empty; a long text or object by its beginning (messages cut a value at 80 characters).
 */
export function showsValue(message: string, value: unknown): boolean {
	return formsOf(value).some((form) => message.includes(form));
}

function formsOf(value: unknown): string[] {
	if (value === ABSENT) return valueForms(undefined);
	if (value instanceof Date && Number.isNaN(value.getTime())) return ['Invalid Date'];
	if (DateTime.isDateTime(value)) return [value.isValid ? value.toISO()! : 'Invalid DateTime'];
	if (typeof value === 'bigint') return [String(value)];
	if (typeof value === 'string' && value.length > 60) return [value.slice(0, 40)];
	if (typeof value === 'object' && value !== null && !(value instanceof Date) && JSON.stringify(value).length > 80) return [JSON.stringify(value).slice(0, 40)];
	return valueForms(value);
}

/**
 * A value as a test name or a problem line shows it: Date(ms), DateTime(ISO), a BigInt's digits with n,
 * a long text cut, invisible and combining characters as escapes (so NFD stands apart from NFC).
 */
export function shown(value: unknown): string {
	if (value === ABSENT) return 'absent';
	if (value === undefined) return 'undefined';
	if (value instanceof Date) return `Date(${value.getTime()})`;
	if (DateTime.isDateTime(value)) return `DateTime(${value.toISO()})`;
	if (typeof value === 'bigint') return `${value}n`;
	if (typeof value === 'number') return String(value);
	let text: string;
	try {
		text = JSON.stringify(value) ?? String(value);
	} catch {
		text = String(value);
	}
	text = text.replace(/[\u0300-\u036f\u200b-\u200f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
	return text.length > 40 ? `${text.slice(0, 40)}…(${text.length})` : text;
}
