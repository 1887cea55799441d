import chineseDays from 'chinese-days/dist/chinese-days.json';
import { dayNumberFromIso, fromDayNumber } from './civilDate';

/**
 * Mainland China's official public holidays and make-up working days (调休), from the data file of
 * the `chinese-days` package (transcribed from the State Council's yearly notices, 2004 onwards).
 *
 * The package's query functions (isWorkday, getDayDetail) are not used: they build their tables
 * with local-time getters, so in a process running west of UTC (TZ=America/New_York) every holiday
 * moves one day earlier (2025-12-31 becomes New Year's Day). The JSON file has plain date keys.
 */
export interface ChinaListedDay {
	/** true: a make-up working day (调休上班), usually a Saturday or Sunday; false: a day off. */
	work: boolean;
	/** English name of the holiday the day belongs to, e.g. "Spring Festival". */
	nameEn: string;
	/** Chinese name, e.g. "春节". */
	nameZh: string;
}

export interface ChinaHolidayYear {
	year: number;
	/** false when the data has no notice for the year (then only weekends are known). */
	hasData: boolean;
	/** The days that differ from a plain Monday-Friday week, by day number. */
	days: ReadonlyMap<number, ChinaListedDay>;
}

type DateNames = Record<string, string>;

let byYear: Map<number, Map<number, ChinaListedDay>> | undefined;

function load(): Map<number, Map<number, ChinaListedDay>> {
	const years = new Map<number, Map<number, ChinaListedDay>>();
	const add = (entries: DateNames, work: boolean) => {
		for (const [iso, names] of Object.entries(entries)) {
			const dayNumber = dayNumberFromIso(iso);
			if (dayNumber === undefined) continue;
			const [nameEn, nameZh] = names.split(',');
			const year = fromDayNumber(dayNumber).year;
			let days = years.get(year);
			if (!days) years.set(year, (days = new Map()));
			days.set(dayNumber, { work, nameEn, nameZh: nameZh ?? nameEn });
		}
	};
	const data = chineseDays as { holidays: DateNames; workdays: DateNames };
	add(data.holidays, false);
	add(data.workdays, true);
	return years;
}

const EMPTY = new Map<number, ChinaListedDay>();

export function chinaHolidayYear(year: number): ChinaHolidayYear {
	if (!byYear) byYear = load();
	const days = byYear.get(year);
	return { year, hasData: days !== undefined, days: days ?? EMPTY };
}

/** The years the data covers, ascending. */
export function chinaHolidayDataYears(): number[] {
	if (!byYear) byYear = load();
	return [...byYear.keys()].sort((a, b) => a - b);
}
