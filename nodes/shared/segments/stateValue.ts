/** A learned state's value for an error message: JSON (a number as written), cut to 80 characters. */
export function stateValueText(value: unknown): string {
	if (value === undefined) return 'missing';
	const text = typeof value === 'number' ? String(value) : (JSON.stringify(value) ?? String(value));
	return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}
