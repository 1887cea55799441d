/**
 * Reads a mapped column from an item. A key that exists literally (even with dots in it) wins;
 * otherwise the path is followed through nested objects: "customer.id", "orders.0.date".
 */
export function getField(item: Record<string, unknown>, path: string): unknown {
	if (path in item) return item[path];
	if (!path.includes('.')) return undefined;
	let current: unknown = item;
	for (const part of path.split('.')) {
		if (current === null || typeof current !== 'object') return undefined;
		current = (current as Record<string, unknown>)[part];
	}
	return current;
}

/** Empty means "not given": undefined, null, or a string of only white space. Zero is not empty. */
export function isEmpty(value: unknown): boolean {
	return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}
