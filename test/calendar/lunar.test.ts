import { getLunarDate } from 'chinese-days';
import {
	dayNumberFromIso,
	firstLunarDayNumber,
	formatDayNumber,
	formatLunarEn,
	formatLunarZh,
	fromDayNumber,
	fromLunar,
	lastLunarDayNumber,
	leapMonthOf,
	lunarMonthLength,
	lunarNewYear,
	toLunar,
} from '../../nodes/shared/calendar';
import { runZoneProbe } from './zoneProbe.helper';

const d = (iso: string) => dayNumberFromIso(iso)!;

describe('lunar calendar (农历)', () => {
	it('agrees with chinese-days getLunarDate on every day of lunar years 1900-2100, and round-trips', () => {
		const disagreements: string[] = [];
		const roundTripFailures: string[] = [];
		for (let n = firstLunarDayNumber(); n <= lastLunarDayNumber(); n++) {
			const { year, month, day } = fromDayNumber(n);
			// Noon UTC: the package's getLunarDate counts days with getTime(), so noon is safe in any zone.
			const theirs = getLunarDate(new Date(Date.UTC(year, month - 1, day, 12)));
			const ours = toLunar(n)!;
			if (ours.year !== theirs.lunarYear || ours.month !== theirs.lunarMon || ours.day !== theirs.lunarDay || ours.isLeap !== theirs.isLeap) {
				disagreements.push(formatDayNumber(n));
			}
			if (fromLunar(ours) !== n) roundTripFailures.push(formatDayNumber(n));
		}
		expect(formatDayNumber(firstLunarDayNumber())).toBe('1900-01-31');
		expect(formatDayNumber(lastLunarDayNumber())).toBe('2101-01-28');
		expect(disagreements).toEqual([]);
		expect(roundTripFailures).toEqual([]);
	});

	it('gives the published Spring Festival dates', () => {
		expect(formatDayNumber(lunarNewYear(2024)!)).toBe('2024-02-10');
		expect(formatDayNumber(lunarNewYear(2025)!)).toBe('2025-01-29');
		expect(formatDayNumber(lunarNewYear(2026)!)).toBe('2026-02-17');
		expect(formatDayNumber(lunarNewYear(2027)!)).toBe('2027-02-06');
	});

	it('knows the leap 6th month of 2025 (闰六月, 2025-07-25..2025-08-22, 29 days)', () => {
		expect(leapMonthOf(2025)).toBe(6);
		expect(leapMonthOf(2026)).toBe(0);
		expect(lunarMonthLength(2025, 6, true)).toBe(29);
		expect(lunarMonthLength(2025, 6, false)).toBe(30);
		expect(lunarMonthLength(2026, 6, true)).toBeUndefined();
		expect(toLunar(d('2025-07-24'))).toEqual({ year: 2025, month: 6, day: 30, isLeap: false });
		expect(toLunar(d('2025-07-25'))).toEqual({ year: 2025, month: 6, day: 1, isLeap: true });
		expect(toLunar(d('2025-08-22'))).toEqual({ year: 2025, month: 6, day: 29, isLeap: true });
		expect(toLunar(d('2025-08-23'))).toEqual({ year: 2025, month: 7, day: 1, isLeap: false });
		expect(formatDayNumber(fromLunar({ year: 2025, month: 6, day: 10, isLeap: true })!)).toBe('2025-08-03');
	});

	it('refuses lunar dates that do not exist', () => {
		expect(fromLunar({ year: 2025, month: 6, day: 30, isLeap: true })).toBeUndefined();
		expect(fromLunar({ year: 2026, month: 6, day: 1, isLeap: true })).toBeUndefined();
		expect(fromLunar({ year: 2025, month: 13, day: 1, isLeap: false })).toBeUndefined();
		expect(fromLunar({ year: 2101, month: 1, day: 1, isLeap: false })).toBeUndefined();
		expect(toLunar(d('1900-01-30'))).toBeUndefined();
	});

	it('crosses the Gregorian year end inside a lunar year', () => {
		expect(toLunar(d('2025-12-31'))).toEqual({ year: 2025, month: 11, day: 12, isLeap: false });
		expect(toLunar(d('2026-02-16'))).toEqual({ year: 2025, month: 12, day: 29, isLeap: false }); // 除夕 2026
	});

	it('writes lunar dates in Chinese and English', () => {
		expect(formatLunarZh({ month: 6, day: 10, isLeap: true })).toBe('闰六月初十');
		expect(formatLunarZh({ month: 1, day: 15, isLeap: false })).toBe('正月十五');
		expect(formatLunarZh({ month: 12, day: 30, isLeap: false })).toBe('腊月三十');
		expect(formatLunarZh({ month: 11, day: 21, isLeap: false })).toBe('冬月廿一');
		expect(formatLunarEn({ month: 6, day: 10, isLeap: true })).toBe('leap 6/10');
	});

	it.each(['America/New_York', 'Pacific/Kiritimati'])('converts the same way when the process runs in %s', (zone) => {
		const probe = runZoneProbe(zone);
		expect(probe.lunarOf20250129).toEqual({ year: 2025, month: 1, day: 1, isLeap: false });
		expect(probe.lunarOf20250725).toEqual({ year: 2025, month: 6, day: 1, isLeap: true });
		expect(probe.solarOfLeap6Day10).toBe('2025-08-03');
		expect(probe.solarOf6Day1).toBe('2025-06-25');
	});
});
