import { compress } from '../../nodes/shared/models/data';
import {
	bgNbdLogLikelihood,
	bgNbdLogLikelihoodGradient,
	bgNbdConditionalExpected,
	bgNbdExpectedNew,
	bgNbdProbabilityAlive,
	bgNbdProbabilityOfCount,
	fitBgNbd,
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
