import { ABBREVIATION_PROBLEM, canonicalZone, isUtcOffset, isZoneAbbreviation, OFFSET_PROBLEM } from '../../calendar/timeZone';
import { ConfigError, describeValue, InputError, isEmpty } from '../../input';

/** An IANA zone name (any letter case), as the business calendar reads one: not "CST" or "BST". */
export function isValidTimeZone(timeZone: string): boolean {
	return canonicalZone(timeZone) !== undefined;
}

/** The recipient's IANA time zone from its field, or the default when the field is empty. */
export function recipientTimeZone(value: unknown, field: string, fallback: string): string {
	if (isEmpty(value)) {
		if (!isValidTimeZone(fallback)) {
			throw new ConfigError(`The workflow's time zone ${describeValue(fallback)} is not an IANA time zone (expected a name such as Asia/Shanghai: set it in the workflow's settings)`);
		}
		return fallback;
	}
	if (typeof value !== 'string' || !isValidTimeZone(value.trim())) {
		const text = typeof value === 'string' ? value.trim() : '';
		const problem = isZoneAbbreviation(text) ? ABBREVIATION_PROBLEM : isUtcOffset(text) ? OFFSET_PROBLEM : 'is not a time zone';
		throw new InputError(field, value, problem, 'an IANA time zone such as Asia/Shanghai or Europe/Berlin');
	}
	return value.trim();
}
