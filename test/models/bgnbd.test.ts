import { compress, toColumns } from '../../nodes/shared/models/data';
import { hyp2f1, lnBeta } from '../../nodes/shared/stats';
import {
	bgNbdLogLikelihood,
	bgNbdLogLikelihoodGradient,
	bgNbdConditionalExpected,
	bgNbdExpectedNew,
	bgNbdProbabilityAlive,
	bgNbdProbabilityOfCount,
	fitBgNbd,
	scoreBgNbd,
} from '../../nodes/shared/models/bgnbd';
import { cdnowSummary } from './cdnowData';

const published = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };

describe('BG/NBD on CDNOW (Fader, Hardie & Lee 2005)', () => {
	const fit = fitBgNbd(cdnowSummary());

	it('reproduces the published MLE and log-likelihood', () => {
		expect(Math.abs(fit.params.r - 0.243)).toBeLessThanOrEqual(0.001);
		expect(Math.abs(fit.params.alpha - 4.414)).toBeLessThanOrEqual(0.001);
		expect(Math.abs(fit.params.a - 0.793)).toBeLessThanOrEqual(0.001);
		expect(Math.abs(fit.params.b - 2.426)).toBeLessThanOrEqual(0.001);
		expect(Math.abs(fit.logLikelihood - -9582.43)).toBeLessThanOrEqual(0.05);
		expect(fit).toMatchObject({ customers: 2357, converged: true });
		expect(fit.distinctRows).toBeLessThan(2357);
	});

	it('gives the published conditional expectation for x = 2, t_x = 30.43, T = 38.86 over 39 weeks', () => {
		expect(Math.abs(bgNbdConditionalExpected(fit.params, { x: 2, tx: 30.43, T: 38.86 }, 39) - 1.226)).toBeLessThanOrEqual(0.001);
	});

	it.each([
		[0.1429, 0.0078],
		[1, 0.0532],
		[3, 0.1506],
		[31.8571, 1.0405],
		[32, 1.0437],
		[78, 1.8576],
	])('E[X(%p)] = %p', (t, expected) => {
		expect(Math.abs(bgNbdExpectedNew(fit.params, t) - expected)).toBeLessThanOrEqual(0.001);
	});

	it('gives the published P(X(t) = n) at the published parameters', () => {
		expect(Math.abs(bgNbdProbabilityOfCount(published, 2, 10) - 1.07869e-7)).toBeLessThanOrEqual(1e-4);
		expect(bgNbdProbabilityOfCount(published, 2, 10) / 1.07869e-7).toBeCloseTo(1, 3);
		expect(Math.abs(bgNbdProbabilityOfCount(published, 39, 0) - 0.5737864)).toBeLessThanOrEqual(1e-4);
	});

	it('sums P(X(t) = n) over n to one', () => {
		let total = 0;
		for (let n = 0; n < 200; n++) total += bgNbdProbabilityOfCount(published, 39, n);
		expect(total).toBeCloseTo(1, 8);
	});

	it('gives the published P(alive) values', () => {
		expect(Math.abs(bgNbdProbabilityAlive(fit.params, { x: 2, tx: 30.43, T: 38.86 }) - 0.7266)).toBeLessThanOrEqual(0.0005);
		expect(Math.abs(bgNbdProbabilityAlive(fit.params, { x: 1, tx: 1.71, T: 38.86 }) - 0.2122)).toBeLessThanOrEqual(0.0005);
		expect(bgNbdProbabilityAlive(fit.params, { x: 0, tx: 0, T: 38.86 })).toBe(1);
	});
});

describe('BG/NBD analytic gradient', () => {
	it('matches central differences of the log-likelihood', () => {
		const data = compress(cdnowSummary());
		const theta = [Math.log(0.3), Math.log(5), Math.log(0.7), Math.log(2)];
		const params = (t: number[]) => ({ r: Math.exp(t[0]), alpha: Math.exp(t[1]), a: Math.exp(t[2]), b: Math.exp(t[3]) });
		const analytic = bgNbdLogLikelihoodGradient(params(theta), data);
		theta.forEach((_, i) => {
			const h = 1e-6;
			const up = theta.slice();
			const down = theta.slice();
			up[i] += h;
			down[i] -= h;
			const numeric = (bgNbdLogLikelihood(params(up), data) - bgNbdLogLikelihood(params(down), data)) / (2 * h);
			expect(analytic[i]).toBeCloseTo(numeric, 3);
		});
	});
});

describe('BG/NBD expectations stay finite and exact at the edges', () => {
	const p = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
	/** The textbook form, 2F1 and powers computed separately (fine for moderate x). */
	function textbook(q: typeof p, x: number, tx: number, T: number, t: number): number {
		const { r, alpha, a, b } = q;
		const head = (a + b + x - 1) / (a - 1);
		const tail = 1 - Math.pow((alpha + T) / (alpha + T + t), r + x) * hyp2f1(r + x, b + x, a + b + x - 1, t / (alpha + T + t));
		const odds = x > 0 ? (a / (b + x - 1)) * Math.pow((alpha + T) / (alpha + tx), r + x) : 0;
		return (head * tail) / (1 + odds);
	}

	it('agrees with the textbook form where that form is safe', () => {
		for (const [x, tx, T, t] of [
			[0, 0, 38.86, 39],
			[2, 30.43, 38.86, 39],
			[26, 30.86, 31, 52],
			[60, 70, 78, 260],
		]) {
			expect(bgNbdConditionalExpected(p, { x, tx, T }, t) / textbook(p, x, tx, T, t)).toBeCloseTo(1, 10);
		}
	});

	it('stays finite for a customer with thousands of purchases (where the textbook form gives NaN)', () => {
		const heavy = { x: 3000, tx: 1090, T: 1095 };
		expect(Number.isNaN(textbook(p, heavy.x, heavy.tx, heavy.T, 365))).toBe(true);
		// Independently: given alive, λ ~ Gamma(r+x, alpha+T) and p ~ Beta(a, b+x), and a customer with rate λ
		// and dropout p expects (1 − E[e^(−λpt)])/p purchases in t, where E[e^(−λpt)] = (1 + pt/(alpha+T))^−(r+x).
		// The Beta average is taken numerically with p = w^(1/a), which removes the p^(a−1) singularity.
		const { r, alpha, a, b } = p;
		const { x, T } = heavy;
		const t = 365;
		const lnB = lnBeta(a, b + x);
		const n = 400_000;
		let sum = 0;
		for (let i = 1; i <= n; i++) {
			const w = (i - 0.5) / n;
			const q = Math.pow(w, 1 / a);
			const g = -Math.expm1(-(r + x) * Math.log1p((q * t) / (alpha + T))) / q;
			sum += Math.exp((b + x - 1) * Math.log1p(-q) - lnB) * g;
		}
		const definition = (sum / n / a) * bgNbdProbabilityAlive(p, heavy);
		expect(bgNbdConditionalExpected(p, heavy, t) / definition).toBeCloseTo(1, 6);
	});

	it('is continuous through a = 1, where the closed form is 0/0', () => {
		const c = { x: 3, tx: 20, T: 38 };
		const at = (a: number) => bgNbdConditionalExpected({ ...p, a }, c, 39);
		expect(Number.isFinite(at(1))).toBe(true);
		expect(at(1)).toBeCloseTo((at(1 - 1e-3) + at(1 + 1e-3)) / 2, 6);
		expect(bgNbdExpectedNew({ ...p, a: 1 }, 52)).toBeCloseTo((bgNbdExpectedNew({ ...p, a: 0.999 }, 52) + bgNbdExpectedNew({ ...p, a: 1.001 }, 52)) / 2, 6);
	});

	it('scores columns the same as one at a time', () => {
		const customers = cdnowSummary().slice(0, 200);
		const scores = scoreBgNbd(p, toColumns(customers), 39);
		customers.forEach((c, i) => {
			expect(scores.probabilityAlive[i]).toBe(bgNbdProbabilityAlive(p, c));
			expect(scores.expectedPurchases[i]).toBeCloseTo(bgNbdConditionalExpected(p, c, 39), 14);
		});
	});
});
