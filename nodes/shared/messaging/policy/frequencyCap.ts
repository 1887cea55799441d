import { isEmpty, offsetMs, parameterError, parseDate, PLAUSIBLE_DATES, wallClockInstant } from '../../input';

/**
 * At most `maxMessages` care messages per customer counted from `windowDays` days before As Of on their
 * calendar. The window has no end: a contact dated after As Of counts too. The ledger stamps claims with
 * the real clock, so an end at As Of would leave out what this execution has just sent and what a
 * concurrent one sharing its As Of (page runs) sends, and the field is read the same way, so that both
 * sources give the same decisions.
 */
export interface FrequencyCap {
	maxMessages: number;
	windowDays: number;
}

export function validateFrequencyCap(cap: FrequencyCap): FrequencyCap {
	if (!Number.isInteger(cap.maxMessages) || cap.maxMessages < 1) {
		throw parameterError('Max Messages', cap.maxMessages, 'is not a whole number of at least 1', 'the most care messages a customer may get in the window, such as 1');
	}
	if (!Number.isFinite(cap.windowDays) || cap.windowDays <= 0) {
		throw parameterError('Window (Days)', cap.windowDays, 'is not a positive number of days', 'the days the cap looks back from As Of, such as 7');
	}
	return cap;
}

/** The first instant a contact date can be: 1900-01-01, the plausible range, in the zone furthest east. */
const EARLIEST_CONTACT = PLAUSIBLE_DATES.from - 86_400_000;
const DAY_MS = 86_400_000;

/**
 * Where the window of D days starts for a recipient: the first moment their clock shows As Of's
 * wall-clock time D days earlier (a fraction of a day is wall-clock hours). Days are counted on the
 * recipient's calendar, as every day count is, so across a daylight-saving change the window is still
 * D calendar days: 10:00 on 12 March 2024 in New York, 1 per 7 days, starts at 10:00 EST on 5 March,
 * not 7 × 24 hours earlier (09:00 EST). A wall time the clocks skip starts the window when they jump
 * past it; one they show twice, at its first showing. A window reaching back before the first instant
 * a contact can have starts there: 1e9 days or 1e308 would otherwise start at no date at all, and
 * nothing would ever count.
 */
export function capWindowStart(asOf: Date, cap: FrequencyCap, timeZone: string): Date {
	const days = cap.windowDays * DAY_MS;
	// Any zone's offset is within a day either way: such a window surely reaches back before 1900.
	if (asOf.getTime() - days - 2 * DAY_MS < EARLIEST_CONTACT) return new Date(EARLIEST_CONTACT);
	const startWall = asOf.getTime() + offsetMs(timeZone, asOf.getTime()) - days;
	return new Date(Math.max(firstShowing(startWall, timeZone), EARLIEST_CONTACT));
}

/** The first instant at which the zone's clocks show `wall` (ms as in UTC) or a later time. */
function firstShowing(wall: number, timeZone: string): number {
	const instant = wallClockInstant(wall, timeZone);
	if (instant + offsetMs(timeZone, instant) === wall) return instant;
	// Skipped by a change: wallClockInstant gave the offset before the gap, an instant after the jump.
	// The jump lies within a day before it; find the first instant whose wall time is past `wall`.
	let before = instant - DAY_MS;
	let after = instant;
	while (after - before > 1) {
		const middle = before + Math.floor((after - before) / 2);
		if (middle + offsetMs(timeZone, middle) >= wall) after = middle;
		else before = middle;
	}
	return after;
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
