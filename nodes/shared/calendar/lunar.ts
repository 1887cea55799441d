import { getYearLeapMonth, monthDays } from 'chinese-days';
import { toDayNumber } from './civilDate';

/**
 * Chinese lunar calendar (农历) dates, converted with the month-length and leap-month tables of the
 * `chinese-days` package (lunar years 1900-2100), corrected where that table is wrong (see
 * MONTH_LENGTH_FIXES). The conversion is done here, on day numbers,
 * because the package's own date conversions read the process's local time zone and shift by a day
 * west of UTC (getSolarDateFromLunar) or east of UTC+8 (getLunarDate); see test/calendar/lunar.test.ts.
 */
export interface LunarDate {
	/** The lunar year, numbered like the Gregorian year in which it starts. */
	year: number;
	/** 1-12 */
	month: number;
	/** 1-30 */
	day: number;
	/** true for a day of the leap (intercalary, 闰) month that follows `month`. */
	isLeap: boolean;
}

export const FIRST_LUNAR_YEAR = 1900;
export const LAST_LUNAR_YEAR = 2100;

interface LunarMonth {
	month: number;
	isLeap: boolean;
	start: number;
	length: number;
}

interface LunarYear {
	start: number;
	/** The leap month's number, 0 when the year has none. */
	leapMonth: number;
	months: LunarMonth[];
}

/**
 * Months the chinese-days 1.5.7 table gives the wrong length, shifting a whole month by a day. A lunar
 * month starts on the day (China time, UTC+8) of the new moon, and these new moons fall close to
 * midnight or were misdated in the table the package copied: 1933-07-23 00:03, 1996-07-16 00:15,
 * 1996-09-13 07:07 (China time; the table starts those months a day early) and 2060-04-30 18:11 (the
 * table starts it a day late). Astronomical new moons (Meeus) and lunar-javascript agree; the test
 * checks every day of 1900-2100 against lunar-javascript.
 */
const MONTH_LENGTH_FIXES: ReadonlyArray<{ year: number; month: number; isLeap: boolean; length: number }> = [
	{ year: 1933, month: 5, isLeap: true, length: 30 },
	{ year: 1933, month: 6, isLeap: false, length: 29 },
	{ year: 1996, month: 5, isLeap: false, length: 30 },
	{ year: 1996, month: 6, isLeap: false, length: 29 },
	{ year: 1996, month: 7, isLeap: false, length: 30 },
	{ year: 1996, month: 8, isLeap: false, length: 29 },
	{ year: 2060, month: 3, isLeap: false, length: 29 },
	{ year: 2060, month: 4, isLeap: false, length: 30 },
];

function monthLength(year: number, month: number, isLeap: boolean, tableLength: number): number {
	const fix = MONTH_LENGTH_FIXES.find((f) => f.year === year && f.month === month && f.isLeap === isLeap);
	return fix ? fix.length : tableLength;
}

let table: LunarYear[] | undefined;

function buildTable(): LunarYear[] {
	const years: LunarYear[] = [];
	// Lunar new year 1900 fell on 1900-01-31.
	let start = toDayNumber(1900, 1, 31);
	for (let year = FIRST_LUNAR_YEAR; year <= LAST_LUNAR_YEAR; year++) {
		const leap = getYearLeapMonth(year);
		const leapMonth = leap.leapMonth ?? 0;
		const months: LunarMonth[] = [];
		let monthStart = start;
		for (let month = 1; month <= 12; month++) {
			const length = monthLength(year, month, false, monthDays(year, month));
			months.push({ month, isLeap: false, start: monthStart, length });
			monthStart += length;
			if (month === leapMonth) {
				const leapLength = monthLength(year, month, true, leap.days);
				months.push({ month, isLeap: true, start: monthStart, length: leapLength });
				monthStart += leapLength;
			}
		}
		years.push({ start, leapMonth, months });
		start = monthStart;
	}
	return years;
}

function lunarTable(): LunarYear[] {
	if (!table) table = buildTable();
	return table;
}

/** The first day (day number) of the supported range, lunar 1900-01-01. */
export function firstLunarDayNumber(): number {
	return lunarTable()[0].start;
}

/** The last day (day number) of the supported range, the end of lunar year 2100. */
export function lastLunarDayNumber(): number {
	const last = lunarTable()[LAST_LUNAR_YEAR - FIRST_LUNAR_YEAR].months;
	const month = last[last.length - 1];
	return month.start + month.length - 1;
}

/** The lunar date of a Gregorian day, or undefined outside lunar years 1900-2100. */
export function toLunar(dayNumber: number): LunarDate | undefined {
	const years = lunarTable();
	if (dayNumber < years[0].start || dayNumber > lastLunarDayNumber()) return undefined;
	let lo = 0;
	let hi = years.length - 1;
	while (lo < hi) {
		const mid = (lo + hi + 1) >> 1;
		if (years[mid].start <= dayNumber) lo = mid;
		else hi = mid - 1;
	}
	const months = years[lo].months;
	let i = months.length - 1;
	while (months[i].start > dayNumber) i--;
	const m = months[i];
	return { year: FIRST_LUNAR_YEAR + lo, month: m.month, day: dayNumber - m.start + 1, isLeap: m.isLeap };
}

function findMonth(year: number, month: number, isLeap: boolean): LunarMonth | undefined {
	if (year < FIRST_LUNAR_YEAR || year > LAST_LUNAR_YEAR) return undefined;
	return lunarTable()[year - FIRST_LUNAR_YEAR].months.find((m) => m.month === month && m.isLeap === isLeap);
}

/** The leap month of a lunar year (0 for none). */
export function leapMonthOf(year: number): number {
	if (year < FIRST_LUNAR_YEAR || year > LAST_LUNAR_YEAR) return 0;
	return lunarTable()[year - FIRST_LUNAR_YEAR].leapMonth;
}

/** Days in a lunar month (29 or 30), or undefined when that month does not exist in that year. */
export function lunarMonthLength(year: number, month: number, isLeap = false): number | undefined {
	return findMonth(year, month, isLeap)?.length;
}

/** The Gregorian day number of a lunar date, or undefined when no such lunar date exists. */
export function fromLunar(date: LunarDate): number | undefined {
	const m = findMonth(date.year, date.month, date.isLeap);
	if (!m || !Number.isInteger(date.day) || date.day < 1 || date.day > m.length) return undefined;
	return m.start + date.day - 1;
}

/** The first day of a lunar year (Spring Festival, 春节) as a day number. */
export function lunarNewYear(year: number): number | undefined {
	if (year < FIRST_LUNAR_YEAR || year > LAST_LUNAR_YEAR) return undefined;
	return lunarTable()[year - FIRST_LUNAR_YEAR].start;
}

const MONTH_ZH = ['正', '二', '三', '四', '五', '六', '七', '八', '九', '十', '冬', '腊'];
const DAY_PREFIX_ZH = ['初', '十', '廿', '三'];
const DIGIT_ZH = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** "闰六月初十", "正月十五", "腊月三十". */
export function formatLunarZh(date: Pick<LunarDate, 'month' | 'day' | 'isLeap'>): string {
	const month = `${date.isLeap ? '闰' : ''}${MONTH_ZH[date.month - 1]}月`;
	let day: string;
	if (date.day === 10) day = '初十';
	else if (date.day === 20) day = '二十';
	else if (date.day === 30) day = '三十';
	else day = DAY_PREFIX_ZH[Math.floor(date.day / 10)] + DIGIT_ZH[date.day % 10];
	return month + day;
}

/** "leap 6/10", "1/15". */
export function formatLunarEn(date: Pick<LunarDate, 'month' | 'day' | 'isLeap'>): string {
	return `${date.isLeap ? 'leap ' : ''}${date.month}/${date.day}`;
}
