import { lnBeta } from '../stats';

/*
 * BG/NBD's expected purchases where its 2F1 series cannot be summed: a customer alive with purchase
 * rate lambda ~ Gamma(r + x, alpha + T) and dropout chance p ~ Beta(a, b + x) makes (1 − e^(−lambda p t))/p
 * purchases in the next t on average; over lambda that is (1 − (1 + p w)^−k)/p with k = r + x and
 * w = t/(alpha + T) = (1 − u)/u. So the series' expression (expectationCore in bgnbd.ts) equals
 *   E over p ~ Beta(a, b + x) of (1 − (1 + p w)^−k) / p,
 * an average of a function bounded by k w, finite for every a > 0. Its series in 1 − u needs about 40/u
 * terms, millions when the horizon is long against alpha + T (a customer new at the As Of, daily buyers
 * over years); the average is integrated here instead.
 */

/** Gauss–Kronrod 7-15 nodes on [−1, 1] (the non-negative half) and weights. */
const XK = [
	0.991455371120813, 0.949107912342758, 0.864864423359769, 0.741531185599394, 0.586087235467691, 0.405845151377397,
	0.207784955007898, 0,
];
const WK = [
	0.0229353220105292, 0.0630920926299786, 0.10479001032225, 0.140653259715526, 0.169004726639268, 0.190350578064785,
	0.204432940075299, 0.209482141084728,
];
const WG = [0, 0.12948496616887, 0, 0.279705391489277, 0, 0.381830050505119, 0, 0.417959183673469];

/** ∫ f over [lo, hi] by Kronrod 15 with its Gauss 7 error estimate: [value, error]. */
function kronrod(f: (t: number) => number, lo: number, hi: number): [number, number] {
	const half = (hi - lo) / 2;
	const mid = lo + half;
	let k = 0;
	let g = 0;
	for (let i = 0; i < 8; i++) {
		const values = i === 7 ? f(mid) : f(mid - half * XK[i]) + f(mid + half * XK[i]);
		k += WK[i] * values;
		g += WG[i] * values;
	}
	return [k * half, Math.abs((k - g) * half)];
}

/**
 * ∫ f over [lo, hi], bisecting a part while its error estimate is above `tolerance` (absolute), a part
 * at most 24 times: 1/16,000,000 of a unit panel, far narrower than any peak of the Beta density.
 */
function adaptive(f: (t: number) => number, lo: number, hi: number, tolerance: number, depth = 0): number {
	const [value, error] = kronrod(f, lo, hi);
	if (error <= tolerance || depth >= 24) return value;
	const mid = (lo + hi) / 2;
	return adaptive(f, lo, mid, tolerance, depth + 1) + adaptive(f, mid, hi, tolerance, depth + 1);
}

/**
 * ∫ over [0, end] of f in unit panels, each refined on its own to 1e-12 of the largest panel so far: a
 * peak of the Beta density narrower than a panel sits at t = 0, next to the split, where the first panel
 * is bisected towards it.
 */
function panels(f: (t: number) => number, end: number): number {
	let total = 0;
	let largest = 0;
	for (let lo = 0; lo < end; lo++) {
		const hi = Math.min(end, lo + 1);
		const [rough] = kronrod(f, lo, hi);
		largest = Math.max(largest, Math.abs(rough));
		total += adaptive(f, lo, hi, 1e-12 * largest + 1e-300);
	}
	return total;
}

/**
 * E over p ~ Beta(a, beta) of (1 − (1 + p w)^−k) / p, for a, beta, k > 0 and w >= 0. The density is
 * split at its mean m and integrated in log distance from it (p = m e^−t below, 1 − p = (1 − m) e^−s
 * above), each side until what is left is within 1e-14 of a constant, which is then added exactly.
 * Everything is weighed in log space, so no power of p or 1 − p under- or overflows.
 */
export function betaMeanOfPurchases(a: number, beta: number, k: number, w: number): number {
	const lnB = lnBeta(a, beta);
	const purchases = (p: number) => (p * w < 1e-300 ? k * w : -Math.expm1(-k * Math.log1p(p * w)) / p);
	const m = a / (a + beta);
	// Below m: p = m e^−t, dp = p dt, so the integrand is p^a (1 − p)^(beta − 1) purchases(p) / B.
	const lower = (t: number) => {
		const p = m * Math.exp(-t);
		return Math.exp(a * Math.log(p) + (beta - 1) * Math.log1p(-p) - lnB) * purchases(p);
	};
	// Below p0 the factor (1 − p)^(beta − 1) purchases(p) is k w within 1e-14: ∫_0^p0 p^(a−1) dp = p0^a / a.
	const p0 = Math.min(m, 1e-14 / Math.max(1, beta, (k + 1) * w));
	const lowerEnd = Math.log(m / p0);
	const lowerTail = (k * w * Math.exp(a * Math.log(p0) - lnB)) / a;
	// Above m: 1 − p = q = (1 − m) e^−s, dp = q ds, the integrand p^(a − 1) q^beta purchases(p) / B.
	const n = 1 - m;
	const upper = (s: number) => {
		const q = n * Math.exp(-s);
		return Math.exp((a - 1) * Math.log1p(-q) + beta * Math.log(q) - lnB) * purchases(1 - q);
	};
	// Below q0 the factor p^(a − 1) purchases(p) is purchases(1) within 1e-14: ∫_0^q0 q^(beta − 1) dq = q0^beta / beta.
	const q0 = Math.min(n, 1e-14 / Math.max(1, Math.abs(a - 1), k + 1));
	const upperEnd = Math.log(n / q0);
	const upperTail = (purchases(1) * Math.exp(beta * Math.log(q0) - lnB)) / beta;
	return panels(lower, lowerEnd) + lowerTail + panels(upper, upperEnd) + upperTail;
}
