import { ConfigError, InputError, isEmpty } from '../../input';

const known = new Map<string, boolean>();

export function isValidTimeZone(timeZone: string): boolean {
	let valid = known.get(timeZone);
	if (valid === undefined) {
		try {
			new Intl.DateTimeFormat('en-US', { timeZone });
			valid = true;
		} catch {
			valid = false;
		}
		known.set(timeZone, valid);
	}
	return valid;
}

/** The recipient's IANA time zone from its field, or the default when the field is empty. */
export function recipientTimeZone(value: unknown, field: string, fallback: string): string {
	if (isEmpty(value)) {
		if (!isValidTimeZone(fallback)) throw new ConfigError(`The default time zone "${fallback}" is not an IANA time zone`);
		return fallback;
	}
	if (typeof value !== 'string' || !isValidTimeZone(value.trim())) {
		throw new InputError(field, value, 'is not a time zone', 'an IANA time zone such as Asia/Shanghai or Europe/Berlin');
	}
	return value.trim();
}
