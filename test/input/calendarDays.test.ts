import { tzOffset } from '@date-fns/tz';
import { calendarDays } from '../../nodes/shared/input';

/** calendarDays keeps offsets per UTC hour: it must equal the wall-clock difference at every instant. */
const exact = (fromMs: number, toMs: number, zone: string) => {
	const wall = (ms: number) => ms + Math.round(tzOffset(zone, new Date(ms)) * 60_000);
	return (wall(toMs) - wall(fromMs)) / 86_400_000;
};

describe('calendarDays', () => {
	it.each(['America/New_York', 'Europe/Berlin', 'Australia/Lord_Howe', 'Asia/Shanghai', 'Pacific/Chatham'])('equals the wall-clock difference in %s', (zone) => {
		let seed = 7;
		const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
		const from = Date.UTC(1899, 0, 1);
		const span = Date.UTC(2100, 0, 1) - from;
		const instants: number[] = [];
		for (let i = 0; i < 3000; i++) instants.push(Math.floor(from + random() * span));
		// Minutes around New York's and Berlin's changes of 2024, where an hour holds two offsets.
		for (const change of [Date.UTC(2024, 2, 10, 7), Date.UTC(2024, 10, 3, 6), Date.UTC(2024, 2, 31, 1), Date.UTC(2024, 9, 27, 1)]) {
			for (let m = -90; m <= 90; m += 7) instants.push(change + m * 60_000 + 13_000);
		}
		const mismatches: string[] = [];
		for (let i = 1; i < instants.length; i++) {
			const [a, b] = [instants[i - 1], instants[i]];
			if (calendarDays(a, b, zone) !== exact(a, b, zone)) mismatches.push(`${new Date(a).toISOString()} -> ${new Date(b).toISOString()}`);
		}
		expect(mismatches).toEqual([]);
	});

	it('counts midnight to midnight across a change as whole days', () => {
		const ny = (iso: string) => Date.parse(iso);
		expect(calendarDays(ny('2024-08-12T00:00:00-04:00'), ny('2024-11-10T00:00:00-05:00'), 'America/New_York')).toBe(90);
		expect(calendarDays(ny('2024-02-01T00:00:00-05:00'), ny('2024-05-01T00:00:00-04:00'), 'America/New_York')).toBe(90);
		expect(calendarDays(ny('2024-02-01T00:00:00Z'), ny('2024-05-01T00:00:00Z'), 'UTC')).toBe(90);
	});
});
