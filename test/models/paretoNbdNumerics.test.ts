import { compress } from '../../nodes/shared/models/data';
import { gammaGammaLogLikelihood } from '../../nodes/shared/models/gammaGamma';
import { lnDropoutTail } from '../../nodes/shared/models/dropoutTail';
import { fitParetoNbd, paretoNbdLogLikelihood, paretoNbdProbabilityAlive, type ParetoNbdParams } from '../../nodes/shared/models/paretoNbd';
import { lnGamma } from '../../nodes/shared/stats';
import { cdnowSummary, cdnowWithSpend } from './cdnowData';

/** Composite Simpson's rule with n (even) intervals. */
function simpson(f: (v: number) => number, lo: number, hi: number, n = 20_000): number {
	const h = (hi - lo) / n;
	let sum = f(lo) + f(hi);
	for (let i = 1; i < n; i++) sum += (i % 2 ? 4 : 2) * f(lo + i * h);
	return (sum * h) / 3;
}

/**
 * ln ∫_from^to (alpha+τ)^−p (beta+τ)^−q dτ by brute force, in v = ln(m + τ) (m the smaller of alpha,
 * beta) so the integrand is smooth on a log scale, scaled by its largest value on the range so nothing
 * under- or overflows; `to` = ∞ is cut where the integrand has fallen by e^−60 (past v = ln|alpha − beta|,
 * where the larger of alpha, beta starts to count, it falls like e^−(p+q−1)v).
 */
function lnBruteForce(p: number, q: number, alpha: number, beta: number, from: number, to: number, n = 20_000): number {
	const m = Math.min(alpha, beta);
	const lo = Math.log(m + from);
	const hi = Number.isFinite(to) ? Math.log(m + to) : Math.max(lo, Math.log(Math.abs(alpha - beta))) + 60 / (p + q - 1);
	const lnF = (v: number) => {
		const tau = Math.exp(v) - m;
		return v - p * Math.log(alpha + tau) - q * Math.log(beta + tau);
	};
	let top = lnF(lo);
	for (let i = 1; i <= 1000; i++) top = Math.max(top, lnF(lo + ((hi - lo) * i) / 1000));
	return top + Math.log(simpson((v) => Math.exp(lnF(v) - top), lo, hi, n));
}

describe('Pareto/NBD dropout tail ∫_t^∞ (alpha+τ)^−p (beta+τ)^−q dτ across the parameter range', () => {
	const out = new Float64Array(5);
	it.each([
		['CDNOW estimates, x = 0, t = 0', 0.553, 1.606, 10.578, 11.669, 0],
		['CDNOW estimates, x = 26 at t_x', 26.553, 1.606, 10.578, 11.669, 30.86],
		['alpha = beta', 2.5, 1.6, 7, 7, 3],
		['alpha 1,000 times beta (z = 0.999)', 0.5, 1.6, 100, 0.1, 0],
		['beta 1,000 times alpha (z = 0.999)', 0.5, 1.6, 0.1, 100, 0],
		['heavy buyer, x = 200', 200.5, 1.6, 5, 50, 40],
		['long-lived customers (s large, beta tiny)', 0.3, 9.1, 3, 0.01, 12],
		['days as the time unit', 1.2, 1.7, 75, 80, 250],
	])('%s', (_name, p, q, alpha, beta, t) => {
		expect(lnDropoutTail(p, q, alpha, beta, t, out)).toBe(true);
		expect(out[0] - lnBruteForce(p, q, alpha, beta, t, Infinity)).toBeCloseTo(0, 8);
		// The four derivatives of ln G against central differences of the closed form.
		const args = [p, q, alpha, beta];
		const probe = new Float64Array(5);
		for (let k = 0; k < 4; k++) {
			const h = 1e-6 * args[k];
			const up = args.slice();
			const down = args.slice();
			up[k] += h;
			down[k] -= h;
			lnDropoutTail(up[0], up[1], up[2], up[3], t, probe);
			const fUp = probe[0];
			lnDropoutTail(down[0], down[1], down[2], down[3], t, probe);
			expect(out[k + 1]).toBeCloseTo((fUp - probe[0]) / (2 * h), 5);
		}
	});
});

describe('Pareto/NBD log-likelihood', () => {
	/** One customer's likelihood straight from its definition, the dropout integral by brute force. */
	function bruteLogLikelihood(p: ParetoNbdParams, x: number, tx: number, T: number): number {
		const { r, alpha, s, beta } = p;
		const lnAlive = -(r + x) * Math.log(alpha + T) - s * Math.log(beta + T);
		const lnDied = tx < T ? Math.log(s) + lnBruteForce(r + x, s + 1, alpha, beta, tx, T) : -Infinity;
		const top = Math.max(lnAlive, lnDied);
		return lnGamma(r + x) - lnGamma(r) + r * Math.log(alpha) + s * Math.log(beta) + top + Math.log(Math.exp(lnAlive - top) + Math.exp(lnDied - top));
	}

	it.each([
		['CDNOW estimates', { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 }],
		['alpha much larger than beta', { r: 0.8, alpha: 300, s: 0.4, beta: 0.5 }],
		['beta much larger than alpha', { r: 0.2, alpha: 0.3, s: 2.5, beta: 900 }],
	])('equals the definition, integrated numerically, for varied customers (%s)', (_name, p) => {
		const customers = [
			{ x: 0, tx: 0, T: 38.86 },
			{ x: 2, tx: 30.43, T: 38.86 },
			{ x: 26, tx: 30.86, T: 31 },
			{ x: 1, tx: 38.85, T: 38.86 }, // last purchase a moment before the end: no cancellation
			{ x: 3, tx: 12, T: 12 }, // last purchase at the end
			{ x: 120, tx: 70, T: 78 },
		];
		for (const c of customers) {
			expect(paretoNbdLogLikelihood(p, compress([c]))).toBeCloseTo(bruteLogLikelihood(p, c.x, c.tx, c.T), 7);
		}
	});

	it('has an analytic gradient matching central differences on CDNOW', () => {
		const data = compress(cdnowSummary());
		for (const theta of [
			[Math.log(0.55), Math.log(10.6), Math.log(0.6), Math.log(11.7)],
			[Math.log(2), Math.log(60), Math.log(0.1), Math.log(0.5)],
		]) {
			const params = (t: number[]) => ({ r: Math.exp(t[0]), alpha: Math.exp(t[1]), s: Math.exp(t[2]), beta: Math.exp(t[3]) });
			const gradient = new Float64Array(4);
			paretoNbdLogLikelihood(params(theta), data, gradient);
			theta.forEach((_, i) => {
				const h = 1e-6;
				const up = theta.slice();
				const down = theta.slice();
				up[i] += h;
				down[i] -= h;
				const numeric = (paretoNbdLogLikelihood(params(up), data) - paretoNbdLogLikelihood(params(down), data)) / (2 * h);
				expect(gradient[i]).toBeCloseTo(numeric, 3);
			});
		}
	});

	it('gives P(alive) = 1 when the last purchase is at the end of observation, and never NaN', () => {
		const p = { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 };
		expect(paretoNbdProbabilityAlive(p, { x: 4, tx: 20, T: 20 })).toBe(1);
		for (const x of [0, 1, 10, 1000]) {
			const alive = paretoNbdProbabilityAlive(p, { x, tx: x ? 1 : 0, T: 5000 });
			expect(alive >= 0 && alive <= 1).toBe(true);
		}
	});
});

/** |actual − expected| within 10^−digits of the larger of 1 and |expected| (relative for large values). */
function expectClose(actual: number, expected: number, digits: number): void {
	expect(Number.isFinite(actual)).toBe(true);
	expect(Math.abs(actual - expected)).toBeLessThanOrEqual(10 ** -digits * Math.max(1, Math.abs(expected)));
}

/**
 * One of alpha, beta 1e5 to 1e8 times the other: 2F1's argument z is within 1e-5 to 1e-8 of 1, where
 * its series would need millions of terms (this is where the fits of batches with a customer far faster
 * than the rest go, and where near-Poisson purchases or near-exponential lifetimes put the estimates).
 */
describe('Pareto/NBD with one of alpha, beta 1e5 to 1e8 times the other', () => {
	const out = new Float64Array(5);
	it.each([
		['alpha 1e5 times beta, t = 0', 0.5, 1.6, 1e4, 0.1, 0],
		['alpha 1e5 times beta, heavy buyer at t = 20', 40.5, 1.6, 1e4, 0.1, 20],
		['beta 1e6 times alpha', 0.5, 1.6, 0.01, 1e4, 3],
		['beta 1e6 times alpha, p < 1: the integrand rises before it falls', 0.3, 3.5, 0.001, 1000, 0],
		['alpha 1e8 times beta: near-Poisson purchases (r = 2e7, rate 0.2)', 2e7 + 5, 1.6, 1e8, 1, 10],
		['beta 1e7 times alpha: near-exponential lifetimes (s = 1e6)', 3.5, 1e6 + 1, 1, 1e7, 30],
		['beta 1e8 times alpha, s = 0.05', 0.8, 1.05, 1e-3, 1e5, 0],
		['just either side of the switch from the series to quadrature (w = 0.1)', 1.5, 2.2, 10, 0.5, 0.5 / 0.9 - 0.5 + 1e-9],
		['just either side of the switch, the other side', 1.5, 2.2, 10, 0.5, 0.5 / 0.9 - 0.5 - 1e-9],
	])('dropout tail: %s', (_name, p, q, alpha, beta, t) => {
		expect(lnDropoutTail(p, q, alpha, beta, t, out)).toBe(true);
		expectClose(out[0], lnBruteForce(p, q, alpha, beta, t, Infinity, 400_000), 9);
		// The four derivatives against five-point differences of ln G, relative to each derivative's own
		// scale (1/(alpha + t) for alpha, ...); ln G reaches −4e8 here, so the differences carry about
		// 1e-16 |ln G| / h of rounding, which is allowed for.
		const args = [p, q, alpha, beta];
		const probe = new Float64Array(5);
		const at = (k: number, step: number) => {
			const moved = args.slice();
			moved[k] += step;
			lnDropoutTail(moved[0], moved[1], moved[2], moved[3], t, probe);
			return probe[0];
		};
		for (let k = 0; k < 4; k++) {
			const h = 1e-4 * args[k];
			const numeric = (8 * (at(k, h) - at(k, -h)) - (at(k, 2 * h) - at(k, -2 * h))) / (12 * h);
			const scale = k < 2 ? 1 : 1 / (args[k] + t);
			const rounding = (4e-16 * Math.abs(out[0])) / h / scale;
			expect(Math.abs(out[k + 1] - numeric) / scale).toBeLessThanOrEqual(1e-5 * Math.max(1, Math.abs(numeric / scale)) + rounding);
		}
	});

	const extremes: Array<[string, ParetoNbdParams]> = [
		['alpha 1e5 times beta', { r: 0.8, alpha: 3e4, s: 0.4, beta: 0.3 }],
		['beta 1e6 times alpha', { r: 0.2, alpha: 0.01, s: 2.5, beta: 1e4 }],
		['alpha 1e8 times beta (near-Poisson purchases)', { r: 2e7, alpha: 1e8, s: 0.6, beta: 1 }],
		['beta 1e7 times alpha (near-exponential lifetimes)', { r: 0.5, alpha: 5, s: 1e6, beta: 5e7 }],
		['beta 1e8 times alpha', { r: 0.3, alpha: 1e-3, s: 0.7, beta: 1e5 }],
		['alpha 2e7 times beta', { r: 5, alpha: 1e7, s: 0.2, beta: 0.5 }],
	];
	const customers = [
		{ x: 0, tx: 0, T: 38.86 },
		{ x: 2, tx: 30.43, T: 38.86 },
		{ x: 26, tx: 30.86, T: 31 },
		{ x: 1, tx: 38.85, T: 38.86 },
		{ x: 3, tx: 12, T: 12 },
		{ x: 120, tx: 70, T: 78 },
	];

	it.each(extremes)('log-likelihood equals the definition, integrated numerically (%s)', (_name, p) => {
		const { r, alpha, s, beta } = p;
		for (const c of customers) {
			const lnAlive = -(r + c.x) * Math.log(alpha + c.T) - s * Math.log(beta + c.T);
			const lnDied = c.tx < c.T ? Math.log(s) + lnBruteForce(r + c.x, s + 1, alpha, beta, c.tx, c.T, 200_000) : -Infinity;
			const top = Math.max(lnAlive, lnDied);
			const brute = lnGamma(r + c.x) - lnGamma(r) + r * Math.log(alpha) + s * Math.log(beta) + top + Math.log(Math.exp(lnAlive - top) + Math.exp(lnDied - top));
			expect(paretoNbdLogLikelihood(p, compress([c]))).toBeCloseTo(brute, 7);
			// P(alive) from the same two terms (with r = 2e7 both sides hold terms of 4e8 that cancel, as above).
			expect(paretoNbdProbabilityAlive(p, c)).toBeCloseTo(1 / (1 + Math.exp(lnDied - lnAlive)), 7);
		}
	});

	it.each(extremes)('has an analytic gradient matching five-point differences (%s)', (_name, p) => {
		const data = compress([...customers, ...cdnowSummary().slice(0, 200)]);
		const theta = [p.r, p.alpha, p.s, p.beta].map(Math.log);
		const params = (t: number[]) => ({ r: Math.exp(t[0]), alpha: Math.exp(t[1]), s: Math.exp(t[2]), beta: Math.exp(t[3]) });
		const gradient = new Float64Array(4);
		paretoNbdLogLikelihood(params(theta), data, gradient);
		theta.forEach((_, i) => {
			// A wide step: with r or s in the millions each customer's terms run to 1e8 and cancel to about 10,
			// leaving some 1e-6 of rounding in the total that narrow differences would magnify.
			const h = 0.05;
			const at = (k: number) => {
				const moved = theta.slice();
				moved[i] += k * h;
				return paretoNbdLogLikelihood(params(moved), data);
			};
			const numeric = (8 * (at(1) - at(-1)) - (at(2) - at(-2))) / (12 * h);
			expect(Math.abs(gradient[i] - numeric)).toBeLessThanOrEqual(1e-5 * Math.max(1, Math.abs(numeric)));
		});
	});

	it('fits a batch with one customer buying 1,000,000 times (the fit passes through alpha / beta beyond 1e4)', () => {
		const batch = cdnowSummary().slice(0, 300);
		batch[5] = { x: 1_000_000, tx: 100, T: 110 };
		const fit = fitParetoNbd(batch);
		expect(fit.converged).toBe(true);
		expect(Number.isFinite(fit.logLikelihood)).toBe(true);
		// A million purchases in 100 weeks, then 10 silent weeks: gone.
		expect(paretoNbdProbabilityAlive(fit.params, batch[5])).toBeLessThan(1e-6);
	});
});

/** T (or T − t_x) so small that G(T) equals G(t_x) to the last digit. */
describe('Pareto/NBD with T indistinguishable from t_x', () => {
	const p = { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 };
	it.each([
		[{ x: 0, tx: 0, T: 5e-324 }],
		[{ x: 0, tx: 0, T: 1e-300 }],
		[{ x: 2, tx: 1e-200, T: 1e-100 }],
		[{ x: 4, tx: 30, T: 30 + 1e-14 }],
	])('%j: the likelihood is the alive term alone, with a finite gradient; P(alive) = 1', (c) => {
		const gradient = new Float64Array(4);
		const value = paretoNbdLogLikelihood(p, compress([c]), gradient);
		const alive = lnGamma(p.r + c.x) - lnGamma(p.r) + p.r * Math.log(p.alpha) + p.s * Math.log(p.beta) - (p.r + c.x) * Math.log(p.alpha + c.T) - p.s * Math.log(p.beta + c.T);
		expect(value).toBeCloseTo(alive, 10);
		expect(Array.from(gradient).every(Number.isFinite)).toBe(true);
		expect(paretoNbdProbabilityAlive(p, c)).toBeCloseTo(1, 12);
	});
});

describe('Gamma-Gamma analytic gradient', () => {
	it('matches central differences on the CDNOW repeat buyers', () => {
		const customers = cdnowWithSpend()
			.filter((r) => r.x > 0)
			.map((r) => ({ x: r.x, meanSpend: r.zbar }));
		const theta = [Math.log(5), Math.log(3), Math.log(20)];
		const params = (t: number[]) => ({ p: Math.exp(t[0]), q: Math.exp(t[1]), gamma: Math.exp(t[2]) });
		const gradient = new Float64Array(3);
		gammaGammaLogLikelihood(params(theta), customers, gradient);
		theta.forEach((_, i) => {
			const h = 1e-6;
			const up = theta.slice();
			const down = theta.slice();
			up[i] += h;
			down[i] -= h;
			const numeric = (gammaGammaLogLikelihood(params(up), customers) - gammaGammaLogLikelihood(params(down), customers)) / (2 * h);
			expect(gradient[i]).toBeCloseTo(numeric, 3);
		});
	});
});
