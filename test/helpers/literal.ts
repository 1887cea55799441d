/** Source text written out as is inside a literal (an identifier such as `NodeConnectionTypes.Main`). */
export class Code {
	constructor(readonly text: string) {}
}

/**
 * A JSON-like value as TypeScript object-literal source, one property or element a line, tab-indented:
 * what n8n's lint rules can read, where they cannot see values built by functions.
 */
export function literal(value: unknown, indent = ''): string {
	if (value instanceof Code) return value.text;
	const inner = `${indent}\t`;
	if (Array.isArray(value)) return value.length === 0 ? '[]' : `[\n${value.map((v) => `${inner}${literal(v, inner)},`).join('\n')}\n${indent}]`;
	if (value !== null && typeof value === 'object') {
		const entries = Object.entries(value as Record<string, unknown>);
		if (entries.length === 0) return '{}';
		const key = (k: string) => (/^[A-Za-z_$][\w$]*$/.test(k) ? k : JSON.stringify(k));
		return `{\n${entries.map(([k, v]) => `${inner}${key(k)}: ${literal(v, inner)},`).join('\n')}\n${indent}}`;
	}
	return JSON.stringify(value);
}
