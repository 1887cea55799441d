import { parseDate, parseDateNotAfter, type DateOptions } from './dates';

/** Distinct days kept at most: decades of dates fit; a column of something else cannot grow it unbounded. */
const MAX_CACHED_DAYS = 100_000;

/**
 * parseDateNotAfter for large batches, returning epoch milliseconds. A date-only text ("2024-05-17",
 * "2024/05/17") is parsed once per distinct day and then looked up; everything else, and every error,
 * goes through parseDateNotAfter, so results and error messages are the same.
 */
export function dateMsReaderNotAfter(asOf: Date, options: DateOptions = {}): (value: unknown, field: string) => number {
	const limit = asOf.getTime();
	const days = new Map<string, number>();
	return (value, field) => {
		if (typeof value === 'string' && value.length === 10 && isDateOnlyShape(value)) {
			let ms = days.get(value);
			if (ms === undefined) {
				ms = parseDate(value, field, options).getTime();
				if (days.size < MAX_CACHED_DAYS) days.set(value, ms);
			}
			if (ms <= limit) return ms;
		}
		return parseDateNotAfter(value, field, asOf, options).getTime();
	};
}

/** "dddd-dd-dd" or "dddd/dd/dd" (the separators are checked; parseDate checks the rest). */
function isDateOnlyShape(text: string): boolean {
	const a = text.charCodeAt(4);
	const b = text.charCodeAt(7);
	return (a === 45 || a === 47) && (b === 45 || b === 47);
}
