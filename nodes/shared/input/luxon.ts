/**
 * A luxon DateTime as a Date (what n8n's `$now`, `$today` and `DateTime.fromISO(…)` give, and what a Code
 * or Date & Time node can put into an item), recognised by luxon's own marker so that no luxon import is
 * needed; undefined for anything else. An invalid DateTime gives an invalid Date.
 */
export function luxonDate(value: unknown): Date | undefined {
	if (value === null || typeof value !== 'object') return undefined;
	const candidate = value as { isLuxonDateTime?: unknown; toMillis?: unknown };
	if (candidate.isLuxonDateTime !== true || typeof candidate.toMillis !== 'function') return undefined;
	return new Date((candidate.toMillis as () => number).call(value));
}
