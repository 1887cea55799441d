import { meanInterval } from './margin';
import { round2 } from './rounding';
import type { RatingRules } from './scale';

/**
 * CES 2.0: "The company made it easy for me to handle my issue", 1 (strongly disagree) to 7 (strongly
 * agree); higher is easier. CES 1.0: "How much effort did you personally have to put forth?", 1 (very
 * low) to 5 (very high); lower is easier.
 */
export type CesVersion = '1.0' | '2.0';

export const CES_SCALES: Record<CesVersion, RatingRules> = {
	'2.0': { min: 1, max: 7, integer: true },
	'1.0': { min: 1, max: 5, integer: true },
};

/** Easy: 5-7 ("somewhat agree" or stronger) on CES 2.0; 1-2 ("very low" or "low" effort) on CES 1.0. */
export function isCesEasy(score: number, version: CesVersion): boolean {
	return version === '2.0' ? score >= 5 : score <= 2;
}

/** Ease on 0-100, so higher is always better: CES 2.0 maps 1..7 to 0..100, CES 1.0 maps 5..1 to 0..100. */
export function cesTo100(score: number, version: CesVersion): number {
	return version === '2.0' ? ((score - 1) / 6) * 100 : ((5 - score) / 4) * 100;
}

export interface CesTally {
	responses: number;
	easy: number;
	sum: number;
	sumOfSquares: number;
}

export interface CesSummary {
	version: CesVersion;
	/** Spelled out so nobody reads a CES 1.0 mean the wrong way round. */
	direction: 'higherIsEasier' | 'lowerIsEasier';
	responses: number;
	easy: number;
	easyPercent: number | null;
	mean: number | null;
	/**
	 * Half-width of the 95% interval of the mean (Student's t, n − 1 degrees of freedom), in scale points; null below the minimum number of responses
	 * and when every answer is alike (no spread to estimate it from: "± 0" would claim certainty).
	 */
	marginOfError: number | null;
	/** Ends of the 95% interval of the mean, within the scale; null with marginOfError. */
	lower: number | null;
	upper: number | null;
}

export function summariseCes(tally: CesTally, version: CesVersion, minResponsesForMargin: number): CesSummary {
	const { responses: n, easy, sum, sumOfSquares } = tally;
	const direction = version === '2.0' ? 'higherIsEasier' : 'lowerIsEasier';
	if (n === 0) return { version, direction, responses: 0, easy: 0, easyPercent: null, mean: null, marginOfError: null, lower: null, upper: null };
	const interval = n >= minResponsesForMargin ? meanInterval(sum, sumOfSquares, n, CES_SCALES[version]) : null;
	return {
		version,
		direction,
		responses: n,
		easy,
		easyPercent: round2((easy / n) * 100),
		mean: round2(sum / n),
		marginOfError: interval && round2(interval.margin),
		lower: interval && round2(interval.lower),
		upper: interval && round2(interval.upper),
	};
}
