import { ConfigError, isEmpty, parseDate, PLAUSIBLE_DATES } from '../../input';

/** At most `maxMessages` care messages per customer in any rolling `windowDays`. */
export interface FrequencyCap {
	maxMessages: number;
	windowDays: number;
}

export function validateFrequencyCap(cap: FrequencyCap): FrequencyCap {
	if (!Number.isInteger(cap.maxMessages) || cap.maxMessages < 1) {
		throw new ConfigError(`Frequency cap "${cap.maxMessages}" must be a whole number of at least 1`);
	}
	if (!Number.isFinite(cap.windowDays) || cap.windowDays <= 0) {
		throw new ConfigError(`Frequency cap window "${cap.windowDays}" must be a positive number of days`);
	}
	return cap;
}

/** The first instant a contact date can be: 1900-01-01, the plausible range, in the zone furthest east. */
const EARLIEST_CONTACT = PLAUSIBLE_DATES.from - 86_400_000;

/**
 * Where the window starts. A window reaching back before the first instant a contact can have starts
 * there: 1e9 days or 1e308 would otherwise start at no date at all, and nothing would ever count.
 */
export function capWindowStart(asOf: Date, cap: FrequencyCap): Date {
	return new Date(Math.max(asOf.getTime() - cap.windowDays * 86_400_000, EARLIEST_CONTACT));
}

/**
 * Contacts inside the window from a last-contacted field: one date, or a list of contact dates (a
 * contact history). Empty means never contacted.
 */
export function countContactsFromField(value: unknown, field: string, since: Date, timeZone: string): number {
	if (isEmpty(value)) return 0;
	const dates = Array.isArray(value) ? value : [value];
	let count = 0;
	dates.forEach((date, i) => {
		const parsed = parseDate(date, Array.isArray(value) ? `${field}.${i}` : field, { timeZone });
		if (parsed.getTime() >= since.getTime()) count++;
	});
	return count;
}

export function isCapped(contactsInWindow: number, cap: FrequencyCap): boolean {
	return contactsInWindow >= cap.maxMessages;
}
