import { parseDate, parseDateNotAfter, PLAUSIBLE_DATES, type DateOptions } from './dates';
import { dateTimeMsReader } from './dateTimeFast';

/** Distinct days kept at most: decades of dates fit; a column of something else cannot grow it unbounded. */
const MAX_CACHED_DAYS = 100_000;

/**
 * parseDateNotAfter for large batches, returning epoch milliseconds. A date-only text ("2024-05-17",
 * "2024/05/17") is parsed once per distinct day and then looked up; a plain ISO date-time is read by
 * dateTimeMsReader; everything else, and every error, goes through parseDateNotAfter, so results and
 * error messages are the same.
 */
export function dateMsReaderNotAfter(asOf: Date, options: DateOptions = {}): (value: unknown, field: string) => number {
	const limit = asOf.getTime();
	const days = new Map<number, number>();
	const range = options.range ?? PLAUSIBLE_DATES;
	const dateTimes = new Map<string, (text: string) => number>();
	return (value, field) => {
		if (typeof value === 'string' && value.length > 10) {
			let read = dateTimes.get(field);
			if (read === undefined) dateTimes.set(field, (read = dateTimeMsReader(field, options)));
			const ms = read(value);
			if (ms >= range.from && ms < range.to && ms <= limit) return ms;
		}
		const day = typeof value === 'string' && value.length === 10 ? dateOnlyKey(value) : -1;
		if (day >= 0) {
			let ms = days.get(day);
			if (ms === undefined) {
				ms = parseDate(value, field, options).getTime();
				if (days.size < MAX_CACHED_DAYS) days.set(day, ms);
			}
			if (ms <= limit) return ms;
		}
		return parseDateNotAfter(value, field, asOf, options).getTime();
	};
}

/**
 * "dddd-dd-dd" or "dddd/dd/dd" as the number yyyymmdd (a cheaper map key than the text), or -1 for any
 * other text. Texts with the same number are the same date to parseDate.
 */
function dateOnlyKey(text: string): number {
	let key = 0;
	for (let i = 0; i < 10; i++) {
		const c = text.charCodeAt(i);
		if (i === 4 || i === 7) {
			if (c !== 45 && c !== 47) return -1;
		} else {
			if (c < 48 || c > 57) return -1;
			key = key * 10 + (c - 48);
		}
	}
	return key;
}
