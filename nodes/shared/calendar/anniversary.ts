import { isLeapYear, toDayNumber } from './civilDate';
import { fromLunar, leapMonthOf, lunarMonthLength } from './lunar';

/** Where a 29 February date is observed in a year without one. */
export type Feb29Rule = 'feb28' | 'mar1';

/** How an observed day differs from the original date, when it does. */
export type ObservedShift = 'feb29ToFeb28' | 'feb29ToMar1' | 'leapMonthAsRegular' | 'lastDayOfLunarMonth';

export interface ObservedDay {
	dayNumber: number;
	shift?: ObservedShift;
}

/** The day in Gregorian `year` on which a yearly month/day (birthday, anniversary) is observed. */
export function observedGregorianDay(year: number, month: number, day: number, feb29: Feb29Rule): ObservedDay {
	if (month === 2 && day === 29 && !isLeapYear(year)) {
		return feb29 === 'feb28'
			? { dayNumber: toDayNumber(year, 2, 28), shift: 'feb29ToFeb28' }
			: { dayNumber: toDayNumber(year, 3, 1), shift: 'feb29ToMar1' };
	}
	return { dayNumber: toDayNumber(year, month, day) };
}

/**
 * The day in lunar `year` on which a lunar birthday is observed.
 * - Born in a leap month (闰月): observed in that leap month in years that have it, otherwise in the
 *   regular month of the same number (the common practice; such years are the rule, not the exception).
 * - Born in a regular month: always the regular month, also in years where a leap month of that
 *   number follows it.
 * - Born on the 30th: in years where that month has 29 days, observed on the 29th, the month's last day.
 * Undefined outside the lunar data range (1900-2100).
 */
export function observedLunarDay(year: number, month: number, day: number, isLeap: boolean): ObservedDay | undefined {
	let shift: ObservedShift | undefined;
	let leap = isLeap;
	if (leap && leapMonthOf(year) !== month) {
		leap = false;
		shift = 'leapMonthAsRegular';
	}
	const length = lunarMonthLength(year, month, leap);
	if (length === undefined) return undefined;
	let observedDay = day;
	if (day > length) {
		observedDay = length;
		shift = shift ?? 'lastDayOfLunarMonth';
	}
	const dayNumber = fromLunar({ year, month, day: observedDay, isLeap: leap });
	return dayNumber === undefined ? undefined : { dayNumber, shift };
}
