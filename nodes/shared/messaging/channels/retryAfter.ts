const MAX_RETRY_AFTER_MS = 24 * 60 * 60 * 1000;

/**
 * The three HTTP-date forms (RFC 9110 §5.6.7), all of which a recipient must accept: IMF-fixdate
 * "Sun, 06 Nov 1994 08:49:37 GMT", RFC 850 "Sunday, 06-Nov-94 08:49:37 GMT" and asctime
 * "Sun Nov  6 08:49:37 1994". Each names its weekday first; anything else (such as "-5") is not one.
 */
const HTTP_DATE = /^(?:[A-Za-z]{3},|[A-Za-z]{6,9},|[A-Za-z]{3} [A-Za-z]{3} )/;
/** An HTTP-date is in GMT; asctime never names it, so a date without a zone is read as GMT, not in the machine's zone. */
const NAMES_ZONE = /(?:GMT|UTC|UT|Z|[+-]\d{4})$/i;

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
	if (!HTTP_DATE.test(trimmed)) return undefined;
	const at = Date.parse(NAMES_ZONE.test(trimmed) ? trimmed : `${trimmed} GMT`);
	if (Number.isNaN(at)) return undefined;
	return Math.min(Math.max(0, at - nowMs), MAX_RETRY_AFTER_MS);
}

/**
 * Reads a header that gives the wait as a number of seconds, possibly fractional (Feishu's
 * x-ogw-ratelimit-reset: "52", "1.5"). Returns milliseconds, bounded as Retry-After is, or undefined
 * when the header is absent or is not such a number (a negative value, an exponent, a date).
 */
export function parseDelaySeconds(value: string | undefined): number | undefined {
	if (value === undefined) return undefined;
	const trimmed = value.trim();
	if (!/^\d+(?:\.\d+)?$/.test(trimmed)) return undefined;
	return Math.min(Math.ceil(Number(trimmed) * 1000), MAX_RETRY_AFTER_MS);
}
