import { ConfigError, describeValue } from '../input';
import { histogramCuts, type Histogram } from './histogram';
import { quantileCuts } from './quantileScores';
import { RFM_BIN_CHOICES, type RfmBins, type RfmColumns } from './rfm';
import { stateValueText } from './stateValue';

/**
 * RFM cut points learned from a whole customer base, applied later to any page of it.
 *
 * Each list holds bins - 1 boundaries, one per score above 1, in the units the customer has:
 *   frequency[s - 1] / monetary[s - 1]: the smallest value that scores s + 1 or more;
 *   recencyDays[s - 1]: the most days since the last purchase that still score s + 1 or more.
 * null: no customer of the base scored that high. A value scores 1 + the number of boundaries it
 * reaches, which reproduces the mid-rank rule `1 + floor(k × p)` for every value of the base. A value
 * the base did not hold, lying between two of its values, scores as the lower-scoring neighbour: a
 * customer must reach a boundary value to get the higher score.
 */
export interface RfmCutPoints {
	kind: 'rfmCutPoints';
	bins: RfmBins;
	/** Customers the cut points were learned from. */
	customers: number;
	recencyDays: Array<number | null>;
	frequency: Array<number | null>;
	monetary: Array<number | null>;
}

/** Cut points as quantileScores uses them (cuts[s] for s = 1..k-1), recency on negated days. */
export interface ScoreCuts {
	recency: Float64Array;
	frequency: Float64Array;
	monetary: Float64Array;
}

const negated = (days: Float64Array) => days.map((d) => -d);

/** Boundaries from internal cuts; recency cuts are on negated days. */
function boundaries(cuts: Float64Array, negate: boolean): Array<number | null> {
	const list: Array<number | null> = [];
	for (let s = 1; s < cuts.length; s++) list.push(cuts[s] === Infinity ? null : negate ? -cuts[s] || 0 : cuts[s]);
	return list;
}

function cutPoints(bins: RfmBins, customers: number, cuts: ScoreCuts): RfmCutPoints {
	return {
		kind: 'rfmCutPoints',
		bins,
		customers,
		recencyDays: boundaries(cuts.recency, true),
		frequency: boundaries(cuts.frequency, false),
		monetary: boundaries(cuts.monetary, false),
	};
}

/**
 * A learned state needs customers: one learned from none would score every later page against nothing
 * (RFM has no cut points; value tiers a total revenue of 0 that every customer's revenue exceeds).
 */
export function noCustomersToLearnFrom(what: string, fromHistograms: boolean): ConfigError {
	return new ConfigError(
		fromHistograms
			? `${what} cannot be learned from 0 customers: the histograms count none (expected rows of measure, value and a count above 0, as GROUP BY returns them)`
			: `${what} cannot be learned from 0 customers: no input item was a customer this run could segment (each refused item's error says why) (expected at least one: correct those items, or learn from value histograms)`,
	);
}

/** The cut points of a full run: exactly the ones quantileScores applied to these customers. */
export function learnRfmCutPoints(columns: RfmColumns, bins: RfmBins): RfmCutPoints {
	const n = columns.recencyDays.length;
	if (n === 0) throw noCustomersToLearnFrom('RFM cut points', false);
	return cutPoints(bins, n, {
		recency: quantileCuts(negated(columns.recencyDays), bins),
		frequency: quantileCuts(columns.frequency, bins),
		monetary: quantileCuts(columns.monetary, bins),
	});
}

/**
 * The cut points from value histograms (one row per distinct value with a count, as GROUP BY returns),
 * recency as days since the last purchase. All three must count the same customers.
 */
export function learnRfmCutPointsFromHistograms(
	histograms: { recencyDays: Histogram; frequency: Histogram; monetary: Histogram },
	bins: RfmBins,
): RfmCutPoints {
	const { recencyDays, frequency, monetary } = histograms;
	const n = recencyDays.total;
	if (n === 0) throw noCustomersToLearnFrom('RFM cut points', true);
	if (frequency.total !== n || monetary.total !== n) {
		throw new ConfigError(
			`The histograms count different customers: recency ${n}, frequency ${frequency.total}, monetary ${monetary.total} (expected each to count every customer once)`,
		);
	}
	const len = recencyDays.values.length;
	const negatedRecency: Histogram = { values: new Float64Array(len), counts: new Float64Array(len), total: n };
	for (let i = 0; i < len; i++) {
		negatedRecency.values[i] = -recencyDays.values[len - 1 - i] || 0;
		negatedRecency.counts[i] = recencyDays.counts[len - 1 - i];
	}
	return cutPoints(bins, n, {
		recency: histogramCuts(negatedRecency, bins),
		frequency: histogramCuts(frequency, bins),
		monetary: histogramCuts(monetary, bins),
	});
}

function readBoundaries(raw: unknown, name: string, bins: number, rising: boolean): Float64Array {
	if (!Array.isArray(raw) || raw.length !== bins - 1) {
		throw new ConfigError(`Learned RFM state: ${name} is ${stateValueText(raw)} (expected ${bins - 1} boundaries for ${bins} bins)`);
	}
	const cuts = new Float64Array(bins).fill(Infinity);
	for (let s = 1; s < bins; s++) {
		const value = raw[s - 1];
		if (value === null) continue;
		if (typeof value !== 'number' || !Number.isFinite(value)) {
			throw new ConfigError(`Learned RFM state: ${name}[${s - 1}] is ${stateValueText(value)} (expected a number or null)`);
		}
		cuts[s] = rising ? value : -value || 0;
	}
	for (let s = 2; s < bins; s++) {
		if (cuts[s] < cuts[s - 1]) {
			throw new ConfigError(`Learned RFM state: ${name} is ${stateValueText(raw)} (expected boundaries running ${rising ? 'upwards' : 'downwards'}, null last)`);
		}
	}
	return cuts;
}

/** Reads cut points supplied to a page run: the learned item, or the object under its `learned` key. */
export function parseRfmCutPoints(raw: unknown, bins: RfmBins): ScoreCuts & { customers: number } {
	let value = raw;
	if (typeof value === 'string') {
		try {
			value = JSON.parse(value);
		} catch {
			throw new ConfigError(`Learned RFM state is ${describeValue(value)}, which is not valid JSON (expected the learned item of a Segment Customer run with RFM, or its JSON)`);
		}
	}
	const object = (value ?? {}) as Record<string, unknown>;
	const state = (object.kind === 'rfmCutPoints' ? object : (object.learned as Record<string, unknown> | undefined)) ?? object;
	if (state.kind !== 'rfmCutPoints') {
		throw new ConfigError(`Learned RFM state: kind is ${stateValueText(state.kind)} (expected "rfmCutPoints": the learned item of a Segment Customer run with RFM)`);
	}
	// "5" or [5] read 'has "5" bins, but this node scores in 5 bins': a bin count must be one of the numbers.
	if (!RFM_BIN_CHOICES.includes(state.bins as RfmBins)) {
		throw new ConfigError(`Learned RFM state: bins is ${stateValueText(state.bins)} (expected ${RFM_BIN_CHOICES.join(', ')} as a number: the Score Bins it was learned with)`);
	}
	if (state.bins !== bins) {
		throw new ConfigError(`Learned RFM state has ${stateValueText(state.bins)} bins, which is not this node's Score Bins (expected ${bins}: learn and apply with the same Score Bins)`);
	}
	return {
		customers: Number(state.customers),
		recency: readBoundaries(state.recencyDays, 'recencyDays', bins, false),
		frequency: readBoundaries(state.frequency, 'frequency', bins, true),
		monetary: readBoundaries(state.monetary, 'monetary', bins, true),
	};
}
