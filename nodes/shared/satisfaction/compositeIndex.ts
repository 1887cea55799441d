import { ConfigError, describeValue } from '../input';
import { roundTo } from './rounding';
import type { RatingRules } from './scale';

/** The metrics that feed the 0-100 index. Kano is left out: it classifies features, it does not rate satisfaction. */
export type IndexMetric = 'nps' | 'csat' | 'ces' | 'gap' | 'sentiment';
export const INDEX_METRICS: IndexMetric[] = ['nps', 'csat', 'ces', 'gap', 'sentiment'];

export type IndexWeights = Record<IndexMetric, number>;

export const DEFAULT_INDEX_WEIGHTS: IndexWeights = { nps: 1, csat: 1, ces: 1, gap: 1, sentiment: 1 };

/** Each metric already placed on 0-100 (see nps/csat/ces/gap/sentiment `...To100`, and `outOf100` in results). */
export type IndexParts = Partial<Record<IndexMetric, number>>;

/** Sentiment from an upstream node, -1 (negative) to 1 (positive). */
export const SENTIMENT_RULES: RatingRules = { min: -1, max: 1, integer: false };

export function sentimentTo100(sentiment: number): number {
	return ((sentiment + 1) / 2) * 100;
}

/** Weights must be finite and at least 0, and the metrics in use may not all weigh 0. */
export function checkIndexWeights(weights: IndexWeights, metricsInUse: IndexMetric[]): void {
	for (const metric of INDEX_METRICS) {
		const w = weights[metric];
		if (!(w >= 0) || !Number.isFinite(w)) throw new ConfigError(`Index weight of ${metric} is ${describeValue(w)}, which is not a finite number of at least 0 (expected a weight such as 1)`);
	}
	if (metricsInUse.length > 0 && metricsInUse.every((m) => weights[m] === 0)) {
		throw new ConfigError(`The index weights of the metrics in use (${metricsInUse.join(', ')}) are all 0 (expected at least one above 0)`);
	}
}

/**
 * A weighted mean summed as it goes, in units of the largest weight added so far: the same mean, and
 * weights of 1e308 cannot overflow the sum into Infinity, nor a weight of 5e-324 vanish (0 / 0) when it
 * is the only one answered. A weight of 0 leaves the part out.
 */
export interface WeightedSum {
	sum: number;
	total: number;
	largest: number;
}

export function addWeighted(t: WeightedSum, weight: number, value: number): void {
	if (!(weight > 0)) return;
	if (weight > t.largest) {
		const shrink = t.largest / weight;
		t.sum *= shrink;
		t.total *= shrink;
		t.largest = weight;
	}
	const relative = weight / t.largest;
	t.sum += relative * value;
	t.total += relative;
}

/**
 * Weighted mean of the answered parts, 0-100, two decimals. Metrics not answered in this response
 * are left out (their weight is not counted), so they neither pull the index down nor up. Null when
 * no weighted part was answered.
 */
export function compositeIndex(parts: IndexParts, weights: IndexWeights): number | null {
	const t: WeightedSum = { sum: 0, total: 0, largest: 0 };
	for (let i = 0; i < INDEX_METRICS.length; i++) {
		const value = parts[INDEX_METRICS[i]];
		if (value !== undefined) addWeighted(t, weights[INDEX_METRICS[i]], value);
	}
	return t.total === 0 ? null : roundTo(t.sum / t.total, 2);
}
