import {
	checkTimeZone,
	dayNumberFromIso,
	daysInMonth,
	festivalsBetween,
	formatDayNumber,
	formatLunarEn,
	formatLunarZh,
	fromDayNumber,
	fromLunar,
	leapMonthOf,
	localDayNumber,
	lunarMonthLength,
	observedGregorianDay,
	observedLunarDay,
	toDayNumber,
	toLunar,
	type Feb29Rule,
	type FestivalKey,
	type ObservedShift,
} from '../calendar';
import { ConfigError, getField, InputError, isEmpty, parseDate } from '../input';
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

export interface CustomerOccasions {
	window: { from: string; to: string };
	count: number;
	occasions: CareOccasion[];
	next: CareOccasion | null;
}

interface YearDate {
	year?: number;
	month: number;
	day: number;
	isLeap?: boolean;
}

interface Hit {
	dayNumber: number;
	year: number;
	shift?: ObservedShift;
}

interface ZoneWindow {
	asOfDay: number;
	from: number;
	to: number;
	gregorian: Map<number, Hit[]>;
	lunar: Map<number, Hit[]>;
	festivals: CareOccasion[];
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
	private readonly zones = new Map<string, ZoneWindow>();
	private readonly parsed = new Map<string, Map<string, YearDate | InputError>>();
	private readonly wanted: Set<OccasionType>;

	constructor(options: OccasionOptions) {
		this.options = options;
		this.wanted = new Set(options.types);
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
		let zone = this.zones.get(timeZone);
		if (zone) return zone;
		const asOfDay = localDayNumber(this.options.asOf, timeZone);
		const { window } = this.options;
		const from = window.mode === 'nextDays' ? asOfDay : dayNumberFromIso(window.date.slice(0, 10))!;
		const to = window.mode === 'nextDays' ? asOfDay + window.days : from;
		zone = { asOfDay, from, to, gregorian: new Map(), lunar: new Map(), festivals: [] };
		this.indexGregorian(zone);
		this.indexLunar(zone);
		const { language } = this.options;
		zone.festivals = festivalsBetween(from, to, this.options.festivals).map((f) => ({
			type: 'festival',
			key: f.key,
			label: language === 'zh-CN' ? f.zh : f.en,
			date: formatDayNumber(f.dayNumber),
			daysUntil: f.dayNumber - asOfDay,
		}));
		this.zones.set(timeZone, zone);
		return zone;
	}

	private indexGregorian(zone: ZoneWindow): void {
		const push = (key: number, hit: Hit) => {
			const list = zone.gregorian.get(key);
			if (list) list.push(hit);
			else zone.gregorian.set(key, [hit]);
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
						const list = zone.lunar.get(key);
						if (list) list.push(hit);
						else zone.lunar.set(key, [hit]);
					}
				}
			}
		}
	}

	private cached(column: string, value: unknown, read: () => YearDate): YearDate {
		if (typeof value !== 'string') return read();
		let byValue = this.parsed.get(column);
		if (!byValue) this.parsed.set(column, (byValue = new Map()));
		let entry = byValue.get(value);
		if (entry === undefined) {
			try {
				entry = read();
			} catch (error) {
				if (!(error instanceof InputError)) throw error;
				entry = error;
			}
			byValue.set(value, entry);
		}
		if (entry instanceof InputError) throw entry;
		return entry;
	}

	/** A Gregorian date (or month-day when `allowNoYear`) not after the as-of day. */
	private readDate(value: unknown, column: string, timeZone: string, asOfDay: number, allowNoYear: boolean): YearDate {
		return this.cached(`${column}\u0000${timeZone}`, value, () => {
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
		});
	}

	private notAfter(dayNumber: number, value: unknown, column: string, asOfDay: number): YearDate {
		if (dayNumber > asOfDay) {
			throw new InputError(column, value, `lies after the as-of date ${formatDayNumber(asOfDay)}`, 'a date in the past');
		}
		return fromDayNumber(dayNumber);
	}

	private readLunar(value: unknown, column: string): YearDate {
		return this.cached(column, value, () => {
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
				if (fromLunar({ year, month, day, isLeap })! > this.zone(this.options.defaultTimeZone).asOfDay) {
					throw new InputError(column, value, 'lies after the as-of date', 'a date in the past');
				}
			}
			return { year, month, day, isLeap };
		});
	}

	/** The occasions of one customer item; a date that cannot be used throws an InputError naming the column. */
	find(item: Record<string, unknown>, columns: OccasionColumns): CustomerOccasions {
		const rawZone = columns.timeZone ? getField(item, columns.timeZone) : undefined;
		const timeZone = isEmpty(rawZone) ? this.options.defaultTimeZone : checkTimeZone(rawZone, columns.timeZone);
		const zone = this.zone(timeZone);
		const { language } = this.options;
		const found: CareOccasion[] = [];
		const personal = (type: OccasionType, hits: Hit[] | undefined, start: YearDate, extra?: Partial<CareOccasion>) => {
			if (!hits) return;
			for (const hit of hits) {
				if (start.year !== undefined && hit.year <= start.year) continue;
				const span = start.year === undefined ? null : hit.year - start.year;
				const occasion: CareOccasion = {
					type,
					key: type,
					label: OCCASION_LABELS[type][language],
					date: formatDayNumber(hit.dayNumber),
					daysUntil: hit.dayNumber - zone.asOfDay,
					...extra,
				};
				if (type === 'birthday' || type === 'lunarBirthday') occasion.age = span;
				else if (span !== null) occasion.years = span;
				else continue;
				if (hit.shift) occasion.shift = hit.shift;
				found.push(occasion);
			}
		};

		const birthdayValue = columns.birthday ? getField(item, columns.birthday) : undefined;
		let birthday: YearDate | undefined;
		if (!isEmpty(birthdayValue)) birthday = this.readDate(birthdayValue, columns.birthday, timeZone, zone.asOfDay, true);
		if (birthday && this.wanted.has('birthday')) {
			personal('birthday', zone.gregorian.get(gregorianKey(birthday.month, birthday.day)), birthday);
		}
		if (this.wanted.has('lunarBirthday')) {
			const lunarValue = columns.lunarBirthday ? getField(item, columns.lunarBirthday) : undefined;
			let lunar: YearDate | undefined;
			if (!isEmpty(lunarValue)) lunar = this.readLunar(lunarValue, columns.lunarBirthday);
			else if (this.options.lunarFromBirthday && birthday?.year !== undefined) {
				const converted = toLunar(toDayNumber(birthday.year, birthday.month, birthday.day));
				if (converted) lunar = converted;
			}
			if (lunar) {
				const described = { month: lunar.month, day: lunar.day, isLeap: lunar.isLeap === true };
				personal('lunarBirthday', zone.lunar.get(lunarKey(lunar.month, lunar.day, lunar.isLeap === true)), lunar, {
					lunarDate: language === 'zh-CN' ? formatLunarZh(described) : formatLunarEn(described),
				});
			}
		}
		const anniversaries: Array<[OccasionType, string]> = [
			['membershipAnniversary', columns.memberSince],
			['firstPurchaseAnniversary', columns.firstPurchase],
		];
		for (const [type, column] of anniversaries) {
			if (!this.wanted.has(type) || !column) continue;
			const value = getField(item, column);
			if (isEmpty(value)) continue;
			const start = this.readDate(value, column, timeZone, zone.asOfDay, false);
			personal(type, zone.gregorian.get(gregorianKey(start.month, start.day)), start);
		}
		for (const festival of zone.festivals) found.push({ ...festival });
		found.sort((a, b) => a.daysUntil - b.daysUntil || TYPE_ORDER[a.type] - TYPE_ORDER[b.type] || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
		return {
			window: { from: formatDayNumber(zone.from), to: formatDayNumber(zone.to) },
			count: found.length,
			occasions: found,
			next: found[0] ?? null,
		};
	}

}
