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
	/**
	 * Campaigns whose p-value, significance and interval disagree (p < 1 − level, significant, interval excludes
	 * 0), or whose result failed the normality check and still claims an effect.
	 */
	disagreements: number;
	significantShare: number;
	/** Campaigns whose result failed the normality check (reliable: false); and of those whose interval missed the truth. */
	flagged: number;
	missed: number;
	missedFlagged: number;
	/** p-values of the results not flagged. */
	trustedPValues: number[];
}

function calibrate(kind: OutcomeKind, runs: number, level: number, truth: number, campaign: () => Campaign): Calibration {
	let [measured, covered, disagreements, significantCount, flagged, missed, missedFlagged] = [0, 0, 0, 0, 0, 0, 0];
	const pValues: number[] = [];
	const trustedPValues: number[] = [];
	for (let r = 0; r < runs; r++) {
		const m = measure(kind, campaign(), level);
		if (m.lower === null || m.upper === null || m.pValue === null) continue;
		measured++;
		const unreliable = m.normality?.reliable === false;
		if (unreliable) flagged++;
		else trustedPValues.push(m.pValue);
		if (m.lower <= truth && truth <= m.upper) covered++;
		else {
			missed++;
			if (unreliable) missedFlagged++;
		}
		pValues.push(m.pValue);
		const excludesZero = m.lower > 0 || m.upper < 0;
		if (unreliable ? significant(m) : significant(m) !== excludesZero || (m.pValue < 1 - level) !== excludesZero) disagreements++;
		if (significant(m)) significantCount++;
	}
	return { measured, coverage: covered / measured, pValues, disagreements, significantShare: significantCount / measured, flagged, missed, missedFlagged, trustedPValues };
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

// ---------------------------------------------------------------------------------------------------------
// Means (revenue, satisfaction): Welch's interval.

/** Sum, sum of squares and sum of cubes of `n` customers' outcomes in one group. */
type GroupDraw = (random: () => number, n: number, treated: boolean) => [number, number, number];

/** The sums of `count` values drawn by `value`. */
function sums(count: number, value: () => number): [number, number, number] {
	let [sum, squares, cubes] = [0, 0, 0];
	for (let i = 0; i < count; i++) {
		const x = value();
		sum += x;
		squares += x * x;
		cubes += x * x * x;
	}
	return [sum, squares, cubes];
}

/** Per-customer draws summed (small groups, discrete scores). */
const eachCustomer = (value: (random: () => number, treated: boolean) => number): GroupDraw => (random, n, treated) => sums(n, () => value(random, treated));

/** Revenue per customer: buyers with probability p, each spending Gamma(2, mean/2); everyone else 0. Only the buyers are drawn. */
const revenue = (treatedRate: number, heldRate: number, meanPurchase: number): GroupDraw => (random, n, treated) => {
	const buyers = binomialDraw(random, n, treated ? treatedRate : heldRate);
	return sums(buyers, () => ((-Math.log(1 - random()) - Math.log(1 - random())) * meanPurchase) / 2);
};
/** Revenue with lognormal purchases of the given mean (sigma on the log scale): the heavy tail of real order values. */
const lognormalRevenue = (treatedRate: number, heldRate: number, meanPurchase: number, sigma: number): GroupDraw => (random, n, treated) => {
	const buyers = binomialDraw(random, n, treated ? treatedRate : heldRate);
	const mu = Math.log(meanPurchase) - (sigma * sigma) / 2;
	return sums(buyers, () => Math.exp(mu + sigma * normalDraw(random)));
};
const revenueEffect = (treatedRate: number, heldRate: number, meanPurchase: number) => (treatedRate - heldRate) * meanPurchase;

/** Normal scores with their own mean and sd per group. */
const normal = (held: [number, number], treated: [number, number]): GroupDraw =>
	eachCustomer((random, isTreated) => {
		const [mean, sd] = isTreated ? treated : held;
		return mean + sd * normalDraw(random);
	});

/** A 0-10 answer (uniform); a treated customer moves one point up with probability `lift` (an effect of lift × 10/11). */
const npsAnswer = (lift: number): GroupDraw =>
	eachCustomer((random, treated) => {
		const answer = Math.floor(random() * 11);
		return treated && answer < 10 && random() < lift ? answer + 1 : answer;
	});

interface MeanStratum {
	customers: number;
	draw: GroupDraw;
	effect: number;
}

/** The state of a group from its count and sums. */
const drawnState = (n: number, [sum, squares, cubes]: [number, number, number]) => sumsState(n, sum, squares, cubes);

/** A campaign over strata: each stratum's groups drawn, and all customers' groups (sums added). */
function meanCampaign(random: () => number, strata: MeanStratum[], share: number): Campaign & { strata: Campaign[] } {
	const cells: Campaign[] = [];
	const [t, h] = [[0, 0, 0, 0], [0, 0, 0, 0]];
	for (const s of strata) {
		const held = binomialDraw(random, s.customers, share);
		const treated = s.draw(random, s.customers - held, true);
		const holdout = s.draw(random, held, false);
		cells.push({ treatment: drawnState(s.customers - held, treated), holdout: drawnState(held, holdout) });
		[s.customers - held, ...treated].forEach((x, i) => (t[i] += x));
		[held, ...holdout].forEach((x, i) => (h[i] += x));
	}
	return { treatment: sumsState(t[0], t[1], t[2], t[3]), holdout: sumsState(h[0], h[1], h[2], h[3]), strata: cells };
}

const trueMeanDifference = (strata: MeanStratum[]) => {
	const total = strata.reduce((s, x) => s + x.customers, 0);
	return strata.reduce((s, x) => s + (x.customers / total) * x.effect, 0);
};

const MEAN_SCENARIOS: Array<[string, number, MeanStratum[]]> = [
	['a small campaign: 10 against 10 customers, unequal spreads (sd 1 and 3)', 0.5, [{ customers: 20, draw: normal([0, 1], [0.5, 3]), effect: 0.5 }]],
	['a 5% holdout of 400 customers (about 20 held out), normal scores', 0.05, [{ customers: 400, draw: normal([50, 10], [53, 15]), effect: 3 }]],
	['satisfaction 0-10, a 5% holdout of 400 customers', 0.05, [{ customers: 400, draw: npsAnswer(0.3), effect: 0.3 * (10 / 11) }]],
	['revenue, 1,000 against 1,000 customers, 10% → 15% buy, mean purchase 200', 0.5, [{ customers: 2000, draw: revenue(0.15, 0.1, 200), effect: revenueEffect(0.15, 0.1, 200) }]],
	['revenue, a 5% holdout of 20,000 customers, 10% → 15% buy', 0.05, [{ customers: 20000, draw: revenue(0.15, 0.1, 200), effect: revenueEffect(0.15, 0.1, 200) }]],
	['revenue of rare buyers (0.5%), 5,000 against 5,000 customers, no effect', 0.5, [{ customers: 10000, draw: revenue(0.005, 0.005, 200), effect: 0 }]],
	[
		'satisfaction by stratum, 5% holdout of 2,000: three strata with their own means, spreads and effects',
		0.05,
		[
			{ customers: 1000, draw: normal([60, 20], [62, 20]), effect: 2 },
			{ customers: 600, draw: normal([40, 25], [48, 30]), effect: 8 },
			{ customers: 400, draw: npsAnswer(0.5), effect: 0.5 * (10 / 11) },
		],
	],
];

describe('Measure Uplift, means: Welch\'s interval covers the true uplift as often as it says', () => {
	it.each(MEAN_SCENARIOS)('%s', (_name, share, strata) => {
		const random = seededRandom(Math.round(share * 1e4 + strata[0].customers + strata.length));
		const result = calibrate('mean', CAMPAIGNS, 0.95, trueMeanDifference(strata), () => meanCampaign(random, strata, share));
		expect(result.measured).toBeGreaterThan(0.99 * CAMPAIGNS);
		expectWithin(result.coverage, band(0.95, result.measured));
		expect(result.disagreements).toBe(0);
	});

	it.each([0.9, 0.99])('at a %s level too (satisfaction 0-10, 300 customers, 20% held out)', (level) => {
		const strata = [{ customers: 300, draw: npsAnswer(0.4), effect: 0.4 * (10 / 11) }];
		const random = seededRandom(Math.round(level * 1000));
		const result = calibrate('mean', CAMPAIGNS, level, trueMeanDifference(strata), () => meanCampaign(random, strata, 0.2));
		expectWithin(result.coverage, band(level, result.measured));
		expect(result.disagreements).toBe(0);
	});
});

/**
 * Revenue is right-skewed (most customers 0, a few large purchases). In a small holdout with few buyers, a low
 * holdout mean comes with a low spread, so the difference is overstated exactly when its standard error is
 * understated: Welch's interval misses the true uplift far more than 5% of the time (covers 90.1% and 86.1% in
 * the first two cases below, 91.2% and 93.3% under no effect) and finds a false "increase" in 9 to 7% of
 * campaigns. Balanced groups are not affected (their skews cancel in the difference). The node cannot fix the
 * interval from sums; it detects the condition (Kohavi's rule, shared/impact/normality.ts) and then claims no
 * effect.
 *
 * A skewness-corrected interval from the same sums was tried and not adopted: Hall's (1992) transformation of
 * the t statistic, with the third cumulant of the difference k3 = m3T/nT² − m3H/nH². It repairs the Gamma
 * purchases of the first cases here (91.2% → 94.7%), but not lognormal ones, the heavier tail of real order
 * values: with 5-20% buyers, sigma 1.5 and 200-2,000 held out against ten times as many it covers 0.1 to 4.6
 * points less than Welch (sigma 1: 0.2 to 1.3 more, still 88.7-94.3%), and it costs Welch's coverage where
 * Welch holds (1,000 against 1,000 customers, 10% buy: 92.7% against 95.2%), as the sample third moment is
 * noisy and lowest in the samples that missed the big buyers. The Cornish-Fisher form does worse in all of them.
 *
 * The verdict of a flagged result is "inconclusive" (significant: false), not "increase" with a flag beside it:
 * an operations manager reads the verdict and the sentence, and "increase, significant" next to a reliable:
 * false is read as an increase. Flagged, the sentence says why no effect is claimed and what holdout size
 * would do.
 *
 * Claims, each a share of CAMPAIGNS simulated campaigns within 3 binomial sd of the share stated:
 * - the results that would mislead (interval missing the truth) are flagged: at least 90% of them;
 * - nearly all results of these campaigns are flagged: at least 95%;
 * - what is left unflagged and misleading is no more than the 5% a 95% interval is allowed to miss;
 * - no flagged result claims an effect.
 */
const FLAGGED_AMONG_MISLEADING = 0.9;
const FLAGGED_AMONG_ALL = 0.95;

function expectFlagsTheMisleading(result: Calibration, level: number) {
	expect(result.missedFlagged / result.missed).toBeGreaterThanOrEqual(band(FLAGGED_AMONG_MISLEADING, result.missed)[0]);
	expect(result.flagged / result.measured).toBeGreaterThanOrEqual(band(FLAGGED_AMONG_ALL, result.measured)[0]);
	expect((result.missed - result.missedFlagged) / result.measured).toBeLessThanOrEqual(band(1 - level, result.measured)[1]);
	expect(result.disagreements).toBe(0);
}

const SKEWED_SCENARIOS: Array<[string, number, MeanStratum[]]> = [
	['revenue, a 5% holdout of 2,000 customers (about 100 held out, 10 buyers), 10% → 15% buy', 0.05, [{ customers: 2000, draw: revenue(0.15, 0.1, 200), effect: revenueEffect(0.15, 0.1, 200) }]],
	['revenue of rare buyers, 0.5% → 0.75%, a 5% holdout of 20,000 (about 5 holdout buyers)', 0.05, [{ customers: 20000, draw: revenue(0.0075, 0.005, 200), effect: revenueEffect(0.0075, 0.005, 200) }]],
	['revenue, no effect, a 5% holdout of 2,000 customers, 10% buy', 0.05, [{ customers: 2000, draw: revenue(0.1, 0.1, 200), effect: 0 }]],
	['revenue, no effect, a 5% holdout of 20,000 customers, 10% buy (Welch covers 93.3%: below the band too)', 0.05, [{ customers: 20000, draw: revenue(0.1, 0.1, 200), effect: 0 }]],
	// Lognormal purchases, a treatment group ten times the holdout (Welch covers 93.6% here). A known limit: with sigma
	// 1.5, 5% buyers and about 200 held out (Welch covers 85.6%) 93% of results are flagged, just under the 95%
	// claimed, and the interval misses the truth in 23% of the unflagged ones (1.6% of all campaigns): ten holdout
	// buyers' own third moment is lowest when they missed the big buyers, which is when Welch misses. The third
	// moment pooled from both groups would flag them, but also every campaign that made only the treated customers'
	// values skewed (shared/impact/normality.ts), so a result is flagged only when both estimates fail.
	['revenue, lognormal purchases (sigma 1), 10% → 12.5% buy, about 2,000 held out against 20,000', 1 / 11, [{ customers: 22000, draw: lognormalRevenue(0.125, 0.1, 100, 1), effect: revenueEffect(0.125, 0.1, 100) }]],
];

describe('Measure Uplift, means: skewed revenue with few buyers in a small holdout is flagged and claims no effect', () => {
	it.each(SKEWED_SCENARIOS)('%s', (_name, share, strata) => {
		const random = seededRandom(Math.round(share * 1e4 + strata[0].customers + 7));
		const result = calibrate('mean', CAMPAIGNS, 0.95, trueMeanDifference(strata), () => meanCampaign(random, strata, share));
		expectFlagsTheMisleading(result, 0.95);
		// Under no effect, the false positives Welch gave (p < 0.05 in 9.9% of campaigns) are gone: no verdict claims one.
		if (strata.every((s) => s.effect === 0)) expect(result.significantShare).toBeLessThanOrEqual(band(0.05, result.measured)[1]);
	});

	it('with page states written before the sum of cubes was kept, the check is not made and says so (reliable: null)', () => {
		const random = seededRandom(16_207);
		const { treatment, holdout } = meanCampaign(random, SKEWED_SCENARIOS[2][2], 0.05);
		const old = (m: MomentState): MomentState => ({ n: m.n, sum: m.sum, sumOfSquares: m.sumOfSquares });
		expect(measure('mean', { treatment: old(treatment), holdout: old(holdout) }, 0.95).normality).toEqual({ reliable: null, skewed: [] });
		expect(measure('mean', { treatment: old(treatment), holdout }, 0.95).normality).toEqual({ reliable: null, skewed: [] });
		expect(measure('mean', { treatment, holdout }, 0.95).normality?.reliable).toBe(false);
	});
});

/** The share of results flagged where Welch holds: at most 2.5% (within 3 binomial sd). */
const FLAGGED_WHERE_WELCH_HOLDS = 0.025;

describe('Measure Uplift, means: where Welch holds (balanced groups, scores, large holdouts), the check (almost) never flags', () => {
	const cases: Array<[string, number, MeanStratum[]]> = [
		['revenue, 1,000 against 1,000 customers, 10% → 15% buy (each group alone fails Kohavi\'s rule: their skews cancel)', 0.5, [{ customers: 2000, draw: revenue(0.15, 0.1, 200), effect: revenueEffect(0.15, 0.1, 200) }]],
		['revenue, no effect, 1,000 against 1,000 customers, 10% buy', 0.5, [{ customers: 2000, draw: revenue(0.1, 0.1, 200), effect: 0 }]],
		// Lognormal purchases: with each group's own third moment alone (before the pooled one was added) 64% and 86%
		// were flagged.
		['revenue, lognormal purchases (sigma 1), no effect, 1,000 against 1,000 customers, 10% buy', 0.5, [{ customers: 2000, draw: lognormalRevenue(0.1, 0.1, 100, 1), effect: 0 }]],
		['revenue, lognormal purchases (sigma 1.5), 1,000 against 1,000 customers, 10% → 15% buy', 0.5, [{ customers: 2000, draw: lognormalRevenue(0.15, 0.1, 100, 1.5), effect: revenueEffect(0.15, 0.1, 100) }]],
		['satisfaction 0-10, a 5% holdout of 2,000, no effect', 0.05, [{ customers: 2000, draw: npsAnswer(0), effect: 0 }]],
		['satisfaction 0-10, 300 customers, 20% held out', 0.2, [{ customers: 300, draw: npsAnswer(0.4), effect: 0.4 * (10 / 11) }]],
		MEAN_SCENARIOS[6],
	];
	it.each(cases)('%s', (_name, share, strata) => {
		const random = seededRandom(Math.round(share * 1e4 + strata[0].customers + 11));
		const result = calibrate('mean', CAMPAIGNS, 0.95, trueMeanDifference(strata), () => meanCampaign(random, strata, share));
		expect(result.flagged / result.measured).toBeLessThanOrEqual(band(FLAGGED_WHERE_WELCH_HOLDS, result.measured)[1]);
		expectWithin(result.coverage, band(0.95, result.measured));
		expect(result.disagreements).toBe(0);
	});
});

describe('Measure Uplift, means, stratified: the check is made per stratum and for all customers', () => {
	// A 5% holdout: a large stratum of subscribers who all pay about the same (normal, no skew) and a small one of
	// occasional buyers (10% buy: skewed, about 100 held out). Campaigns without effect.
	const strata: MeanStratum[] = [
		{ customers: 20000, draw: normal([200, 50], [200, 50]), effect: 0 },
		{ customers: 2000, draw: revenue(0.1, 0.1, 200), effect: 0 },
	];
	const random = seededRandom(16_208);
	const campaigns = Array.from({ length: CAMPAIGNS }, () => meanCampaign(random, strata, 0.05));
	const of = (pick: (c: (typeof campaigns)[number]) => Campaign) => {
		let next = 0;
		return calibrate('mean', CAMPAIGNS, 0.95, 0, () => pick(campaigns[next++]));
	};

	it('the subscribers\' stratum is (almost) never flagged and its interval covers', () => {
		const result = of((c) => c.strata[0]);
		expect(result.flagged / result.measured).toBeLessThanOrEqual(band(FLAGGED_WHERE_WELCH_HOLDS, result.measured)[1]);
		expectWithin(result.coverage, band(0.95, result.measured));
	});

	it('the occasional buyers\' stratum is flagged whenever it would mislead', () => {
		expectFlagsTheMisleading(of((c) => c.strata[1]), 0.95);
	});

	it('all customers: what is left unflagged misleads no more than 5% of the time, and no flagged result claims an effect', () => {
		const result = of((c) => c);
		expect((result.missed - result.missedFlagged) / result.measured).toBeLessThanOrEqual(band(0.05, result.measured)[1]);
		expect(result.significantShare).toBeLessThanOrEqual(band(0.05, result.measured)[1]);
		expect(result.disagreements).toBe(0);
	});
});

// ---------------------------------------------------------------------------------------------------------
// Under no effect the p-value is uniform: each significance level is crossed as often as it says.

const ALPHAS = [0.01, 0.05, 0.1, 0.2, 0.5];

describe('Measure Uplift: under no effect the p-value is uniform (false positives at the rate alpha)', () => {
	const nullCases: Array<[string, OutcomeKind, () => Campaign]> = [
		['rates, 1,000 against 1,000 customers at 20%', 'proportion', ((random) => () => rateCampaign(random, [{ customers: 2000, treated: 0.2, held: 0.2 }], 0.5))(seededRandom(16_201))],
		['rates, a 5% holdout of 20,000 customers at 10%', 'proportion', ((random) => () => rateCampaign(random, [{ customers: 20000, treated: 0.1, held: 0.1 }], 0.05))(seededRandom(16_202))],
		['means, 30 against 30 customers, sd 1 and 3', 'mean', ((random) => () => meanCampaign(random, [{ customers: 60, draw: normal([0, 1], [0, 3]), effect: 0 }], 0.5))(seededRandom(16_203))],
		['satisfaction 0-10, a 5% holdout of 2,000', 'mean', ((random) => () => meanCampaign(random, [{ customers: 2000, draw: npsAnswer(0), effect: 0 }], 0.05))(seededRandom(16_204))],
		['revenue, 1,000 against 1,000 customers, 10% buy', 'mean', ((random) => () => meanCampaign(random, [{ customers: 2000, draw: revenue(0.1, 0.1, 200), effect: 0 }], 0.5))(seededRandom(16_205))],
	];
	it.each(nullCases)('%s', (_name, kind, campaign) => {
		const { pValues, measured } = calibrate(kind, CAMPAIGNS, 0.95, 0, campaign);
		for (const alpha of ALPHAS) expectWithin(pValues.filter((p) => p < alpha).length / measured, band(alpha, measured));
		for (const p of pValues) expect(p >= 0 && p <= 1).toBe(true);
	});
});

// ---------------------------------------------------------------------------------------------------------
// The minimum detectable effect is detected with the power it names (80%).

describe('Measure Uplift: an effect the size of the reported minimum detectable effect is detected 80% of the time', () => {
	const POWER = 0.8;

	it.each([
		['1,000 against 1,000 customers at 10%', 1000, 1000, 0.1],
		['a 5% holdout: 19,000 against 1,000 customers at 10%', 19000, 1000, 0.1],
		['a 5% holdout: 1,900 against 100 customers at 5% (the pooled variance overstated it by a quarter: 6.26 points for 4.99)', 1900, 100, 0.05],
		['a small campaign: 100 against 100 customers at 30%', 100, 100, 0.3],
		['rare conversions: 190,000 against 10,000 customers at 0.5%', 190000, 10000, 0.005],
	])('rates: %s', (_name, nT, nH, rate) => {
		const reported = measure('proportion', { treatment: countState(nT, Math.round(rate * nT)), holdout: countState(nH, Math.round(rate * nH)) }, 0.95).minimumDetectableEffect!;
		// True rates with the same overall rate, apart by the reported MDE.
		const pooled = (Math.round(rate * nT) + Math.round(rate * nH)) / (nT + nH);
		const [treated, held] = [pooled + (reported * nH) / (nT + nH), pooled - (reported * nT) / (nT + nH)];
		const random = seededRandom(nT + nH);
		const detected = calibrate('proportion', CAMPAIGNS, 0.95, reported, () => ({ treatment: countState(nT, binomialDraw(random, nT, treated)), holdout: countState(nH, binomialDraw(random, nH, held)) }));
		expectWithin(detected.significantShare, band(POWER, detected.measured));
	});

	it.each([
		['64 against 64 customers, sd 1', 64, 64, 1, 1],
		['a 5% holdout: 1,900 against 100 customers, sd 15 and 10', 1900, 100, 15, 10],
		['a small campaign: 8 against 8 customers, sd 2 and 1', 8, 8, 2, 1],
	])('means: %s', (_name, nT, nH, sdT, sdH) => {
		const stateWith = (n: number, sd: number) => sumsState(n, 0, (n - 1) * sd * sd);
		const reported = measure('mean', { treatment: stateWith(nT, sdT), holdout: stateWith(nH, sdH) }, 0.95).minimumDetectableEffect!;
		const random = seededRandom(nT * 7 + nH);
		// Sum and sum of squares only (no cubes: the normality check is not made): the MDE is the interval's, and
		// this checks the interval's power. Small normal groups are often flagged by the check (sample skewness
		// is noisy), and a flagged result claims no effect.
		const group = (n: number, mean: number, sd: number) => normal([mean, sd], [mean, sd])(random, n, false).slice(0, 2) as [number, number];
		const detected = calibrate('mean', CAMPAIGNS, 0.95, reported, () => ({ treatment: sumsState(nT, ...group(nT, reported, sdT)), holdout: sumsState(nH, ...group(nH, 0, sdH)) }));
		expectWithin(detected.significantShare, band(POWER, detected.measured));
	});
});

