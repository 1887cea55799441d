import type { Feb29Rule, ObservedShift } from '../calendar/anniversary';
import { dayNumberFromIso } from '../calendar/civilDate';
import type { FestivalKey } from '../calendar/festivals';
import { ConfigError } from '../input/errors';
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

/** Checks the window: a whole number of days ahead, or one date. */
export function checkOccasionWindow(window: OccasionWindow): void {
	if (window.mode === 'nextDays') {
		const { days } = window;
		if (!Number.isInteger(days) || days < 0 || days > MAX_WINDOW_DAYS) {
			throw new ConfigError(`Look-ahead ${days} is not valid (expected a whole number of days from 0 to ${MAX_WINDOW_DAYS})`);
		}
	} else if (dayNumberFromIso(String(window.date).slice(0, 10)) === undefined) {
		throw new ConfigError(`Date "${window.date}" is not a date (expected YYYY-MM-DD)`);
	}
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
