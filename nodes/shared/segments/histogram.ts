import { calendarDaysCounter, choiceKey, ConfigError, dateMsReaderNotAfter, describeValue, getField, InputError, parseCount, parseCustomerCount, parseMoney } from '../input';

/** Distinct values in ascending order with how many customers have each, as a SQL GROUP BY gives them. */
export interface Histogram {
	values: Float64Array;
	counts: Float64Array;
	/** Customers in all: the sum of the counts. */
	total: number;
}

/**
 * A histogram from (value, count) rows in any order; rows with the same value are merged. A count must be
 * a whole number >= 0 (0 rows are dropped); `what` names the measure in errors.
 */
export function histogramOf(values: ArrayLike<number>, counts: ArrayLike<number>, what: string): Histogram {
	const n = values.length;
	const order = Array.from({ length: n }, (_, i) => i);
	for (let i = 0; i < n; i++) {
		if (!Number.isFinite(values[i])) throw new ConfigError(`${what}: value ${describeValue(values[i])} is not a finite number (expected a number for each row of the histogram)`);
		if (!Number.isInteger(counts[i]) || counts[i] < 0) {
			throw new ConfigError(
				`${what}: the count for value ${values[i]} is ${describeValue(counts[i])}, which is not a whole number of at least 0 (expected the customers with that value, as GROUP BY counts them)`,
			);
		}
	}
	order.sort((x, y) => values[x] - values[y]);
	const sortedValues: number[] = [];
	const sortedCounts: number[] = [];
	let total = 0;
	for (const i of order) {
		if (counts[i] === 0) continue;
		// -0 and 0 are one value, as quantileScores treats them.
		const value = values[i] === 0 ? 0 : values[i];
		if (sortedValues.length > 0 && sortedValues[sortedValues.length - 1] === value) sortedCounts[sortedCounts.length - 1] += counts[i];
		else {
			sortedValues.push(value);
			sortedCounts.push(counts[i]);
		}
		total += counts[i];
	}
	if (!Number.isSafeInteger(total)) throw new ConfigError(`${what}: the counts add up to ${total}, beyond what can be counted exactly (expected at most 9007199254740991 customers in all)`);
	return { values: Float64Array.from(sortedValues), counts: Float64Array.from(sortedCounts), total };
}

/**
 * The quantile cut points (see quantileScores) of the customers a histogram counts: cuts[s] (s = 1..k-1)
 * is the smallest value scoring above s, Infinity if none does. The same integers enter the same
 * formula as in quantileCuts, so the cuts are identical to those of the customers listed one by one.
 */
export function histogramCuts(histogram: Histogram, k: number): Float64Array {
	const { values, counts, total: n } = histogram;
	const cuts = new Float64Array(k).fill(Infinity);
	let score = 1;
	let below = 0;
	for (let i = 0; i < values.length && score < k; i++) {
		const equal = counts[i];
		const runScore = Math.min(k, 1 + Math.floor((k * (below + equal / 2)) / n));
		for (; score < runScore; score++) cuts[score] = values[i];
		below += equal;
	}
	return cuts;
}

const MEASURES = ['recency', 'frequency', 'monetary'] as const;
export type HistogramMeasure = (typeof MEASURES)[number];

/**
 * A measure as a choice in items is read: trimmed, in any case, full-width letters as half-width (NFKC),
 * so "Frequency" from a hand-written UNION or ｆｒｅｑｕｅｎｃｙ typed with a Chinese input method is frequency.
 */
function measureOf(raw: unknown): HistogramMeasure | undefined {
	if (typeof raw !== 'string') return undefined;
	const key = choiceKey(raw);
	return MEASURES.find((m) => m === key);
}

/**
 * GROUP BY rows (one per distinct value of one measure, with a count) as the three RFM histograms.
 * Recency values are last purchase dates, turned into days before As Of exactly as a customer's are;
 * frequency values are order counts, monetary values total spends. A bad row throws, naming the row,
 * the column and the value.
 */
export function readHistogramRows(
	rows: Array<Record<string, unknown>>,
	columns: { measure: string; value: string; count: string },
	options: { asOf: Date; timeZone: string },
): Record<'recencyDays' | 'frequency' | 'monetary', Histogram> {
	const readDateMs = dateMsReaderNotAfter(options.asOf, { timeZone: options.timeZone });
	const asOfMs = options.asOf.getTime();
	const days = calendarDaysCounter(options.timeZone);
	const collected: Record<HistogramMeasure, { values: number[]; counts: number[] }> = {
		recency: { values: [], counts: [] },
		frequency: { values: [], counts: [] },
		monetary: { values: [], counts: [] },
	};
	rows.forEach((row, index) => {
		try {
			const raw = getField(row, columns.measure);
			const measure = measureOf(raw);
			if (measure === undefined) throw new InputError(columns.measure, raw, 'is not a measure', 'recency, frequency or monetary');
			const rawValue = getField(row, columns.value);
			const value =
				measure === 'recency'
					? days(readDateMs(rawValue, columns.value), asOfMs)
					: measure === 'frequency'
						? parseCount(rawValue, columns.value)
						: parseMoney(rawValue, columns.value, { min: 0 });
			const target = collected[measure];
			target.values.push(value);
			target.counts.push(parseCustomerCount(getField(row, columns.count), columns.count));
		} catch (error) {
			throw new ConfigError(`Histogram row ${index}: ${(error as Error).message}`);
		}
	});
	const histogram = (measure: HistogramMeasure) => histogramOf(collected[measure].values, collected[measure].counts, measure);
	return { recencyDays: histogram('recency'), frequency: histogram('frequency'), monetary: histogram('monetary') };
}
