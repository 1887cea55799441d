import { studentQuantile, studentUpperTail } from './distributions';
import type { Moments } from './sufficient';

export interface WelchResult {
	difference: number;
	standardError: number;
	degreesOfFreedom: number;
	lower: number;
	upper: number;
	pValue: number;
}

/**
 * Welch's interval for mean1 − mean2 with unequal variances: se = √(s1²/n1 + s2²/n2), degrees of
 * freedom by Welch–Satterthwaite, difference ± t(df, 1 − α/2) · se, two-sided p from the same t.
 * Undefined (null) with fewer than two values in a group or no variation in either group.
 */
export function welchInterval(a: Moments, b: Moments, level: number): WelchResult | null {
	if (a.n < 2 || b.n < 2) return null;
	const va = a.variance / a.n;
	const vb = b.variance / b.n;
	const standardError = Math.sqrt(va + vb);
	if (!(standardError > 0)) return null;
	// In units of the larger variance, so tiny values (1e-160 and below) do not underflow to 0 / 0.
	const scale = Math.max(va, vb);
	const [ra, rb] = [va / scale, vb / scale];
	const degreesOfFreedom = (ra + rb) ** 2 / ((ra * ra) / (a.n - 1) + (rb * rb) / (b.n - 1));
	const difference = a.mean - b.mean;
	const t = studentQuantile(1 - (1 - level) / 2, degreesOfFreedom);
	return {
		difference,
		standardError,
		degreesOfFreedom,
		lower: difference - t * standardError,
		upper: difference + t * standardError,
		pValue: Math.min(1, 2 * studentUpperTail(Math.abs(difference) / standardError, degreesOfFreedom)),
	};
}
