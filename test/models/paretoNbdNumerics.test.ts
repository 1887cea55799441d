import { compress } from '../../nodes/shared/models/data';
import { gammaGammaLogLikelihood } from '../../nodes/shared/models/gammaGamma';
import { lnDropoutTail, paretoNbdLogLikelihood, paretoNbdProbabilityAlive, type ParetoNbdParams } from '../../nodes/shared/models/paretoNbd';
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
 * beta) so the integrand is smooth on a log scale, scaled by its largest value (at v = lo) so nothing
 * underflows; `to` = ∞ is cut where the integrand has fallen by e^−60.
 */
function lnBruteForce(p: number, q: number, alpha: number, beta: number, from: number, to: number): number {
	const m = Math.min(alpha, beta);
	const lo = Math.log(m + from);
	const hi = Number.isFinite(to) ? Math.log(m + to) : lo + 60 / (p + q - 1);
	const lnF = (v: number) => {
		const tau = Math.exp(v) - m;
		return v - p * Math.log(alpha + tau) - q * Math.log(beta + tau);
	};
	const top = lnF(lo);
	return top + Math.log(simpson((v) => Math.exp(lnF(v) - top), lo, hi));
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
