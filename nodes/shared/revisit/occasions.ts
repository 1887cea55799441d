import { formatDayNumber, toDayNumber } from '../calendar/civilDate';
import { formatLunarEn, formatLunarZh, toLunar } from '../calendar/lunar';
import { checkTimeZone } from '../calendar/timeZone';
import { isEmpty } from '../input/fields';
import { fieldReader } from './fieldReader';
import { OCCASION_LABELS, type OccasionType } from './labels';
import { parseLunarDate, parsePastDate, type YearlyDate } from './occasionDates';
import {
	checkOccasionWindow,
	compareOccasions,
	DEFAULT_OCCASION_COLUMNS,
	type CareOccasion,
	type CustomerOccasions,
	type OccasionColumns,
	type OccasionOptions,
} from './occasionOptions';
import { zoneWindow, type Hit, type ZoneWindow } from './occasionWindow';
import { TextMemo } from './textMemo';

export * from './occasionOptions';
export { LUNAR_DATE_EXPECTED } from './occasionDates';

type PersonalType = Exclude<OccasionType, 'festival'>;
type DateColumn = 'birthday' | 'lunarBirthday' | 'memberSince' | 'firstPurchase';

/** One zone's window and its date readers: a date-time's local day depends on the zone. */
interface Zone {
	window: ZoneWindow;
	dates: Record<DateColumn, TextMemo<YearlyDate>>;
}

/**
 * Finds birthdays (Gregorian and lunar), membership and first-purchase anniversaries and festivals
 * within a window of days. Each window is indexed once per time zone (every month/day and lunar
 * month/day that falls in it), and each distinct date text is parsed once per column and zone, so a
 * customer costs a few map lookups: a million customers take about a second.
 */
export class OccasionFinder {
	private readonly zones = new Map<string, Zone>();
	private readonly wanted: ReadonlySet<OccasionType>;
	/** Column readers; undefined for a column that is not mapped. */
	private readonly read: Record<keyof OccasionColumns, ((item: Record<string, unknown>) => unknown) | undefined>;

	constructor(
		private readonly options: OccasionOptions,
		private readonly columns: OccasionColumns = DEFAULT_OCCASION_COLUMNS,
	) {
		checkOccasionWindow(options.window);
		this.wanted = new Set(options.types);
		const reader = (column: string) => (column ? fieldReader(column) : undefined);
		this.read = {
			birthday: reader(columns.birthday),
			lunarBirthday: reader(columns.lunarBirthday),
			memberSince: reader(columns.memberSince),
			firstPurchase: reader(columns.firstPurchase),
			timeZone: reader(columns.timeZone),
		};
	}

	private zone(timeZone: string): Zone {
		let zone = this.zones.get(timeZone);
		if (!zone) {
			const window = zoneWindow(timeZone, this.options);
			const { asOfDay } = window;
			const { columns } = this;
			const gregorian = (column: string, allowNoYear: boolean) =>
				new TextMemo((value) => parsePastDate(value, column, timeZone, asOfDay, allowNoYear));
			zone = {
				window,
				dates: {
					birthday: gregorian(columns.birthday, true),
					memberSince: gregorian(columns.memberSince, false),
					firstPurchase: gregorian(columns.firstPurchase, false),
					lunarBirthday: new TextMemo((value) => parseLunarDate(value, columns.lunarBirthday, asOfDay)),
				},
			};
			this.zones.set(timeZone, zone);
		}
		return zone;
	}

	/** A mapped date column's value, read; undefined when the column is not mapped or the item has no value. */
	private date(item: Record<string, unknown>, zone: Zone, column: DateColumn): YearlyDate | undefined {
		const value = this.read[column]?.(item);
		return isEmpty(value) ? undefined : zone.dates[column].read(value);
	}

	/** The lunar birthday to look for: the lunar column, or the lunar date of the Gregorian birthday. */
	private lunarBirthday(item: Record<string, unknown>, birthday: YearlyDate | undefined, zone: Zone): YearlyDate | undefined {
		const lunar = this.date(item, zone, 'lunarBirthday');
		if (lunar || !this.options.lunarFromBirthday || birthday?.year === undefined) return lunar;
		if (birthday.lunar === undefined) birthday.lunar = toLunar(toDayNumber(birthday.year, birthday.month, birthday.day)) ?? null;
		return birthday.lunar ?? undefined;
	}

	private lunarText(lunar: YearlyDate): string {
		const described = { month: lunar.month, day: lunar.day, isLeap: lunar.isLeap === true };
		return this.options.language === 'zh-CN' ? formatLunarZh(described) : formatLunarEn(described);
	}

	/** The occasions of one personal date observed in the window (none before the year it started). */
	private occasions(found: CareOccasion[], asOfDay: number, type: PersonalType, hits: Hit[] | undefined, start: YearlyDate, lunarDate?: string): void {
		if (!hits) return;
		for (const hit of hits) {
			if (start.year !== undefined && hit.year <= start.year) continue;
			const span = start.year === undefined ? null : hit.year - start.year;
			const occasion: CareOccasion = {
				type,
				key: type,
				label: OCCASION_LABELS[type][this.options.language],
				date: formatDayNumber(hit.dayNumber),
				daysUntil: hit.dayNumber - asOfDay,
			};
			if (type === 'birthday' || type === 'lunarBirthday') occasion.age = span;
			else if (span !== null) occasion.years = span;
			if (lunarDate !== undefined) occasion.lunarDate = lunarDate;
			if (hit.shift) occasion.shift = hit.shift;
			found.push(occasion);
		}
	}

	/** The occasions of one customer item; a date that cannot be used throws an InputError naming the column. */
	find(item: Record<string, unknown>): CustomerOccasions {
		const rawZone = this.read.timeZone?.(item);
		const timeZone = isEmpty(rawZone) ? this.options.defaultTimeZone : checkTimeZone(rawZone, this.columns.timeZone);
		const zone = this.zone(timeZone);
		const { window } = zone;
		const found: CareOccasion[] = [];

		const birthday = this.date(item, zone, 'birthday');
		if (birthday && this.wanted.has('birthday')) {
			this.occasions(found, window.asOfDay, 'birthday', window.gregorian.get(birthday.month, birthday.day), birthday);
		}
		if (this.wanted.has('lunarBirthday')) {
			const lunar = this.lunarBirthday(item, birthday, zone);
			const hits = lunar && (lunar.isLeap ? window.leapLunar : window.lunar).get(lunar.month, lunar.day);
			if (hits) this.occasions(found, window.asOfDay, 'lunarBirthday', hits, lunar!, this.lunarText(lunar!));
		}
		for (const [type, column] of ANNIVERSARIES) {
			if (!this.wanted.has(type)) continue;
			const start = this.date(item, zone, column);
			if (start) this.occasions(found, window.asOfDay, type, window.gregorian.get(start.month, start.day), start);
		}
		if (found.length === 0) return window.festivalsOnly;
		// A stable sort keeps personal occasions before the festivals of the same day and type order.
		const occasions = found.concat(window.festivals).sort(compareOccasions);
		return { window: window.window, count: occasions.length, occasions, next: occasions[0] };
	}
}

const ANNIVERSARIES: ReadonlyArray<[PersonalType, DateColumn]> = [
	['membershipAnniversary', 'memberSince'],
	['firstPurchaseAnniversary', 'firstPurchase'],
];
