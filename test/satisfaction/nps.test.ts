import { classifyNps, npsMarginOfError, summariseNps } from '../../nodes/shared/satisfaction';

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
		});
	});

	it('gives the 95% margin from var = ((p + d) - (p - d)^2) / n', () => {
		// p = .5, d = .2, n = 10: var = (.7 - .09) / 10 = .061; 1.96 * sqrt(.061) = 0.484084 -> 48.41 points
		expect(npsMarginOfError(5, 2, 10)).toBeCloseTo(48.4084, 4);
		expect(summariseNps({ promoters: 5, passives: 3, detractors: 2 }, 10).marginOfError).toBe(48.41);
		// p = .5, d = .25, n = 40: var = (.75 - .0625) / 40 = .0171875; 1.96 * sqrt(.0171875) = 0.256958 -> 25.70
		expect(summariseNps({ promoters: 20, passives: 10, detractors: 10 }, 30)).toMatchObject({ nps: 25, marginOfError: 25.7 });
	});

	it('all promoters: +100 with zero variance; all detractors: -100', () => {
		expect(summariseNps({ promoters: 30, passives: 0, detractors: 0 }, 30)).toMatchObject({ nps: 100, marginOfError: 0, promotersPercent: 100 });
		expect(summariseNps({ promoters: 0, passives: 0, detractors: 30 }, 30)).toMatchObject({ nps: -100, marginOfError: 0, detractorsPercent: 100 });
		expect(summariseNps({ promoters: 0, passives: 30, detractors: 0 }, 30)).toMatchObject({ nps: 0, marginOfError: 0 });
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
		});
	});

	it('rounds a third to two decimals (1 / 1 / 1 -> 0, 2 / 0 / 1 -> 33.33)', () => {
		expect(summariseNps({ promoters: 1, passives: 1, detractors: 1 }, 30)).toMatchObject({ nps: 0, promotersPercent: 33.33 });
		expect(summariseNps({ promoters: 2, passives: 0, detractors: 1 }, 30)).toMatchObject({ nps: 33.33, promotersPercent: 66.67 });
	});
});
