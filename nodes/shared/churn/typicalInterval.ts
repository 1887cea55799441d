import { ConfigError, describeValue, numberFromText, PLAUSIBLE } from '../input';
import { typicalInterval } from './signals';

/**
 * The typical interval of customers given with counts (GROUP BY summary rows): the median of the
 * intervals as if each row were repeated `count` times, without repeating it. With every count 1 it is
 * typicalInterval's median exactly.
 */
export function weightedTypicalInterval(intervals: ArrayLike<number>, counts: ArrayLike<number> | undefined): number | undefined {
	if (!counts) return typicalInterval(intervals);
	const rows: Array<[number, number]> = [];
	let total = 0;
	for (let i = 0; i < intervals.length; i++) {
		const value = intervals[i];
		if (value > 0 && Number.isFinite(value) && counts[i] > 0) {
			rows.push([value, counts[i]]);
			total += counts[i];
		}
	}
	if (total < 3) return undefined;
	rows.sort((a, b) => a[0] - b[0]);
	// 0-based positions of the middle one or two customers in sorted order.
	const low = Math.floor((total - 1) / 2);
	const high = Math.floor(total / 2);
	let seen = 0;
	let lowValue = Number.NaN;
	for (const [value, count] of rows) {
		if (Number.isNaN(lowValue) && low < seen + count) lowValue = value;
		if (high < seen + count) return (lowValue + value) / 2;
		seen += count;
	}
	return undefined;
}

/**
 * The typical interval a page run takes from supplied parameters (the Model item of the run that
 * fitted on the whole base), so one-time buyers are judged against the base, not against their page.
 */
export function suppliedTypicalInterval(object: Record<string, unknown> | undefined): number | undefined {
	const raw = object?.typicalIntervalDays;
	if (raw === undefined || raw === null) return undefined;
	// Text from a database's numeric column reads as the item fields' numbers do.
	const value = typeof raw === 'string' ? numberFromText(raw) : raw;
	if (typeof value !== 'number' || !(value > 0) || !(value <= PLAUSIBLE.spanDays)) {
		throw new ConfigError(`Supplied typicalIntervalDays is ${describeValue(raw)}; expected a number of days > 0 and at most ${PLAUSIBLE.spanDays} (200 years)`);
	}
	return value;
}

/** The typical interval a run judges one-time buyers against when it is not the batch's: days, or none. */
export interface BaseTypicalInterval {
	days: number | undefined;
}

/**
 * What a Rules Only page run takes from the Model item of the Rules Only run over the whole base: its
 * typicalIntervalDays, null when that base had fewer than 3 repeat buyers (then no one-time buyer is
 * judged, as in that run, whatever the page holds). Without the key it is no such Model item (the
 * default "{}"), which would judge one-time buyers against the page without a word.
 */
export function learnedTypicalInterval(object: Record<string, unknown>): BaseTypicalInterval {
	if (object.typicalIntervalDays === undefined) {
		throw new ConfigError(
			'Parameters JSON has no typicalIntervalDays; expected the Model output item of a Rules Only run over all customers (the usual interval of their repeat buyers, against which one-time buyers are judged)',
		);
	}
	return { days: suppliedTypicalInterval(object) };
}
