/**
 * THE way to read a mapped column from an item, for every node. The rule, for a path with dots such
 * as "survey.nps":
 *   1. a key written with the dots exactly as the path (`{ "survey.nps": 3 }`) wins;
 *   2. otherwise the path is followed through nested objects and arrays ("customer.id", "orders.0.date").
 * So `{ 'survey.nps': 3, survey: { nps: 9 } }` reads 3: what the user typed is first a column name,
 * as in a spreadsheet export, and a dot path only when no such column exists. Only an item's own keys
 * count: a column named "constructor" or "__proto__" is never read from Object.prototype.
 */
export type FieldReader = (item: Record<string, unknown>) => unknown;

const hasOwn = Object.prototype.hasOwnProperty;

/** Reads `key` of a value when it is an object (or array) and has it as its own key. */
function own(value: unknown, key: string): unknown {
	return value !== null && typeof value === 'object' && hasOwn.call(value, key) ? (value as Record<string, unknown>)[key] : undefined;
}

/** Keys that plain objects inherit: read only as own keys. Any other key reads directly (faster). */
const inherited = (key: string) => key in Object.prototype;

/** A reader for one mapped column, prepared once per run (the dot path is split once, not per item). */
export function fieldReader(path: string): FieldReader {
	if (!path.includes('.')) return inherited(path) ? (item) => own(item, path) : (item) => item[path];
	const parts = path.split('.');
	if (parts.length === 2 && !parts.some(inherited)) {
		const [a, b] = parts;
		return (item) => {
			if (hasOwn.call(item, path)) return item[path];
			const outer = item[a];
			return outer !== null && typeof outer === 'object' ? (outer as Record<string, unknown>)[b] : undefined;
		};
	}
	return (item) => {
		if (hasOwn.call(item, path)) return item[path];
		let current: unknown = item;
		for (let i = 0; i < parts.length && current !== undefined; i++) current = own(current, parts[i]);
		return current;
	};
}

const readers = new Map<string, FieldReader>();
/** Paths whose readers are kept; a run maps a handful of columns. */
const MAX_READERS = 1000;

/** Reads one field by the rule above; for many items prefer a fieldReader made once. */
export function getField(item: Record<string, unknown>, path: string): unknown {
	if (!path.includes('.')) {
		// A plain key: one lookup. Only what objects inherit is a function (JSON holds none) or __proto__.
		const value = item[path];
		return typeof value === 'function' || path === '__proto__' ? own(item, path) : value;
	}
	let read = readers.get(path);
	if (read === undefined) {
		read = fieldReader(path);
		if (readers.size < MAX_READERS) readers.set(path, read);
	}
	return read(item);
}

/** Empty means "not given": undefined, null, or a string of only white space. Zero is not empty. */
export function isEmpty(value: unknown): boolean {
	return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}
