import { daysInMonth, formatDayNumber, fromDayNumber } from '../calendar/civilDate';
import { fromLunar, leapMonthOf, lunarMonthLength } from '../calendar/lunar';
import { localDayNumber } from '../calendar/timeZone';
import { parseDate } from '../input/dates';
import { InputError } from '../input/errors';

/** A date that recurs every year: a Gregorian or lunar month and day, with the year when known. */
export interface YearlyDate {
	year?: number;
	month: number;
	day: number;
	isLeap?: boolean;
	/** For a Gregorian birthday: its lunar date, worked out once (null outside the lunar data). */
	lunar?: YearlyDate | null;
}

/** Every yearly date has the same fields (one object shape: property reads stay fast on a million customers). */
export function yearly(year: number | undefined, month: number, day: number, isLeap: boolean): YearlyDate {
	return { year, month, day, isLeap, lunar: undefined };
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const MONTH_DAY = /^(?:--)?(\d{1,2})-(\d{1,2})$/;
/** A month and day as Chinese sources write a birthday without its year: 3月5日. */
const CHINESE_MONTH_DAY = /^(\d{1,2})\s*月\s*(\d{1,2})\s*日$/;
const LUNAR_TEXT = /^(?:(\d{4})[-/])?(L|闰)?(\d{1,2})[-/](\d{1,2})$/i;
/** 1980年2月20日, 闰6月10日: the same groups as LUNAR_TEXT. */
const LUNAR_CHINESE = /^(?:(\d{4})\s*年\s*)?(闰)?\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/;
export const LUNAR_DATE_EXPECTED = 'a lunar date as YYYY-MM-DD or MM-DD, leap months marked L or 闰 before the month (2025-L06-10, 2025-闰06-10)';

/** Full-width digits and the signs, slash and colon of dates (U+FF0B-FF1A) as half-width, as the package's date parser reads them. */
function halfWidth(text: string): string {
	return text.trim().replace(/[\uFF0B-\uFF1A]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/** The month and day of a birthday written without its year ("07-21", "--07-21", "7月21日"), or null. */
function monthDayOf(text: string): RegExpExecArray | null {
	const half = halfWidth(text);
	return MONTH_DAY.exec(half) ?? CHINESE_MONTH_DAY.exec(half);
}

function notAfter(value: unknown, column: string, asOfDay: number, dayNumber: number): void {
	if (dayNumber > asOfDay) throw new InputError(column, value, `lies after the as-of date ${formatDayNumber(asOfDay)}`, 'a date in the past');
}

/**
 * No one has lived longer: a birthday further back is a stand-in for an unknown one (1900-01-01, SQL
 * Server's zero date), and greeting it would send a "happy 126th birthday" every New Year.
 */
export const OLDEST_AGE_YEARS = 122;

/** Whole years from a birth day to the as-of day. */
function ageOn(birthDay: number, asOfDay: number): number {
	const born = fromDayNumber(birthDay);
	const asOf = fromDayNumber(asOfDay);
	return asOf.year - born.year - (asOf.month < born.month || (asOf.month === born.month && asOf.day < born.day) ? 1 : 0);
}

function lifespanBirthday(value: unknown, column: string, asOfDay: number, birthDay: number): void {
	const age = ageOn(birthDay, asOfDay);
	if (age > OLDEST_AGE_YEARS) {
		throw new InputError(
			column,
			value,
			`makes the customer ${age} years old on the as-of date ${formatDayNumber(asOfDay)}, older than anyone has lived`,
			`a birthday at most ${OLDEST_AGE_YEARS} years before the as-of date, or no value when it is unknown (a stand-in such as 1900-01-01 is no birthday)`,
		);
	}
}

/**
 * A past Gregorian date (birthday, member since, first purchase) as its local date in `timeZone`,
 * read by the package's one date parser (forms, plausible range, errors naming the field). A
 * `birthday` may also be a month-day ("07-21") when its year is unknown, and lies at most
 * OLDEST_AGE_YEARS back.
 */
export function parsePastDate(value: unknown, column: string, timeZone: string, asOfDay: number, birthday: boolean): YearlyDate {
	const md = birthday && typeof value === 'string' ? monthDayOf(value) : null;
	if (md) {
		const [month, day] = [Number(md[1]), Number(md[2])];
		if (month < 1 || month > 12 || day < 1 || day > daysInMonth(2000, month)) {
			throw new InputError(column, value, 'is not a date', 'YYYY-MM-DD, or MM-DD when the year is unknown');
		}
		return yearly(undefined, month, day, false);
	}
	// A date without a time is that day in every zone: read it as UTC and skip two zone conversions.
	const dateOnly = typeof value === 'string' && DATE_ONLY.test(value.trim());
	const dayNumber = dateOnly
		? Math.floor(parseDate(value, column).getTime() / 86_400_000)
		: localDayNumber(parseDate(value, column, { timeZone }), timeZone);
	notAfter(value, column, asOfDay, dayNumber);
	if (birthday) lifespanBirthday(value, column, asOfDay, dayNumber);
	const date = fromDayNumber(dayNumber);
	return yearly(date.year, date.month, date.day, false);
}

/**
 * A past lunar date (农历), "1990-06-15", "L06-10", "1990-闰06-10" or "06-15" when the year is unknown;
 * also with slashes, full-width digits or as 1990年6月15日.
 */
export function parseLunarDate(value: unknown, column: string, asOfDay: number): YearlyDate {
	const text = typeof value === 'string' ? halfWidth(value) : undefined;
	const m = text === undefined ? null : (LUNAR_TEXT.exec(text) ?? LUNAR_CHINESE.exec(text));
	if (!m) throw new InputError(column, value, 'is not a lunar date', LUNAR_DATE_EXPECTED);
	const year = m[1] === undefined ? undefined : Number(m[1]);
	const isLeap = m[2] !== undefined;
	const [month, day] = [Number(m[3]), Number(m[4])];
	if (month < 1 || month > 12 || day < 1 || day > 30) throw new InputError(column, value, 'is not a lunar date', LUNAR_DATE_EXPECTED);
	if (year !== undefined) {
		if (isLeap && leapMonthOf(year) !== month) {
			throw new InputError(column, value, `is not a lunar date: lunar year ${year} has no leap month ${month}`, LUNAR_DATE_EXPECTED);
		}
		const length = lunarMonthLength(year, month, isLeap);
		if (length === undefined) throw new InputError(column, value, 'is outside the lunar calendar data (1900-2100)', LUNAR_DATE_EXPECTED);
		if (day > length) throw new InputError(column, value, `is not a lunar date: that month of ${year} has ${length} days`, LUNAR_DATE_EXPECTED);
		const birthDay = fromLunar({ year, month, day, isLeap })!;
		notAfter(value, column, asOfDay, birthDay);
		lifespanBirthday(value, column, asOfDay, birthDay);
	}
	return yearly(year, month, day, isLeap);
}
