import { newcombeInterval, twoSidedZ } from '../../nodes/shared/impact/proportions';
import { lnGamma } from '../../nodes/shared/stats';
import { measureOutcome, type OutcomeKind, type OutcomeMeasure } from '../../nodes/shared/impact/uplift';
import type { MomentState } from '../../nodes/shared/impact/sufficient';
import { band, binomialDraw, countState, normalDraw, seededRandom, sumsState } from './simulate';

/**
 * Do Measure Uplift's intervals mean what they say? Campaigns are simulated with a known true effect, each
 * customer held out with the holdout share's probability (as Assign Holdout's hash does), and measured with
 * measureOutcome, the function the node calls. Acceptance: a share estimated from R campaigns lies within
 * 3 binomial standard deviations of its nominal value (band() in simulate.ts), e.g. a 95% coverage over
 * 2,000 campaigns within 95 ± 1.46 points.
 */
const CAMPAIGNS = 2000;

interface Campaign {
	treatment: MomentState;
	holdout: MomentState;
}

const measure = (kind: OutcomeKind, c: Campaign, level: number): OutcomeMeasure => measureOutcome(kind, c.treatment, c.holdout, { level, costPerContact: 0, margin: 1 });

const significant = (m: OutcomeMeasure) => m.verdict === 'increase' || m.verdict === 'decrease';

interface Calibration {
	/** Campaigns with an interval (the others are notMeasurable: an empty group, no variation). */
	measured: number;
	coverage: number;
	pValues: number[];
	/** Campaigns whose p-value, significance and interval disagree (p < 1 − level, significant, interval excludes 0). */
	disagreements: number;
	significantShare: number;
}

function calibrate(kind: OutcomeKind, runs: number, level: number, truth: number, campaign: () => Campaign): Calibration {
	let measured = 0;
	let covered = 0;
	let disagreements = 0;
	let significantCount = 0;
	const pValues: number[] = [];
	for (let r = 0; r < runs; r++) {
		const m = measure(kind, campaign(), level);
		if (m.lower === null || m.upper === null || m.pValue === null) continue;
		measured++;
		if (m.lower <= truth && truth <= m.upper) covered++;
		pValues.push(m.pValue);
		const excludesZero = m.lower > 0 || m.upper < 0;
		if (significant(m) !== excludesZero || (m.pValue < 1 - level) !== excludesZero) disagreements++;
		if (significant(m)) significantCount++;
	}
	return { measured, coverage: covered / measured, pValues, disagreements, significantShare: significantCount / measured };
}

function expectWithin(value: number, [low, high]: [number, number]) {
	expect(value).toBeGreaterThanOrEqual(low);
	expect(value).toBeLessThanOrEqual(high);
}

// ---------------------------------------------------------------------------------------------------------
// Proportions (conversion, retention): Newcombe's hybrid score interval.

interface RateStratum {
	customers: number;
	treated: number;
	held: number;
}

/** The population's true difference of rates: each stratum's difference weighted by its customers. */
const trueRateDifference = (strata: RateStratum[]) => {
	const total = strata.reduce((s, x) => s + x.customers, 0);
	return strata.reduce((s, x) => s + (x.customers / total) * (x.treated - x.held), 0);
};

function rateCampaign(random: () => number, strata: RateStratum[], share: number): Campaign & { strata: Campaign[] } {
	let [nT, nH, xT, xH] = [0, 0, 0, 0];
	const cells: Campaign[] = [];
	for (const s of strata) {
		const held = binomialDraw(random, s.customers, share);
		const [t, h] = [binomialDraw(random, s.customers - held, s.treated), binomialDraw(random, held, s.held)];
		cells.push({ treatment: countState(s.customers - held, t), holdout: countState(held, h) });
		[nT, nH, xT, xH] = [nT + s.customers - held, nH + held, xT + t, xH + h];
	}
	return { treatment: countState(nT, xT), holdout: countState(nH, xH), strata: cells };
}

const RATE_SCENARIOS: Array<[string, number, number, RateStratum[]]> = [
	['1,000 against 1,000 customers, 10% → 13%', 0.5, 0.95, [{ customers: 2000, treated: 0.13, held: 0.1 }]],
	['a 5% holdout of 2,000 customers (about 100 held out), 10% → 13%', 0.05, 0.95, [{ customers: 2000, treated: 0.13, held: 0.1 }]],
	['a small campaign: 60 customers, half held out, 30% → 40%', 0.5, 0.95, [{ customers: 60, treated: 0.4, held: 0.3 }]],
	['a small 5% holdout: 200 customers (about 10 held out), 30% → 40%', 0.05, 0.95, [{ customers: 200, treated: 0.4, held: 0.3 }]],
	['rare conversions: 0.5% → 0.75%, 5% holdout of 20,000 (about 5 holdout conversions)', 0.05, 0.95, [{ customers: 20000, treated: 0.0075, held: 0.005 }]],
	['rare conversions: 0.5% → 0.6%, 5% holdout of 200,000', 0.05, 0.95, [{ customers: 200000, treated: 0.006, held: 0.005 }]],
	['a 90% interval, 1,000 customers, 20% → 25%, 20% held out', 0.2, 0.9, [{ customers: 1000, treated: 0.25, held: 0.2 }]],
	['a 99% interval, 1,000 customers, 20% → 25%, 20% held out', 0.2, 0.99, [{ customers: 1000, treated: 0.25, held: 0.2 }]],
];

describe('Measure Uplift, rates: the interval covers the true uplift as often as it says', () => {
	it.each(RATE_SCENARIOS)('%s', (_name, share, level, strata) => {
		const random = seededRandom(Math.round(share * 1e4 + level * 1e3 + strata[0].customers));
		const result = calibrate('proportion', CAMPAIGNS, level, trueRateDifference(strata), () => rateCampaign(random, strata, share));
		expect(result.measured).toBeGreaterThan(0.99 * CAMPAIGNS);
		expectWithin(result.coverage, band(level, result.measured));
		expect(result.disagreements).toBe(0);
	});

	it('stratified: the result for all customers covers the population effect, and each stratum its own', () => {
		// Three risk levels of a win-back campaign with their own base rates and effects (one negative), 5% holdout.
		const strata: RateStratum[] = [
			{ customers: 6000, treated: 0.03, held: 0.02 },
			{ customers: 3000, treated: 0.16, held: 0.1 },
			{ customers: 1000, treated: 0.25, held: 0.3 },
		];
		const random = seededRandom(16_101);
		const campaigns = Array.from({ length: CAMPAIGNS }, () => rateCampaign(random, strata, 0.05));
		let next = 0;
		const all = calibrate('proportion', CAMPAIGNS, 0.95, trueRateDifference(strata), () => campaigns[next++]);
		expectWithin(all.coverage, band(0.95, all.measured));
		expect(all.disagreements).toBe(0);
		strata.forEach((stratum, s) => {
			let i = 0;
			const own = calibrate('proportion', CAMPAIGNS, 0.95, stratum.treated - stratum.held, () => campaigns[i++].strata[s]);
			expectWithin(own.coverage, band(0.95, own.measured));
		});
	});

	it('rare conversions in two groups of 1,000: the simulated coverage is the interval\'s exact coverage (96.1%, conservative)', () => {
		// With about 5 conversions per group, Newcombe's interval covers more often than 95% (Newcombe 1998 reports
		// method 10 conservative for small expected counts). Enumerating every outcome gives its exact coverage; the
		// simulation must reproduce it, and it must not fall below the nominal level.
		const [n, p] = [1000, 0.005];
		const z = twoSidedZ(0.95);
		const pmf = (x: number) => Math.exp(lnGamma(n + 1) - lnGamma(x + 1) - lnGamma(n - x + 1) + x * Math.log(p) + (n - x) * Math.log1p(-p));
		let exact = 0;
		for (let a = 0; a <= 40; a++) for (let b = 0; b <= 40; b++) {
			const ci = newcombeInterval(a, n, b, n, z);
			if (ci.lower <= 0 && 0 <= ci.upper) exact += pmf(a) * pmf(b);
		}
		expect(exact).toBeGreaterThanOrEqual(0.95);
		expect(exact).toBeLessThan(0.965);
		const random = seededRandom(16_102);
		const result = calibrate('proportion', CAMPAIGNS, 0.95, 0, () => ({ treatment: countState(n, binomialDraw(random, n, p)), holdout: countState(n, binomialDraw(random, n, p)) }));
		expectWithin(result.coverage, band(exact, result.measured));
	});
});
