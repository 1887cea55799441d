import { toDayNumber, uniformDayOffset, zonedInstant } from '../../nodes/shared/calendar';
import { dateMsReaderNotAfter, parseDate } from '../../nodes/shared/input';

const DAY_MS = 86_400_000;
const asOf = new Date('2030-01-01T00:00:00Z');
const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A date-time text without an offset is a wall-clock time in the zone, read as RFC 5545 reads it: the
 * first occurrence of a repeated time, east of UTC as in the west, and the offset before a gap. Both
 * date readers read it as zonedInstant does (which test/calendar/timeZone.test.ts checks against Intl
 * minute by minute).
 */
describe('wall-clock times in a zone', () => {
	it.each(['Europe/Berlin', 'Europe/London', 'Australia/Sydney', 'Australia/Lord_Howe', 'Asia/Beirut', 'America/New_York', 'America/Santiago'])(
		'are read by both date readers as the calendar reads them on every DST-change day of 2024-2026 in %s',
		(zone) => {
			const read = dateMsReaderNotAfter(asOf, { timeZone: zone });
			const wrong: string[] = [];
			let changeDays = 0;
			for (let n = toDayNumber(2024, 1, 1); n <= toDayNumber(2026, 12, 31); n++) {
				if (uniformDayOffset(n, zone) !== undefined && uniformDayOffset(n + 1, zone) !== undefined) continue;
				changeDays++;
				const date = new Date(n * DAY_MS).toISOString().slice(0, 10);
				for (let minute = 0; minute < 1440; minute += 5) {
					const text = `${date}T${pad(Math.floor(minute / 60))}:${pad(minute % 60)}:00`;
					const want = zonedInstant(n, minute, zone).getTime();
					const parsed = parseDate(text, 'd', { timeZone: zone }).getTime();
					const fast = read(text, 'd');
					if (parsed !== want || fast !== want) wrong.push(`${text}: ${new Date(parsed).toISOString()} / ${new Date(fast).toISOString()}, want ${new Date(want).toISOString()}`);
				}
			}
			expect(changeDays).toBeGreaterThanOrEqual(6);
			expect(wrong.slice(0, 5)).toEqual([]);
		},
	);

	it.each([
		['2025-10-26T02:30:00', 'Europe/Berlin', '2025-10-26T00:30:00.000Z'],
		['2025-10-26 01:30', 'Europe/London', '2025-10-26T00:30:00.000Z'],
		['2025-04-06T02:30:00', 'Australia/Sydney', '2025-04-05T15:30:00.000Z'],
		['2025-11-02T01:30:00', 'America/New_York', '2025-11-02T05:30:00.000Z'],
		['2025-03-09T02:30:00', 'America/New_York', '2025-03-09T07:30:00.000Z'],
		// Shanghai kept local mean time (+08:05:43) until 1901: whole seconds, no stray milliseconds.
		['1900-06-01T12:00:00', 'Asia/Shanghai', '1900-06-01T03:54:17.000Z'],
	])('%s in %s is %s', (text, zone, iso) => {
		expect(parseDate(text, 'd', { timeZone: zone }).toISOString()).toBe(iso);
		expect(new Date(dateMsReaderNotAfter(asOf, { timeZone: zone })(text, 'd')).toISOString()).toBe(iso);
	});
});
