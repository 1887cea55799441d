import { ConfigError, describeValue, PLAUSIBLE_DATES } from '../input';
import { dayNumberFromIso, formatDayNumber } from './civilDate';

export const DATE_LIST_EXPECTED =
	'dates as YYYY-MM-DD separated by commas or new lines, ranges as YYYY-MM-DD..YYYY-MM-DD, or a JSON array of such strings';

/** The days any date of the package may lie on (PLAUSIBLE_DATES): a year typed as 0202 or 2205 is a mistake, not a date that never comes. */
const FIRST_DAY = PLAUSIBLE_DATES.from / 86_400_000;
const LAST_DAY = PLAUSIBLE_DATES.to / 86_400_000 - 1;

/** The longest range accepted in one entry: a typo like 2025..2052 should fail, not close 27 years. */
const MAX_RANGE_DAYS = 366;

function entriesOf(value: unknown, label: string): string[] {
	if (value === undefined || value === null) return [];
	if (Array.isArray(value)) return value.map((entry) => String(entry));
	if (typeof value !== 'string') {
		throw new ConfigError(`${label} ${describeValue(value)} is not a list of dates (expected ${DATE_LIST_EXPECTED})`);
	}
	const text = value.trim();
	if (text.startsWith('[')) {
		let parsed: unknown;
		try {
			parsed = JSON.parse(text);
		} catch {
			throw new ConfigError(`${label} ${describeValue(text)} is not valid JSON (expected ${DATE_LIST_EXPECTED})`);
		}
		if (!Array.isArray(parsed)) throw new ConfigError(`${label} ${describeValue(text)} is not a list (expected ${DATE_LIST_EXPECTED})`);
		return parsed.map((entry) => String(entry));
	}
	return text.split(/[,;，；\s]+/);
}

/**
 * Parses a list of calendar dates such as "2025-12-24, 2025-12-31" or "2026-02-09..2026-02-13" into
 * day numbers. Every entry must be a real date; the error names the entry that is not.
 */
export function parseDateList(value: unknown, label: string): Set<number> {
	const days = new Set<number>();
	for (const raw of entriesOf(value, label)) {
		const entry = raw.trim();
		if (!entry) continue;
		const [from, to, extra] = entry.split('..');
		const start = dayNumberFromIso(from.trim());
		const end = to === undefined ? start : dayNumberFromIso(to.trim());
		if (start === undefined || end === undefined || extra !== undefined) {
			throw new ConfigError(`${label}: ${describeValue(entry)} is not a date or date range (expected ${DATE_LIST_EXPECTED})`);
		}
		if (start < FIRST_DAY || end > LAST_DAY) {
			throw new ConfigError(`${label}: ${describeValue(entry)} is outside the plausible range (expected dates from ${formatDayNumber(FIRST_DAY)} to ${formatDayNumber(LAST_DAY)})`);
		}
		if (end < start || end - start >= MAX_RANGE_DAYS) {
			throw new ConfigError(
				`${label}: ${describeValue(entry)} is not a valid range (expected the first date on or before the second, at most ${MAX_RANGE_DAYS} days)`,
			);
		}
		for (let day = start; day <= end; day++) days.add(day);
	}
	return days;
}
