/**
 * A reader for one mapped column, prepared once per run. Same rule as `getField` from shared/input
 * (a key that exists literally wins, otherwise the dot path is followed), without splitting the path
 * again for every response.
 */
export type FieldReader = (record: Record<string, unknown>) => unknown;

export function fieldReader(path: string): FieldReader {
	if (!path.includes('.')) return (record) => record[path];
	const parts = path.split('.');
	return (record) => {
		if (path in record) return record[path];
		let current: unknown = record;
		for (let i = 0; i < parts.length; i++) {
			if (current === null || typeof current !== 'object') return undefined;
			current = (current as Record<string, unknown>)[parts[i]];
		}
		return current;
	};
}
