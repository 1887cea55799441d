import type { Group } from './assignment';
import { normalQuantile, studentQuantile } from './distributions';
import { newcombeInterval, newcombePValue, rateDetectableEffect, twoSidedZ } from './proportions';
import { moments, roundedSumOf, type MomentState } from './sufficient';
import { checkNormality, type NormalityCheck } from './normality';
import { welchInterval } from './welch';

export type OutcomeKind = 'proportion' | 'mean';
export type Verdict = 'increase' | 'decrease' | 'inconclusive' | 'notMeasurable';

export interface MeasureOptions {
	/** Confidence level, e.g. 0.95. */
	level: number;
	/** Cost of contacting one treated customer (0: no ROI). */
	costPerContact: number;
	/** Share of revenue that is profit, 0..1. */
	margin: number;
}

export interface GroupSummary {
	customers: number;
	/** Rate (proportion outcomes) or mean (mean outcomes). */
	value: number;
	/** Successes of a proportion outcome. */
	successes?: number;
	standardDeviation?: number;
}

export interface Estimate {
	estimate: number;
	lower: number | null;
	upper: number | null;
}

/**
 * Why an outcome cannot be measured (verdict notMeasurable): a group without customers; for a mean, a group of
 * one (no spread to estimate); or no variation in either group (every customer of a group alike). The groups
 * named are the ones short of customers (none for noVariation).
 */
export interface Unmeasurable {
	why: 'noCustomers' | 'oneCustomer' | 'noVariation';
	groups: Group[];
}

export interface OutcomeMeasure {
	kind: OutcomeKind;
	treatment: GroupSummary;
	holdout: GroupSummary;
	absolute: number | null;
	relative: number | null;
	lower: number | null;
	upper: number | null;
	pValue: number | null;
	method: 'newcombeHybridScore' | 'welch';
	minimumDetectableEffect: number | null;
	verdict: Verdict;
	/**
	 * Kohavi's normality check of a mean's interval (null for a rate: Newcombe's interval needs none). When it
	 * fails, the verdict is never increase or decrease, whatever the interval says.
	 */
	normality: NormalityCheck | null;
	/** Extra conversions (proportion) or extra revenue (mean) among the treated customers; null when not measurable. */
	incremental: Estimate | null;
	/** Null when not measurable: no money is claimed from a difference with no interval. */
	roi: { cost: number; incrementalProfit: Estimate; roi: Estimate } | null;
	/** Why the verdict is notMeasurable; null otherwise. */
	unmeasurable: Unmeasurable | null;
}

const POWER_Z = normalQuantile(0.8);

function summarise(kind: OutcomeKind, state: MomentState): GroupSummary {
	const m = moments(state);
	if (kind === 'proportion') {
		const successes = roundedSumOf(state);
		return { customers: state.n, value: state.n > 0 ? successes / state.n : 0, successes };
	}
	return { customers: state.n, value: m.mean, standardDeviation: Math.sqrt(m.variance) };
}

/** factor × x with -0 as 0 (a margin of 0 times a loss is no profit, not -0). */
const times = (factor: number, x: number) => factor * x + 0;

const scaled = (factor: number, lower: number | null, upper: number | null, estimate: number): Estimate => ({
	estimate: times(factor, estimate),
	lower: lower === null ? null : times(factor, lower),
	upper: upper === null ? null : times(factor, upper),
});

/**
 * absolute ÷ the holdout value's size, or null when that is no finite number (a holdout of 0, or so near 0
 * the ratio passes any double). The size, so a rise is positive also from a negative holdout mean (net
 * revenue after refunds, a sentiment or NPS-style score): from −0.2 to +0.1 was a relative uplift of −1.5.
 */
function relativeTo(absolute: number | null, holdout: number): number | null {
	if (absolute === null || holdout === 0) return null;
	const relative = absolute / Math.abs(holdout) + 0;
	return Number.isFinite(relative) ? relative : null;
}

/** Treatment against holdout for one outcome: difference, interval, p-value, MDE, verdict, increments, ROI. */
export function measureOutcome(kind: OutcomeKind, treatmentState: MomentState, holdoutState: MomentState, options: MeasureOptions): OutcomeMeasure {
	const treatment = summarise(kind, treatmentState);
	const holdout = summarise(kind, holdoutState);
	const method = kind === 'proportion' ? 'newcombeHybridScore' : 'welch';
	const nT = treatment.customers;
	const nH = holdout.customers;
	const z = twoSidedZ(options.level);
	let absolute: number | null = null;
	let lower: number | null = null;
	let upper: number | null = null;
	let pValue: number | null = null;
	let mde: number | null = null;
	if (kind === 'proportion' && nT > 0 && nH > 0) {
		absolute = treatment.value - holdout.value;
		const ci = newcombeInterval(treatment.successes!, nT, holdout.successes!, nH, z);
		lower = ci.lower;
		upper = ci.upper;
		pValue = newcombePValue(treatment.successes!, nT, holdout.successes!, nH);
		mde = rateDetectableEffect((treatment.successes! + holdout.successes!) / (nT + nH), nT, nH, z, POWER_Z);
	} else if (kind === 'mean' && nT > 0 && nH > 0) {
		absolute = treatment.value - holdout.value;
		const welch = welchInterval(moments(treatmentState), moments(holdoutState), options.level);
		if (welch) {
			lower = welch.lower;
			upper = welch.upper;
			pValue = welch.pValue;
			// Student's t at Welch's degrees of freedom, as the interval itself: with few customers the normal
			// quantiles named effects smaller than one the interval could separate from 0.
			const { degreesOfFreedom: df } = welch;
			mde = (studentQuantile(1 - (1 - options.level) / 2, df) + studentQuantile(0.8, df)) * welch.standardError;
		}
	}
	const normality = kind === 'mean' && lower !== null ? checkNormality(treatmentState, holdoutState) : null;
	// An interval that excludes 0 claims an effect only when it can be trusted: a skewed holdout's interval
	// that says "increase" is a false increase about half the time it says so (test/impact/calibration.test.ts).
	const trusted = normality?.reliable !== false;
	const verdict: Verdict = lower === null || upper === null ? 'notMeasurable' : trusted && lower > 0 ? 'increase' : trusted && upper < 0 ? 'decrease' : 'inconclusive';
	const relative = relativeTo(absolute, holdout.value);
	const unmeasurable = verdict === 'notMeasurable' ? whyUnmeasurable(kind, nT, nH) : null;
	// Without an interval there is no effect to scale up: 1 treated against 1 held-out customer gave an
	// increment and an ROI for a difference of two customers (lower, upper null).
	const incremental = absolute === null || unmeasurable ? null : scaled(nT, lower, upper, absolute);
	let roi: OutcomeMeasure['roi'] = null;
	if (kind === 'mean' && incremental && options.costPerContact > 0) {
		const cost = options.costPerContact * nT;
		const profit = scaled(options.margin, incremental.lower, incremental.upper, incremental.estimate);
		const toRoi = (value: number | null) => (value === null ? null : (value - cost) / cost);
		roi = { cost, incrementalProfit: profit, roi: { estimate: toRoi(profit.estimate)!, lower: toRoi(profit.lower), upper: toRoi(profit.upper) } };
	}
	return { kind, treatment, holdout, absolute, relative, lower, upper, pValue, method, minimumDetectableEffect: mde, verdict, normality, incremental, roi, unmeasurable };
}

/** The reason behind notMeasurable, from the group sizes: the groups too small, else no variation. */
function whyUnmeasurable(kind: OutcomeKind, nT: number, nH: number): Unmeasurable {
	const short = (minimum: number): Group[] => (['treatment', 'holdout'] as const).filter((_, i) => [nT, nH][i] < minimum);
	if (nT === 0 || nH === 0) return { why: 'noCustomers', groups: short(1) };
	if (kind === 'mean' && (nT < 2 || nH < 2)) return { why: 'oneCustomer', groups: short(2) };
	return { why: 'noVariation', groups: [] };
}
