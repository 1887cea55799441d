import { InputError } from './errors';
import { isEmpty } from './fields';
import { luxonDate } from './luxon';
import { offsetMs, wallClockInstant } from './wallClock';

export const DATE_FORMS = 'ISO 8601, YYYY-MM-DD, YYYY/MM/DD, YYYYMMDD or epoch seconds/milliseconds';

const DATE_ONLY = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/;
const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})$/;
const ISO_DATE_TIME =
	/^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const EPOCH = /^-?\d{9,13}$/;
/** Below this an epoch number is taken as seconds (1e11 s is the year 5138; 1e11 ms is 1973). */
const EPOCH_SECONDS_LIMIT = 1e11;

/**
 * The dates a customer record can plausibly hold (purchases, birthdays, contract ends, revisits):
 * from 1900-01-01 up to, not including, 2200-01-01, on the calendar of the zone dates are read in (UTC
 * unless given: see inPlausibleRange). Anything outside is a mistake upstream (a count in a date column,
 * microseconds, 0 or -1 for "none") and an item error, never a date.
 */
export const PLAUSIBLE_DATES: DateRange = { from: Date.UTC(1900, 0, 1), to: Date.UTC(2200, 0, 1) };

export interface DateRange {
	/** Earliest allowed instant, epoch ms (inclusive). */
	from: number;
	/** End of the allowed range, epoch ms (exclusive). */
	to: number;
}

export interface DateOptions {
	/** IANA zone for dates and date-times written without an offset. Default UTC. */
	timeZone?: string;
	/** Allowed dates; PLAUSIBLE_DATES unless given. */
	range?: DateRange;
}

/** A number is an epoch only with the digits an epoch text has: 9-11 (seconds) or 12-13 (milliseconds). */
function isEpochNumber(n: number): boolean {
	const size = Math.abs(n);
	return Number.isInteger(n) && size >= 1e8 && size < 1e13;
}

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

const DAY_MS = 86_400_000;

/**
 * Whether an instant lies in the range as the zone's calendar counts it: midnight of 1900-01-01 in
 * Shanghai is 1899-12-31T15:54:17Z, and a date written 1900-01-01 is in range in every zone. Only an
 * instant within a day of an end needs the zone's offset.
 */
function inPlausibleRange(ms: number, range: DateRange, timeZone: string | undefined): boolean {
	if (ms >= range.from && ms < range.to) return true;
	if (!timeZone || timeZone === 'UTC' || ms < range.from - DAY_MS || ms >= range.to + DAY_MS) return false;
	const wallMs = ms + offsetMs(timeZone, ms);
	return wallMs >= range.from && wallMs < range.to;
}

/** "a date from 1900-01-01 to 2199-12-31": a range as error messages name it. */
export function dateRangeText(range: DateRange): string {
	return `a date from ${isoDay(range.from)} to ${isoDay(range.to - 1)}`;
}

/** What a refused date was expected to be: the range, and the forms. */
function expectedDate(range: DateRange): string {
	return `${dateRangeText(range)} (${DATE_FORMS})`;
}

/** What a number, or a text of digits, refused as a date was expected to be: the range, and an epoch's digits. */
function expectedEpoch(range: DateRange): string {
	return `${dateRangeText(range)}: epoch seconds (9-11 digits) or milliseconds (12-13 digits), or ${DATE_FORMS}`;
}

/** A number written as text (digits, a minus, a fraction); one fromText did not read is not an epoch's digits. */
const NUMBER_TEXT = /^-?\d+(?:\.\d+)?$/;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isRealDate(year: number, month: number, day: number): boolean {
	if (month < 1 || month > 12 || day < 1) return false;
	const leap = month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
	return day <= DAYS_IN_MONTH[month - 1] + (leap ? 1 : 0);
}

/** Date.UTC, except that years 0-99 stay years 0-99 (Date.UTC reads them as 1900-1999). */
function utcMs(y: number, mo: number, d: number, h: number, mi: number, s: number, ms: number): number {
	if (y >= 100) return Date.UTC(y, mo - 1, d, h, mi, s, ms);
	const date = new Date(Date.UTC(2000, mo - 1, d, h, mi, s, ms));
	date.setUTCFullYear(y);
	return date.getTime();
}

function wallClock(parts: number[], timeZone: string | undefined): Date {
	const [y, mo, d, h = 0, mi = 0, s = 0, ms = 0] = parts;
	// Years before 100 are out of range whatever the zone; utcMs keeps them out of 1900-1999.
	if (!timeZone || timeZone === 'UTC' || y < 100) return new Date(utcMs(y, mo, d, h, mi, s, ms));
	return new Date(wallClockInstant(utcMs(y, mo, d, h, mi, s, ms), timeZone));
}

function fromEpoch(n: number): Date {
	return new Date(Math.abs(n) < EPOCH_SECONDS_LIMIT ? n * 1000 : n);
}

/** No time zone is more than 14 hours from UTC: an offset such as +25:00 or +05:99 is a mistake, not a date. */
const MAX_OFFSET_HOURS = 14;

/** The offset in minutes, or undefined when it is no real offset. */
function offsetMinutes(offset: string): number | undefined {
	if (offset.toUpperCase() === 'Z') return 0;
	const sign = offset.startsWith('-') ? -1 : 1;
	const digits = offset.slice(1).replace(':', '');
	const hours = Number(digits.slice(0, 2));
	const minutes = Number(digits.slice(2) || 0);
	if (hours > MAX_OFFSET_HOURS || minutes > 59 || (hours === MAX_OFFSET_HOURS && minutes > 0)) return undefined;
	return sign * (hours * 60 + minutes);
}

function fromText(text: string, options: DateOptions): Date | undefined {
	let m = DATE_ONLY.exec(text) ?? COMPACT_DATE.exec(text);
	if (m) {
		const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
		return isRealDate(y, mo, d) ? wallClock([y, mo, d], options.timeZone) : undefined;
	}
	m = ISO_DATE_TIME.exec(text);
	if (m) {
		const [y, mo, d, h, mi] = [1, 2, 3, 4, 5].map((i) => Number(m![i]));
		const s = Number(m[6] ?? 0);
		const ms = m[7] ? Math.round(Number(`0.${m[7]}`) * 1000) : 0;
		if (!isRealDate(y, mo, d) || h > 24 || mi > 59 || s > 59 || (h === 24 && (mi > 0 || s > 0))) return undefined;
		if (!m[8]) return wallClock([y, mo, d, h, mi, s, ms], options.timeZone);
		const offset = offsetMinutes(m[8]);
		if (offset === undefined) return undefined;
		return new Date(utcMs(y, mo, d, h, mi, s, ms) - offset * 60_000);
	}
	if (EPOCH.test(text)) return fromEpoch(Number(text));
	return undefined;
}

/** Full-width digits and the signs, points, slash and colon of dates (U+FF0B-FF1A), each 0xFEE0 above its half-width form. */
const FULL_WIDTH_DATE_CHARS = /[\uFF0B-\uFF1A]/g;
/** A date as Chinese sources write it: 2026年3月5日. */
const CHINESE_DATE = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/;

/**
 * A text the forms above did not read, written another way they can: full-width digits and punctuation
 * (２０２６-０３-０５, as Chinese input methods type them) as half-width, and 2026年3月5日 as 2026-3-5.
 * Undefined when there is nothing to rewrite. Only tried after the usual forms failed, so it costs
 * nothing on the texts databases give.
 */
function halfWidthDate(text: string): string | undefined {
	const half = text.replace(FULL_WIDTH_DATE_CHARS, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
	const chinese = CHINESE_DATE.exec(half);
	if (chinese) return `${chinese[1]}-${chinese[2]}-${chinese[3]}`;
	return half === text ? undefined : half;
}

/**
 * THE date parser of the package: every date read from an item goes through it. Reads the forms ERP
 * and CRM exports use; impossible calendar dates (2024-02-30) are rejected rather than rolled over;
 * dates without an offset are read in `options.timeZone` (UTC). A number is an epoch only when it
 * has an epoch's digits (0, -1, 1e-320 or microseconds are not), and every date must lie in
 * `options.range` (PLAUSIBLE_DATES): errors name the field, the value and the expected range.
 */
export function parseDate(value: unknown, field: string, options: DateOptions = {}): Date {
	const range = options.range ?? PLAUSIBLE_DATES;
	if (isEmpty(value)) throw new InputError(field, value, 'is empty', expectedDate(range));
	let parsed: Date | undefined;
	if (value instanceof Date) parsed = value;
	else if (typeof value === 'number') {
		if (Number.isFinite(value) && !isEpochNumber(value)) {
			throw new InputError(field, value, 'is a number but not an epoch time', expectedEpoch(range));
		}
		parsed = Number.isFinite(value) ? fromEpoch(value) : undefined;
	} else if (typeof value === 'string') {
		let text = value.trim();
		parsed = fromText(text, options);
		const other = parsed ? undefined : halfWidthDate(text);
		if (other !== undefined) parsed = fromText((text = other), options);
		// "12", "20240" or microseconds as text: the same explanation as the number ("20241399" is no YYYYMMDD date either).
		if (!parsed && NUMBER_TEXT.test(text)) {
			throw new InputError(field, value, `is a number but not an epoch time${/^\d{8}$/.test(text) ? ' nor a real YYYYMMDD date' : ''}`, expectedEpoch(range));
		}
	} else parsed = luxonDate(value);
	if (!parsed || Number.isNaN(parsed.getTime())) {
		throw new InputError(field, value, 'is not a date', expectedDate(range));
	}
	const ms = parsed.getTime();
	if (!inPlausibleRange(ms, range, options.timeZone)) {
		throw new InputError(field, value, `is ${parsed.toISOString()}, outside the plausible range`, expectedDate(range));
	}
	return parsed;
}

/** Like parseDate, and the date may not lie after `asOf`. */
export function parseDateNotAfter(value: unknown, field: string, asOf: Date, options: DateOptions = {}): Date {
	const date = parseDate(value, field, options);
	if (date.getTime() > asOf.getTime()) {
		throw new InputError(field, value, `lies after the as-of date ${asOf.toISOString()}`, `a date on or before ${asOf.toISOString()}`);
	}
	return date;
}
