import { observedGregorianDay, observedLunarDay, type ObservedShift } from '../calendar/anniversary';
import { dayNumberFromIso, daysInMonth, formatDayNumber, fromDayNumber } from '../calendar/civilDate';
import { festivalsBetween } from '../calendar/festivals';
import { localDayNumber } from '../calendar/timeZone';
import { compareOccasions, type CareOccasion, type CustomerOccasions, type OccasionOptions } from './occasionOptions';

/** A yearly date observed in the window: the day, and the year it is observed in. */
export interface Hit {
	dayNumber: number;
	year: number;
	shift?: ObservedShift;
}

export const gregorianKey = (month: number, day: number) => month * 32 + day;
export const lunarKey = (month: number, day: number, isLeap: boolean) => (month * 31 + day) * 2 + (isLeap ? 1 : 0);

/**
 * The window of one time zone, indexed once: every Gregorian and lunar month/day observed in it (by
 * gregorianKey / lunarKey: small integers, so plain arrays), its festivals, and the frozen result of
 * every customer with festivals only.
 */
export interface ZoneWindow {
	asOfDay: number;
	from: number;
	to: number;
	window: Readonly<{ from: string; to: string }>;
	gregorian: Array<Hit[] | undefined>;
	lunar: Array<Hit[] | undefined>;
	festivals: readonly CareOccasion[];
	festivalsOnly: CustomerOccasions;
}

function add(index: Array<Hit[] | undefined>, key: number, hit: Hit): void {
	const list = index[key];
	if (list) list.push(hit);
	else index[key] = [hit];
}

function indexGregorian(from: number, to: number, options: OccasionOptions): Array<Hit[] | undefined> {
	const index: Array<Hit[] | undefined> = new Array(gregorianKey(12, 31) + 1);
	for (let year = fromDayNumber(from).year; year <= fromDayNumber(to).year; year++) {
		for (let month = 1; month <= 12; month++) {
			for (let day = 1; day <= daysInMonth(2000, month); day++) {
				const observed = observedGregorianDay(year, month, day, options.feb29);
				if (observed.dayNumber >= from && observed.dayNumber <= to) add(index, gregorianKey(month, day), { dayNumber: observed.dayNumber, year, shift: observed.shift });
			}
		}
	}
	return index;
}

function indexLunar(from: number, to: number): Array<Hit[] | undefined> {
	const index: Array<Hit[] | undefined> = new Array(lunarKey(12, 30, true) + 1);
	const first = fromDayNumber(from).year - 1;
	const last = fromDayNumber(to).year;
	for (let year = Math.max(first, 1900); year <= Math.min(last, 2100); year++) {
		for (let month = 1; month <= 12; month++) {
			for (let day = 1; day <= 30; day++) {
				for (const isLeap of [false, true]) {
					const observed = observedLunarDay(year, month, day, isLeap);
					if (observed && observed.dayNumber >= from && observed.dayNumber <= to) {
						add(index, lunarKey(month, day, isLeap), { dayNumber: observed.dayNumber, year, shift: observed.shift });
					}
				}
			}
		}
	}
	return index;
}

/** The window of the zone whose as-of day is `asOfDay`, indexed. */
export function zoneWindow(timeZone: string, options: OccasionOptions): ZoneWindow {
	const asOfDay = localDayNumber(options.asOf, timeZone);
	const { window, language } = options;
	const from = window.mode === 'nextDays' ? asOfDay : dayNumberFromIso(window.date.slice(0, 10))!;
	const to = window.mode === 'nextDays' ? asOfDay + window.days : from;
	const festivals = festivalsBetween(from, to, options.festivals)
		.map((f): CareOccasion => ({
			type: 'festival',
			key: f.key,
			label: language === 'zh-CN' ? f.zh : f.en,
			date: formatDayNumber(f.dayNumber),
			daysUntil: f.dayNumber - asOfDay,
		}))
		.sort(compareOccasions)
		.map((festival) => Object.freeze(festival));
	const frozenWindow = Object.freeze({ from: formatDayNumber(from), to: formatDayNumber(to) });
	const frozenFestivals = Object.freeze(festivals);
	return {
		asOfDay,
		from,
		to,
		window: frozenWindow,
		gregorian: indexGregorian(from, to, options),
		lunar: indexLunar(from, to),
		festivals: frozenFestivals,
		festivalsOnly: Object.freeze({ window: frozenWindow, count: festivals.length, occasions: frozenFestivals, next: frozenFestivals[0] ?? null }),
	};
}
