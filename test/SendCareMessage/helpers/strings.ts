/**
 * Every string in a value, the own properties of errors included (message, description, stack, httpCode,
 * cause: n8n shows, stores and logs them, and JSON.stringify skips the non-enumerable ones).
 */
export function strings(value: unknown, seen = new Set<unknown>()): string[] {
	if (typeof value === 'string') return [value];
	if (!value || typeof value !== 'object' || seen.has(value)) return [];
	seen.add(value);
	const names = value instanceof Error ? Object.getOwnPropertyNames(value) : Object.keys(value);
	return names.flatMap((name) => strings((value as Record<string, unknown>)[name], seen));
}
