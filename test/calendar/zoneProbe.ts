// Run in a child process with TZ set (see chinaHolidays.test.ts / lunar.test.ts): prints what the calendar
// computes, so tests can check that the process time zone changes nothing.
import { getDayDetail } from 'chinese-days';
import {
	chinaHolidayDataYears,
	chinaHolidayYear,
	dayNumberFromIso,
	formatDayNumber,
	fromDayNumber,
	fromLunar,
	toDayNumber,
	toLunar,
	weekdayOf,
} from '../../nodes/shared/calendar';

/** Days 2004-2026 where the package's getDayDetail (given local noon) and this module disagree on "worked". */
function libraryDisagreements(): { checkedDays: number; days: string[] } {
	const days: string[] = [];
	let checkedDays = 0;
	for (let n = toDayNumber(2004, 1, 1); n <= toDayNumber(2026, 12, 31); n++) {
		const { year, month, day } = fromDayNumber(n);
		const detail = getDayDetail(new Date(year, month - 1, day, 12));
		const listed = chinaHolidayYear(year).days.get(n);
		const work = listed ? listed.work : weekdayOf(n) !== 0 && weekdayOf(n) !== 6;
		if (detail.work !== work) days.push(formatDayNumber(n));
		checkedDays++;
	}
	return { checkedDays, days };
}


const year = chinaHolidayYear(2025);
const listed = (work: boolean) =>
	[...year.days]
		.filter(([, d]) => d.work === work)
		.map(([n]) => formatDayNumber(n))
		.sort();
const library = libraryDisagreements();
process.stdout.write(
	JSON.stringify({
		dataYears: chinaHolidayDataYears(),
		checkedDays: library.checkedDays,
		libraryDisagreements: library.days,
		offsetMinutes: new Date(2025, 0, 1).getTimezoneOffset(),
		off: listed(false),
		work: listed(true),
		lunarOf20250129: toLunar(dayNumberFromIso('2025-01-29')!),
		lunarOf20250725: toLunar(dayNumberFromIso('2025-07-25')!),
		solarOfLeap6Day10: formatDayNumber(fromLunar({ year: 2025, month: 6, day: 10, isLeap: true })!),
		solarOf6Day1: formatDayNumber(fromLunar({ year: 2025, month: 6, day: 1, isLeap: false })!),
	}),
);
