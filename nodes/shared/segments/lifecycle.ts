import type { LabelTable } from '../format/language';
import { labelFor, type Labelled, type Language } from './labels';
import LABELS from '../format/labels.json';

export type LifecycleStage = 'prospect' | 'new' | 'active' | 'atRisk' | 'lapsed' | 'lost';

const STAGE_LABELS: LabelTable<LifecycleStage> = LABELS.lifecycleStage;

export interface LifecycleThresholds {
	/** First purchase at most this many days ago (and no repeat yet): new. */
	newWithinDays: number;
	/** Days since last purchase up to which a customer is active / at risk / lapsed; beyond: lost. */
	activeWithinDays: number;
	atRiskWithinDays: number;
	lapsedWithinDays: number;
	/** Own-interval mode: multiples of the customer's usual gap between purchases. */
	activeWithinIntervals: number;
	atRiskWithinIntervals: number;
	lapsedWithinIntervals: number;
}

export const DEFAULT_LIFECYCLE_THRESHOLDS: LifecycleThresholds = {
	newWithinDays: 30,
	activeWithinDays: 90,
	atRiskWithinDays: 180,
	lapsedWithinDays: 365,
	activeWithinIntervals: 1.5,
	atRiskWithinIntervals: 2.5,
	lapsedWithinIntervals: 4,
};

export interface LifecycleInput {
	purchases: number;
	daysSinceFirst?: number;
	daysSinceLast?: number;
}

export interface LifecycleResult {
	stage: Labelled;
	/** Which yardstick decided: fixed day thresholds, or the customer's own purchase interval. */
	basis: 'noPurchase' | 'fixedDays' | 'ownInterval';
	daysSinceLast?: number;
	/** Mean days between purchases, when there are at least two. */
	usualIntervalDays?: number;
	/** daysSinceLast / usualIntervalDays, in own-interval mode. */
	intervalsSinceLast?: number;
}

/**
 * Lifecycle stage. Prospect: never bought. New: first purchase within `newWithinDays` and no repeat.
 * Otherwise by days since the last purchase: active, at risk, lapsed, lost. In own-interval mode a
 * customer with two or more purchases is judged by how many of their own usual gaps have passed;
 * one-time buyers have no usual gap and fall back to the fixed day thresholds.
 */
export function lifecycleStage(
	input: LifecycleInput,
	mode: 'fixedDays' | 'ownInterval',
	t: LifecycleThresholds,
	language: Language,
): LifecycleResult {
	const { purchases, daysSinceFirst, daysSinceLast } = input;
	if (purchases <= 0 || daysSinceLast === undefined) {
		return { stage: labelFor(STAGE_LABELS, 'prospect', language), basis: 'noPurchase' };
	}
	const usual =
		purchases >= 2 && daysSinceFirst !== undefined ? (daysSinceFirst - daysSinceLast) / (purchases - 1) : undefined;
	if (purchases === 1 && daysSinceFirst !== undefined && daysSinceFirst <= t.newWithinDays) {
		return { stage: labelFor(STAGE_LABELS, 'new', language), basis: 'fixedDays', daysSinceLast };
	}
	if (mode === 'ownInterval' && usual !== undefined && usual > 0) {
		const ratio = daysSinceLast / usual;
		const stage: LifecycleStage =
			ratio <= t.activeWithinIntervals
				? 'active'
				: ratio <= t.atRiskWithinIntervals
					? 'atRisk'
					: ratio <= t.lapsedWithinIntervals
						? 'lapsed'
						: 'lost';
		return {
			stage: labelFor(STAGE_LABELS, stage, language),
			basis: 'ownInterval',
			daysSinceLast,
			usualIntervalDays: usual,
			intervalsSinceLast: ratio,
		};
	}
	const stage: LifecycleStage =
		daysSinceLast <= t.activeWithinDays
			? 'active'
			: daysSinceLast <= t.atRiskWithinDays
				? 'atRisk'
				: daysSinceLast <= t.lapsedWithinDays
					? 'lapsed'
					: 'lost';
	return {
		stage: labelFor(STAGE_LABELS, stage, language),
		basis: 'fixedDays',
		daysSinceLast,
		...(usual !== undefined ? { usualIntervalDays: usual } : {}),
	};
}
