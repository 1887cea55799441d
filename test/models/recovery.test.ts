import { compress } from '../../nodes/shared/models/data';
import { bgNbdLogLikelihood, fitBgNbd } from '../../nodes/shared/models/bgnbd';
import { fitParetoNbd, paretoNbdLogLikelihood } from '../../nodes/shared/models/paretoNbd';
import { fitGammaGamma, gammaGammaLogLikelihood } from '../../nodes/shared/models/gammaGamma';
import { gamma, rng, simulateBgNbd, simulateParetoNbd, standardErrors } from './simulate';

/**
 * Parameter recovery: simulate customers from known parameters (seeded), fit, and require each estimate
 * within 4 standard errors of the truth. The standard errors come from the observed information at the
 * estimate, so the tolerance follows the sample size (about 1/sqrt(n)) instead of being picked by hand;
 * 4 SE makes a false failure a roughly 1-in-15,000 event per parameter for a correct fitter.
 */
function expectRecovered(estimate: number[], truth: number[], se: number[]) {
	estimate.forEach((value, i) => {
		expect(Number.isFinite(se[i]) && se[i] > 0).toBe(true);
		expect(Math.abs(value - truth[i]) / se[i]).toBeLessThan(4);
	});
}

describe('parameter recovery on simulated customers', () => {
	it('BG/NBD: 20,000 customers from r = 0.25, alpha = 4, a = 0.8, b = 2.5', () => {
		const truth = { r: 0.25, alpha: 4, a: 0.8, b: 2.5 };
		const customers = simulateBgNbd(20_000, truth, 11);
		const fit = fitBgNbd(customers);
		const data = compress(customers);
		const estimate = [fit.params.r, fit.params.alpha, fit.params.a, fit.params.b];
		const se = standardErrors(([r, alpha, a, b]) => -bgNbdLogLikelihood({ r, alpha, a, b }, data), estimate);
		expectRecovered(estimate, [truth.r, truth.alpha, truth.a, truth.b], se);
		// The standard errors are small enough to make this a real check (a few percent of each value).
		expect(se[0] / truth.r).toBeLessThan(0.1);
	});

	it('Pareto/NBD: 10,000 customers from r = 0.55, alpha = 10.5, s = 0.6, beta = 11.7 (day-rounded times)', () => {
		const truth = { r: 0.55, alpha: 10.5, s: 0.6, beta: 11.7 };
		const customers = simulateParetoNbd(10_000, truth, 23, true);
		const fit = fitParetoNbd(customers);
		const data = compress(customers);
		const estimate = [fit.params.r, fit.params.alpha, fit.params.s, fit.params.beta];
		const se = standardErrors(([r, alpha, s, beta]) => -paretoNbdLogLikelihood({ r, alpha, s, beta }, data), estimate);
		expectRecovered(estimate, [truth.r, truth.alpha, truth.s, truth.beta], se);
	});

	it('Gamma-Gamma: 5,000 repeat buyers from p = 6, q = 4, gamma = 15', () => {
		const truth = { p: 6, q: 4, gamma: 15 };
		const u = rng(5);
		const customers = Array.from({ length: 5000 }, () => {
			const nu = gamma(u, truth.q, truth.gamma); // per-customer rate of the spend distribution
			const x = 1 + Math.floor(u() * 8);
			let total = 0;
			for (let i = 0; i < x; i++) total += gamma(u, truth.p, nu);
			return { x, meanSpend: total / x };
		});
		const fit = fitGammaGamma(customers);
		const estimate = [fit.params.p, fit.params.q, fit.params.gamma];
		const se = standardErrors(([p, q, g]) => -gammaGammaLogLikelihood({ p, q, gamma: g }, customers), estimate);
		expectRecovered(estimate, [truth.p, truth.q, truth.gamma], se);
	});
});
