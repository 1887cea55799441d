import { fromDayNumber, toDayNumber, weekdayOf, type Weekday } from './civilDate';
import { fromLunar, lunarNewYear } from './lunar';

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

interface FestivalRule {
	key: FestivalKey;
	en: string;
	zh: string;
	/** The festival's day in (or around) Gregorian year `year`; undefined when out of the data range. */
	dayIn(year: number): number | undefined;
}

const fixed = (month: number, day: number) => (year: number) => toDayNumber(year, month, day);
const lunar = (month: number, day: number) => (year: number) => fromLunar({ year, month, day, isLeap: false });

/** The n-th given weekday of a month (2nd Sunday of May...). */
function nthWeekday(year: number, month: number, weekday: Weekday, n: number): number {
	const first = toDayNumber(year, month, 1);
	return first + ((weekday - weekdayOf(first) + 7) % 7) + (n - 1) * 7;
}

export const FESTIVALS: readonly FestivalRule[] = [
	{ key: 'newYearsDay', en: "New Year's Day", zh: '元旦', dayIn: fixed(1, 1) },
	{
		key: 'chineseNewYearsEve',
		en: "Chinese New Year's Eve",
		zh: '除夕',
		dayIn: (year) => {
			const next = lunarNewYear(year);
			return next === undefined ? undefined : next - 1;
		},
	},
	{ key: 'springFestival', en: 'Spring Festival', zh: '春节', dayIn: (year) => lunarNewYear(year) },
	{ key: 'lanternFestival', en: 'Lantern Festival', zh: '元宵节', dayIn: lunar(1, 15) },
	{ key: 'valentinesDay', en: "Valentine's Day", zh: '情人节', dayIn: fixed(2, 14) },
	{ key: 'womensDay', en: "International Women's Day", zh: '妇女节', dayIn: fixed(3, 8) },
	{ key: 'laborDay', en: 'Labour Day', zh: '劳动节', dayIn: fixed(5, 1) },
	{ key: 'mothersDay', en: "Mother's Day", zh: '母亲节', dayIn: (year) => nthWeekday(year, 5, 0, 2) },
	{ key: 'childrensDay', en: "Children's Day", zh: '儿童节', dayIn: fixed(6, 1) },
	{ key: 'dragonBoatFestival', en: 'Dragon Boat Festival', zh: '端午节', dayIn: lunar(5, 5) },
	{ key: 'fathersDay', en: "Father's Day", zh: '父亲节', dayIn: (year) => nthWeekday(year, 6, 0, 3) },
	{ key: 'qixiFestival', en: 'Qixi Festival', zh: '七夕', dayIn: lunar(7, 7) },
	{ key: 'midAutumnFestival', en: 'Mid-Autumn Festival', zh: '中秋节', dayIn: lunar(8, 15) },
	{ key: 'nationalDay', en: 'National Day (China)', zh: '国庆节', dayIn: fixed(10, 1) },
	{ key: 'doubleNinthFestival', en: 'Double Ninth Festival', zh: '重阳节', dayIn: lunar(9, 9) },
	{ key: 'thanksgiving', en: 'Thanksgiving (US)', zh: '感恩节', dayIn: (year) => nthWeekday(year, 11, 4, 4) },
	{ key: 'christmasEve', en: 'Christmas Eve', zh: '平安夜', dayIn: fixed(12, 24) },
	{ key: 'christmas', en: 'Christmas', zh: '圣诞节', dayIn: fixed(12, 25) },
];

export const FESTIVAL_KEYS: readonly FestivalKey[] = FESTIVALS.map((f) => f.key);

export interface FestivalDay {
	key: FestivalKey;
	en: string;
	zh: string;
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
				found.push({ key: rule.key, en: rule.en, zh: rule.zh, dayNumber });
			}
		}
	}
	const order = new Map(FESTIVAL_KEYS.map((key, i) => [key, i]));
	return found.sort((a, b) => a.dayNumber - b.dayNumber || order.get(a.key)! - order.get(b.key)!);
}
