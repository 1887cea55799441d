/** z for a two-sided 95% interval. */
export const Z_95 = 1.96;

/**
 * Margin of error of an NPS at 95%, in points. Each answer is +1 (promoter), 0 (passive) or -1
 * (detractor); the variance of their mean is ((p + d) - (p - d)^2) / n with p and d the promoter and
 * detractor shares.
 */
export function npsMarginOfError(promoters: number, detractors: number, responses: number): number {
	const p = promoters / responses;
	const d = detractors / responses;
	const variance = (p + d - (p - d) ** 2) / responses;
	return Z_95 * Math.sqrt(variance) * 100;
}

/** Margin of error of a share (normal approximation) at 95%, in percentage points. */
export function proportionMarginOfError(hits: number, responses: number): number {
	const p = hits / responses;
	return Z_95 * Math.sqrt((p * (1 - p)) / responses) * 100;
}

/** Margin of error of a mean at 95% from the sum and sum of squares, using the sample standard deviation. */
export function meanMarginOfError(sum: number, sumOfSquares: number, responses: number): number {
	if (responses < 2) return 0;
	const mean = sum / responses;
	// Clamp: the subtraction can go a hair below zero when all answers are equal.
	const variance = Math.max(0, (sumOfSquares - responses * mean * mean) / (responses - 1));
	return (Z_95 * Math.sqrt(variance)) / Math.sqrt(responses);
}
