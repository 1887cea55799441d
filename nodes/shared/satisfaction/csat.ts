import { proportionInterval } from './margin';
import { round2 } from './rounding';
import { checkScale, type RatingRules, type Scale, type ScaleLabels } from './scale';

export const DEFAULT_CSAT_SCALE: Scale = { min: 1, max: 5 };

/** CSAT answers are whole points; top-two-box needs at least three points to mean anything. `labels` name the settings of the ends in messages. */
export function csatRules(scale: Scale, labels?: ScaleLabels): RatingRules {
	return { ...checkScale(scale, 'CSAT', 3, labels), integer: true };
}

/** Top-two-box: the two highest points of the scale (4 and 5 on 1-5) count as satisfied. */
export function isCsatSatisfied(score: number, scale: Scale): boolean {
	return score >= scale.max - 1;
}

/** The score placed on 0-100: the scale minimum is 0, the maximum 100. */
export function csatTo100(score: number, scale: Scale): number {
	return ((score - scale.min) / (scale.max - scale.min)) * 100;
}

export interface CsatTally {
	responses: number;
	satisfied: number;
	sum: number;
}

export interface CsatSummary {
	responses: number;
	satisfied: number;
	/** Share of satisfied (top-two-box) answers, in percent. */
	csatPercent: number | null;
	mean: number | null;
	/**
	 * Half-width of the 95% interval of csatPercent (Agresti–Coull), in percentage points. The interval is
	 * centred on the adjusted share, not on csatPercent: its ends are `lower` and `upper`.
	 */
	marginOfError: number | null;
	/** Ends of the 95% interval of csatPercent, within 0..100; null with marginOfError. */
	lower: number | null;
	upper: number | null;
	scale: string;
}

export function summariseCsat(tally: CsatTally, scale: Scale, minResponsesForMargin: number): CsatSummary {
	const { responses: n, satisfied, sum } = tally;
	const scaleText = `${scale.min}-${scale.max}`;
	if (n === 0) return { responses: 0, satisfied: 0, csatPercent: null, mean: null, marginOfError: null, lower: null, upper: null, scale: scaleText };
	const interval = n >= minResponsesForMargin ? proportionInterval(satisfied, n) : null;
	return {
		responses: n,
		satisfied,
		csatPercent: round2((satisfied / n) * 100),
		mean: round2(sum / n),
		marginOfError: interval && round2(interval.margin),
		lower: interval && round2(interval.lower),
		upper: interval && round2(interval.upper),
		scale: scaleText,
	};
}
