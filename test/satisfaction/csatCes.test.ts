import { cesTo100, csatRules, csatTo100, isCesEasy, isCsatSatisfied, meanMarginOfError, proportionMarginOfError, summariseCes, summariseCsat } from '../../nodes/shared/satisfaction';

describe('CSAT', () => {
	it('counts the top two boxes of the scale as satisfied', () => {
		expect([1, 2, 3, 4, 5].map((s) => isCsatSatisfied(s, { min: 1, max: 5 }))).toEqual([false, false, false, true, true]);
		expect([5, 6, 7].map((s) => isCsatSatisfied(s, { min: 1, max: 7 }))).toEqual([false, true, true]);
		expect([8, 9, 10].map((s) => isCsatSatisfied(s, { min: 0, max: 10 }))).toEqual([false, true, true]);
	});

	it('reports CSAT %, mean and the margin of the share', () => {
		// scores 5 4 3 2 1 4 5 5 3 4: six in the top two boxes, sum 36
		const tally = { responses: 10, satisfied: 6, sum: 36 };
		expect(summariseCsat(tally, { min: 1, max: 5 }, 30)).toEqual({ responses: 10, satisfied: 6, csatPercent: 60, mean: 3.6, marginOfError: null, lower: null, upper: null, scale: '1-5' });
		// Agresti–Coull: (6 + 1.96^2 / 2) / (10 + 1.96^2) = 0.572245, 1.96 * sqrt(0.572245 * 0.427755 / 13.8416)
		// = 0.260647 -> 26.06 points (the plain Wald formula gave 30.36), about 57.22: 31.16 to 83.29 (statsmodels below)
		expect(summariseCsat(tally, { min: 1, max: 5 }, 10)).toMatchObject({ csatPercent: 60, marginOfError: 26.06, lower: 31.16, upper: 83.29 });
	});

	// Reference values: statsmodels 0.14 proportion_confint(x, n, alpha=0.05, method='agresti_coull'),
	// which uses z = 1.959964 (here 1.96) and clips the interval to [0, 1].
	it.each([
		[6, 10, 0.311604, 0.832889],
		[15, 40, 0.24185, 0.530056],
		[40, 40, 0.895604, 1],
		[0, 30, 0, 0.134712],
	])('the CSAT margin is the half-width of the Agresti–Coull interval (%i of %i)', (hits, n, lower, upper) => {
		const margin = proportionMarginOfError(hits, n) / 100;
		const centre = (hits + 1.96 ** 2 / 2) / (n + 1.96 ** 2);
		expect(Math.max(0, centre - margin)).toBeCloseTo(lower, 4);
		expect(Math.min(1, centre + margin)).toBeCloseTo(upper, 4);
	});

	it('every answer satisfied: a share of 100% with a margin that is not 0', () => {
		expect(summariseCsat({ responses: 40, satisfied: 40, sum: 200 }, { min: 1, max: 5 }, 30)).toMatchObject({ csatPercent: 100, marginOfError: 6.06 });
	});

	// The interval is centred on the adjusted share (95.62% for 40 of 40), so csatPercent ± marginOfError
	// passed 100% (106.06); its ends, as statsmodels gives them above, stay within 0..100.
	it.each([
		[40, 40, 89.56, 100],
		[0, 30, 0, 13.47],
		[6, 10, 31.16, 83.29],
	])('reports the ends of the Agresti–Coull interval, within 0..100 (%i of %i)', (hits, n, lower, upper) => {
		const csat = summariseCsat({ responses: n, satisfied: hits, sum: hits * 5 + (n - hits) }, { min: 1, max: 5 }, 10);
		expect(csat).toMatchObject({ lower, upper });
		expect(csat.lower!).toBeGreaterThanOrEqual(0);
		expect(csat.upper!).toBeLessThanOrEqual(100);
	});

	it('places scores on 0-100 from the scale ends', () => {
		expect(csatTo100(1, { min: 1, max: 5 })).toBe(0);
		expect(csatTo100(4, { min: 1, max: 5 })).toBe(75);
		expect(csatTo100(5, { min: 1, max: 5 })).toBe(100);
		expect(csatTo100(7, { min: 0, max: 10 })).toBe(70);
	});

	it('refuses scales too small for top-two-box or with fractional ends', () => {
		expect(() => csatRules({ min: 1, max: 2 })).toThrow('CSAT scale 1 to 2 has fewer than 3 points (expected at least 3, such as 1 to 3)');
		expect(() => csatRules({ min: 1, max: 4.5 })).toThrow('CSAT scale 1 to 4.5 has an end that is not a whole number (expected whole-number ends)');
		expect(csatRules({ min: 1, max: 3 })).toEqual({ min: 1, max: 3, integer: true });
	});
});

describe('CES', () => {
	it('CES 2.0: higher is easier, 5-7 count as easy', () => {
		expect([1, 4, 5, 7].map((s) => isCesEasy(s, '2.0'))).toEqual([false, false, true, true]);
		expect(cesTo100(1, '2.0')).toBe(0);
		expect(cesTo100(7, '2.0')).toBe(100);
		expect(cesTo100(4, '2.0')).toBe(50);
	});

	it('CES 1.0: lower is easier, 1-2 count as easy, and the ease scale is flipped', () => {
		expect([1, 2, 3, 5].map((s) => isCesEasy(s, '1.0'))).toEqual([true, true, false, false]);
		expect(cesTo100(1, '1.0')).toBe(100);
		expect(cesTo100(5, '1.0')).toBe(0);
		expect(cesTo100(2, '1.0')).toBe(75);
		// The same number means opposite things in the two versions.
		expect(isCesEasy(2, '1.0')).toBe(true);
		expect(isCesEasy(2, '2.0')).toBe(false);
	});

	it('reports mean, easy share and the margin of the mean with the direction spelled out', () => {
		// 7 6 5 4 3: mean 5, sample variance 10 / 4 = 2.5; t(0.975, 4) * sqrt(2.5) / sqrt(5) = 2.776445 * 0.707107 = 1.96324
		// (scipy.stats.t.ppf(0.975, 4) = 2.7764451; z = 1.96 gave 1.38593, an interval covering 88% at 5 answers)
		const tally = { responses: 5, easy: 3, sum: 25, sumOfSquares: 49 + 36 + 25 + 16 + 9 };
		expect(summariseCes(tally, '2.0', 5)).toEqual({
			version: '2.0',
			direction: 'higherIsEasier',
			responses: 5,
			easy: 3,
			easyPercent: 60,
			mean: 5,
			marginOfError: 1.96,
			lower: 3.04,
			upper: 6.96,
		});
		// CES 1.0, 1 2 3 4 5: easy are 1 and 2
		expect(summariseCes({ responses: 5, easy: 2, sum: 15, sumOfSquares: 55 }, '1.0', 30)).toEqual({
			version: '1.0',
			direction: 'lowerIsEasier',
			responses: 5,
			easy: 2,
			easyPercent: 40,
			mean: 3,
			marginOfError: null,
			lower: null,
			upper: null,
		});
	});

	// A sample standard deviation of 0 gave "mean 7 ± 0": certainty that 2 or 30 equal answers do not carry.
	it('identical answers have no margin (their spread cannot be estimated), not 0 and not NaN', () => {
		expect(summariseCes({ responses: 30, easy: 30, sum: 210, sumOfSquares: 30 * 49 }, '2.0', 30)).toMatchObject({ mean: 7, marginOfError: null, lower: null, upper: null });
		expect(summariseCes({ responses: 2, easy: 0, sum: 6, sumOfSquares: 18 }, '1.0', 2)).toMatchObject({ mean: 3, marginOfError: null, lower: null, upper: null });
		expect(meanMarginOfError(6, 18, 2)).toBeNull();
		expect(meanMarginOfError(3, 9, 1)).toBeNull();
	});

	it('the ends of the mean’s interval stay on the scale', () => {
		// 29 sevens and a 6: mean 6.9667, sample variance (29 / 30) / 29 = 0.0333; t(0.975, 29) = 2.04523,
		// 2.04523 * 0.18257 / sqrt(30) = 0.0682: 6.8985 to 7.0349, cut to 7
		const ces = summariseCes({ responses: 30, easy: 30, sum: 29 * 7 + 6, sumOfSquares: 29 * 49 + 36 }, '2.0', 30);
		expect(ces).toMatchObject({ mean: 6.97, marginOfError: 0.07, lower: 6.9, upper: 7 });
	});
});
