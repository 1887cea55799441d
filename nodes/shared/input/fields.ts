/**
 * THE way to read a mapped column from an item, for every node. The rule, for a path with dots such
 * as "survey.nps":
 *   1. the path is followed through nested objects and arrays ("customer.id", "orders.0.date");
 *   2. when that leads to nothing, a key written with the dots (`{ "survey.nps": 3 }`, as spreadsheet
 *      and CSV exports have them) is read.
 * So `{ 'survey.nps': 3, survey: { nps: 9 } }` reads 9: a dot path means what n8n's expressions mean by
 * it ($json.survey.nps), and flat exports, which have no nested object, still read. Nested first is
 * also the fast order: looking up a dotted key that is absent costs about as much as the whole nested
 * read, and would be paid on every read of every item. Only an item's own keys count: a column named
 * "constructor" or "__proto__" is never read from Object.prototype.
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
	if (parts.some(inherited)) {
		return (item) => {
			let current: unknown = item;
			for (let i = 0; i < parts.length && current !== undefined; i++) current = own(current, parts[i]);
			return current !== undefined ? current : own(item, path);
		};
	}
	// No part is inherited, and a dotted key never is: plain reads are exact (JSON holds no undefined).
	if (parts.length === 2) {
		const [a, b] = parts;
		return (item) => {
			const outer = item[a];
			const nested = outer !== null && typeof outer === 'object' ? (outer as Record<string, unknown>)[b] : undefined;
			return nested !== undefined ? nested : item[path];
		};
	}
	return (item) => {
		let current: unknown = item;
		for (let i = 0; i < parts.length && current !== undefined; i++) {
			current = current !== null && typeof current === 'object' ? (current as Record<string, unknown>)[parts[i]] : undefined;
		}
		return current !== undefined ? current : item[path];
	};
}

/**
 * A reader for each column of a node's column mapping (what the node reads → the column the user
 * named); undefined for a column left empty, which the user did not map.
 */
export function columnReaders<K extends string>(columns: Record<K, string>): Record<K, FieldReader | undefined> {
	const read = {} as Record<K, FieldReader | undefined>;
	for (const key of Object.keys(columns) as K[]) read[key] = columns[key] ? fieldReader(columns[key]) : undefined;
	return read;
}

/**
 * Writes a value read from a column back into an item the node builds, where the item it was read from
 * holds it: nested when the path led there through nested objects (`{ customer: { id } }`, which
 * `$json.customer.id` reads downstream), else one key written with the dots (a flat export's
 * "customer.id"), by the rule above. The nested objects are made new for each write (`target` shares
 * none with another item), lists where the source has lists ("orders.0.id").
 */
export type FieldWriter = (target: Record<string, unknown>, value: unknown, source: Record<string, unknown>) => void;

/** Sets an own key; "__proto__" as a plain key too, never the object's prototype. */
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
	if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
	else target[key] = value;
}

/** A writer for one column, prepared once per run; per item it follows the source's nested path once. */
export function fieldWriter(path: string): FieldWriter {
	if (!path.includes('.')) return (target, value) => setOwn(target, path, value);
	const parts = path.split('.');
	const last = parts.length - 1;
	return (target, value, source) => {
		// The containers the nested read passes through, and whether it finds a value (fieldReader's first step).
		const containers: unknown[] = [];
		let current: unknown = source;
		for (let i = 0; i < parts.length && current !== undefined; i++) {
			containers.push(current);
			current = own(current, parts[i]);
		}
		if (current === undefined) return setOwn(target, path, value);
		let into = target;
		for (let i = 0; i < last; i++) {
			const made = (Array.isArray(containers[i + 1]) ? [] : {}) as Record<string, unknown>;
			setOwn(into, parts[i], made);
			into = made;
		}
		setOwn(into, parts[last], value);
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
