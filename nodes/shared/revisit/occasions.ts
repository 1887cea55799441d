import { formatDayNumber, toDayNumber } from '../calendar/civilDate';
import { formatLunarEn, formatLunarZh, toLunar } from '../calendar/lunar';
import { checkTimeZone } from '../calendar/timeZone';
import { isLunarFestival } from '../calendar/festivals';
import { columnReaders, isEmpty, type FieldReader } from '../input/fields';
import { OCCASION_LABELS, type OccasionType } from './labels';
import { parseLunarDate, parsePastDate, yearly, type YearlyDate } from './occasionDates';
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

/** One date column in one zone: its field reader (none when not mapped) and its remembered parses. */
class DateColumnReader {
	constructor(
		private readonly field: FieldReader | undefined,
		private readonly memo: TextMemo<YearlyDate>,
	) {}

	of(item: Record<string, unknown>): YearlyDate | undefined {
		if (this.field === undefined) return undefined;
		const value = this.field(item);
		return isEmpty(value) ? undefined : this.memo.read(value);
	}
}

/** One zone's window and its date columns: a date-time's local day depends on the zone. */
interface Zone {
	window: ZoneWindow;
	birthday: DateColumnReader;
	lunarBirthday: DateColumnReader;
	memberSince: DateColumnReader;
	firstPurchase: DateColumnReader;
}

/**
 * Finds birthdays (Gregorian and lunar), membership and first-purchase anniversaries and festivals
 * within a window of days. Each window is indexed once per time zone (every month/day and lunar
 * month/day that falls in it), and each distinct date text is parsed once per column and zone, so a
 * customer costs a few map lookups: a million customers take about a second.
 */
export class OccasionFinder {
	private readonly zones = new Map<string, Zone>();
	private readonly wanted: Record<PersonalType, boolean>;
	/** The personal occasions of the customer being looked at: one array, reused. */
	private readonly found: CareOccasion[] = [];
	private lastZoneName: string | undefined;
	private lastZone: Zone | undefined;
	/** Column readers; undefined for a column that is not mapped. */
	private readonly read: Record<keyof OccasionColumns, FieldReader | undefined>;

	constructor(
		private readonly options: OccasionOptions,
		private readonly columns: OccasionColumns = DEFAULT_OCCASION_COLUMNS,
	) {
		checkOccasionWindow(options.window, options.asOf, options.types.includes('lunarBirthday') || options.festivals.some(isLunarFestival));
		const types = new Set(options.types);
		this.wanted = {
			birthday: types.has('birthday'),
			lunarBirthday: types.has('lunarBirthday'),
			membershipAnniversary: types.has('membershipAnniversary'),
			firstPurchaseAnniversary: types.has('firstPurchaseAnniversary'),
		};
		this.read = columnReaders(columns);
	}

	private zone(timeZone: string): Zone {
		if (timeZone === this.lastZoneName) return this.lastZone!;
		let zone = this.zones.get(timeZone);
		if (!zone) {
			const window = zoneWindow(timeZone, this.options);
			const { asOfDay } = window;
			const { columns } = this;
			const gregorian = (column: DateColumn, isBirthday: boolean) =>
				new DateColumnReader(this.read[column], new TextMemo((value) => parsePastDate(value, columns[column], timeZone, asOfDay, isBirthday)));
			zone = {
				window,
				birthday: gregorian('birthday', true),
				memberSince: gregorian('memberSince', false),
				firstPurchase: gregorian('firstPurchase', false),
				lunarBirthday: new DateColumnReader(this.read.lunarBirthday, new TextMemo((value) => parseLunarDate(value, columns.lunarBirthday, asOfDay))),
			};
			this.zones.set(timeZone, zone);
		}
		this.lastZoneName = timeZone;
		this.lastZone = zone;
		return zone;
	}

	/** The lunar birthday to look for: the lunar column, or the lunar date of the Gregorian birthday. */
	private lunarBirthday(item: Record<string, unknown>, birthday: YearlyDate | undefined, zone: Zone): YearlyDate | undefined {
		const lunar = zone.lunarBirthday.of(item);
		if (lunar || !this.options.lunarFromBirthday || birthday?.year === undefined) return lunar;
		if (birthday.lunar === undefined) {
			const lunarDate = toLunar(toDayNumber(birthday.year, birthday.month, birthday.day));
			birthday.lunar = lunarDate ? yearly(lunarDate.year, lunarDate.month, lunarDate.day, lunarDate.isLeap) : null;
		}
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
		const zone = this.zone(isEmpty(rawZone) ? this.options.defaultTimeZone : checkTimeZone(rawZone, this.columns.timeZone));
		const { window } = zone;
		const { wanted } = this;
		const found = this.found;
		if (found.length > 0) found.length = 0;

		const birthday = zone.birthday.of(item);
		if (birthday && wanted.birthday) this.occasions(found, window.asOfDay, 'birthday', window.gregorian.get(birthday.month, birthday.day), birthday);
		if (wanted.lunarBirthday) {
			const lunar = this.lunarBirthday(item, birthday, zone);
			const hits = lunar && (lunar.isLeap ? window.leapLunar : window.lunar).get(lunar.month, lunar.day);
			if (hits) this.occasions(found, window.asOfDay, 'lunarBirthday', hits, lunar!, this.lunarText(lunar!));
		}
		if (wanted.membershipAnniversary) this.anniversary(found, zone.window, 'membershipAnniversary', zone.memberSince.of(item));
		if (wanted.firstPurchaseAnniversary) this.anniversary(found, zone.window, 'firstPurchaseAnniversary', zone.firstPurchase.of(item));
		if (found.length === 0) return window.festivalsOnly;
		// One new array of the exact size (a million customers' lists are kept); a stable sort keeps
		// personal occasions before the festivals of the same day.
		const occasions = found.concat(window.festivals).sort(compareOccasions);
		return { window: window.window, count: occasions.length, occasions, next: occasions[0] };
	}

	private anniversary(found: CareOccasion[], window: ZoneWindow, type: PersonalType, start: YearlyDate | undefined): void {
		if (start) this.occasions(found, window.asOfDay, type, window.gregorian.get(start.month, start.day), start);
	}
}
