import {
	dayNumberFromIso,
	daysInMonth,
	formatDayNumber,
	fromDayNumber,
	isLeapYear,
	toDayNumber,
	weekdayOf,
} from '../../nodes/shared/calendar';

describe('civil dates as day numbers', () => {
	it('agrees with Date.UTC for every day from 1899 to 2101', () => {
		const mismatches: string[] = [];
		let checked = 0;
		for (let ms = Date.UTC(1899, 0, 1); ms <= Date.UTC(2101, 11, 31); ms += 86_400_000) {
			const d = new Date(ms);
			const n = toDayNumber(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
			const back = fromDayNumber(n);
			const same =
				n === ms / 86_400_000 &&
				back.year === d.getUTCFullYear() &&
				back.month === d.getUTCMonth() + 1 &&
				back.day === d.getUTCDate() &&
				weekdayOf(n) === d.getUTCDay();
			if (!same) mismatches.push(d.toISOString());
			checked++;
		}
		// 203 years, 49 of them leap (1900 and 2100 are not)
		expect(checked).toBe(203 * 365 + 49);
		expect(mismatches).toEqual([]);
	});

	it('knows published weekdays', () => {
		expect(weekdayOf(toDayNumber(2025, 1, 1))).toBe(3); // Wednesday
		expect(weekdayOf(toDayNumber(2026, 2, 14))).toBe(6); // Saturday (make-up workday)
		expect(weekdayOf(toDayNumber(1970, 1, 1))).toBe(4); // Thursday
		expect(weekdayOf(toDayNumber(1969, 12, 31))).toBe(3);
	});

	it('handles leap years by the Gregorian rule', () => {
		expect([1900, 2000, 2023, 2024, 2025, 2100].map(isLeapYear)).toEqual([false, true, false, true, false, false]);
		expect(daysInMonth(2024, 2)).toBe(29);
		expect(daysInMonth(2025, 2)).toBe(28);
		expect(daysInMonth(2000, 2)).toBe(29);
		expect(daysInMonth(1900, 2)).toBe(28);
	});

	it('crosses year ends and leap days', () => {
		expect(formatDayNumber(toDayNumber(2025, 12, 31) + 1)).toBe('2026-01-01');
		expect(formatDayNumber(toDayNumber(2024, 2, 28) + 1)).toBe('2024-02-29');
		expect(formatDayNumber(toDayNumber(2025, 2, 28) + 1)).toBe('2025-03-01');
		expect(toDayNumber(2025, 1, 1) - toDayNumber(2024, 1, 1)).toBe(366);
	});

	it('reads strict YYYY-MM-DD and rejects impossible dates', () => {
		expect(dayNumberFromIso('2024-02-29')).toBe(toDayNumber(2024, 2, 29));
		expect(dayNumberFromIso('2025-02-29')).toBeUndefined();
		expect(dayNumberFromIso('1990-02-30')).toBeUndefined();
		expect(dayNumberFromIso('2025-13-01')).toBeUndefined();
		expect(dayNumberFromIso('2025-1-1')).toBeUndefined();
		expect(dayNumberFromIso('20250101')).toBeUndefined();
	});
});
