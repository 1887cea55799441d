import { lnBeta, lnGamma } from '../stats';

const EPSILON = 1e-15;
const TINY = 1e-300;
const MAX_ITERATIONS = 10_000;

/** Regularized lower incomplete gamma P(a, x) and its complement Q(a, x), for a > 0, x >= 0. */
export function regularizedGamma(a: number, x: number): { p: number; q: number } {
	if (x <= 0) return { p: 0, q: 1 };
	const logPrefix = a * Math.log(x) - x - lnGamma(a);
	if (x < a + 1) {
		// Series: P = x^a e^-x / Γ(a+1) · Σ x^n / ((a+1)…(a+n))
		let term = 1 / a;
		let sum = term;
		for (let n = 1; n < MAX_ITERATIONS; n++) {
			term *= x / (a + n);
			sum += term;
			if (Math.abs(term) < Math.abs(sum) * EPSILON) break;
		}
		const p = Math.min(1, sum * Math.exp(logPrefix));
		return { p, q: 1 - p };
	}
	// Continued fraction for Q (modified Lentz).
	let b = x + 1 - a;
	let c = 1 / TINY;
	let d = 1 / b;
	let h = d;
	for (let n = 1; n < MAX_ITERATIONS; n++) {
		const an = -n * (n - a);
		b += 2;
		d = an * d + b;
		if (Math.abs(d) < TINY) d = TINY;
		c = b + an / c;
		if (Math.abs(c) < TINY) c = TINY;
		d = 1 / d;
		const delta = d * c;
		h *= delta;
		if (Math.abs(delta - 1) < EPSILON) break;
	}
	const q = Math.min(1, Math.exp(logPrefix) * h);
	return { p: 1 - q, q };
}

/** Standard normal distribution function Φ(x), accurate in both tails (erfc through Q(1/2, x²/2)). */
export function normalCdf(x: number): number {
	if (x === 0) return 0.5;
	const tail = 0.5 * regularizedGamma(0.5, (x * x) / 2).q;
	return x > 0 ? 1 - tail : tail;
}

/** Upper tail 1 − Φ(x) without cancellation for large x. */
export function normalUpperTail(x: number): number {
	return normalCdf(-x);
}

// Acklam's rational approximation of the normal quantile (relative error 1.15e-9), refined below.
const A = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
const B = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
const C = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
const D = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];

/** Standard normal quantile Φ⁻¹(p) for 0 < p < 1. */
export function normalQuantile(p: number): number {
	if (!(p > 0 && p < 1)) throw new RangeError(`normalQuantile: p is ${p} (expected 0 < p < 1)`);
	let x: number;
	if (p < 0.02425) {
		const q = Math.sqrt(-2 * Math.log(p));
		x = (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5]) / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
	} else if (p > 1 - 0.02425) {
		const q = Math.sqrt(-2 * Math.log(1 - p));
		x = -(((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5]) / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
	} else {
		const q = p - 0.5;
		const r = q * q;
		x = ((((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q) / (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1);
	}
	// One Halley step against the accurate Φ brings it to full double precision.
	const e = normalCdf(x) - p;
	const u = e * Math.sqrt(2 * Math.PI) * Math.exp((x * x) / 2);
	return x - u / (1 + (x * u) / 2);
}

/** Regularized incomplete beta I_x(a, b) (continued fraction, modified Lentz). */
export function regularizedBeta(x: number, a: number, b: number): number {
	if (x <= 0) return 0;
	if (x >= 1) return 1;
	if (x > (a + 1) / (a + b + 2)) return 1 - regularizedBeta(1 - x, b, a);
	const front = Math.exp(a * Math.log(x) + b * Math.log1p(-x) - lnBeta(a, b)) / a;
	let c = 1;
	let d = 1 - ((a + b) * x) / (a + 1);
	if (Math.abs(d) < TINY) d = TINY;
	d = 1 / d;
	let f = d;
	for (let m = 1; m < MAX_ITERATIONS; m++) {
		for (const even of [true, false]) {
			const numerator = even
				? (m * (b - m) * x) / ((a + 2 * m - 1) * (a + 2 * m))
				: -((a + m) * (a + b + m) * x) / ((a + 2 * m) * (a + 2 * m + 1));
			d = 1 + numerator * d;
			if (Math.abs(d) < TINY) d = TINY;
			c = 1 + numerator / c;
			if (Math.abs(c) < TINY) c = TINY;
			d = 1 / d;
			f *= c * d;
			if (!even && Math.abs(c * d - 1) < EPSILON) return front * f;
		}
	}
	return front * f;
}

/** Upper tail P(T > t) of Student's t with `df` degrees of freedom (df may be fractional, as Welch's is). */
export function studentUpperTail(t: number, df: number): number {
	if (!(df > 0)) throw new RangeError(`Student's t: df is ${df} (expected df > 0)`);
	if (df > 1e7) return normalUpperTail(t);
	const half = 0.5 * regularizedBeta(df / (df + t * t), df / 2, 0.5);
	return t >= 0 ? half : 1 - half;
}

function studentDensity(t: number, df: number): number {
	return Math.exp(lnGamma((df + 1) / 2) - lnGamma(df / 2) - 0.5 * Math.log(df * Math.PI) - ((df + 1) / 2) * Math.log1p((t * t) / df));
}

/** Quantile of Student's t: the t with P(T <= t) = p (safeguarded Newton on the upper tail). */
export function studentQuantile(p: number, df: number): number {
	if (!(p > 0 && p < 1)) throw new RangeError(`studentQuantile: p is ${p} (expected 0 < p < 1)`);
	if (p < 0.5) return -studentQuantile(1 - p, df);
	if (p === 0.5) return 0;
	if (df > 1e7) return normalQuantile(p);
	const tail = 1 - p;
	let low = 0;
	let high = 1;
	while (studentUpperTail(high, df) > tail) {
		low = high;
		high *= 2;
	}
	let t = Math.min(Math.max(normalQuantile(p), low), high);
	for (let i = 0; i < 200; i++) {
		const excess = studentUpperTail(t, df) - tail;
		if (excess > 0) low = t;
		else high = t;
		let next = t + excess / studentDensity(t, df);
		if (!(next > low && next < high)) next = (low + high) / 2;
		if (Math.abs(next - t) <= 1e-14 * Math.max(1, Math.abs(t))) return next;
		t = next;
	}
	return t;
}
