import { normalQuantile, normalUpperTail } from './distributions';

export interface Interval {
	lower: number;
	upper: number;
}

/** Wilson's score interval for x successes of n (no continuity correction). */
export function wilsonInterval(x: number, n: number, z: number): Interval {
	const p = x / n;
	const z2 = z * z;
	const centre = p + z2 / (2 * n);
	const spread = z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
	const denominator = 1 + z2 / n;
	return {
		// Exactly 0 with no successes and 1 with all (the formula gives them up to rounding).
		lower: x === 0 ? 0 : Math.max(0, (centre - spread) / denominator),
		upper: x === n ? 1 : Math.min(1, (centre + spread) / denominator),
	};
}

/**
 * Newcombe's hybrid score interval for p1 − p2 (Newcombe 1998, method 10): the Wilson intervals of each
 * proportion combined as L = d − √((p1 − l1)² + (u2 − p2)²), U = d + √((u1 − p1)² + (p2 − l2)²).
 * Unlike the Wald interval it stays inside [−1, 1], is not degenerate at 0 or n successes, and keeps
 * close to its nominal coverage for small samples.
 */
export function newcombeInterval(x1: number, n1: number, x2: number, n2: number, z: number): Interval {
	const p1 = x1 / n1;
	const p2 = x2 / n2;
	const w1 = wilsonInterval(x1, n1, z);
	const w2 = wilsonInterval(x2, n2, z);
	const d = p1 - p2;
	return {
		lower: d - Math.sqrt((p1 - w1.lower) ** 2 + (w2.upper - p2) ** 2),
		upper: d + Math.sqrt((w1.upper - p1) ** 2 + (p2 - w2.lower) ** 2),
	};
}

/** z for a two-sided interval at `level` (0.95 -> 1.959964). */
export function twoSidedZ(level: number): number {
	return normalQuantile(1 - (1 - level) / 2);
}

/**
 * The two-sided p-value that matches the hybrid score interval: the smallest 1 − level at which the
 * interval just reaches zero. So "the 95% interval excludes 0" and "p < 0.05" always agree. The bound
 * moves monotonically with z, so bisection on z finds that level.
 */
export function newcombePValue(x1: number, n1: number, x2: number, n2: number): number {
	const d = x1 / n1 - x2 / n2;
	if (d === 0) return 1;
	const reachesZero = (z: number) => {
		const ci = newcombeInterval(x1, n1, x2, n2, z);
		return d > 0 ? ci.lower <= 0 : ci.upper >= 0;
	};
	let low = 0;
	let high = 40;
	if (!reachesZero(high)) return 0;
	for (let i = 0; i < 100 && high - low > 1e-12; i++) {
		const mid = (low + high) / 2;
		if (reachesZero(mid)) high = mid;
		else low = mid;
	}
	return Math.min(1, 2 * normalUpperTail((low + high) / 2));
}

/**
 * The smallest rise of the rate detected with power `powerZ` (z of the power, 0.84 for 80%) by a two-sided test
 * at `z`, for groups of nT and nH customers whose overall rate is `pooled` (Fleiss' formula: the null's pooled
 * variance for the level, the two rates' own variances for the power):
 *   δ = z · √(p̄(1 − p̄)(1/nT + 1/nH)) + z_power · √(pT(1 − pT)/nT + pH(1 − pH)/nH),
 * with pT = p̄ + δ·nH/n and pH = p̄ − δ·nT/n (rates apart by δ with the overall rate p̄). The pooled variance in
 * both terms overstated it for unbalanced groups: the small holdout's variance shrinks as its rate moves away
 * from p̄. Null when no rise the overall rate allows (pH down to 0 or pT up to 1) is detected that often, or
 * when every customer had the same outcome (p̄ of 0 or 1: no variance, no effect size).
 */
export function rateDetectableEffect(pooled: number, nT: number, nH: number, z: number, powerZ: number): number | null {
	if (!(pooled > 0 && pooled < 1)) return null;
	const n = nT + nH;
	const level = z * Math.sqrt(pooled * (1 - pooled) * (1 / nT + 1 / nH));
	const shortfall = (effect: number) => {
		const pT = Math.min(1, pooled + (effect * nH) / n);
		const pH = Math.max(0, pooled - (effect * nT) / n);
		return level + powerZ * Math.sqrt((pT * (1 - pT)) / nT + (pH * (1 - pH)) / nH) - effect;
	};
	// The shortfall is concave in the effect and positive at 0: one root at most, found by bisection.
	let high = Math.min((pooled * n) / nT, ((1 - pooled) * n) / nH);
	if (shortfall(high) > 0) return null;
	let low = 0;
	for (let i = 0; i < 200 && high - low > 1e-15 * high; i++) {
		const mid = (low + high) / 2;
		if (shortfall(mid) > 0) low = mid;
		else high = mid;
	}
	return (low + high) / 2;
}
