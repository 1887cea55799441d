import { fromDayNumber } from '../calendar/civilDate';
import { dayNumber } from '../input/wallClock';
import { roundTo } from '../stats/rounding';

/** Months counted from year 0: year × 12 + month (0-based), of the instant's day on the zone's calendar. */
export function monthIndex(ms: number, timeZone: string): number {
	const { year, month } = fromDayNumber(dayNumber(ms, timeZone));
	return year * 12 + month - 1;
}

/** "2026-02" for a month index. */
export function monthLabel(index: number): string {
	return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The `count` whole months before the as-of month, oldest first. */
export function reportMonths(asOfMs: number, timeZone: string, count: number): number[] {
	const current = monthIndex(asOfMs, timeZone);
	return Array.from({ length: count }, (_, i) => current - count + i);
}

/** The package's one rounding (half away from zero; -0 becomes 0: refunds cancelling a month out give revenue 0). */
export const round = roundTo;

/** a / b, or null when b is 0 (never NaN or Infinity). */
export const ratio = (a: number, b: number): number | null => (b === 0 ? null : a / b);
