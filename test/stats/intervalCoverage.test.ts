import {
	createResponseScorer,
	DEFAULT_INDEX_WEIGHTS,
	meanInterval,
	SatisfactionReport,
	summariseCes,
	summariseCsat,
	summariseNps,
	type SatisfactionConfig,
} from '../../nodes/shared/satisfaction';
import { newcombeInterval, twoSidedZ } from '../../nodes/shared/impact/proportions';
import { measureOutcome } from '../../nodes/shared/impact/uplift';
import type { MomentState } from '../../nodes/shared/impact/sufficient';
import { lnGamma } from '../../nodes/shared/stats';
import { gamma, rng } from '../models/simulate';
import { band, binomialDraw, countState, normalDraw, sumsState } from '../impact/simulate';

/**
 * Do the intervals the product prints cover the truth as often as their level says? Data are simulated with a
 * known truth and the interval is computed by the product's own functions (summariseNps / summariseCsat /
 * summariseCes, which every report row, combined page report and KPI Report month uses; measureOutcome, which
 * Measure Uplift calls). Where the outcome space is small enough the exact coverage is also enumerated: it has
 * no Monte Carlo error, so it states the method's own behaviour, and the simulation must agree with it.
 *
 * Monte Carlo error: a coverage estimated from R runs has SE √(c(1 − c)/R): 0.34 points at 95% from 4,000 runs.
 * band(c, R) is c ± 3 SE (a false alarm 0.27% of the time for a correct interval).
 *
 * Bounds beyond the SE come from the method's known behaviour, stated where used. Each catches the usual slips:
 * a z of 1.645 for 1.96 (coverage about 90%), a one-sided level, n where n − 1 belongs, a centre that is off.
 */
const RUNS = 4000;

function expectWithin(value: number, [low, high]: [number, number]) {
	expect(value).toBeGreaterThanOrEqual(low);
	expect(value).toBeLessThanOrEqual(high);
}

const logChoose = (n: number, k: number) => lnGamma(n + 1) - lnGamma(k + 1) - lnGamma(n - k + 1);
const logPower = (k: number, p: number) => (k === 0 ? 0 : k * Math.log(p));
const binomialPmf = (n: number, p: number): number[] => Array.from({ length: n + 1 }, (_, x) => Math.exp(logChoose(n, x) + logPower(x, p) + logPower(n - x, 1 - p)));

/** Inclusive: an end equal to the truth covers it. */
const covers = (lower: number | null, upper: number | null, truth: number) => lower !== null && upper !== null && lower <= truth && truth <= upper;

const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

// ---------------------------------------------------------------------------------------------------------
// Score Satisfaction: NPS (adjusted Wald, Rocks 2016) and CSAT share (Agresti–Coull 1998), both at 95%.

/** Promoter and detractor shares: middling, mostly promoters, mostly detractors, near the +100 end, tied. */
const NPS_MIXES: Array<[number, number]> = [
	[0.3, 0.2],
	[0.5, 0.1],
	[0.1, 0.6],
	[0.7, 0.05],
	[0.9, 0.02],
	[0.33, 0.33],
];

/** Exact coverage of the NPS interval as reported (summariseNps: ends rounded to 2 decimals), over every outcome of n answers. */
function exactNpsCoverage(n: number, [p, d]: [number, number]): number {
	const truth = (p - d) * 100;
	let coverage = 0;
	for (let a = 0; a <= n; a++) {
		for (let b = 0; a + b <= n; b++) {
			const logP = logChoose(n, a) + logChoose(n - a, b) + logPower(a, p) + logPower(b, d) + logPower(n - a - b, 1 - p - d);
			if (logP < -40) continue;
			const s = summariseNps({ promoters: a, passives: n - a - b, detractors: b }, n);
			if (covers(s.lower, s.upper, truth)) coverage += Math.exp(logP);
		}
	}
	return coverage;
}

function simulatedNpsCoverage(n: number, [p, d]: [number, number], seed: number): number {
	const random = rng(seed);
	const truth = (p - d) * 100;
	let covered = 0;
	for (let r = 0; r < RUNS; r++) {
		const promoters = binomialDraw(random, n, p);
		const detractors = binomialDraw(random, n - promoters, d / (1 - p));
		const s = summariseNps({ promoters, passives: n - promoters - detractors, detractors }, n);
		if (covers(s.lower, s.upper, truth)) covered++;
	}
	return covered / RUNS;
}

/**
 * Adjusted Wald is near nominal or slightly conservative from about 10 answers (Rocks 2016 found it the closest to
 * nominal of the intervals he compared). A discrete outcome makes the exact coverage swing with the true shares, so per size:
 * - the mean over the mixes lies within 94.5 .. 97 (a 90% interval, z 1.645, averages about 90);
 * - no mix falls below 92.5 at n = 10 and 30 (lowest measured: 92.98 at 90% promoters, 2% detractors, n = 10),
 *   and at n ≥ 100 the normal approximation holds: every mix within 95 ± 1.3.
 * The simulation through summariseNps agrees with the enumeration within band(exact, RUNS).
 */
describe('Score Satisfaction, NPS: the adjusted-Wald 95% interval covers the true NPS about 95% of the time', () => {
	it.each([10, 30, 100])('%s answers: the exact coverage over six mixes of promoters and detractors', (n) => {
		const exact = NPS_MIXES.map((mix) => exactNpsCoverage(n, mix));
		expectWithin(mean(exact), [0.945, 0.97]);
		for (const c of exact) expectWithin(c, n >= 100 ? [0.937, 0.963] : [0.925, 1]);
	});

	it.each([10, 30, 100, 1000])('%s answers: simulated surveys agree with the exact coverage', (n) => {
		const mixes = n === 1000 ? NPS_MIXES.slice(0, 2) : NPS_MIXES.slice(0, 4);
		mixes.forEach((mix, i) => {
			const simulated = simulatedNpsCoverage(n, mix, 2_000 + 10 * n + i);
			// n = 1,000 is not enumerated (half a million outcomes per mix): the normal approximation gives 95%.
			const expected = n === 1000 ? 0.95 : exactNpsCoverage(n, mix);
			expectWithin(simulated, band(expected, RUNS));
		});
	});
});

const CSAT_SHARES = [0.05, 0.1, 0.2, 0.3, 0.5, 0.7, 0.85, 0.95];

function exactShareCoverage(n: number, p: number): number {
	const pmf = binomialPmf(n, p);
	let coverage = 0;
	for (let x = 0; x <= n; x++) {
		const s = summariseCsat({ responses: n, satisfied: x, sum: 0 }, { min: 1, max: 5 }, n);
		if (covers(s.lower, s.upper, p * 100)) coverage += pmf[x];
	}
	return coverage;
}

/**
 * Agresti & Coull (1998): their "add z²/2 successes and failures" interval has coverage near nominal and errs on
 * the conservative side, most near shares of 0 or 1 (Brown, Cai & DasGupta 2001 recommend it from about 40
 * answers for that reason). Per size over eight shares: mean within 94.5 .. 98 (at 1,000 answers it is 95.0),
 * none below 92.5 (lowest measured 92.98 at 10%, n = 10), and at n = 1,000 every share within 95 ± 0.8 (the
 * discreteness is small there).
 */
describe('Score Satisfaction, CSAT share: the Agresti–Coull 95% interval covers the true share about 95% of the time', () => {
	it.each([10, 30, 100, 1000])('%s answers: the exact coverage over eight shares', (n) => {
		const exact = CSAT_SHARES.map((p) => exactShareCoverage(n, p));
		expectWithin(mean(exact), [0.945, 0.98]);
		for (const c of exact) expectWithin(c, n === 1000 ? [0.942, 0.958] : [0.925, 1]);
	});

	it.each([10, 30, 1000])('%s answers: simulated surveys agree with the exact coverage', (n) => {
		[0.1, 0.5, 0.85].forEach((p, i) => {
			const random = rng(3_000 + 10 * n + i);
			let covered = 0;
			for (let r = 0; r < RUNS; r++) {
				const s = summariseCsat({ responses: n, satisfied: binomialDraw(random, n, p), sum: 0 }, { min: 1, max: 5 }, n);
				if (covers(s.lower, s.upper, p * 100)) covered++;
			}
			expectWithin(covered / RUNS, band(exactShareCoverage(n, p), RUNS));
		});
	});
});

// ---------------------------------------------------------------------------------------------------------
// Score Satisfaction: the CES mean's 95% interval.

/** CES 2.0 answers (1-7) with the given probabilities; their true mean. */
function cesDraw(probabilities: number[]): { draw: (random: () => number) => number; truth: number } {
	return {
		draw: (random) => {
			let u = random();
			let k = 0;
			while (k < probabilities.length - 1 && u >= probabilities[k]) u -= probabilities[k++];
			return k + 1;
		},
		truth: probabilities.reduce((s, p, i) => s + p * (i + 1), 0),
	};
}

/** Coverage among the runs that have an interval (answers all alike have none), and how many had one. */
function cesCoverage(n: number, runs: number, seed: number, answer: (random: () => number) => number, truth: number, scale: { min: number; max: number }) {
	const random = rng(seed);
	let [measured, covered] = [0, 0];
	for (let r = 0; r < runs; r++) {
		let [sum, squares] = [0, 0];
		for (let i = 0; i < n; i++) {
			const x = answer(random);
			sum += x;
			squares += x * x;
		}
		const interval = meanInterval(sum, squares, n, scale);
		if (!interval) continue;
		measured++;
		if (covers(interval.lower, interval.upper, truth)) covered++;
	}
	return { measured, coverage: covered / measured };
}

/**
 * CES answers are whole points on 1-7, skewed towards "easy". With many answers the mean is near normal and the
 * interval must cover 95% within band(0.95, RUNS): summariseCes (the report's path) at 1,000 answers, two shapes.
 */
describe('Score Satisfaction, CES mean: the 95% interval covers the true mean about 95% of the time', () => {
	// True means halfway between two values the report can show (5.375, 3.005): the ends are rounded to 2
	// decimals, and a truth on that grid (5.38) is also covered by every end that rounds onto it, which at 1,000
	// answers (half-width 0.08) adds about 1.4 points of coverage the interval does not have.
	const shapes: Array<[string, number[]]> = [
		['mostly easy (mean 5.375)', [0.02, 0.031, 0.05, 0.1, 0.25, 0.35, 0.199]],
		['spread out (mean 3.005)', [0.299, 0.2, 0.15, 0.1, 0.1, 0.101, 0.05]],
	];
	it.each(shapes)('1,000 answers, %s, through summariseCes', (_name, probabilities) => {
		const { draw, truth } = cesDraw(probabilities);
		const random = rng(4_001 + Math.round(truth * 100));
		let covered = 0;
		for (let r = 0; r < RUNS; r++) {
			let [sum, squares, easy] = [0, 0, 0];
			for (let i = 0; i < 1000; i++) {
				const x = draw(random);
				sum += x;
				squares += x * x;
				if (x >= 5) easy++;
			}
			const s = summariseCes({ responses: 1000, easy, sum, sumOfSquares: squares }, '2.0', 30);
			if (covers(s.lower, s.upper, truth)) covered++;
		}
		expectWithin(covered / RUNS, band(0.95, RUNS));
	});

	/**
	 * The mean's interval from the sample standard deviation of n answers is Student's t with n − 1 degrees of
	 * freedom: for normal answers its coverage is exactly the level at every n. Normal answers (the interval's own
	 * assumption, scale unbounded) isolate the multiplier: with z = 1.96 in place of t(n − 1, 0.975) the coverage
	 * is P(|T(n − 1)| < 1.96): 87.8% at 5 answers, 91.8% at 10, 94.0% at 30 (the default Minimum Responses for
	 * Margin), which 20,000 runs (SE 0.15 points) tell from 95%.
	 */
	const scale = { min: -Infinity, max: Infinity };
	const normalAnswer = (random: () => number) => 4 + normalDraw(random);
	it.each([5, 10, 30])('%s normal answers: covers 95% (20,000 runs)', (n) => {
		const { measured, coverage } = cesCoverage(n, 20_000, 4_100 + n, normalAnswer, 4, scale);
		expectWithin(coverage, band(0.95, measured));
	});
	it('1,000 normal answers: covers 95% (z and t agree there)', () => {
		const { measured, coverage } = cesCoverage(1000, RUNS, 4_200, normalAnswer, 4, scale);
		expectWithin(coverage, band(0.95, measured));
	});
});

// ---------------------------------------------------------------------------------------------------------
// Score Satisfaction: a report combined from page states gives the same interval, so the same coverage.

describe('Score Satisfaction, combined page report: the same interval as one run, so the same coverage', () => {
	const config: SatisfactionConfig = {
		nps: { field: 'nps' },
		csat: { field: 'csat', scale: { min: 1, max: 5 } },
		indexWeights: DEFAULT_INDEX_WEIGHTS,
		skipMissing: true,
		language: 'en',
	};
	it('600 surveys of 30 answers, each reported whole and as three pages', () => {
		const score = createResponseScorer(config);
		const random = rng(5_001);
		// NPS: 50% promoters, 10% detractors (answers 10 and 3, the rest 8); CSAT: 70% satisfied (4 or 5).
		const [mix, share, n, surveys] = [[0.5, 0.1] as [number, number], 0.7, 30, 600];
		const reportOf = (rows: Array<Record<string, unknown>>) => {
			const report = new SatisfactionReport(config, { minResponsesForMargin: 30 });
			for (const row of rows) report.add(score(row));
			return report;
		};
		let [npsCovered, csatCovered] = [0, 0];
		for (let s = 0; s < surveys; s++) {
			const rows = Array.from({ length: n }, () => {
				const u = random();
				return { nps: u < mix[0] ? 10 : u < mix[0] + mix[1] ? 3 : 8, csat: random() < share ? 4 : 2 };
			});
			const whole = reportOf(rows).rows();
			const combined = new SatisfactionReport(config, { minResponsesForMargin: 30 });
			[rows.slice(0, 7), rows.slice(7, 19), rows.slice(19)].forEach((page, i) => combined.addState(JSON.parse(JSON.stringify(reportOf(page).state())), i));
			const [row] = combined.rows();
			expect(row).toEqual(whole[0]);
			if (covers(row.nps!.lower, row.nps!.upper, (mix[0] - mix[1]) * 100)) npsCovered++;
			if (covers(row.csat!.lower, row.csat!.upper, share * 100)) csatCovered++;
		}
		expectWithin(npsCovered / surveys, band(exactNpsCoverage(n, mix), surveys));
		expectWithin(csatCovered / surveys, band(exactShareCoverage(n, share), surveys));
	});
});

// ---------------------------------------------------------------------------------------------------------
// Measure Uplift / Measure Care Impact, means: Welch's interval at 90, 95 and 99%, small and large groups.

/**
 * A group of n normal values (mean mu, sd sigma) as its state, drawn from the exact joint law of its statistics:
 * the mean is N(mu, σ²/n) and (n − 1)s²/σ² is χ²(n − 1), independent. So a group of 1,000 costs two draws.
 */
function normalGroup(random: () => number, n: number, mu: number, sigma: number): MomentState {
	const m = mu + (sigma / Math.sqrt(n)) * normalDraw(random);
	const spread = sigma * sigma * gamma(random, (n - 1) / 2, 0.5);
	return sumsState(n, n * m, spread + n * m * m);
}

const measured = (treatment: MomentState, holdout: MomentState, level: number) => measureOutcome('mean', treatment, holdout, { level, costPerContact: 0, margin: 1 });

/**
 * Welch–Satterthwaite is an approximation: with normal values its coverage is near nominal, closest when the
 * groups are alike and large. Its known departure is small groups of unequal size and spread (the smaller group
 * with the larger spread makes it slightly liberal, equal small groups slightly conservative), and its relative
 * error in the miss rate grows in the far tail. Allowed here beyond 3 SE: with a group of 5, 20% of the miss rate
 * 1 − level at 90% and 95% (1 point at 95%), and 80% of it at 99% (measured: Welch misses 1.3 to 1.7% there, from
 * 8,000 runs a case); with 10 or more a group, 10% of the miss rate; at 1,000, none.
 * A z in place of t, a one-sided level or n in place of n − 1 in the variance each miss by far more at small n.
 */
const WELCH_CASES: Array<[number, number, number, number]> = [
	// [treated, held out, treated sd, held-out sd]
	[5, 5, 1, 1],
	[5, 5, 1, 3],
	[10, 10, 1, 1],
	[10, 10, 3, 1],
	[30, 30, 1, 1],
	[30, 30, 1, 3],
	[5, 30, 1, 1],
	[30, 5, 1, 3],
	[10, 30, 3, 1],
	[1000, 1000, 1, 1],
	[1000, 50, 1, 3],
];

describe('Measure Uplift, means: Welch\'s interval covers the true difference at its level (normal values)', () => {
	const cases = [0.9, 0.95, 0.99].flatMap((level) => WELCH_CASES.map((c) => [level, ...c] as const));
	it.each(cases)('at %s: %s treated against %s held out, sd %s and %s', (level, nT, nH, sdT, sdH) => {
		const random = rng(Math.round(level * 1000) * 100_000 + nT * 1000 + nH * 10 + sdT);
		const truth = 0.5;
		let covered = 0;
		for (let r = 0; r < RUNS; r++) {
			const m = measured(normalGroup(random, nT, 10.5, sdT), normalGroup(random, nH, 10, sdH), level);
			if (covers(m.lower, m.upper, truth)) covered++;
		}
		const smallest = Math.min(nT, nH);
		const slack = (smallest === 5 ? (level === 0.99 ? 0.8 : 0.2) : smallest < 1000 ? 0.1 : 0) * (1 - level);
		const [low, high] = band(level, RUNS);
		expectWithin(covered / RUNS, [low - slack, high + slack]);
	});
});

// ---------------------------------------------------------------------------------------------------------
// Measure Uplift / Measure Care Impact, rates: Newcombe's hybrid score interval at 90, 95 and 99%.

const RATE_PAIRS: Array<[number, number]> = [
	[0.5, 0.5],
	[0.4, 0.3],
	[0.2, 0.1],
	[0.1, 0.05],
	[0.7, 0.3],
	[0.9, 0.8],
];

/** Exact coverage of Newcombe's interval for x1 of n1 against x2 of n2 (each outcome with probability above 1e-12). */
function exactNewcombeCoverage(n1: number, p1: number, n2: number, p2: number, level: number): number {
	const z = twoSidedZ(level);
	const [a, b] = [binomialPmf(n1, p1), binomialPmf(n2, p2)];
	let coverage = 0;
	for (let x = 0; x <= n1; x++) {
		if (a[x] < 1e-12) continue;
		for (let y = 0; y <= n2; y++) {
			if (b[y] < 1e-12) continue;
			const ci = newcombeInterval(x, n1, y, n2, z);
			if (covers(ci.lower, ci.upper, p1 - p2)) coverage += a[x] * b[y];
		}
	}
	return coverage;
}

/**
 * Newcombe (1998) found method 10 close to nominal on average and somewhat conservative for small counts, with
 * dips below nominal at some shares (the coverage of a discrete outcome is a saw-tooth in the truth). Exact
 * coverage over six pairs of rates, per size and level (measured lowest in brackets):
 * - mean over the pairs within nominal − 1 .. nominal + 4 points (z 1.645 at 95% averages about 91);
 * - lowest pair at least nominal − 2.5 points from 10 a group ([10, 30] at 90%: 87.9), nominal − 5.5 with 5
 *   ([5, 5] at 90%, rates 40% and 30%: 85.0);
 * - at 1,000 a group every pair within nominal ± 0.5 points (1,000 against 1,000 and against 100).
 */
describe('Measure Uplift, rates: Newcombe\'s interval covers the true difference at its level', () => {
	const sizes: Array<[number, number]> = [
		[5, 5],
		[10, 10],
		[30, 30],
		[10, 30],
		[30, 5],
		[1000, 1000],
		[1000, 100],
	];
	const cases = [0.9, 0.95, 0.99].flatMap((level) => sizes.map(([n1, n2]) => [level, n1, n2] as const));
	it.each(cases)('at %s: %s treated against %s held out, exact coverage over six pairs of rates', (level, n1, n2) => {
		const exact = RATE_PAIRS.map(([p1, p2]) => exactNewcombeCoverage(n1, p1, n2, p2, level));
		const smallest = Math.min(n1, n2);
		if (smallest >= 1000) {
			for (const c of exact) expectWithin(c, [level - 0.005, level + 0.005]);
			return;
		}
		expectWithin(mean(exact), [level - 0.01, Math.min(1, level + 0.04)]);
		expect(Math.min(...exact)).toBeGreaterThanOrEqual(level - (smallest === 5 ? 0.055 : 0.025));
	});

	it.each([
		[0.9, 10, 10, 0.4, 0.3],
		[0.95, 30, 5, 0.2, 0.1],
		[0.99, 30, 30, 0.7, 0.3],
		[0.95, 1000, 100, 0.2, 0.1],
	])('at %s: %s treated against %s held out (rates %s and %s), simulated through measureOutcome, agrees with the exact coverage', (level, n1, n2, p1, p2) => {
		const random = rng(6_000 + n1 + n2);
		let covered = 0;
		for (let r = 0; r < RUNS; r++) {
			const m = measureOutcome('proportion', countState(n1, binomialDraw(random, n1, p1)), countState(n2, binomialDraw(random, n2, p2)), { level, costPerContact: 0, margin: 1 });
			if (covers(m.lower, m.upper, p1 - p2)) covered++;
		}
		expectWithin(covered / RUNS, band(exactNewcombeCoverage(n1, p1, n2, p2, level), RUNS));
	});
});

// ---------------------------------------------------------------------------------------------------------
// Measure Uplift, means: the README's stated limit of the skewness check.

/** Revenue of n customers, each buying with probability `rate` once for a lognormal amount (mean `meanPurchase`, log-sd sigma). */
function lognormalRevenueGroup(random: () => number, n: number, rate: number, meanPurchase: number, sigma: number): MomentState {
	const buyers = binomialDraw(random, n, rate);
	const mu = Math.log(meanPurchase) - (sigma * sigma) / 2;
	let [sum, squares, cubes] = [0, 0, 0];
	for (let i = 0; i < buyers; i++) {
		const x = Math.exp(mu + sigma * normalDraw(random));
		sum += x;
		squares += x * x;
		cubes += x * x * x;
	}
	return sumsState(n, sum, squares, cubes);
}

/**
 * README (Measure Care Impact, Statistics): "with heavy-tailed purchases (lognormal, σ 1.5) and about ten holdout
 * buyers, about 7% of results pass it and their interval misses the truth in about a quarter of those." Campaigns
 * of 2,200 customers, 1 in 11 held out (about 200, 5% buy: about ten holdout buyers), mean purchase 100.
 *
 * Measured once from 40,000 campaigns: with a true effect (5% → 6.25% buy) 6.7% pass and 24.7% of those miss, as
 * the README says. Without an effect (5% in both) 6.0% pass and 39.7% of those miss, each a false "increase" or
 * "decrease" with reliable: true: the README's "a quarter" holds only with an effect (requests/E-to-C.md; README
 * change in E's report). Still 2.4% of all campaigns, within the 5% a 95% interval may miss.
 * Bounds: those figures ± 3 SE of the 4,000 campaigns here (0.4 points for the share passing; 2.6 and 3.2 points
 * for the share missing among some 250 passing results).
 */
describe('Measure Uplift, means: the README\'s limit of the skewness check (lognormal σ 1.5, about ten holdout buyers)', () => {
	function limit(treatedRate: number, seed: number) {
		const random = rng(seed);
		const [customers, heldShare, heldRate] = [2200, 1 / 11, 0.05];
		const truth = (treatedRate - heldRate) * 100;
		let [passed, passedMissed] = [0, 0];
		for (let r = 0; r < RUNS; r++) {
			const held = binomialDraw(random, customers, heldShare);
			const m = measured(lognormalRevenueGroup(random, customers - held, treatedRate, 100, 1.5), lognormalRevenueGroup(random, held, heldRate, 100, 1.5), 0.95);
			if (m.normality?.reliable === false) continue;
			passed++;
			if (!covers(m.lower, m.upper, truth)) passedMissed++;
		}
		return { passedShare: passed / RUNS, missedAmongPassed: passedMissed / passed, missedOfAll: passedMissed / RUNS };
	}

	it('with a true effect (5% → 6.25% buy): about 7% pass, and about a quarter of those miss', () => {
		const { passedShare, missedAmongPassed } = limit(0.0625, 7_001);
		expectWithin(passedShare, [0.055, 0.079]);
		expectWithin(missedAmongPassed, [0.17, 0.33]);
	});

	it('without an effect (5% buy in both): about 6% pass, and about 40% of those miss, at most 5% of all campaigns', () => {
		const { passedShare, missedAmongPassed, missedOfAll } = limit(0.05, 7_002);
		expectWithin(passedShare, [0.048, 0.071]);
		expectWithin(missedAmongPassed, [0.3, 0.5]);
		expect(missedOfAll).toBeLessThanOrEqual(band(0.05, RUNS)[1]);
	});
});
