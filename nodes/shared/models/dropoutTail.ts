import { hyp2f1OneWithDerivatives } from '../stats';

/*
 * The Pareto/NBD's dropout tail: ∫_t^∞ (alpha + τ)^−p (beta + τ)^−q dτ and its derivatives, for any
 * ratio of alpha to beta. The likelihood and the scores (paretoNbd.ts) are differences of two of them.
 */

const series = new Float64Array(4);
const part = new Float64Array(5);

/**
 * Below this ratio w = (m + t)/(M + t) of the two scales (m, M the smaller and larger of alpha, beta)
 * the series, whose terms shrink only by 1 − w each, gives way to quadrature (about 370 terms here).
 */
const SERIES_LIMIT = 0.1;

/**
 * ln G and its partial derivatives in (p, q, alpha, beta), written to out[0..4], where
 *   G = ∫_t^∞ (alpha + τ)^−p (beta + τ)^−q dτ,   p + q > 1.
 * This is the Pareto/NBD's "dropped out after t" integral (Fader & Hardie's A0 is a difference of two
 * of them, times r + s + x). In closed form, with the larger of alpha, beta as M:
 *   alpha >= beta: G = (alpha+t)^−p (beta+t)^(1−q) / (p+q−1) · 2F1(1, p; p+q; (alpha−beta)/(alpha+t))
 *   beta > alpha:  G = (beta+t)^−q (alpha+t)^(1−p) / (p+q−1) · 2F1(1, q; p+q; (beta−alpha)/(beta+t))
 * i.e. the usual 2F1(r+s+x, ·; r+s+x+1; z) after Euler's transformation. Choosing the side by the larger
 * of alpha and beta keeps 0 <= z < 1; after the transformation every series term is positive and at most
 * z times the one before, so there is no cancellation for any parameters, x or t.
 *
 * What the series cannot do is converge quickly when z = 1 − w is near 1 (w = (m+t)/(M+t), m the smaller
 * of alpha and beta): its terms fall like n^−(q−1) z^n, so it needs about 40/w terms — 4 million when one
 * of alpha, beta is 100,000 times the other — and near z = 1 no rearrangement of it helps (the expansions
 * around z = 1 carry poles at integer s that cancel between terms). So when w < SERIES_LIMIT the integral
 * is split where the smaller side's base m + τ equals d = M − m:
 * - beyond it, the series at z = 1/2 exactly (about 55 terms);
 * - before it, Gauss–Legendre quadrature in y = ln((m + τ)/d), where the integrand is
 *   d^(1−A−B) exp((1−A) y − B ln(1 + e^y)), A and B the exponents of the smaller and larger side: a
 *   log-concave function with no singularity nearer the real line than y = ±iπ, integrated on panels
 *   sized by their distance from that singularity and by the slope, over the range where it is within
 *   e^−40 of its largest value. Its derivatives are the integrals of the derivatives of the integrand on
 *   the same nodes. Everything is summed in log space, so no scale under- or overflows.
 * Returns false only if the result is not a finite number.
 */
export function lnDropoutTail(p: number, q: number, alpha: number, beta: number, t: number, out: Float64Array): boolean {
	// In the larger/smaller order: exponents B (larger side), A (smaller side); derivatives in B, A, M, m.
	const ok = alpha >= beta ? orderedTail(p, q, alpha, beta, t, out) : orderedTail(q, p, beta, alpha, t, out);
	if (!ok) return false;
	if (alpha < beta) {
		const dB = out[1];
		const dM = out[3];
		out[1] = out[2];
		out[2] = dB;
		out[3] = out[4];
		out[4] = dM;
	}
	for (let k = 0; k < 5; k++) if (!Number.isFinite(out[k])) return false;
	return true;
}

/** ln G with G = ∫_t^∞ (M + τ)^−B (m + τ)^−A dτ, M >= m, and its derivatives in B, A, M, m (out[1..4]). */
function orderedTail(B: number, A: number, M: number, m: number, t: number, out: Float64Array): boolean {
	const d = M - m;
	const small = m + t;
	const big = M + t;
	if (small >= SERIES_LIMIT * big) return seriesTail(B, A, d, small, big, out);
	// Split at m + τ = d (so small < d here): the series at z = 1/2 beyond, quadrature before.
	if (!seriesTail(B, A, d, d, 2 * d, part)) return false;
	const lnHigh = part[0];
	const lnLow = quadratureTail(B, A, d, small, big, out);
	const top = Math.max(lnHigh, lnLow);
	const wHigh = Math.exp(lnHigh - top);
	const wLow = Math.exp(lnLow - top);
	const sum = wHigh + wLow;
	out[0] = top + Math.log(sum);
	for (let k = 1; k < 5; k++) out[k] = (wHigh * part[k] + wLow * out[k]) / sum;
	return true;
}

/**
 * The closed form above for the piece from the point where the smaller side's base is `small` and the
 * larger's `big` (= small + d) on: z = d / big, derivatives in M and m holding that point's τ fixed.
 */
function seriesTail(B: number, A: number, d: number, small: number, big: number, out: Float64Array): boolean {
	const S = A + B - 1;
	if (!hyp2f1OneWithDerivatives(B, A + B, d / big, series)) return false;
	const lnBig = Math.log(big);
	const lnSmall = Math.log(small);
	const H = series[0];
	const hz = series[3] / H;
	out[0] = -B * lnBig + (1 - A) * lnSmall - Math.log(S) + Math.log(H);
	out[1] = -lnBig - 1 / S + (series[1] + series[2]) / H;
	out[2] = -lnSmall - 1 / S + series[2] / H;
	out[3] = -B / big + (hz * small) / (big * big);
	out[4] = (1 - A) / small - hz / big;
	return true;
}

/** Gauss–Legendre nodes and weights on [−1, 1]. */
function gaussLegendre(n: number): { x: Float64Array; w: Float64Array } {
	const x = new Float64Array(n);
	const w = new Float64Array(n);
	for (let i = 0; i < n; i++) {
		let z = Math.cos((Math.PI * (i + 0.75)) / (n + 0.5));
		let derivative = 0;
		for (let iteration = 0; iteration < 100; iteration++) {
			let previous = 1;
			let value = z;
			for (let k = 2; k <= n; k++) {
				const next = ((2 * k - 1) * z * value - (k - 1) * previous) / k;
				previous = value;
				value = next;
			}
			derivative = (n * (z * value - previous)) / (z * z - 1);
			const step = value / derivative;
			z -= step;
			if (Math.abs(step) < 1e-16) break;
		}
		x[i] = z;
		w[i] = 2 / ((1 - z * z) * derivative * derivative);
	}
	return { x, w };
}

const GAUSS = gaussLegendre(12);
/** The integrands are integrated where they are within e^−CUT of their largest value. */
const CUT = 40;
/** A panel's width times the largest log-slope of the integrands on it stays below this. */
const SLOPE_STEP = 8;

/**
 * ln of ∫_{y0}^0 d^(1−A−B) exp(ψ(y)) dy, ψ(y) = (1−A) y − B ln(1 + e^y) (the piece of G between
 * m + τ = small = d e^y0 and m + τ = d; big = d + small), with the derivatives of ln of it in B, A, M, m
 * (τ fixed) in out[1..4]: the integrals of exp(ψ) times −ln(M+τ), −ln(m+τ), −B/(M+τ) and −A/(m+τ),
 * over the integral.
 * ψ and ψ − y (the log of the integrand of the m-derivative) are concave. ψ − y falls everywhere, so its
 * largest value is at y0; ψ's is at y0 too unless A < 1, and then it can lie far to the right of y0,
 * where the m-derivative's integrand is negligible: the range runs from y0 to where both have fallen
 * by CUT, and each sum has its own scale, so neither underflows where the other matters.
 * The nodes are placed by their offset σ = y − y0 and ψ is taken relative to ψ(y0) as
 * Δ(σ) = (1−A) σ − B ln(1 + c (e^σ − 1)), c = 1/(1 + e^−y0): with A or B in the millions, ψ itself
 * at y0 = −40 would carry an error of A · 40 · 1e-16 into every node.
 */
function quadratureTail(B: number, A: number, d: number, small: number, big: number, out: Float64Array): number {
	const y0 = Math.log(small) - Math.log(d);
	const ratio = Math.exp(y0);
	const c = ratio / (1 + ratio);
	const lnC = Math.log1p(ratio);
	// Offsets this far out (or any, when e^y0 would be denormal) take e^(y0+σ) directly.
	const far = y0 < -700 ? 0 : 700;
	/** ln(1 + e^(y0+σ)) − ln(1 + e^y0). */
	const rise = (offset: number) => (offset < far ? Math.log1p(c * Math.expm1(offset)) : Math.log1p(Math.exp(y0 + offset)) - lnC);
	const delta = (offset: number) => (1 - A) * offset - B * rise(offset);
	const slope = (offset: number) => 1 - A - B / (1 + Math.exp(-y0 - offset));
	const end = -y0;
	let peak = 0;
	if (slope(0) > 0) peak = slope(end) >= 0 ? end : Math.log((1 - A) / (A + B - 1)) - y0;
	const top = delta(peak);
	// Newton's steps from the end towards the level stay to its right (the tangent lies above a concave curve).
	let to = end;
	for (let i = 0; i < 100 && delta(to) < top - CUT - 0.5; i++) to += (top - CUT - delta(to)) / slope(to);
	let toM = end;
	for (let i = 0; i < 100 && delta(toM) - toM < -CUT - 0.5; i++) toM += (-CUT - delta(toM) + toM) / (slope(toM) - 1);
	to = Math.max(to, toM);
	let sum = 0;
	let sumOffset = 0;
	let sumRise = 0;
	let sumInvBig = 0;
	let sumM = 0;
	let a = 0;
	for (let panel = 0; a < to && panel < 1000; panel++) {
		// Width: at most half the distance from the panel's right end to the singularity at y = iπ
		// (solved for the right end: 3h² − 2yh − (y² + π²) = 0, y the panel's start), and SLOPE_STEP over
		// the steeper end's slope (the derivatives' integrands differ from exp(ψ) by slopes of at most 1).
		const y = y0 + a;
		let h = Math.min(to - a, (y + Math.sqrt(4 * y * y + 3 * Math.PI * Math.PI)) / 3);
		h = Math.min(h, SLOPE_STEP / (1 + Math.max(Math.abs(slope(a)), Math.abs(slope(a + h)))));
		const mid = a + h / 2;
		for (let k = 0; k < GAUSS.x.length; k++) {
			const offset = mid + (h / 2) * GAUSS.x[k];
			const grow = 1 + Math.expm1(offset); // e^σ; Infinity beyond σ = 709 (then 1/grow = 0, as good as exact)
			const near = offset < far;
			const up = near ? Math.log1p(c * (grow - 1)) : Math.log1p(Math.exp(y0 + offset)) - lnC;
			const lnF = (1 - A) * offset - B * up;
			const weight = (h / 2) * GAUSS.w[k];
			const f = weight * Math.exp(lnF - top);
			sum += f;
			sumOffset += f * offset;
			sumRise += f * up;
			sumInvBig += f / (1 + (near ? ratio * grow : Math.exp(y0 + offset)));
			// Both scales are ψ(y0) unless ψ peaks to the right of y0 (A < 1).
			sumM += top === 0 ? f / grow : weight * Math.exp(lnF - offset);
		}
		a += h;
	}
	out[1] = -Math.log(big) - sumRise / sum;
	out[2] = -Math.log(small) - sumOffset / sum;
	out[3] = (-B * sumInvBig) / (sum * d);
	out[4] = ((-A * sumM) / (sum * small)) * Math.exp(-top);
	return (1 - A) * Math.log(small) - B * Math.log(big) + top + Math.log(sum);
}
