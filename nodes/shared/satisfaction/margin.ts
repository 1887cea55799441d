/** z for a two-sided 95% interval. */
export const Z_95 = 1.96;

/**
 * Margin of error of an NPS at 95%, in points: the half-width of the adjusted-Wald interval of Rocks
 * (2016, "Interval estimation for the Net Promoter Score", The American Statistician 70(4)), the method
 * his comparison found best: ¾ added to the promoters and to the detractors and 3 to n, then the variance
 * of the difference of the two shares, ((p' + d') − (p' − d')²) / n'. The plain (Wald) variance is 0 when
 * every answer falls in one category, which would claim an NPS of exactly 100 from 40 answers; with the
 * pseudo-answers 40 promoters give ± 9.4.
 */
export function npsMarginOfError(promoters: number, detractors: number, responses: number): number {
	const n = responses + 3;
	const p = (promoters + 0.75) / n;
	const d = (detractors + 0.75) / n;
	const variance = (p + d - (p - d) ** 2) / n;
	return Z_95 * Math.sqrt(variance) * 100;
}

/**
 * Margin of error of a share at 95%, in percentage points: the half-width of the Agresti–Coull interval
 * (z²/2 added to the hits and to the misses, z² to n). The plain (Wald) margin is 0 for a share of 0% or
 * 100%, which no finite sample shows.
 */
export function proportionMarginOfError(hits: number, responses: number): number {
	const n = responses + Z_95 * Z_95;
	const p = (hits + (Z_95 * Z_95) / 2) / n;
	return Z_95 * Math.sqrt((p * (1 - p)) / n) * 100;
}

/** Margin of error of a mean at 95% from the sum and sum of squares, using the sample standard deviation. */
export function meanMarginOfError(sum: number, sumOfSquares: number, responses: number): number {
	if (responses < 2) return 0;
	const mean = sum / responses;
	// Clamp: the subtraction can go a hair below zero when all answers are equal.
	const variance = Math.max(0, (sumOfSquares - responses * mean * mean) / (responses - 1));
	return (Z_95 * Math.sqrt(variance)) / Math.sqrt(responses);
}
