import { observedGregorianDay, observedLunarDay, type Feb29Rule, type ObservedShift } from '../calendar/anniversary';
import { dayNumberFromIso, daysInMonth, formatDayNumber, fromDayNumber, toDayNumber } from '../calendar/civilDate';
import { festivalsBetween, type FestivalKey } from '../calendar/festivals';
import { formatLunarEn, formatLunarZh, fromLunar, leapMonthOf, lunarMonthLength, toLunar } from '../calendar/lunar';
import { checkTimeZone, localDayNumber } from '../calendar/timeZone';
import { parseDate } from '../input/dates';
import { ConfigError, InputError } from '../input/errors';
import { isEmpty } from '../input/fields';
import { fieldReader } from './fieldReader';
import { OCCASION_LABELS, type Language, type OccasionType } from './labels';

export interface OccasionColumns {
	birthday: string;
	lunarBirthday: string;
	memberSince: string;
	firstPurchase: string;
	timeZone: string;
}

export const DEFAULT_OCCASION_COLUMNS: OccasionColumns = {
	birthday: 'birthday',
	lunarBirthday: 'lunarBirthday',
	memberSince: 'memberSince',
	firstPurchase: 'firstPurchaseAt',
	timeZone: 'timeZone',
};

export type OccasionWindow = { mode: 'nextDays'; days: number } | { mode: 'onDate'; date: string };

export interface OccasionOptions {
	asOf: Date;
	defaultTimeZone: string;
	window: OccasionWindow;
	/** The personal occasions to look for; festivals are listed separately. */
	types: OccasionType[];
	festivals: FestivalKey[];
	feb29: Feb29Rule;
	/** When the lunar-birthday column is empty, take the lunar date of the Gregorian birthday. */
	lunarFromBirthday: boolean;
	language: Language;
}

export interface CareOccasion {
	type: OccasionType;
	/** The festival's key, or the occasion type for personal occasions. */
	key: string;
	label: string;
	/** The day it falls on (YYYY-MM-DD, local to the customer's time zone). */
	date: string;
	daysUntil: number;
	/** Birthdays: the age reached that day; null when the birth year is unknown. */
	age?: number | null;
	/** Anniversaries: how many years. */
	years?: number;
	/** Lunar birthdays: the lunar date, e.g. "闰六月初十" / "leap 6/10". */
	lunarDate?: string;
	/** When the observed day differs from the original date (29 February, leap month, 30th). */
	shift?: ObservedShift;
}

/**
 * What is the same for many customers (the window, the festivals, the whole result of a customer with
 * only festivals) is one frozen object shared by all of them: a million customers then cost a copy of
 * their item and little else. A later node that changes one in place fails instead of changing many.
 */
export interface CustomerOccasions {
	readonly window: Readonly<{ from: string; to: string }>;
	readonly count: number;
	readonly occasions: readonly CareOccasion[];
	readonly next: CareOccasion | null;
}

interface YearDate {
	year?: number;
	month: number;
	day: number;
	isLeap?: boolean;
	/** For a birthday read from text: its lunar date, worked out once (null outside the lunar data). */
	lunar?: YearDate | null;
}

type DateCache = Map<string, YearDate | InputError>;

interface Hit {
	dayNumber: number;
	year: number;
	shift?: ObservedShift;
}

interface ZoneWindow {
	asOfDay: number;
	/** Parsed date texts per column, for this zone (a date-time's local day depends on the zone). */
	birthdays: DateCache;
	memberSince: DateCache;
	firstPurchases: DateCache;
	lunarBirthdays: DateCache;
	/** The lunar date as written in the occasion, by lunar key. */
	lunarTexts: Map<number, string>;
	window: Readonly<{ from: string; to: string }>;
	from: number;
	to: number;
	/** Hits by gregorianKey / lunarKey: small integers, so plain arrays rather than maps. */
	gregorian: Array<Hit[] | undefined>;
	lunar: Array<Hit[] | undefined>;
	festivals: readonly CareOccasion[];
	/** The result of every customer with no personal occasion in this zone's window. */
	festivalsOnly: CustomerOccasions;
}

const TYPE_ORDER: Record<OccasionType, number> = {
	birthday: 0,
	lunarBirthday: 1,
	membershipAnniversary: 2,
	firstPurchaseAnniversary: 3,
	festival: 4,
};
const MAX_WINDOW_DAYS = 366;
const MONTH_DAY = /^(?:--)?(\d{1,2})-(\d{1,2})$/;
const LUNAR_TEXT = /^(?:(\d{4})-)?(L|闰)?(\d{1,2})-(\d{1,2})$/i;
export const LUNAR_DATE_EXPECTED = 'a lunar date as YYYY-MM-DD or MM-DD, leap months marked L or 闰 before the month (2025-L06-10, 2025-闰06-10)';

const gregorianKey = (month: number, day: number) => month * 32 + day;
const lunarKey = (month: number, day: number, isLeap: boolean) => (month * 31 + day) * 2 + (isLeap ? 1 : 0);

/**
 * Finds birthdays (Gregorian and lunar), membership and first-purchase anniversaries and festivals
 * within a window of days. Each window is indexed once per time zone (every month/day and lunar
 * month/day that falls in it), and each distinct date text is parsed once, so a customer costs a few
 * map lookups: a million customers take about a second.
 */
export class OccasionFinder {
	private readonly options: OccasionOptions;
	private readonly columns: OccasionColumns;
	private readonly zones = new Map<string, ZoneWindow>();
	/** Which personal occasions to look for. */
	private readonly wanted: Record<Exclude<OccasionType, 'festival'>, boolean>;
	/** Column readers; undefined for a column that is not mapped. */
	private readonly read: Record<keyof OccasionColumns, ((item: Record<string, unknown>) => unknown) | undefined>;
	private lastZoneName: string | undefined;
	private lastZone: ZoneWindow | undefined;
	/** Personal occasions of the customer being looked at; reused, copied out at the exact size. */
	private readonly personal: CareOccasion[] = [];

	constructor(options: OccasionOptions, columns: OccasionColumns = DEFAULT_OCCASION_COLUMNS) {
		this.options = options;
		this.columns = columns;
		const types = new Set(options.types);
		this.wanted = {
			birthday: types.has('birthday'),
			lunarBirthday: types.has('lunarBirthday'),
			membershipAnniversary: types.has('membershipAnniversary'),
			firstPurchaseAnniversary: types.has('firstPurchaseAnniversary'),
		};
		const reader = (column: string) => (column ? fieldReader(column) : undefined);
		this.read = {
			birthday: reader(columns.birthday),
			lunarBirthday: reader(columns.lunarBirthday),
			memberSince: reader(columns.memberSince),
			firstPurchase: reader(columns.firstPurchase),
			timeZone: reader(columns.timeZone),
		};
		if (options.window.mode === 'nextDays') {
			const { days } = options.window;
			if (!Number.isInteger(days) || days < 0 || days > MAX_WINDOW_DAYS) {
				throw new ConfigError(`Look-ahead ${days} is not valid (expected a whole number of days from 0 to ${MAX_WINDOW_DAYS})`);
			}
		} else if (dayNumberFromIso(String(options.window.date).slice(0, 10)) === undefined) {
			throw new ConfigError(`Date "${options.window.date}" is not a date (expected YYYY-MM-DD)`);
		}
	}

	private zone(timeZone: string): ZoneWindow {
		if (timeZone === this.lastZoneName) return this.lastZone!;
		let zone = this.zones.get(timeZone);
		if (zone) {
			this.lastZoneName = timeZone;
			this.lastZone = zone;
			return zone;
		}
		const asOfDay = localDayNumber(this.options.asOf, timeZone);
		const { window } = this.options;
		const from = window.mode === 'nextDays' ? asOfDay : dayNumberFromIso(window.date.slice(0, 10))!;
		const to = window.mode === 'nextDays' ? asOfDay + window.days : from;
		zone = {
			asOfDay,
			birthdays: new Map(),
			memberSince: new Map(),
			firstPurchases: new Map(),
			lunarBirthdays: new Map(),
			lunarTexts: new Map(),
			window: Object.freeze({ from: formatDayNumber(from), to: formatDayNumber(to) }),
			from,
			to,
			gregorian: new Array(gregorianKey(12, 31) + 1),
			lunar: new Array(lunarKey(12, 30, true) + 1),
			festivals: [],
			festivalsOnly: undefined!,
		};
		this.indexGregorian(zone);
		this.indexLunar(zone);
		const { language } = this.options;
		const festivals = festivalsBetween(from, to, this.options.festivals)
			.map((f): CareOccasion => ({
				type: 'festival',
				key: f.key,
				label: language === 'zh-CN' ? f.zh : f.en,
				date: formatDayNumber(f.dayNumber),
				daysUntil: f.dayNumber - asOfDay,
			}))
			.sort(compareOccasions)
			.map((festival) => Object.freeze(festival));
		zone.festivals = Object.freeze(festivals);
		zone.festivalsOnly = Object.freeze({ window: zone.window, count: festivals.length, occasions: zone.festivals, next: zone.festivals[0] ?? null });
		this.zones.set(timeZone, zone);
		this.lastZoneName = timeZone;
		this.lastZone = zone;
		return zone;
	}

	private indexGregorian(zone: ZoneWindow): void {
		const push = (key: number, hit: Hit) => {
			const list = zone.gregorian[key];
			if (list) list.push(hit);
			else zone.gregorian[key] = [hit];
		};
		for (let year = fromDayNumber(zone.from).year; year <= fromDayNumber(zone.to).year; year++) {
			for (let month = 1; month <= 12; month++) {
				for (let day = 1; day <= daysInMonth(2000, month); day++) {
					const observed = observedGregorianDay(year, month, day, this.options.feb29);
					if (observed.dayNumber >= zone.from && observed.dayNumber <= zone.to) {
						push(gregorianKey(month, day), { dayNumber: observed.dayNumber, year, shift: observed.shift });
					}
				}
			}
		}
	}

	private indexLunar(zone: ZoneWindow): void {
		const first = toLunar(zone.from);
		const last = toLunar(zone.to);
		if (!first || !last) return;
		for (let year = first.year; year <= last.year; year++) {
			for (let month = 1; month <= 12; month++) {
				for (let day = 1; day <= 30; day++) {
					for (const isLeap of [false, true]) {
						const observed = observedLunarDay(year, month, day, isLeap);
						if (!observed || observed.dayNumber < zone.from || observed.dayNumber > zone.to) continue;
						const key = lunarKey(month, day, isLeap);
						const hit = { dayNumber: observed.dayNumber, year, shift: observed.shift };
						const list = zone.lunar[key];
						if (list) list.push(hit);
						else zone.lunar[key] = [hit];
					}
				}
			}
		}
	}

	/**
	 * A Gregorian date (or month-day when `allowNoYear`) not after the as-of day. Each distinct text is
	 * parsed once per column and zone; errors are remembered too.
	 */
	private readDate(value: unknown, column: string, timeZone: string, zone: ZoneWindow, cache: DateCache, allowNoYear: boolean): YearDate {
		if (typeof value !== 'string') return this.parseDate(value, column, timeZone, zone.asOfDay, allowNoYear);
		let entry = cache.get(value);
		if (entry === undefined) {
			try {
				entry = this.parseDate(value, column, timeZone, zone.asOfDay, allowNoYear);
			} catch (error) {
				if (!(error instanceof InputError)) throw error;
				entry = error;
			}
			cache.set(value, entry);
		}
		if (entry instanceof InputError) throw entry;
		return entry;
	}

	private parseDate(value: unknown, column: string, timeZone: string, asOfDay: number, allowNoYear: boolean): YearDate {
		if (typeof value === 'string') {
			const text = value.trim();
			const md = allowNoYear ? MONTH_DAY.exec(text) : null;
			if (md) {
				const [month, day] = [Number(md[1]), Number(md[2])];
				if (month < 1 || month > 12 || day < 1 || day > daysInMonth(2000, month)) {
					throw new InputError(column, value, 'is not a date', 'YYYY-MM-DD, or MM-DD when the year is unknown');
				}
				return { month, day };
			}
			const quick = dayNumberFromIso(text);
			if (quick !== undefined) return this.notAfter(quick, value, column, asOfDay);
		}
		const instant = parseDate(value, column, { timeZone });
		return this.notAfter(localDayNumber(instant, timeZone), value, column, asOfDay);
	}

	private notAfter(dayNumber: number, value: unknown, column: string, asOfDay: number): YearDate {
		if (dayNumber > asOfDay) {
			throw new InputError(column, value, `lies after the as-of date ${formatDayNumber(asOfDay)}`, 'a date in the past');
		}
		return fromDayNumber(dayNumber);
	}

	/** A lunar date text, parsed once per text and zone (the as-of check depends on the zone). */
	private readLunar(value: unknown, column: string, zone: ZoneWindow): YearDate {
		if (typeof value !== 'string') return this.parseLunar(value, column, zone.asOfDay);
		let entry = zone.lunarBirthdays.get(value);
		if (entry === undefined) {
			try {
				entry = this.parseLunar(value, column, zone.asOfDay);
			} catch (error) {
				if (!(error instanceof InputError)) throw error;
				entry = error;
			}
			zone.lunarBirthdays.set(value, entry);
		}
		if (entry instanceof InputError) throw entry;
		return entry;
	}

	private parseLunar(value: unknown, column: string, asOfDay: number): YearDate {
		const m = typeof value === 'string' ? LUNAR_TEXT.exec(value.trim()) : null;
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
			if (day > length) {
				throw new InputError(column, value, `is not a lunar date: that month of ${year} has ${length} days`, LUNAR_DATE_EXPECTED);
			}
			if (fromLunar({ year, month, day, isLeap })! > asOfDay) {
				throw new InputError(column, value, `lies after the as-of date ${formatDayNumber(asOfDay)}`, 'a date in the past');
			}
		}
		return { year, month, day, isLeap };
	}

	/** Adds the occasions of one personal date found in the window, keeping `found` sorted. */
	private addPersonal(
		found: CareOccasion[],
		zone: ZoneWindow,
		type: OccasionType,
		hits: Hit[] | undefined,
		start: YearDate,
		lunarDate?: string,
	): void {
		if (!hits) return;
		for (const hit of hits) {
			if (start.year !== undefined && hit.year <= start.year) continue;
			const span = start.year === undefined ? null : hit.year - start.year;
			const occasion: CareOccasion = {
				type,
				key: type,
				label: OCCASION_LABELS[type][this.options.language],
				date: formatDayNumber(hit.dayNumber),
				daysUntil: hit.dayNumber - zone.asOfDay,
			};
			if (type === 'birthday' || type === 'lunarBirthday') occasion.age = span;
			else if (span !== null) occasion.years = span;
			if (lunarDate !== undefined) occasion.lunarDate = lunarDate;
			if (hit.shift) occasion.shift = hit.shift;
			// Insertion in order (stable, like a sort of the list): a customer has only a few of these.
			let i = found.length;
			found.push(occasion);
			for (; i > 0 && compareOccasions(found[i - 1], occasion) > 0; i--) found[i] = found[i - 1];
			found[i] = occasion;
		}
	}

	/** The lunar birthday to look for: the lunar column, or the lunar date of the Gregorian birthday. */
	private lunarBirthday(item: Record<string, unknown>, birthday: YearDate | undefined, zone: ZoneWindow): YearDate | undefined {
		const { columns } = this;
		const lunarValue = this.read.lunarBirthday?.(item);
		if (!isEmpty(lunarValue)) return this.readLunar(lunarValue, columns.lunarBirthday, zone);
		if (!this.options.lunarFromBirthday || birthday?.year === undefined) return undefined;
		if (birthday.lunar === undefined) birthday.lunar = toLunar(toDayNumber(birthday.year, birthday.month, birthday.day)) ?? null;
		return birthday.lunar ?? undefined;
	}

	private lunarText(zone: ZoneWindow, key: number, lunar: YearDate): string {
		let text = zone.lunarTexts.get(key);
		if (text === undefined) {
			const described = { month: lunar.month, day: lunar.day, isLeap: lunar.isLeap === true };
			text = this.options.language === 'zh-CN' ? formatLunarZh(described) : formatLunarEn(described);
			zone.lunarTexts.set(key, text);
		}
		return text;
	}

	/** The occasions of one customer item; a date that cannot be used throws an InputError naming the column. */
	find(item: Record<string, unknown>): CustomerOccasions {
		const { columns, read } = this;
		const rawZone = read.timeZone?.(item);
		const timeZone = isEmpty(rawZone) ? this.options.defaultTimeZone : checkTimeZone(rawZone, columns.timeZone);
		const zone = this.zone(timeZone);
		const found = this.personal;
		if (found.length > 0) found.length = 0;

		const birthdayValue = read.birthday?.(item);
		let birthday: YearDate | undefined;
		if (!isEmpty(birthdayValue)) birthday = this.readDate(birthdayValue, columns.birthday, timeZone, zone, zone.birthdays, true);
		if (birthday && this.wanted.birthday) {
			this.addPersonal(found, zone, 'birthday', zone.gregorian[gregorianKey(birthday.month, birthday.day)], birthday);
		}
		if (this.wanted.lunarBirthday) {
			const lunar = this.lunarBirthday(item, birthday, zone);
			const key = lunar && lunarKey(lunar.month, lunar.day, lunar.isLeap === true);
			const hits = lunar && zone.lunar[key!];
			if (lunar && hits) this.addPersonal(found, zone, 'lunarBirthday', hits, lunar, this.lunarText(zone, key!, lunar));
		}
		if (this.wanted.membershipAnniversary && read.memberSince) {
			const value = read.memberSince(item);
			if (!isEmpty(value)) {
				const start = this.readDate(value, columns.memberSince, timeZone, zone, zone.memberSince, false);
				this.addPersonal(found, zone, 'membershipAnniversary', zone.gregorian[gregorianKey(start.month, start.day)], start);
			}
		}
		if (this.wanted.firstPurchaseAnniversary && read.firstPurchase) {
			const value = read.firstPurchase(item);
			if (!isEmpty(value)) {
				const start = this.readDate(value, columns.firstPurchase, timeZone, zone, zone.firstPurchases, false);
				this.addPersonal(found, zone, 'firstPurchaseAnniversary', zone.gregorian[gregorianKey(start.month, start.day)], start);
			}
		}
		if (found.length === 0) return zone.festivalsOnly;
		const occasions = mergeWithFestivals(found, zone.festivals);
		return { window: zone.window, count: occasions.length, occasions, next: occasions[0] ?? null };
	}
}

/**
 * The sorted personal occasions and the festivals (already in order) in one array of the exact size:
 * a million customers' lists are kept in memory, so no spare capacity and no sort buffer. On a tie
 * the personal occasion comes first, as a stable sort of personal-then-festival would give.
 */
function mergeWithFestivals(personal: CareOccasion[], festivals: readonly CareOccasion[]): CareOccasion[] {
	const occasions: CareOccasion[] = new Array(personal.length + festivals.length);
	let p = 0;
	let f = 0;
	for (let i = 0; i < occasions.length; i++) {
		if (f >= festivals.length || (p < personal.length && compareOccasions(personal[p], festivals[f]) <= 0)) {
			occasions[i] = personal[p++];
		} else {
			occasions[i] = festivals[f++];
		}
	}
	return occasions;
}

function compareOccasions(a: CareOccasion, b: CareOccasion): number {
	return a.daysUntil - b.daysUntil || TYPE_ORDER[a.type] - TYPE_ORDER[b.type] || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}
