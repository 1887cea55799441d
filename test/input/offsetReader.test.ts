import { tzOffset } from '@date-fns/tz';
import { calendarDays, offsetMs, offsetReader } from '../../nodes/shared/input';
import { rng } from '../models/simulate';

/**
 * offsetReader keeps a zone's offset per UTC hour. These zones change their clocks at odd moments: half an
 * hour (Lord Howe's 30-minute DST, at 15:30 UTC), at :45 (Chatham), back and forth within a year
 * (Casablanca around Ramadan), "negative" DST (Dublin), local mean times with seconds before 1901.
 */
const ZONES = ['Asia/Shanghai', 'America/New_York', 'Europe/London', 'Europe/Dublin', 'Australia/Lord_Howe', 'Pacific/Chatham', 'Africa/Casablanca', 'America/St_Johns', 'Asia/Kolkata', 'America/Sao_Paulo'];
const HOUR_MS = 3_600_000;
const exact = (zone: string, instant: number) => Math.round(tzOffset(zone, new Date(instant)) * 60_000);

/** Every change of the zone's offset from 1890 to 2040, to the millisecond (a scan every 12 hours, then halving). */
function changes(zone: string): number[] {
	const found: number[] = [];
	const end = Date.UTC(2040, 0, 1);
	for (let from = Date.UTC(1890, 0, 1); from < end; from += 12 * HOUR_MS) {
		const to = from + 12 * HOUR_MS;
		if (exact(zone, from) === exact(zone, to)) continue;
		let [low, high] = [from, to];
		while (high - low > 1) {
			const middle = Math.floor((low + high) / 2);
			if (exact(zone, middle) === exact(zone, low)) low = middle;
			else high = middle;
		}
		found.push(high);
	}
	return found;
}

describe('offsetReader: the zone offset kept per hour is the exact one', () => {
	it.each(ZONES)('%s: at every change of offset, either side of it, and at random instants, in random order', (zone) => {
		const next = rng(zone.length);
		const instants: number[] = [];
		const moments = changes(zone);
		expect(moments.length).toBeGreaterThan(0);
		for (const change of moments) instants.push(change - HOUR_MS, change - 1, change, change + 1, change + HOUR_MS - 1);
		for (let i = 0; i < 5_000; i++) instants.push(Date.UTC(1890, 0, 1) + Math.floor(next() * 150 * 365.25 * 86_400_000));
		for (let i = instants.length - 1; i > 0; i--) {
			const j = Math.floor(next() * (i + 1));
			[instants[i], instants[j]] = [instants[j], instants[i]];
		}
		const read = offsetReader(zone);
		const wrong = instants.filter((instant) => read(instant) !== exact(zone, instant) || offsetMs(zone, instant) !== exact(zone, instant));
		expect(wrong.map((instant) => new Date(instant).toISOString())).toEqual([]);
	});

	it('Lord Howe changes within a UTC hour: 15:29:59.999 and 15:30 are half an hour apart', () => {
		// 2024-10-06 02:00 local (+10:30) is 15:30 UTC on the 5th; clocks go to +11:00.
		const change = Date.UTC(2024, 9, 5, 15, 30);
		expect(offsetMs('Australia/Lord_Howe', change - 1)).toBe(10.5 * HOUR_MS);
		expect(offsetMs('Australia/Lord_Howe', change)).toBe(11 * HOUR_MS);
		expect(offsetMs('Australia/Lord_Howe', change - 1)).toBe(10.5 * HOUR_MS);
	});

	it('calendar days across New York\'s autumn change are wall-clock days', () => {
		expect(calendarDays(Date.UTC(2024, 10, 2, 4), Date.UTC(2024, 10, 4, 5), 'America/New_York')).toBe(2);
	});
});
