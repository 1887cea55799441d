import type { Feb29Rule, ObservedShift } from '../calendar/anniversary';
import { dayNumberFromIso, formatDayNumber, utcDayNumber } from '../calendar/civilDate';
import { firstLunarDayNumber, lastLunarDayNumber } from '../calendar/lunar';
import type { FestivalKey } from '../calendar/festivals';
import { ConfigError, describeValue } from '../input/errors';
import type { Language, OccasionType } from './labels';

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

export const MAX_WINDOW_DAYS = 366;

/**
 * Checks the window: a whole number of days ahead of the as-of, or one date; when lunar birthdays or a
 * lunar festival are wanted, inside the lunar calendar data (lunar years 1900-2100), without which they
 * would silently be missing. The as-of day differs by a day between zones, so the check allows a day
 * either side.
 */
export function checkOccasionWindow(window: OccasionWindow, asOf: Date, needsLunar = true): void {
	let from: number;
	let to: number;
	let described: string;
	if (window.mode === 'nextDays') {
		const { days } = window;
		if (!Number.isInteger(days) || days < 0 || days > MAX_WINDOW_DAYS) {
			throw new ConfigError(`Look-ahead ${describeValue(days)} is not valid (expected a whole number of days from 0 to ${MAX_WINDOW_DAYS})`);
		}
		from = utcDayNumber(asOf) - 1;
		to = utcDayNumber(asOf) + 1 + days;
		described = `The next ${days} days from the as-of ${asOf.toISOString()}`;
	} else {
		const day = dayNumberFromIso(String(window.date).slice(0, 10));
		if (day === undefined) throw new ConfigError(`Date ${describeValue(window.date)} is not a date (expected YYYY-MM-DD)`);
		from = to = day;
		described = `Date ${window.date}`;
	}
	if (needsLunar && (from < firstLunarDayNumber() || to > lastLunarDayNumber())) {
		throw new ConfigError(`${described} ${from === to ? 'lies' : 'reach'} outside the lunar calendar data, where lunar birthdays and festivals cannot be found (expected ${lunarRangeText()})`);
	}
}

/** "dates from 1900-01-31 to 2101-01-28" (lunar 1900-01-01 to the end of lunar 2100). */
export function lunarRangeText(): string {
	return `dates from ${formatDayNumber(firstLunarDayNumber())} to ${formatDayNumber(lastLunarDayNumber())}`;
}

const TYPE_ORDER: Record<OccasionType, number> = {
	birthday: 0,
	lunarBirthday: 1,
	membershipAnniversary: 2,
	firstPurchaseAnniversary: 3,
	festival: 4,
};

/** By day, then personal occasions in a fixed order before festivals, then by key. */
export function compareOccasions(a: CareOccasion, b: CareOccasion): number {
	return a.daysUntil - b.daysUntil || TYPE_ORDER[a.type] - TYPE_ORDER[b.type] || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}
