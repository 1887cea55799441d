import type { WorkflowResult } from './runWorkflow';
import { NODE_UNDER_TEST } from './runWorkflow';

/** A JavaScript error that reached the user instead of a message about their data or parameters. */
export const RAW_ERROR = /Cannot read propert|is not a function|is not iterable|Invalid time value|toFixed|\[object Object\]|\bat .+:\d+:\d+|undefined/;

/** Ways a message may show a value it refuses. */
export function valueForms(value: unknown): string[] {
	if (typeof value === 'string') return value === '' ? ['""', 'empty'] : [value, JSON.stringify(value)];
	if (typeof value === 'number') return Number.isFinite(value) ? [String(value), JSON.stringify(value)] : [String(value)];
	if (value === null) return ['null', 'empty'];
	if (value === undefined) return ['missing', 'empty', 'undefined'];
	if (Array.isArray(value)) return [JSON.stringify(value), `[${value.join(', ')}]`, ...(value.length > 1 ? [value.join(', '), value.join(',')] : []), 'list', 'array'];
	if (value instanceof Date) return [value.toISOString(), 'date', 'Date'];
	if (typeof value === 'object') return [JSON.stringify(value), `{ ${Object.entries(value).map(([k, v]) => `${k}: ${JSON.stringify(v)}`).join(', ')} }`, 'object'];
	return [String(value)];
}

/** Whether a message names a field or parameter: its name as words, in any case, not inside another name. */
export function names(message: string, name: string): boolean {
	return new RegExp(`(?<![A-Za-z])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![A-Za-z])`, 'i').test(message);
}

/** Paths of numbers in a value that are NaN or ±Infinity. */
export function nonFinite(value: unknown, path = ''): string[] {
	if (typeof value === 'number') return Number.isFinite(value) ? [] : [`${path} = ${value}`];
	if (value === null || typeof value !== 'object') return [];
	return Object.entries(value).flatMap(([key, v]) => nonFinite(v, `${path}.${key}`));
}

/** The node under test's outputs (every output, as arrays of json), with keys matching `volatile` removed. */
export function outputsOf(result: WorkflowResult, volatile?: RegExp): Array<Array<Record<string, unknown>>> {
	const task = result.run.data.resultData.runData[NODE_UNDER_TEST]?.[0];
	const strip = (v: unknown): unknown =>
		Array.isArray(v) ? v.map(strip) : v !== null && typeof v === 'object' && !(v instanceof Date) ? Object.fromEntries(Object.entries(v).filter(([k]) => !volatile?.test(k)).map(([k, x]) => [k, strip(x)])) : v;
	return strip((task?.data?.main ?? []).map((items) => (items ?? []).map((i) => i.json))) as Array<Array<Record<string, unknown>>>;
}
