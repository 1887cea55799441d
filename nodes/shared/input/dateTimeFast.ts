import { parseDate, type DateOptions } from './dates';
import { wallClockInstant } from './wallClock';

const DAY_MS = 86_400_000;
/** Distinct days kept at most, as in dateReader. */
const MAX_CACHED_DAYS = 100_000;

/**
 * The commonest date-time texts, "YYYY-MM-DDTHH:MM:SS" (or a space for the T) with optional ".sss"
 * and an optional "Z" or "+HH:MM", read without a regular expression and, for a zone, without working
 * out the zone's offset per value: the start of each calendar day is found once (by parseDate, so the
 * calendar checks are its own) and the time of day added to it. Returns NaN for any other text, any
 * value parseDate might read differently (hour 24, other fraction lengths, a day on which the zone's
 * clocks change) and any error, so the caller takes parseDate for those: same results, same errors.
 */
export function dateTimeMsReader(field: string, options: DateOptions): (text: string) => number {
	const zoned = options.timeZone !== undefined && options.timeZone !== 'UTC';
	const utcDays = new Map<number, number>();
	const localDays = zoned ? new Map<number, number>() : utcDays;
	const dayStart = (days: Map<number, number>, key: number, text: string, inZone: boolean): number => {
		let start = days.get(key);
		if (start === undefined) {
			start = inZone ? zonedDayStart(text, field, options) : utcDayStart(text, field);
			if (days.size < MAX_CACHED_DAYS) days.set(key, start);
		}
		return start;
	};
	return (text) => {
		const length = text.length;
		if (length < 19 || length > 29) return Number.NaN;
		const key = digits(text, 0, 4) * 10000 + digits(text, 5, 2) * 100 + digits(text, 8, 2);
		const separator = text.charCodeAt(10);
		if (!(key >= 0) || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45 || (separator !== 84 && separator !== 32)) return Number.NaN;
		const hours = digits(text, 11, 2);
		const minutes = digits(text, 14, 2);
		const seconds = digits(text, 17, 2);
		if (!(hours <= 23 && minutes <= 59 && seconds <= 59) || text.charCodeAt(13) !== 58 || text.charCodeAt(16) !== 58) return Number.NaN;
		let at = 19;
		let millis = 0;
		if (text.charCodeAt(at) === 46) {
			millis = digits(text, at + 1, 3);
			if (!(millis >= 0)) return Number.NaN;
			at += 4;
		}
		const timeOfDay = ((hours * 60 + minutes) * 60 + seconds) * 1000 + millis;
		const dateText = text.slice(0, 10);
		if (at === length) return dayStart(localDays, key, dateText, zoned) + timeOfDay;
		if (at + 1 === length && text.charCodeAt(at) === 90) return dayStart(utcDays, key, dateText, false) + timeOfDay;
		if (at + 6 !== length || text.charCodeAt(at + 3) !== 58) return Number.NaN;
		const sign = text.charCodeAt(at);
		const offsetHours = digits(text, at + 1, 2);
		const offsetMinutesPart = digits(text, at + 4, 2);
		// Beyond ±13:59 is left to parseDate, which reads ±14:00 and refuses later offsets (+25:00, +05:99).
		if ((sign !== 43 && sign !== 45) || !(offsetHours >= 0 && offsetHours <= 13 && offsetMinutesPart >= 0 && offsetMinutesPart <= 59)) return Number.NaN;
		const offsetMinutes = offsetHours * 60 + offsetMinutesPart;
		return dayStart(utcDays, key, dateText, false) + timeOfDay - (sign === 45 ? -offsetMinutes : offsetMinutes) * 60_000;
	};
}

/** The decimal number written by `count` digits from `start`, or -1 when one is not a digit. */
function digits(text: string, start: number, count: number): number {
	let value = 0;
	for (let i = start; i < start + count; i++) {
		const c = text.charCodeAt(i) - 48;
		if (!(c >= 0 && c <= 9)) return -1;
		value = value * 10 + c;
	}
	return value;
}

/** Midnight UTC of a calendar date, NaN when parseDate refuses the date (not a date, before 1900...). */
function utcDayStart(dateText: string, field: string): number {
	try {
		return parseDate(dateText, field, { timeZone: 'UTC' }).getTime();
	} catch {
		return Number.NaN;
	}
}

/** Midnight in the zone, when that day is 24 hours long there (no clock change); NaN otherwise. */
function zonedDayStart(dateText: string, field: string, options: DateOptions): number {
	try {
		const start = parseDate(dateText, field, { timeZone: options.timeZone }).getTime();
		const [y, mo, d] = [Number(dateText.slice(0, 4)), Number(dateText.slice(5, 7)), Number(dateText.slice(8, 10))];
		const next = wallClockInstant(Date.UTC(y, mo - 1, d + 1), options.timeZone!);
		return next - start === DAY_MS ? start : Number.NaN;
	} catch {
		return Number.NaN;
	}
}
