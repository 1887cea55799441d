import { classifyNps, npsInterval, npsMarginOfError, summariseNps } from '../../nodes/shared/satisfaction';

describe('NPS', () => {
	it('classifies 0-6 as detractors, 7-8 as passives and 9-10 as promoters', () => {
		expect([0, 6, 7, 8, 9, 10].map(classifyNps)).toEqual(['detractor', 'detractor', 'passive', 'passive', 'promoter', 'promoter']);
	});

	it('reports % promoters - % detractors with the counts (5 / 3 / 2 of 10 -> 30)', () => {
		expect(summariseNps({ promoters: 5, passives: 3, detractors: 2 }, 30)).toEqual({
			responses: 10,
			promoters: 5,
			passives: 3,
			detractors: 2,
			promotersPercent: 50,
			passivesPercent: 30,
			detractorsPercent: 20,
			nps: 30,
			marginOfError: null, // 10 < 30
			lower: null,
			upper: null,
		});
	});

	it("gives the 95% margin of Rocks' (2016) adjusted-Wald interval: 3/4 added to promoters and detractors, 3 to n", () => {
		// 5 promoters, 2 detractors of 10: p' = 5.75 / 13, d' = 2.75 / 13, var = (p' + d' - (p' - d')^2) / 13
		// = (0.653846 - 0.053254) / 13 = 0.046199; 1.96 * sqrt(0.046199) = 0.421283 -> 42.13 points
		// (the plain Wald formula gave 48.41)
		expect(npsMarginOfError(5, 2, 10)).toBeCloseTo(42.1283, 4);
		expect(summariseNps({ promoters: 5, passives: 3, detractors: 2 }, 10).marginOfError).toBe(42.13);
		// 20 / 10 / 10 of 40: p' = 20.75 / 43, d' = 10.75 / 43, var = (0.732558 - 0.054083) / 43 = 0.015778;
		// 1.96 * sqrt(0.015778) = 0.246200 -> 24.62
		expect(summariseNps({ promoters: 20, passives: 10, detractors: 10 }, 30)).toMatchObject({ nps: 25, marginOfError: 24.62 });
	});

	// The Wald variance is 0 when every answer is in one category: "NPS 100 ± 0" from 30 answers.
	it('all promoters, all detractors or all passives: a margin that is not 0', () => {
		// 30 promoters: p' = 30.75 / 33, d' = 0.75 / 33, var = (0.954545 - 0.826446) / 33 = 0.003882 -> 12.21
		expect(summariseNps({ promoters: 30, passives: 0, detractors: 0 }, 30)).toMatchObject({ nps: 100, marginOfError: 12.21, promotersPercent: 100 });
		expect(summariseNps({ promoters: 0, passives: 0, detractors: 30 }, 30)).toMatchObject({ nps: -100, marginOfError: 12.21, detractorsPercent: 100 });
		// 30 passives: p' = d' = 0.75 / 33, var = 0.045455 / 33 -> 7.27
		expect(summariseNps({ promoters: 0, passives: 30, detractors: 0 }, 30)).toMatchObject({ nps: 0, marginOfError: 7.27 });
	});

	// The interval is centred on the adjusted NPS p' − d', not on the NPS: "NPS 100 ± 9.4" read as 90.6 to 109.4.
	it("reports the ends of the adjusted-Wald interval about the adjusted NPS, within −100..100", () => {
		// 5 / 3 / 2 of 10: centre (5.75 − 2.75) / 13 = 23.08, ± 42.13 -> −19.05 to 65.21 (the README's 30 ± 42.1)
		expect(summariseNps({ promoters: 5, passives: 3, detractors: 2 }, 10)).toMatchObject({ nps: 30, marginOfError: 42.13, lower: -19.05, upper: 65.21 });
		// 40 promoters of 40: centre 40 / 43 = 93.02, ± 9.44 -> 83.58 to 102.47, cut to 100
		expect(summariseNps({ promoters: 40, passives: 0, detractors: 0 }, 30)).toMatchObject({ nps: 100, marginOfError: 9.44, lower: 83.58, upper: 100 });
		// 30 detractors: centre −90.91, ± 12.21 -> −100 (cut) to −78.7
		expect(summariseNps({ promoters: 0, passives: 0, detractors: 30 }, 30)).toMatchObject({ nps: -100, lower: -100, upper: -78.7 });
		// 30 passives: centre 0, ± 7.27
		expect(summariseNps({ promoters: 0, passives: 30, detractors: 0 }, 30)).toMatchObject({ nps: 0, lower: -7.27, upper: 7.27 });
		expect(npsInterval(40, 0, 40)).toMatchObject({ centre: (40 / 43) * 100, lower: expect.closeTo(83.5815, 4), upper: 100 });
	});

	it('a single response has an NPS but no margin', () => {
		expect(summariseNps({ promoters: 0, passives: 0, detractors: 1 }, 30)).toMatchObject({ responses: 1, nps: -100, marginOfError: null });
	});

	it('no responses gives nulls, never NaN', () => {
		expect(summariseNps({ promoters: 0, passives: 0, detractors: 0 }, 30)).toEqual({
			responses: 0,
			promoters: 0,
			passives: 0,
			detractors: 0,
			promotersPercent: null,
			passivesPercent: null,
			detractorsPercent: null,
			nps: null,
			marginOfError: null,
			lower: null,
			upper: null,
		});
	});

	it('rounds a third to two decimals (1 / 1 / 1 -> 0, 2 / 0 / 1 -> 33.33)', () => {
		expect(summariseNps({ promoters: 1, passives: 1, detractors: 1 }, 30)).toMatchObject({ nps: 0, promotersPercent: 33.33 });
		expect(summariseNps({ promoters: 2, passives: 0, detractors: 1 }, 30)).toMatchObject({ nps: 33.33, promotersPercent: 66.67 });
	});
});
