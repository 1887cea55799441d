import { fromDayNumber, toDayNumber, weekdayOf, type Weekday } from './civilDate';
import { fromLunar, lunarNewYear } from './lunar';
import type { LabelTable } from '../format/language';
import LABELS from '../format/labels.json';

export type FestivalKey =
	| 'newYearsDay'
	| 'chineseNewYearsEve'
	| 'springFestival'
	| 'lanternFestival'
	| 'valentinesDay'
	| 'womensDay'
	| 'laborDay'
	| 'mothersDay'
	| 'childrensDay'
	| 'dragonBoatFestival'
	| 'fathersDay'
	| 'qixiFestival'
	| 'midAutumnFestival'
	| 'nationalDay'
	| 'doubleNinthFestival'
	| 'thanksgiving'
	| 'christmasEve'
	| 'christmas';

/** Each festival's name in every language. */
export const FESTIVAL_LABELS: LabelTable<FestivalKey> = LABELS.festival;

interface FestivalRule {
	key: FestivalKey;
	/** The festival's day in (or around) Gregorian year `year`; undefined when out of the data range. */
	dayIn(year: number): number | undefined;
	/** Dated by the lunar calendar, so found only within its data (lunar years 1900-2100). */
	lunar?: true;
}

const fixed = (month: number, day: number) => (year: number) => toDayNumber(year, month, day);
const lunar = (month: number, day: number) => (year: number) => fromLunar({ year, month, day, isLeap: false });

/** The n-th given weekday of a month (2nd Sunday of May...). */
function nthWeekday(year: number, month: number, weekday: Weekday, n: number): number {
	const first = toDayNumber(year, month, 1);
	return first + ((weekday - weekdayOf(first) + 7) % 7) + (n - 1) * 7;
}

export const FESTIVALS: readonly FestivalRule[] = [
	{ key: 'newYearsDay', dayIn: fixed(1, 1) },
	{
		key: 'chineseNewYearsEve',
		lunar: true,
		dayIn: (year) => {
			const next = lunarNewYear(year);
			return next === undefined ? undefined : next - 1;
		},
	},
	{ key: 'springFestival', dayIn: (year) => lunarNewYear(year), lunar: true },
	{ key: 'lanternFestival', dayIn: lunar(1, 15), lunar: true },
	{ key: 'valentinesDay', dayIn: fixed(2, 14) },
	{ key: 'womensDay', dayIn: fixed(3, 8) },
	{ key: 'laborDay', dayIn: fixed(5, 1) },
	{ key: 'mothersDay', dayIn: (year) => nthWeekday(year, 5, 0, 2) },
	{ key: 'childrensDay', dayIn: fixed(6, 1) },
	{ key: 'dragonBoatFestival', dayIn: lunar(5, 5), lunar: true },
	{ key: 'fathersDay', dayIn: (year) => nthWeekday(year, 6, 0, 3) },
	{ key: 'qixiFestival', dayIn: lunar(7, 7), lunar: true },
	{ key: 'midAutumnFestival', dayIn: lunar(8, 15), lunar: true },
	{ key: 'nationalDay', dayIn: fixed(10, 1) },
	{ key: 'doubleNinthFestival', dayIn: lunar(9, 9), lunar: true },
	{ key: 'thanksgiving', dayIn: (year) => nthWeekday(year, 11, 4, 4) },
	{ key: 'christmasEve', dayIn: fixed(12, 24) },
	{ key: 'christmas', dayIn: fixed(12, 25) },
];

export const FESTIVAL_KEYS: readonly FestivalKey[] = FESTIVALS.map((f) => f.key);

/** Whether a festival is dated by the lunar calendar (the Spring Festival, Mid-Autumn...). */
export function isLunarFestival(key: FestivalKey): boolean {
	return FESTIVALS.some((f) => f.key === key && f.lunar === true);
}

export interface FestivalDay {
	key: FestivalKey;
	dayNumber: number;
}

/** The chosen festivals falling on days `from`..`to` (inclusive), in date order then list order. */
export function festivalsBetween(from: number, to: number, keys: readonly FestivalKey[] = FESTIVAL_KEYS): FestivalDay[] {
	const wanted = new Set(keys);
	const found: FestivalDay[] = [];
	const firstYear = fromDayNumber(from).year;
	const lastYear = fromDayNumber(to).year;
	for (const rule of FESTIVALS) {
		if (!wanted.has(rule.key)) continue;
		for (let year = firstYear; year <= lastYear; year++) {
			const dayNumber = rule.dayIn(year);
			if (dayNumber !== undefined && dayNumber >= from && dayNumber <= to) {
				found.push({ key: rule.key, dayNumber });
			}
		}
	}
	const order = new Map(FESTIVAL_KEYS.map((key, i) => [key, i]));
	return found.sort((a, b) => a.dayNumber - b.dayNumber || order.get(a.key)! - order.get(b.key)!);
}
