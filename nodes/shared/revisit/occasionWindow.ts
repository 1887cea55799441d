import { observedGregorianDay, observedLunarDay, type ObservedShift } from '../calendar/anniversary';
import { dayNumberFromIso, daysInMonth, formatDayNumber, fromDayNumber } from '../calendar/civilDate';
import { FESTIVAL_LABELS, festivalsBetween } from '../calendar/festivals';
import { localDayNumber } from '../calendar/timeZone';
import { compareOccasions, type CareOccasion, type CustomerOccasions, type OccasionOptions } from './occasionOptions';

/** A yearly date observed in the window: the day, and the year it is observed in. */
export interface Hit {
	dayNumber: number;
	year: number;
	shift?: ObservedShift;
}

/** The hits of each month and day (1-based), in plain nested arrays: month and day are small integers. */
export class MonthDayIndex {
	private readonly months: Array<Array<Hit[] | undefined>> = Array.from({ length: 13 }, () => new Array(32));

	get(month: number, day: number): Hit[] | undefined {
		return this.months[month]?.[day];
	}

	add(month: number, day: number, hit: Hit): void {
		const list = this.months[month][day];
		if (list) list.push(hit);
		else this.months[month][day] = [hit];
	}
}

/**
 * The window of one time zone, indexed once: every Gregorian and lunar month/day observed in it (leap
 * lunar months apart), its festivals, and the frozen result of every customer with festivals only.
 */
export interface ZoneWindow {
	asOfDay: number;
	from: number;
	to: number;
	window: Readonly<{ from: string; to: string }>;
	gregorian: MonthDayIndex;
	lunar: MonthDayIndex;
	leapLunar: MonthDayIndex;
	festivals: readonly CareOccasion[];
	festivalsOnly: CustomerOccasions;
}

function indexGregorian(from: number, to: number, options: OccasionOptions): MonthDayIndex {
	const index = new MonthDayIndex();
	for (let year = fromDayNumber(from).year; year <= fromDayNumber(to).year; year++) {
		for (let month = 1; month <= 12; month++) {
			for (let day = 1; day <= daysInMonth(2000, month); day++) {
				const observed = observedGregorianDay(year, month, day, options.feb29);
				if (observed.dayNumber >= from && observed.dayNumber <= to) index.add(month, day, { dayNumber: observed.dayNumber, year, shift: observed.shift });
			}
		}
	}
	return index;
}

/** Regular and leap lunar months, indexed apart. */
function indexLunar(from: number, to: number): { regular: MonthDayIndex; leap: MonthDayIndex } {
	const regular = new MonthDayIndex();
	const leap = new MonthDayIndex();
	const first = fromDayNumber(from).year - 1;
	const last = fromDayNumber(to).year;
	for (let year = Math.max(first, 1900); year <= Math.min(last, 2100); year++) {
		for (let month = 1; month <= 12; month++) {
			for (let day = 1; day <= 30; day++) {
				for (const isLeap of [false, true]) {
					const observed = observedLunarDay(year, month, day, isLeap);
					if (observed && observed.dayNumber >= from && observed.dayNumber <= to) {
						(isLeap ? leap : regular).add(month, day, { dayNumber: observed.dayNumber, year, shift: observed.shift });
					}
				}
			}
		}
	}
	return { regular, leap };
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
			label: FESTIVAL_LABELS[f.key][language],
			date: formatDayNumber(f.dayNumber),
			daysUntil: f.dayNumber - asOfDay,
		}))
		.sort(compareOccasions)
		.map((festival) => Object.freeze(festival));
	const frozenWindow = Object.freeze({ from: formatDayNumber(from), to: formatDayNumber(to) });
	const frozenFestivals = Object.freeze(festivals);
	const lunar = indexLunar(from, to);
	return {
		asOfDay,
		from,
		to,
		window: frozenWindow,
		gregorian: indexGregorian(from, to, options),
		lunar: lunar.regular,
		leapLunar: lunar.leap,
		festivals: frozenFestivals,
		festivalsOnly: Object.freeze({ window: frozenWindow, count: festivals.length, occasions: frozenFestivals, next: frozenFestivals[0] ?? null }),
	};
}
