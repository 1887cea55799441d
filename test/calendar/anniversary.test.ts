import { dayNumberFromIso, formatDayNumber, observedGregorianDay, observedLunarDay } from '../../nodes/shared/calendar';

describe('observed anniversaries', () => {
	it('keeps 29 February in leap years and moves it by the chosen rule otherwise', () => {
		expect(observedGregorianDay(2028, 2, 29, 'feb28')).toEqual({ dayNumber: dayNumberFromIso('2028-02-29') });
		expect(observedGregorianDay(2025, 2, 29, 'feb28')).toEqual({ dayNumber: dayNumberFromIso('2025-02-28'), shift: 'feb29ToFeb28' });
		expect(observedGregorianDay(2025, 2, 29, 'mar1')).toEqual({ dayNumber: dayNumberFromIso('2025-03-01'), shift: 'feb29ToMar1' });
		expect(observedGregorianDay(2100, 2, 29, 'mar1')).toEqual({ dayNumber: dayNumberFromIso('2100-03-01'), shift: 'feb29ToMar1' });
		expect(observedGregorianDay(2025, 12, 31, 'feb28')).toEqual({ dayNumber: dayNumberFromIso('2025-12-31') });
	});

	it('observes a leap-month (闰六月) birthday in the leap month when the year has one, else in the regular month', () => {
		// Born 2025-08-03 = lunar leap 6/10 of 2025.
		expect(formatDayNumber(observedLunarDay(2025, 6, 10, true)!.dayNumber)).toBe('2025-08-03');
		// 2026 has no leap month: regular 6/10 of 2026.
		const y2026 = observedLunarDay(2026, 6, 10, true)!;
		expect(formatDayNumber(y2026.dayNumber)).toBe('2026-07-23');
		expect(y2026.shift).toBe('leapMonthAsRegular');
		// 2036 has a leap 6th month again (30 days).
		expect(observedLunarDay(2036, 6, 10, true)!.shift).toBeUndefined();
	});

	it('observes a regular 6th-month birthday in the regular month also in a year with a leap 6th month', () => {
		expect(formatDayNumber(observedLunarDay(2025, 6, 10, false)!.dayNumber)).toBe('2025-07-04');
	});

	it('observes a 30th-day birthday on the 29th in a 29-day month', () => {
		// The 7th lunar month has 30 days in 2025 (2025-08-23..09-21) and 29 in 2026.
		expect(observedLunarDay(2025, 7, 30, false)).toEqual({ dayNumber: dayNumberFromIso('2025-09-21'), shift: undefined });
		const short = observedLunarDay(2026, 7, 30, false)!;
		expect(short.shift).toBe('lastDayOfLunarMonth');
		expect(short.dayNumber).toBe(observedLunarDay(2026, 7, 29, false)!.dayNumber);
		expect(observedLunarDay(2026, 8, 1, false)!.dayNumber).toBe(short.dayNumber + 1);
		// A leap 6/30 birthday from 2036 (30-day leap month) in 2025, whose leap 6th month has only 29 days.
		const leapShort = observedLunarDay(2025, 6, 30, true)!;
		expect(leapShort.shift).toBe('lastDayOfLunarMonth');
		expect(formatDayNumber(leapShort.dayNumber)).toBe('2025-08-22');
	});

	it('is undefined outside the lunar data range', () => {
		expect(observedLunarDay(2101, 1, 1, false)).toBeUndefined();
	});
});
