import { studentQuantile } from '../impact/distributions';

/** z for a two-sided 95% interval. */
export const Z_95 = 1.96;

/**
 * A 95% interval, unrounded: `margin` is its half-width about `centre`, and `lower` / `upper` its ends cut to
 * the range the figure can take. The centre of an adjusted interval is the adjusted figure, not the raw one,
 * so raw ± margin can pass the range's end (NPS 100 ± 9.4 from 40 promoters); the ends never do.
 */
export interface MarginInterval {
	centre: number;
	margin: number;
	lower: number;
	upper: number;
}

function interval(centre: number, margin: number, min: number, max: number): MarginInterval {
	return { centre, margin, lower: Math.max(min, centre - margin), upper: Math.min(max, centre + margin) };
}

/**
 * The NPS interval at 95%, in points: the adjusted-Wald interval of Rocks (2016, "Interval estimation for the
 * Net Promoter Score", The American Statistician 70(4)), the method his comparison found best: ¾ added to the
 * promoters and to the detractors and 3 to n, centred on the adjusted NPS p' − d' with the variance of the
 * difference of the two shares, ((p' + d') − (p' − d')²) / n'. The plain (Wald) variance is 0 when every answer
 * falls in one category, which would claim an NPS of exactly 100 from 40 answers; with the pseudo-answers 40
 * promoters give 83.6 to 100 (± 9.4 about 93.0).
 */
export function npsInterval(promoters: number, detractors: number, responses: number): MarginInterval {
	const n = responses + 3;
	const p = (promoters + 0.75) / n;
	const d = (detractors + 0.75) / n;
	const variance = (p + d - (p - d) ** 2) / n;
	return interval((p - d) * 100, Z_95 * Math.sqrt(variance) * 100, -100, 100);
}

/** Margin of error of an NPS at 95%, in points: the half-width of npsInterval. */
export function npsMarginOfError(promoters: number, detractors: number, responses: number): number {
	return npsInterval(promoters, detractors, responses).margin;
}

/**
 * The interval of a share at 95%, in percent: the Agresti–Coull interval (z²/2 added to the hits and to the
 * misses, z² to n), centred on the adjusted share. The plain (Wald) margin is 0 for a share of 0% or 100%,
 * which no finite sample shows.
 */
export function proportionInterval(hits: number, responses: number): MarginInterval {
	const n = responses + Z_95 * Z_95;
	const p = (hits + (Z_95 * Z_95) / 2) / n;
	return interval(p * 100, Z_95 * Math.sqrt((p * (1 - p)) / n) * 100, 0, 100);
}

/** Margin of error of a share at 95%, in percentage points: the half-width of proportionInterval. */
export function proportionMarginOfError(hits: number, responses: number): number {
	return proportionInterval(hits, responses).margin;
}

/**
 * The interval of a mean at 95% from the sum and sum of squares: Student's t with n − 1 degrees of freedom
 * times the sample standard deviation over √n (the standard deviation is estimated, so 1.96 in place of t
 * covered 88% at 5 answers and 94% at 30), with its ends cut to the scale. Null when the spread cannot be
 * estimated: fewer than two answers, or answers all alike (a standard deviation of 0 would give "± 0",
 * certainty that two equal answers do not carry).
 */
export function meanInterval(sum: number, sumOfSquares: number, responses: number, scale: { min: number; max: number }): MarginInterval | null {
	if (responses < 2) return null;
	const mean = sum / responses;
	const variance = (sumOfSquares - responses * mean * mean) / (responses - 1);
	if (!(variance > 0)) return null;
	return interval(mean, (studentQuantile(0.975, responses - 1) * Math.sqrt(variance)) / Math.sqrt(responses), scale.min, scale.max);
}

/** Margin of error of a mean at 95%: the half-width of meanInterval (null when its spread cannot be estimated). */
export function meanMarginOfError(sum: number, sumOfSquares: number, responses: number): number | null {
	return meanInterval(sum, sumOfSquares, responses, { min: -Infinity, max: Infinity })?.margin ?? null;
}
