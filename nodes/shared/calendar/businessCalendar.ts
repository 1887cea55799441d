import { ConfigError } from '../input';
import { fromDayNumber, isLeapYear, toDayNumber, weekdayOf, type Weekday } from './civilDate';
import { chinaHolidayYear } from './chinaHolidays';

export type PublicHolidays = 'none' | 'CN';

export interface BusinessCalendarOptions {
	/** Weekdays that are normally worked, 0 = Sunday ... 6 = Saturday. Default Monday-Friday. */
	workingDays?: Weekday[];
	/** Official public holidays (and make-up working days) to apply. Default none. */
	publicHolidays?: PublicHolidays;
	/** Extra days that are closed whatever else applies (company events, local holidays). */
	extraClosed?: Set<number>;
	/** Extra days that are open whatever else applies. */
	extraOpen?: Set<number>;
}

/** Why a day is open or closed, in the order the rules are applied. */
export type DayKind = 'customOpen' | 'customClosed' | 'publicHoliday' | 'makeUpWorkday' | 'workingDay' | 'dayOff';

export interface DayStatus {
	open: boolean;
	kind: DayKind;
	/** For public holidays and make-up working days: the holiday's name. */
	holiday?: { en: string; zh: string };
}

/** Searching further than this for an open day means the calendar has none (e.g. every day closed). */
const MAX_SEARCH_DAYS = 3 * 366;

/**
 * Which local calendar days are open for customer contact. Precedence: custom open/closed dates,
 * then the public-holiday calendar (days off and 调休 make-up working days), then the working weekdays.
 */
export class BusinessCalendar {
	readonly workingDays: ReadonlySet<Weekday>;
	readonly publicHolidays: PublicHolidays;
	private readonly extraClosed: Set<number>;
	private readonly extraOpen: Set<number>;
	private readonly openByYear = new Map<number, { start: number; open: Uint8Array }>();
	private lastYear: { start: number; open: Uint8Array } | undefined;
	private readonly missingData = new Map<number, boolean>();

	constructor(options: BusinessCalendarOptions = {}) {
		const workingDays = options.workingDays ?? [1, 2, 3, 4, 5];
		if (workingDays.length === 0) throw new ConfigError('Working days are empty (expected at least one weekday)');
		this.workingDays = new Set(workingDays);
		this.publicHolidays = options.publicHolidays ?? 'none';
		this.extraClosed = options.extraClosed ?? new Set();
		this.extraOpen = options.extraOpen ?? new Set();
		for (const day of this.extraClosed) {
			if (this.extraOpen.has(day)) {
				const { year, month, day: d } = fromDayNumber(day);
				throw new ConfigError(
					`${year}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')} is listed both as an extra closed date and as an extra open date (expected each date in one list only)`,
				);
			}
		}
	}

	dayStatus(dayNumber: number): DayStatus {
		if (this.extraOpen.has(dayNumber)) return { open: true, kind: 'customOpen' };
		if (this.extraClosed.has(dayNumber)) return { open: false, kind: 'customClosed' };
		if (this.publicHolidays === 'CN') {
			const listed = chinaHolidayYear(fromDayNumber(dayNumber).year).days.get(dayNumber);
			if (listed) {
				return {
					open: listed.work,
					kind: listed.work ? 'makeUpWorkday' : 'publicHoliday',
					holiday: { en: listed.nameEn, zh: listed.nameZh },
				};
			}
		}
		const open = this.workingDays.has(weekdayOf(dayNumber));
		return { open, kind: open ? 'workingDay' : 'dayOff' };
	}

	isOpen(dayNumber: number): boolean {
		// Most lookups fall in the year looked at last; avoid a date conversion for those.
		let entry = this.lastYear;
		if (!entry || dayNumber < entry.start || dayNumber >= entry.start + entry.open.length) {
			const { year } = fromDayNumber(dayNumber);
			entry = this.openByYear.get(year);
			if (!entry) {
				const start = toDayNumber(year, 1, 1);
				const open = new Uint8Array(isLeapYear(year) ? 366 : 365);
				for (let i = 0; i < open.length; i++) open[i] = this.dayStatus(start + i).open ? 1 : 0;
				entry = { start, open };
				this.openByYear.set(year, entry);
			}
			this.lastYear = entry;
		}
		return entry.open[dayNumber - entry.start] === 1;
	}

	/** The first open day on or after `dayNumber`. */
	nextOpenDay(dayNumber: number): number {
		for (let day = dayNumber; day < dayNumber + MAX_SEARCH_DAYS; day++) {
			if (this.isOpen(day)) return day;
		}
		throw new ConfigError(
			`The business calendar has no open day within ${MAX_SEARCH_DAYS} days (expected working days that public holidays and extra closed dates do not close all of)`,
		);
	}

	/** The `count`-th open day after `dayNumber` (count 0: the first open day on or after it). */
	addOpenDays(dayNumber: number, count: number): number {
		if (count <= 0) return this.nextOpenDay(dayNumber);
		let day = dayNumber;
		for (let left = count; left > 0; left--) day = this.nextOpenDay(day + 1);
		return day;
	}

	/** True when China's holidays are applied but the data has no notice for that year yet. */
	lacksHolidayData(dayNumber: number): boolean {
		if (this.publicHolidays !== 'CN') return false;
		let missing = this.missingData.get(dayNumber);
		if (missing === undefined) {
			missing = !chinaHolidayYear(fromDayNumber(dayNumber).year).hasData;
			this.missingData.set(dayNumber, missing);
		}
		return missing;
	}
}
