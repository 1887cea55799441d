import { chinaHolidayYear, formatDayNumber } from '../../nodes/shared/calendar';
import { runZoneProbe } from './zoneProbe.helper';

/** Expands "MM-DD" and "MM-DD..MM-DD" entries of one year. */
function days(year: number, entries: string[]): string[] {
	const out: string[] = [];
	for (const entry of entries) {
		const [from, to = from] = entry.split('..');
		const start = Date.UTC(year, Number(from.slice(0, 2)) - 1, Number(from.slice(3)));
		const end = Date.UTC(year, Number(to.slice(0, 2)) - 1, Number(to.slice(3)));
		for (let ms = start; ms <= end; ms += 86_400_000) out.push(new Date(ms).toISOString().slice(0, 10));
	}
	return out.sort();
}

// Transcribed from the State Council General Office notices:
// 2025: 国办发明电〔2024〕12号 (12 Nov 2024); 2026: 国办发明电〔2025〕7号 (Nov 2025).
const OFFICIAL = {
	2025: {
		off: days(2025, ['01-01', '01-28..02-04', '04-04..04-06', '05-01..05-05', '05-31..06-02', '10-01..10-08']),
		work: days(2025, ['01-26', '02-08', '04-27', '09-28', '10-11']),
	},
	2026: {
		off: days(2026, ['01-01..01-03', '02-15..02-23', '04-04..04-06', '05-01..05-05', '06-19..06-21', '09-25..09-27', '10-01..10-07']),
		work: days(2026, ['01-04', '02-14', '02-28', '05-09', '09-20', '10-10']),
	},
};

function listed(year: number, work: boolean): string[] {
	return [...chinaHolidayYear(year).days]
		.filter(([, d]) => d.work === work)
		.map(([n]) => formatDayNumber(n))
		.sort();
}

describe('mainland China public holidays and make-up working days (chinese-days data)', () => {
	it.each([2025, 2026] as const)('matches the State Council notice for %i', (year) => {
		expect(listed(year, false)).toEqual(OFFICIAL[year].off);
		expect(listed(year, true)).toEqual(OFFICIAL[year].work);
	});

	it('names the holidays in English and Chinese', () => {
		const y2025 = chinaHolidayYear(2025).days;
		const springEve = [...y2025].find(([n]) => formatDayNumber(n) === '2025-01-28')![1];
		expect(springEve).toEqual({ work: false, nameEn: 'Spring Festival', nameZh: '春节' });
		const makeUp = [...chinaHolidayYear(2026).days].find(([n]) => formatDayNumber(n) === '2026-02-28')![1];
		expect(makeUp).toEqual({ work: true, nameEn: 'Spring Festival', nameZh: '春节' });
	});

	it('agrees with the package\'s own getDayDetail for every day 2004-2026 when the process runs in UTC', () => {
		const probe = runZoneProbe('UTC');
		expect(probe.offsetMinutes).toBe(0);
		expect(probe.dataYears[0]).toBe(2004);
		expect(probe.dataYears[probe.dataYears.length - 1]).toBe(2026);
		expect(probe.checkedDays).toBe(8401);
		expect(probe.libraryDisagreements).toEqual([]);
	});

	it('documents why the package\'s query functions are not used: west of UTC they shift holidays a day earlier', () => {
		const probe = runZoneProbe('America/New_York');
		expect(probe.libraryDisagreements).toContain('2025-12-31');
		expect(probe.libraryDisagreements).toContain('2025-01-01');
		// ...while this module's reading is unaffected (checked against the notice below).
		expect(probe.off).toEqual(OFFICIAL[2025].off);
	});

	it('says when a year has no notice yet', () => {
		expect(chinaHolidayYear(2026).hasData).toBe(true);
		expect(chinaHolidayYear(2027).hasData).toBe(false);
		expect(chinaHolidayYear(2027).days.size).toBe(0);
	});

	it.each([
		['America/New_York', 300],
		['Pacific/Kiritimati', -840],
		['Asia/Shanghai', -480],
	])('reads the same days when the process runs in %s', (zone, minutesBehindUtc) => {
		const probe = runZoneProbe(zone);
		// The zone really applied to the child process.
		expect(probe.offsetMinutes).toBe(minutesBehindUtc);
		expect(probe.off).toEqual(OFFICIAL[2025].off);
		expect(probe.work).toEqual(OFFICIAL[2025].work);
	});
});
