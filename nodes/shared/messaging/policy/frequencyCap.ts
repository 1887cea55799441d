import { ConfigError, isEmpty, parseDate } from '../../input';

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

export function capWindowStart(asOf: Date, cap: FrequencyCap): Date {
	return new Date(asOf.getTime() - cap.windowDays * 86_400_000);
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
