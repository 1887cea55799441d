/**
 * Calendar dates without a time or zone, as whole day numbers (days since 1970-01-01, proleptic
 * Gregorian). Day numbers make "add n days", "weekday" and "days between" plain integer arithmetic,
 * which is what scheduling 100,000 customers needs.
 */

export interface CivilDate {
	year: number;
	/** 1-12 */
	month: number;
	/** 1-31 */
	day: number;
}

/** 0 = Sunday ... 6 = Saturday, as Date#getDay. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

export function isLeapYear(year: number): boolean {
	return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(year: number, month: number): number {
	return month === 2 && isLeapYear(year) ? 29 : MONTH_DAYS[month - 1];
}

export function isValidCivilDate(year: number, month: number, day: number): boolean {
	return (
		Number.isInteger(year) &&
		Number.isInteger(month) &&
		Number.isInteger(day) &&
		month >= 1 &&
		month <= 12 &&
		day >= 1 &&
		day <= daysInMonth(year, month)
	);
}

// Howard Hinnant's days_from_civil / civil_from_days: exact integer algorithms, no Date objects.
export function toDayNumber(year: number, month: number, day: number): number {
	const y = month <= 2 ? year - 1 : year;
	const era = Math.floor(y / 400);
	const yoe = y - era * 400;
	const mp = (month + 9) % 12;
	const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
	const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
	return era * 146097 + doe - 719468;
}

export function fromDayNumber(dayNumber: number): CivilDate {
	const z = dayNumber + 719468;
	const era = Math.floor(z / 146097);
	const doe = z - era * 146097;
	const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
	const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
	const mp = Math.floor((5 * doy + 2) / 153);
	const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
	const month = mp < 10 ? mp + 3 : mp - 9;
	return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export function weekdayOf(dayNumber: number): Weekday {
	// 1970-01-01 was a Thursday (4).
	return (((dayNumber + 4) % 7) + 7) % 7 as Weekday;
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

export function formatCivilDate(date: CivilDate): string {
	return `${date.year}-${pad2(date.month)}-${pad2(date.day)}`;
}

const formatted = new Map<number, string>();
const MAX_FORMATTED = 100_000;

/** "YYYY-MM-DD" for a day number (memoised: schedules format the same few hundred days many times). */
export function formatDayNumber(dayNumber: number): string {
	let text = formatted.get(dayNumber);
	if (text === undefined) {
		if (formatted.size >= MAX_FORMATTED) formatted.clear();
		text = formatCivilDate(fromDayNumber(dayNumber));
		formatted.set(dayNumber, text);
	}
	return text;
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Strict "YYYY-MM-DD" to a day number, or undefined when the text is not a real calendar date. */
export function dayNumberFromIso(text: string): number | undefined {
	const m = ISO_DAY.exec(text);
	if (!m) return undefined;
	const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
	return isValidCivilDate(year, month, day) ? toDayNumber(year, month, day) : undefined;
}

/** The day number of the UTC calendar date of an instant. */
export function utcDayNumber(instant: Date): number {
	return Math.floor(instant.getTime() / 86_400_000);
}
