import { tzOffset } from '@date-fns/tz';
import { DEFAULT_CUSTOMER_COLUMNS } from '../../nodes/shared/customers';
import { monthIndex } from '../../nodes/shared/impact/periods';
import { calendarDays, calendarDaysCounter, dayNumberReader, offsetMs, offsetReader, parseDate } from '../../nodes/shared/input';
import { RfmColumnReader } from '../../nodes/shared/segments';
import { rng } from '../models/simulate';

/**
 * Offsets are kept per UTC day (offsetReader's table), and every day count, day number and month of the
 * package reads them. Checked here against Intl's offset, worked out afresh for each instant, on every
 * calendar day from 1900 to 2199 in zones whose clocks changed in every way: Shanghai's local mean time
 * (+08:05:43) before 1901 and its summer times of the 1940s and 1986-1991, New York and London (double
 * summer time in the 1940s), Apia's jump over 2011-12-30 across the date line, Lord Howe's half-hour
 * summer time, and Casablanca's changes back and forth around Ramadan.
 */
const ZONES = ['Asia/Shanghai', 'America/New_York', 'Europe/London', 'Pacific/Apia', 'Australia/Lord_Howe', 'Africa/Casablanca'];
const DAY_MS = 86_400_000;
const exactOffset = (zone: string, instant: number) => Math.round(tzOffset(zone, new Date(instant)) * 60_000);
const exactWall = (zone: string, instant: number) => instant + exactOffset(zone, instant);
/** Days between two instants as the wall clocks show them, every offset from Intl. */
const exactDays = (zone: string, fromMs: number, toMs: number) => (exactWall(zone, toMs) - exactWall(zone, fromMs)) / DAY_MS;

/** Every calendar day from 1900-01-01 to 2199-12-31 as YYYY-MM-DD, in an order that jumps about (the table fills as it is asked). */
function everyDay(seed: number): string[] {
	const days: string[] = [];
	for (let ms = Date.UTC(1900, 0, 1); ms < Date.UTC(2200, 0, 1); ms += DAY_MS) days.push(new Date(ms).toISOString().slice(0, 10));
	const next = rng(seed);
	for (let i = days.length - 1; i > 0; i--) {
		const j = Math.floor(next() * (i + 1));
		[days[i], days[j]] = [days[j], days[i]];
	}
	return days;
}

describe('days on the zone calendar from the per-day offset table equal those from Intl', () => {
	// After every date: recency is whole days plus the As Of's time of day on the zone's clock.
	const asOf = new Date(Date.UTC(2199, 11, 31, 23, 0, 0, 7));

	it.each(ZONES)('%s: every date-only last purchase from 1900 to 2199, as RFM reads it', (zone) => {
		const days = everyDay(zone.length);
		const reader = new RfmColumnReader(DEFAULT_CUSTOMER_COLUMNS, days.length, { asOf, timeZone: zone });
		days.forEach((day, i) => reader.read({ customerId: `C${i}`, lastPurchaseAt: day, orderCount: 1, totalSpend: 1 }, i));
		const offsetAt = offsetReader(zone);
		const dayOf = dayNumberReader(zone);
		const between = calendarDaysCounter(zone);
		const wrong: string[] = [];
		days.forEach((day, i) => {
			const instant = parseDate(day, 'lastPurchaseAt', { timeZone: zone }).getTime();
			const exact = exactDays(zone, instant, asOf.getTime());
			const exactDay = Math.floor(exactWall(zone, instant) / DAY_MS);
			const found = {
				recency: reader.recencyDays[i],
				counted: between(instant, asOf.getTime()),
				calendarDays: calendarDays(instant, asOf.getTime(), zone),
				dayNumber: dayOf(instant),
				// The table's day boundaries: the last millisecond of the previous UTC day and the next.
				offsetBefore: offsetAt(instant - 1) - exactOffset(zone, instant - 1),
				offsetNextDay: offsetMs(zone, instant + DAY_MS) - exactOffset(zone, instant + DAY_MS),
			};
			const expected = { recency: exact, counted: exact, calendarDays: exact, dayNumber: exactDay, offsetBefore: 0, offsetNextDay: 0 };
			if (JSON.stringify(found) !== JSON.stringify(expected)) wrong.push(`${day}: ${JSON.stringify(found)}, expected ${JSON.stringify(expected)}`);
		});
		expect(wrong.slice(0, 5)).toEqual([]);
	});

	it.each(ZONES)('%s: day numbers and months at random instants and either side of every UTC midnight from 1900 to 2199', (zone) => {
		const next = rng(zone.length + 1);
		const instants: number[] = [];
		for (let i = 0; i < 20_000; i++) instants.push(Date.UTC(1900, 0, 1) + Math.floor(next() * 300 * 365.25 * DAY_MS));
		for (let ms = Date.UTC(1899, 11, 31); ms < Date.UTC(2200, 0, 2); ms += DAY_MS) instants.push(ms - 1, ms);
		const dayOf = dayNumberReader(zone);
		const wrong: string[] = [];
		for (const instant of instants) {
			const wall = exactWall(zone, instant);
			const local = new Date(wall);
			const expected = [Math.floor(wall / DAY_MS), local.getUTCFullYear() * 12 + local.getUTCMonth()];
			const found = [dayOf(instant), monthIndex(instant, zone)];
			if (found.join() !== expected.join()) wrong.push(`${new Date(instant).toISOString()}: ${found}, expected ${expected}`);
		}
		expect(wrong.slice(0, 5)).toEqual([]);
	});

	it('months start at the zone\'s midnight: the last millisecond of June and the first of July in Shanghai and New York', () => {
		const julyShanghai = Date.UTC(2024, 5, 30, 16);
		expect([monthIndex(julyShanghai - 1, 'Asia/Shanghai'), monthIndex(julyShanghai, 'Asia/Shanghai')]).toEqual([2024 * 12 + 5, 2024 * 12 + 6]);
		const julyNewYork = Date.UTC(2024, 6, 1, 4);
		expect([monthIndex(julyNewYork - 1, 'America/New_York'), monthIndex(julyNewYork, 'America/New_York')]).toEqual([2024 * 12 + 5, 2024 * 12 + 6]);
		expect(monthIndex(Date.UTC(1900, 0, 1), 'UTC')).toBe(1900 * 12);
	});
});
