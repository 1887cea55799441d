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
import { newMoonsBetween } from './newMoon';
import { runZoneProbe } from './zoneProbe.helper';

interface LunarJavascriptDay {
	getYear(): number;
	/** Negative for a leap month. */
	getMonth(): number;
	getDay(): number;
}
interface LunarJavascriptMonth {
	getYear(): number;
	/** Negative for a leap month. */
	getMonth(): number;
	getDayCount(): number;
	getFirstJulianDay(): number;
}
// lunar-javascript ships no type declarations.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { Solar, LunarYear } = require('lunar-javascript') as {
	Solar: { fromYmd(y: number, m: number, d: number): { getLunar(): LunarJavascriptDay }; fromJulianDay(jd: number): { toYmd(): string } };
	LunarYear: { fromYear(year: number): { getMonths(): LunarJavascriptMonth[]; getLeapMonth(): number } };
};

const d = (iso: string) => dayNumberFromIso(iso)!;

describe('lunar calendar (农历)', () => {
	it('has the same months as lunar-javascript (an independent, astronomically computed calendar) in lunar years 1900-2100: first day, length, leap', () => {
		const disagreements: string[] = [];
		let months = 0;
		for (let year = 1900; year <= 2100; year++) {
			for (const month of LunarYear.fromYear(year).getMonths()) {
				if (month.getYear() !== year) continue;
				months++;
				const isLeap = month.getMonth() < 0;
				const number = Math.abs(month.getMonth());
				const first = d(Solar.fromJulianDay(month.getFirstJulianDay()).toYmd());
				const ours = fromLunar({ year, month: number, day: 1, isLeap });
				if (ours !== first || lunarMonthLength(year, number, isLeap) !== month.getDayCount()) {
					disagreements.push(`${year}-${isLeap ? 'L' : ''}${number}: ${ours === undefined ? 'none' : formatDayNumber(ours)} vs ${formatDayNumber(first)}`);
				}
			}
			const leap = LunarYear.fromYear(year).getLeapMonth();
			if (leapMonthOf(year) !== leap) disagreements.push(`${year}: leap month ${leapMonthOf(year)} vs ${leap}`);
		}
		expect(months).toBe(2486);
		expect(disagreements).toEqual([]);
	});

	it('converts every day of lunar years 1900-2100 into its month and back, the same as lunar-javascript on a sample of days', () => {
		const roundTripFailures: string[] = [];
		const disagreements: string[] = [];
		for (let n = firstLunarDayNumber(); n <= lastLunarDayNumber(); n++) {
			const ours = toLunar(n)!;
			if (fromLunar(ours) !== n) roundTripFailures.push(formatDayNumber(n));
			if (n % 37 !== 0) continue;
			const { year, month, day } = fromDayNumber(n);
			const theirs = Solar.fromYmd(year, month, day).getLunar();
			if (ours.year !== theirs.getYear() || (ours.isLeap ? -ours.month : ours.month) !== theirs.getMonth() || ours.day !== theirs.getDay()) {
				disagreements.push(formatDayNumber(n));
			}
		}
		expect(formatDayNumber(firstLunarDayNumber())).toBe('1900-01-31');
		expect(formatDayNumber(lastLunarDayNumber())).toBe('2101-01-28');
		expect(roundTripFailures).toEqual([]);
		expect(disagreements).toEqual([]);
	});

	it('starts every month on the day of the astronomical new moon in China time, where the new moon is not within minutes of midnight', () => {
		const starts: string[] = [];
		let nearMidnight = 0;
		for (const ms of newMoonsBetween(Date.UTC(1900, 0, 30), Date.UTC(2101, 0, 28))) {
			// China Standard Time (UTC+8) from 1929; Beijing mean solar time (UTC+7:45:40) before.
			const offsetMinutes = new Date(ms).getUTCFullYear() >= 1929 ? 480 : 465 + 40 / 60;
			const localMinutes = ms / 60_000 + offsetMinutes;
			const minuteOfDay = ((localMinutes % 1440) + 1440) % 1440;
			// Within 10 minutes of midnight the day depends on ΔT and the model: lunar-javascript decides those.
			if (minuteOfDay < 10 || minuteOfDay > 1430) {
				nearMidnight++;
				continue;
			}
			const day = Math.floor(localMinutes / 1440);
			if (toLunar(day)?.day !== 1) starts.push(`${formatDayNumber(day)} (new moon ${minuteOfDay.toFixed(0)} min after midnight)`);
		}
		expect(starts).toEqual([]);
		expect(nearMidnight).toBeLessThan(40);
	});

	it('corrects the four months the chinese-days 1.5.7 table has a day off, and only those', () => {
		const differences: string[] = [];
		for (let n = firstLunarDayNumber(); n <= lastLunarDayNumber(); n++) {
			const { year, month, day } = fromDayNumber(n);
			const theirs = getLunarDate(new Date(Date.UTC(year, month - 1, day, 12)));
			const ours = toLunar(n)!;
			if (ours.month !== theirs.lunarMon || ours.day !== theirs.lunarDay || ours.isLeap !== theirs.isLeap) differences.push(formatDayNumber(n));
		}
		const runs: string[] = [];
		for (let i = 0; i < differences.length; i++) {
			const first = differences[i];
			while (i + 1 < differences.length && d(differences[i + 1]) === d(differences[i]) + 1) i++;
			runs.push(`${first}..${differences[i]}`);
		}
		expect(runs).toEqual(['1933-07-22..1933-08-20', '1996-07-15..1996-08-13', '1996-09-12..1996-10-11', '2060-04-30..2060-05-29']);
		expect(toLunar(d('1933-07-22'))).toEqual({ year: 1933, month: 5, day: 30, isLeap: true });
		expect(toLunar(d('1933-07-23'))).toEqual({ year: 1933, month: 6, day: 1, isLeap: false });
		expect(toLunar(d('1996-07-16'))).toEqual({ year: 1996, month: 6, day: 1, isLeap: false });
		expect(toLunar(d('1996-09-13'))).toEqual({ year: 1996, month: 8, day: 1, isLeap: false });
		expect(toLunar(d('2060-04-30'))).toEqual({ year: 2060, month: 4, day: 1, isLeap: false });
		// Born 1996-07-20 (lunar 6/5): the 2026 lunar birthday is 2026-07-18, not 07-19.
		const born = toLunar(d('1996-07-20'))!;
		expect(born).toEqual({ year: 1996, month: 6, day: 5, isLeap: false });
		expect(formatDayNumber(fromLunar({ ...born, year: 2026 })!)).toBe('2026-07-18');
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
