const MAX_RETRY_AFTER_MS = 24 * 60 * 60 * 1000;

/**
 * Reads an HTTP Retry-After header (RFC 9110 §10.2.3): either delay-seconds or an HTTP-date.
 * Returns milliseconds to wait, or undefined when the header is absent or unreadable.
 */
export function parseRetryAfter(value: string | undefined, nowMs: number): number | undefined {
	if (value === undefined) return undefined;
	const trimmed = value.trim();
	if (trimmed === '') return undefined;
	if (/^\d+$/.test(trimmed)) return Math.min(Number(trimmed) * 1000, MAX_RETRY_AFTER_MS);
	if (/^\d+\.\d+$/.test(trimmed)) return Math.min(Math.ceil(Number(trimmed) * 1000), MAX_RETRY_AFTER_MS);
	// An HTTP-date names its weekday and month; anything else (such as "-5") is not one.
	if (!/^[A-Za-z]{3},/.test(trimmed)) return undefined;
	const at = Date.parse(trimmed);
	if (Number.isNaN(at)) return undefined;
	return Math.min(Math.max(0, at - nowMs), MAX_RETRY_AFTER_MS);
}
