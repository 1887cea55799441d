import { gammaGammaExpectedSpend, fitGammaGamma } from '../../nodes/shared/models/gammaGamma';
import { fitParetoNbd, paretoNbdConditionalExpected, paretoNbdProbabilityAlive } from '../../nodes/shared/models/paretoNbd';
import { fitSbg, fitSbgSubscribers, sbgDiscountedResidualLifetime, sbgRetention, sbgSurvival } from '../../nodes/shared/models/sbg';
import { hyp2f1 } from '../../nodes/shared/stats';
import { cdnowSummary, cdnowWithSpend, sbgSurvival as survivalSeries } from './cdnowData';

describe('Pareto/NBD on CDNOW', () => {
	const fit = fitParetoNbd(cdnowSummary());

	it('reproduces the published MLE and log-likelihood', () => {
		expect(Math.abs(fit.params.r - 0.553)).toBeLessThanOrEqual(0.002);
		expect(Math.abs(fit.params.alpha - 10.578)).toBeLessThanOrEqual(0.002);
		expect(Math.abs(fit.params.s - 0.606)).toBeLessThanOrEqual(0.002);
		expect(Math.abs(fit.params.beta - 11.669)).toBeLessThanOrEqual(0.002);
		expect(Math.abs(fit.logLikelihood - -9594.98)).toBeLessThanOrEqual(0.05);
	});

	const published = { r: 0.5534, alpha: 10.5802, s: 0.6061, beta: 11.6562 };
	const customer = { x: 26, tx: 30.86, T: 31 };

	it('gives the published P(alive) and 52-week expectation for x = 26, t_x = 30.86, T = 31', () => {
		expect(Math.abs(paretoNbdProbabilityAlive(published, customer) - 0.9979)).toBeLessThanOrEqual(0.001);
		expect(Math.abs(paretoNbdConditionalExpected(published, customer, 52) - 25.46)).toBeLessThanOrEqual(0.01);
	});

	it('computes P(alive) the same way whether alpha or beta is the larger (both branches of A0)', () => {
		const swapped = { r: 0.5534, alpha: 11.6562, s: 0.6061, beta: 10.5802 };
		const nearlyEqual = { r: 0.5534, alpha: 11.0, s: 0.6061, beta: 11.0 + 1e-9 };
		const equalOther = { r: 0.5534, alpha: 11.0 + 1e-9, s: 0.6061, beta: 11.0 };
		const c = { x: 3, tx: 10, T: 31 };
		expect(paretoNbdProbabilityAlive(nearlyEqual, c)).toBeCloseTo(paretoNbdProbabilityAlive(equalOther, c), 8);
		expect(paretoNbdProbabilityAlive(swapped, c)).toBeGreaterThan(0);
		expect(paretoNbdProbabilityAlive(swapped, c)).toBeLessThan(1);
	});
});

describe('Gamma-Gamma spend model on the 946 CDNOW repeat buyers', () => {
	const rows = cdnowWithSpend();
	const fit = fitGammaGamma(rows.map((r) => ({ x: r.x, meanSpend: r.zbar })));

	it('reproduces the published MLE and log-likelihood', () => {
		expect(fit.customers).toBe(946);
		expect(Math.abs(fit.params.p - 6.25)).toBeLessThanOrEqual(0.01);
		expect(Math.abs(fit.params.q - 3.74)).toBeLessThanOrEqual(0.01);
		expect(Math.abs(fit.params.gamma - 15.44)).toBeLessThanOrEqual(0.01);
		expect(Math.abs(fit.logLikelihood - -4055.92)).toBeLessThanOrEqual(0.05);
	});

	it('gives the published expected average spend for the first 10 customers', () => {
		const expected = [24.65, 18.91, 35.17, 35.17, 35.17, 71.46, 18.91, 35.17, 27.28, 35.17];
		const got = rows.slice(0, 10).map((r) => gammaGammaExpectedSpend(fit.params, { x: r.x, meanSpend: r.zbar }));
		got.forEach((value, i) => expect(Math.abs(value - expected[i])).toBeLessThanOrEqual(0.1));
	});
});

describe('shifted-beta-geometric on the "regular" cohort (Fader & Hardie 2007)', () => {
	const series = survivalSeries();
	const alive = series.filter((r) => r.year <= 7).map((r) => Math.round(r.pct_alive * 10)); // 1,000 customers
	const fit = fitSbg(alive);

	it('reproduces the published MLE and log-likelihood from years 0-7', () => {
		expect(Math.abs(fit.params.alpha - 0.704)).toBeLessThanOrEqual(0.001);
		expect(Math.abs(fit.params.beta - 1.182)).toBeLessThanOrEqual(0.001);
		expect(Math.abs(fit.logLikelihood - -1680.27)).toBeLessThanOrEqual(0.05);
	});

	it('retention follows r_t = (beta + t − 1)/(alpha + beta + t − 1) and survival is its running product', () => {
		const p = fit.params;
		expect(sbgRetention(p, 1)).toBeCloseTo(p.beta / (p.alpha + p.beta), 12);
		let product = 1;
		for (let t = 1; t <= 12; t++) {
			product *= sbgRetention(p, t);
			expect(sbgSurvival(p, t)).toBeCloseTo(product, 12);
		}
	});

	it('projects years 8-12 close to the observed survival (the paper’s holdout)', () => {
		for (const row of series.filter((r) => r.year > 7)) {
			expect(Math.abs(sbgSurvival(fit.params, row.year) * 100 - row.pct_alive)).toBeLessThan(1.5);
		}
	});

	it('computes the discounted residual lifetime as the brute-force sum of discounted renewal probabilities', () => {
		const p = fit.params;
		for (const renewals of [0, 4]) {
			let brute = 0;
			let stay = 1;
			for (let k = 0; k < 5000; k++) {
				stay *= sbgRetention(p, renewals + 1 + k);
				brute += stay / Math.pow(1.1, k);
			}
			expect(sbgDiscountedResidualLifetime(p, renewals, 0.1)).toBeCloseTo(brute, 8);
		}
	});

	it('rejects impossible cohort data', () => {
		expect(() => fitSbg([1000, 1100, 900])).toThrow('Period 1: active count 1100 is more than the 1000 active the period before (expected active counts that never grow: a cohort only loses customers)');
		expect(() => fitSbg([1000, 1000, 1000])).toThrow('No customer churned in the cohort (1000 active from start to end), so sBG cannot be fitted (expected active counts that fall at least once)');
		expect(() => fitSbg([1000, 900])).toThrow('The cohort lists 2 active counts, which is too few for sBG (expected at least 3: the start and two periods of survival)');
	});
});

describe('hyp2f1', () => {
	it('matches closed forms, including near z = 1 through the Euler transformation', () => {
		// 2F1(1, 1; 2; z) = −ln(1 − z)/z
		for (const z of [0.1, 0.5, 0.9, 0.99]) expect(hyp2f1(1, 1, 2, z)).toBeCloseTo(-Math.log(1 - z) / z, 10);
		// 2F1(a, b; b; z) = (1 − z)^−a
		expect(hyp2f1(0.7, 2.5, 2.5, 0.95)).toBeCloseTo(Math.pow(0.05, -0.7), 8);
		// c − a − b < 0: 2F1(2, 1; 2; z) = 1/(1 − z)
		expect(hyp2f1(2, 1, 2, 0.98)).toBeCloseTo(50, 8);
	});
});

describe('sBG on individual subscribers', () => {
	it('gives the cohort fit when the cohort is written as subscribers', () => {
		const alive = [1000, 631, 468, 382, 326, 289, 262, 241];
		const subscribers = [];
		for (let t = 1; t < alive.length; t++) for (let i = 0; i < alive[t - 1] - alive[t]; i++) subscribers.push({ tenure: t, active: false });
		for (let i = 0; i < alive[alive.length - 1]; i++) subscribers.push({ tenure: 7, active: true });
		const individual = fitSbgSubscribers(subscribers);
		const cohort = fitSbg(alive);
		expect(individual.params.alpha).toBeCloseTo(cohort.params.alpha, 5);
		expect(individual.params.beta).toBeCloseTo(cohort.params.beta, 5);
		expect(individual.logLikelihood).toBeCloseTo(cohort.logLikelihood, 6);
	});

	it('fits a base of a million subscribers (the longest tenure was found by spreading every tenure into Math.max: a stack overflow)', () => {
		const subscribers = Array.from({ length: 1_000_000 }, (_, i) => ({ tenure: 1 + (i % 24), active: i % 3 !== 0 }));
		expect(fitSbgSubscribers(subscribers).customers).toBe(1_000_000);
	});

	it('gives the same fit bit for bit whatever the order of the subscribers', () => {
		const subscribers = Array.from({ length: 2_000 }, (_, i) => ({ tenure: 1 + ((i * 7919) % 23), active: (i * 104729) % 5 > 1 }));
		const reversed = fitSbgSubscribers([...subscribers].reverse());
		expect(reversed).toEqual(fitSbgSubscribers(subscribers));
	});
});
