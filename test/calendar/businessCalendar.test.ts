import { BusinessCalendar, dayNumberFromIso, formatDayNumber, parseDateList } from '../../nodes/shared/calendar';

const d = (iso: string) => dayNumberFromIso(iso)!;
const openDays = (cal: BusinessCalendar, from: string, to: string) => {
	const out: string[] = [];
	for (let n = d(from); n <= d(to); n++) if (cal.isOpen(n)) out.push(formatDayNumber(n));
	return out;
};

describe('business calendar', () => {
	const china = new BusinessCalendar({ publicHolidays: 'CN' });
	const plain = new BusinessCalendar();

	it('2025 Spring Festival: 01-28..02-04 closed, Sunday 01-26 and Saturday 02-08 worked', () => {
		expect(openDays(china, '2025-01-25', '2025-02-09')).toEqual([
			'2025-01-26',
			'2025-01-27',
			'2025-02-05',
			'2025-02-06',
			'2025-02-07',
			'2025-02-08',
		]);
		expect(china.dayStatus(d('2025-01-26'))).toEqual({ open: true, kind: 'makeUpWorkday', holiday: { en: 'Spring Festival', zh: '春节' } });
		expect(china.dayStatus(d('2025-02-03'))).toEqual({ open: false, kind: 'publicHoliday', holiday: { en: 'Spring Festival', zh: '春节' } });
	});

	it('2025 National Day and Mid-Autumn: 10-01..10-08 closed, 09-28 and 10-11 worked', () => {
		expect(openDays(china, '2025-09-27', '2025-10-12')).toEqual([
			'2025-09-28',
			'2025-09-29',
			'2025-09-30',
			'2025-10-09',
			'2025-10-10',
			'2025-10-11',
		]);
		expect(formatDayNumber(china.nextOpenDay(d('2025-10-01')))).toBe('2025-10-09');
		expect(formatDayNumber(china.addOpenDays(d('2025-09-30'), 1))).toBe('2025-10-09');
		expect(formatDayNumber(china.addOpenDays(d('2025-09-26'), 1))).toBe('2025-09-28');
	});

	it('2026 Spring Festival: 02-15..02-23 closed, Saturdays 02-14 and 02-28 worked', () => {
		expect(openDays(china, '2026-02-13', '2026-03-01')).toEqual([
			'2026-02-13',
			'2026-02-14',
			'2026-02-24',
			'2026-02-25',
			'2026-02-26',
			'2026-02-27',
			'2026-02-28',
		]);
	});

	it('2026 National Day: 10-01..10-07 closed, Sunday 09-20 and Saturday 10-10 worked', () => {
		expect(china.isOpen(d('2026-09-20'))).toBe(true);
		expect(openDays(china, '2026-09-30', '2026-10-11')).toEqual(['2026-09-30', '2026-10-08', '2026-10-09', '2026-10-10']);
	});

	it('crosses the 2025/2026 year end onto the New Year make-up Sunday', () => {
		// 2026-01-01..03 (Thu-Sat) off, Sunday 01-04 worked.
		expect(formatDayNumber(china.addOpenDays(d('2025-12-31'), 1))).toBe('2026-01-04');
		expect(formatDayNumber(plain.addOpenDays(d('2025-12-31'), 1))).toBe('2026-01-01');
		expect(formatDayNumber(china.addOpenDays(d('2025-12-29'), 5))).toBe('2026-01-06');
	});

	it('without public holidays only working weekdays count', () => {
		expect(plain.isOpen(d('2025-10-01'))).toBe(true);
		expect(plain.isOpen(d('2025-09-28'))).toBe(false);
		expect(plain.dayStatus(d('2025-09-28'))).toEqual({ open: false, kind: 'dayOff' });
	});

	it('custom open and closed dates take precedence over everything else', () => {
		const cal = new BusinessCalendar({
			publicHolidays: 'CN',
			workingDays: [1, 2, 3, 4, 5, 6],
			extraClosed: parseDateList('2025-12-24, 2025-12-26..2025-12-27', 'Extra closed dates'),
			extraOpen: parseDateList('["2025-10-08", "2025-12-28"]', 'Extra open dates'),
		});
		expect(openDays(cal, '2025-12-22', '2025-12-29')).toEqual(['2025-12-22', '2025-12-23', '2025-12-25', '2025-12-28', '2025-12-29']);
		expect(cal.dayStatus(d('2025-10-08')).kind).toBe('customOpen');
		expect(cal.isOpen(d('2025-10-04'))).toBe(false); // a Saturday inside the holiday stays closed
		expect(cal.isOpen(d('2025-10-18'))).toBe(true); // an ordinary Saturday is a working day here
	});

	it('refuses a calendar without working days, or a date both closed and open', () => {
		expect(() => new BusinessCalendar({ workingDays: [] })).toThrow('Working days are empty');
		expect(
			() => new BusinessCalendar({ extraClosed: parseDateList('2025-12-24', 'c'), extraOpen: parseDateList('2025-12-24', 'o') }),
		).toThrow('2025-12-24 is listed both as an extra closed date and as an extra open date (expected each date in one list only)');
	});

	it('reports a calendar that is never open', () => {
		const closedYear = new BusinessCalendar({ workingDays: [1], extraClosed: parseDateList('2025-01-01..2025-12-31', 'c') });
		expect(formatDayNumber(closedYear.nextOpenDay(d('2025-06-01')))).toBe('2026-01-05');
	});

	it('flags years the China holiday data does not cover', () => {
		expect(china.lacksHolidayData(d('2026-12-31'))).toBe(false);
		expect(china.lacksHolidayData(d('2027-01-01'))).toBe(true);
		expect(plain.lacksHolidayData(d('2027-01-01'))).toBe(false);
	});
});

describe('date lists', () => {
	it('reads commas, new lines, JSON arrays, arrays and ranges', () => {
		expect([...parseDateList('2025-12-24\n2025-12-31', 'x')].map(formatDayNumber)).toEqual(['2025-12-24', '2025-12-31']);
		expect([...parseDateList(['2025-02-27..2025-03-01'], 'x')].map(formatDayNumber)).toEqual(['2025-02-27', '2025-02-28', '2025-03-01']);
		expect(parseDateList('', 'x').size).toBe(0);
		expect(parseDateList(undefined, 'x').size).toBe(0);
	});

	it.each([
		['2025-02-30', 'Extra closed dates: "2025-02-30" is not a date or date range'],
		['2025/12/24', 'Extra closed dates: "2025/12/24" is not a date or date range'],
		['2025-12-24, Christmas', '"Christmas" is not a date or date range'],
		['2025-12-31..2025-12-01', '"2025-12-31..2025-12-01" is not a valid range'],
		['2025-01-01..2027-01-01', 'is not a valid range'],
		['[2025-12-24', 'is not valid JSON'],
		['{"a":1}', 'is not a date or date range'],
		// A mistyped year is refused, not a closed day that never comes.
		['0202-12-24', 'Extra closed dates: "0202-12-24" is outside the plausible range (expected dates from 1900-01-01 to 2199-12-31)'],
		['2025-12-24, 2205-12-24', '"2205-12-24" is outside the plausible range'],
		['1899-12-31..1900-01-02', '"1899-12-31..1900-01-02" is outside the plausible range'],
		['["9999-01-01"]', '"9999-01-01" is outside the plausible range'],
	])('rejects %j', (text, message) => {
		expect(() => parseDateList(text, 'Extra closed dates')).toThrow(message);
	});
});
