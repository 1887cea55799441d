import { dayNumberFromIso, festivalsBetween, formatDayNumber } from '../../nodes/shared/calendar';

const d = (iso: string) => dayNumberFromIso(iso)!;
const list = (from: string, to: string, keys?: Parameters<typeof festivalsBetween>[2]) =>
	festivalsBetween(d(from), d(to), keys).map((f) => `${formatDayNumber(f.dayNumber)} ${f.key}`);

describe('festivals', () => {
	it('dates the Chinese festivals of 2025 and 2026', () => {
		const keys = ['chineseNewYearsEve', 'springFestival', 'lanternFestival', 'dragonBoatFestival', 'qixiFestival', 'midAutumnFestival', 'doubleNinthFestival'] as const;
		expect(list('2025-01-01', '2026-12-31', keys)).toEqual([
			'2025-01-28 chineseNewYearsEve',
			'2025-01-29 springFestival',
			'2025-02-12 lanternFestival',
			'2025-05-31 dragonBoatFestival',
			'2025-08-29 qixiFestival',
			'2025-10-06 midAutumnFestival',
			'2025-10-29 doubleNinthFestival',
			'2026-02-16 chineseNewYearsEve',
			'2026-02-17 springFestival',
			'2026-03-03 lanternFestival',
			'2026-06-19 dragonBoatFestival',
			'2026-08-19 qixiFestival',
			'2026-09-25 midAutumnFestival',
			'2026-10-18 doubleNinthFestival',
		]);
	});

	it('dates the floating Western days', () => {
		expect(list('2025-01-01', '2025-12-31', ['mothersDay', 'fathersDay', 'thanksgiving'])).toEqual([
			'2025-05-11 mothersDay',
			'2025-06-15 fathersDay',
			'2025-11-27 thanksgiving',
		]);
		expect(list('2026-01-01', '2026-12-31', ['mothersDay', 'fathersDay', 'thanksgiving'])).toEqual([
			'2026-05-10 mothersDay',
			'2026-06-21 fathersDay',
			'2026-11-26 thanksgiving',
		]);
	});

	it('finds festivals in a window across the year end, in date order', () => {
		expect(list('2025-12-20', '2026-01-05')).toEqual(['2025-12-24 christmasEve', '2025-12-25 christmas', '2026-01-01 newYearsDay']);
	});
});
