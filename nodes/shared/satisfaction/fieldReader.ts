/**
 * A reader for one mapped column, prepared once per run: `getField` from shared/input without
 * splitting the path again for every response. A dot path reads nested objects ("survey.nps") or a
 * key written with the dots ("survey.nps" as one column name). Unlike getField, the nested value is
 * tried first: looking up a dotted key that is absent is the slow part of a million reads, and an item
 * having both forms with different values does not occur in practice.
 */
export type FieldReader = (record: Record<string, unknown>) => unknown;

function child(value: unknown, key: string): unknown {
	return value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
}

export function fieldReader(path: string): FieldReader {
	if (!path.includes('.')) return (record) => record[path];
	const parts = path.split('.');
	if (parts.length === 2) {
		const [a, b] = parts;
		return (record) => {
			const nested = child(record[a], b);
			return nested !== undefined ? nested : record[path];
		};
	}
	return (record) => {
		let current: unknown = record;
		for (let i = 0; i < parts.length && current !== undefined; i++) current = child(current, parts[i]);
		return current !== undefined ? current : record[path];
	};
}
