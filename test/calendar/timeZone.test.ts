import { checkTimeZone, formatOffset, localDayAndMinute, offsetMinutes, toDayNumber, uniformDayOffset, zonedInstant } from '../../nodes/shared/calendar';
import { ConfigError, InputError } from '../../nodes/shared/input';

const day = (y: number, m: number, d: number) => toDayNumber(y, m, d);

describe('time zones', () => {
	it('accepts IANA names in any case and returns the canonical spelling', () => {
		expect(checkTimeZone('asia/shanghai')).toBe('Asia/Shanghai');
		expect(checkTimeZone(' America/New_York ')).toBe('America/New_York');
		expect(checkTimeZone('UTC')).toBe('UTC');
	});

	it('names an unknown zone in the error, as a parameter or as an item field', () => {
		expect(() => checkTimeZone('Mars/Olympus')).toThrow(ConfigError);
		expect(() => checkTimeZone('Mars/Olympus')).toThrow('Time zone "Mars/Olympus" is not a known time zone');
		expect(() => checkTimeZone('Beijing', 'timeZone')).toThrow(InputError);
		expect(() => checkTimeZone('Beijing', 'timeZone')).toThrow('field "timeZone" is "Beijing", which is not a known time zone');
		expect(() => checkTimeZone('', 'timeZone')).toThrow('is not a known time zone');
	});

	it('refuses a UTC offset as a zone on every Node version (Node 24 takes "+08:00", Node 20 does not), and keeps the Etc/GMT names', () => {
		for (const offset of ['+08:00', '+0800', '+08', '-05:00', 'GMT+8', 'UTC+8', 'GMT+08:00', 'utc-5', '\u221205:00']) {
			expect(() => checkTimeZone(offset, 'timeZone')).toThrow(`field "timeZone" is "${offset}", which is a UTC offset, not an IANA time zone`);
			expect(() => checkTimeZone(offset)).toThrow(`Time zone "${offset}" is a UTC offset, not an IANA time zone`);
		}
		expect(checkTimeZone('Etc/GMT-8')).toBe('Etc/GMT-8');
		// POSIX-style names are links since tzdata 2024b; Node 24 kept them as given, Node 20 resolved them.
		expect(['EST5EDT', 'cst6cdt', 'MST7MDT', 'PST8PDT'].map((name) => checkTimeZone(name))).toEqual(['America/New_York', 'America/Chicago', 'America/Denver', 'America/Los_Angeles']);
		expect(checkTimeZone('GMT')).toBe('UTC');
	});

	describe('America/New_York across DST', () => {
		const ny = 'America/New_York';
		it('keeps 09:30 local on both sides of the March change (EST -05:00 -> EDT -04:00)', () => {
			expect(zonedInstant(day(2025, 3, 7), 9 * 60 + 30, ny).toISOString()).toBe('2025-03-07T14:30:00.000Z');
			expect(zonedInstant(day(2025, 3, 10), 9 * 60 + 30, ny).toISOString()).toBe('2025-03-10T13:30:00.000Z');
		});
		it('keeps 09:30 local on both sides of the November change', () => {
			expect(zonedInstant(day(2025, 10, 31), 9 * 60 + 30, ny).toISOString()).toBe('2025-10-31T13:30:00.000Z');
			expect(zonedInstant(day(2025, 11, 3), 9 * 60 + 30, ny).toISOString()).toBe('2025-11-03T14:30:00.000Z');
		});
		it('reads a skipped time with the offset before the gap (RFC 5545): 02:30 on 9 March is 03:30 EDT', () => {
			expect(zonedInstant(day(2025, 3, 9), 2 * 60 + 30, ny).toISOString()).toBe('2025-03-09T07:30:00.000Z');
		});
		it('reads a repeated time as its first occurrence: 01:30 on 2 November is EDT', () => {
			expect(zonedInstant(day(2025, 11, 2), 60 + 30, ny).toISOString()).toBe('2025-11-02T05:30:00.000Z');
		});
		it('gives local day and minute of an instant, also on the short and the long day', () => {
			expect(localDayAndMinute(new Date('2025-03-09T07:30:00Z'), ny)).toEqual({ dayNumber: day(2025, 3, 9), minute: 3 * 60 + 30 });
			expect(localDayAndMinute(new Date('2025-11-02T06:30:00Z'), ny)).toEqual({ dayNumber: day(2025, 11, 2), minute: 60 + 30 });
		});
	});

	// Checked against Intl (not the offsets zonedInstant uses): on every DST-change day of 2024-2026, each
	// wall-clock minute that exists is the earliest instant showing it; one that does not is shifted by the gap.
	it.each(['Europe/Berlin', 'Europe/London', 'Australia/Sydney', 'Australia/Lord_Howe', 'Asia/Beirut', 'America/New_York', 'America/Santiago', 'America/Havana'])(
		'reads every minute of the DST-change days in %s as RFC 5545 does: first occurrence, offset before a gap',
		(zone) => {
			const format = new Intl.DateTimeFormat('en-CA', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
			const wallOf = (ms: number) => {
				const p = Object.fromEntries(format.formatToParts(new Date(ms)).map((x) => [x.type, Number(x.value)]));
				return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute);
			};
			const wrong: string[] = [];
			let changeDays = 0;
			for (let n = day(2024, 1, 1); n <= day(2026, 12, 31); n++) {
				// The day of a change and the day before (a zone changing at midnight repeats the hour before it).
				if (uniformDayOffset(n, zone) !== undefined && uniformDayOffset(n + 1, zone) !== undefined && offsetMinutes(zone, new Date(n * 86_400_000)) === offsetMinutes(zone, new Date((n + 2) * 86_400_000))) continue;
				changeDays++;
				for (let minute = 0; minute < 1440; minute++) {
					const wall = (n * 1440 + minute) * 60_000;
					const instant = zonedInstant(n, minute, zone).getTime();
					const shown = wallOf(instant);
					// An earlier instant (the repeated half hour or hour) showing the same wall time.
					const earlier = [30, 60].some((m) => wallOf(instant - m * 60_000) === wall);
					const gap = shown - wall;
					if (earlier || (gap !== 0 && !(gap > 0 && gap <= 3_600_000 && wallOf(instant - gap) !== wall))) wrong.push(`${n}:${minute} -> ${new Date(instant).toISOString()}`);
				}
			}
			expect(changeDays).toBeGreaterThanOrEqual(6);
			expect(wrong.slice(0, 5)).toEqual([]);
		},
	);

	it.each([
		['Europe/Berlin', 2025, 10, 26, 150, '2025-10-26T00:30:00.000Z'],
		['Europe/London', 2025, 10, 26, 90, '2025-10-26T00:30:00.000Z'],
		['Australia/Sydney', 2025, 4, 6, 150, '2025-04-05T15:30:00.000Z'],
		['Australia/Lord_Howe', 2025, 4, 6, 105, '2025-04-05T14:45:00.000Z'],
		['Asia/Beirut', 2024, 10, 26, 1410, '2024-10-26T20:30:00.000Z'],
		['Europe/Berlin', 2025, 3, 30, 150, '2025-03-30T01:30:00.000Z'],
	])('reads a repeated or skipped time east of UTC as in the west: %s %i-%i-%i minute %i', (zone, y, m, d, minute, iso) => {
		expect(zonedInstant(day(y, m, d), minute, zone).toISOString()).toBe(iso);
	});

	it('puts an instant on different local days across a year end', () => {
		const instant = new Date('2026-01-01T04:30:00Z');
		expect(localDayAndMinute(instant, 'America/New_York')).toEqual({ dayNumber: day(2025, 12, 31), minute: 23 * 60 + 30 });
		expect(localDayAndMinute(instant, 'Asia/Shanghai')).toEqual({ dayNumber: day(2026, 1, 1), minute: 12 * 60 + 30 });
		expect(localDayAndMinute(instant, 'UTC')).toEqual({ dayNumber: day(2026, 1, 1), minute: 4 * 60 + 30 });
	});

	it('computes Asia/Shanghai (no DST) wall times', () => {
		expect(zonedInstant(day(2025, 10, 9), 9 * 60 + 30, 'Asia/Shanghai').toISOString()).toBe('2025-10-09T01:30:00.000Z');
	});

	it('knows which local days keep one UTC offset', () => {
		expect(uniformDayOffset(day(2025, 3, 8), 'America/New_York')).toBe(-300);
		expect(uniformDayOffset(day(2025, 3, 9), 'America/New_York')).toBeUndefined();
		expect(uniformDayOffset(day(2025, 3, 10), 'America/New_York')).toBe(-240);
		expect(uniformDayOffset(day(2025, 11, 2), 'America/New_York')).toBeUndefined();
		expect(uniformDayOffset(day(2025, 11, 3), 'America/New_York')).toBe(-300);
		expect(uniformDayOffset(day(2025, 3, 9), 'Asia/Shanghai')).toBe(480);
		expect(uniformDayOffset(day(2025, 3, 9), 'Asia/Kathmandu')).toBe(345);
		expect(uniformDayOffset(day(2025, 3, 9), 'UTC')).toBe(0);
	});

	it('writes offsets as ISO 8601 does', () => {
		expect([480, -240, 345, 0, -570].map(formatOffset)).toEqual(['+08:00', '-04:00', '+05:45', '+00:00', '-09:30']);
	});

	it.each(['America/New_York', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'Europe/London', 'America/Santiago'])(
		'converts by the uniform offset exactly as the full conversion does, every day of 2025 and 2026 in %s',
		(zone) => {
			const mismatches: string[] = [];
			let nonUniform = 0;
			for (let n = day(2025, 1, 1); n <= day(2026, 12, 31); n++) {
				const offset = uniformDayOffset(n, zone);
				if (offset === undefined) {
					nonUniform++;
					continue;
				}
				for (const minute of [0, 9 * 60 + 30, 23 * 60 + 59]) {
					const fast = (n * 1440 + minute - offset) * 60_000;
					if (zonedInstant(n, minute, zone).getTime() !== fast) mismatches.push(`${n}:${minute}`);
				}
			}
			expect(mismatches).toEqual([]);
			// Two DST changes a year where the zone has them. Santiago changes at midnight: the repeated
			// hour ends Saturday and wall times take its first occurrence, so only the spring day differs.
			const expected: Record<string, number> = { 'Asia/Kathmandu': 0, 'America/Santiago': 2 };
			expect(nonUniform).toBe(expected[zone] ?? 4);
		},
	);
});
