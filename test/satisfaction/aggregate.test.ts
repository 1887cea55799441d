import {
	checkAggregateOptions,
	combineCustomerResponses,
	createResponseScorer,
	CustomerResponses,
	DEFAULT_INDEX_WEIGHTS,
	type AggregateOptions,
	type SatisfactionConfig,
	type TimedResponse,
} from '../../nodes/shared/satisfaction';

const npsOnly: SatisfactionConfig = { nps: { field: 'nps' }, indexWeights: DEFAULT_INDEX_WEIGHTS, skipMissing: true, language: 'en' };
const score = createResponseScorer(npsOnly);
const at = (date: string) => Date.parse(`${date}T00:00:00Z`);

/** Three answers 90 days apart, given out of order: 8 (index 80), 6 (60), 4 (40). */
const history: TimedResponse[] = [
	{ at: at('2024-06-29'), order: 0, result: score({ nps: 4 }) },
	{ at: at('2024-01-01'), order: 1, result: score({ nps: 8 }) },
	{ at: at('2024-03-31'), order: 2, result: score({ nps: 6 }) },
];
const options = (o: Partial<AggregateOptions>): AggregateOptions => ({ combineBy: 'latest', halfLifeDays: 90, decliningDrop: 10, ...o });

describe('Per-customer aggregation', () => {
	it('latest: the most recent answer, with first/last dates and the trend', () => {
		expect(combineCustomerResponses(history, npsOnly, options({}))).toEqual({
			responses: 3,
			firstResponseAt: new Date('2024-01-01T00:00:00Z'),
			lastResponseAt: new Date('2024-06-29T00:00:00Z'),
			combinedBy: 'latest',
			nps: { score: 4, category: 'detractor', label: 'Detractor' },
			index: 40,
			trend: { last: 40, previous: 60, change: -20, declining: true },
		});
	});

	it('mean: equal weights', () => {
		expect(combineCustomerResponses(history, npsOnly, options({ combineBy: 'mean' }))).toMatchObject({
			nps: { score: 6, category: 'detractor' },
			index: 60,
		});
	});

	it('recency-weighted: a response one half-life older weighs half', () => {
		// weights 0.25, 0.5, 1: NPS (2 + 3 + 4) / 1.75 = 5.142857; index (20 + 30 + 40) / 1.75 = 51.428571
		expect(combineCustomerResponses(history, npsOnly, options({ combineBy: 'recencyWeighted' }))).toMatchObject({
			nps: { score: 5.14, category: 'detractor' },
			index: 51.43,
		});
		// half-life 30 days: weights 1/64, 1/8, 1 -> (8/64 + 6/8 + 4) / (1/64 + 1/8 + 1) = 4.875 / 1.140625 = 4.27397
		expect(combineCustomerResponses(history, npsOnly, options({ combineBy: 'recencyWeighted', halfLifeDays: 30 })).nps).toMatchObject({ score: 4.27 });
	});

	it('flags declining only at a drop of at least N points', () => {
		expect(combineCustomerResponses(history, npsOnly, options({ decliningDrop: 20 })).trend.declining).toBe(true);
		expect(combineCustomerResponses(history, npsOnly, options({ decliningDrop: 20.01 })).trend.declining).toBe(false);
		const rising = [
			{ at: at('2024-01-01'), order: 0, result: score({ nps: 3 }) },
			{ at: at('2024-02-01'), order: 1, result: score({ nps: 9 }) },
		];
		expect(combineCustomerResponses(rising, npsOnly, options({})).trend).toEqual({ last: 90, previous: 30, change: 60, declining: false });
	});

	it('a single response has no trend', () => {
		expect(combineCustomerResponses(history.slice(0, 1), npsOnly, options({})).trend).toEqual({ last: 40, previous: null, change: null, declining: false });
	});

	it('re-derives categories from the combined score with the same cut points', () => {
		const csat: SatisfactionConfig = { csat: { field: 'csat', scale: { min: 1, max: 5 } }, indexWeights: DEFAULT_INDEX_WEIGHTS, skipMissing: false, language: 'zh-CN' };
		const s = createResponseScorer(csat);
		const two = (a: number, b: number) => [
			{ at: at('2024-01-01'), order: 0, result: s({ csat: a }) },
			{ at: at('2024-01-02'), order: 1, result: s({ csat: b }) },
		];
		expect(combineCustomerResponses(two(3, 4), csat, options({ combineBy: 'mean' })).csat).toEqual({ score: 3.5, satisfied: false });
		expect(combineCustomerResponses(two(4, 5), csat, options({ combineBy: 'mean' })).csat).toEqual({ score: 4.5, satisfied: true });
		const nps = [8, 9, 9].map((v, i) => ({ at: at('2024-01-01') + i, order: i, result: score({ nps: v }) }));
		// mean 8.67 is passive, although two of three answers were promoters
		expect(combineCustomerResponses(nps, npsOnly, options({ combineBy: 'mean' })).nps).toEqual({ score: 8.67, category: 'passive', label: 'Passive' });
	});

	it('skips unanswered metrics; latest takes the latest answered value; the trend skips responses without an index', () => {
		const responses = [
			{ at: at('2024-01-01'), order: 0, result: score({ nps: 10 }) },
			{ at: at('2024-02-01'), order: 1, result: score({ nps: 2 }) },
			{ at: at('2024-03-01'), order: 2, result: score({ nps: '' }) },
		];
		expect(combineCustomerResponses(responses, npsOnly, options({}))).toMatchObject({
			nps: { score: 2 },
			index: 20,
			trend: { last: 20, previous: 100, change: -80, declining: true },
		});
		expect(combineCustomerResponses(responses.slice(2), npsOnly, options({}))).toMatchObject({ nps: null, index: null, trend: { last: null } });
	});

	it('without dates, input order is the time order and equal times keep input order', () => {
		const undated = [
			{ at: null, order: 0, result: score({ nps: 9 }) },
			{ at: null, order: 1, result: score({ nps: 5 }) },
		];
		expect(combineCustomerResponses(undated, npsOnly, options({}))).toMatchObject({ nps: { score: 5 }, firstResponseAt: null, lastResponseAt: null });
		const sameDay = [
			{ at: at('2024-01-01'), order: 3, result: score({ nps: 7 }) },
			{ at: at('2024-01-01'), order: 1, result: score({ nps: 10 }) },
		];
		expect(combineCustomerResponses(sameDay, npsOnly, options({})).nps).toMatchObject({ score: 7 });
	});

	it('collects responses per customer in order of first appearance, trimming text IDs', () => {
		const c = new CustomerResponses();
		const r = history[0];
		c.add('B', r);
		c.add(7, r);
		c.add(' B ', r);
		c.add('7', r);
		expect(c.customers().map((x) => [x.customerId, x.responses.length])).toEqual([
			['B', 2],
			[7, 2],
		]);
	});

	it('checks its options', () => {
		expect(() => checkAggregateOptions(options({ combineBy: 'recencyWeighted' }), false)).toThrow('Parameter "Response Date Column" is "", which is empty, and a recency-weighted mean weighs responses by their dates (expected the column holding each response’s date)');
		expect(() => checkAggregateOptions(options({ combineBy: 'recencyWeighted', halfLifeDays: 0 }), true)).toThrow('Parameter "Half-life" is 0, which is not more than 0 (expected a number of days more than 0)');
		expect(() => checkAggregateOptions(options({ decliningDrop: 0 }), true)).toThrow('Parameter "Declining drop" is 0, which is not more than 0 (expected a number of index points more than 0)');
		expect(() => checkAggregateOptions(options({ combineBy: 'median' as never }), true)).toThrow('Parameter "Combine By" is "median", which is not a way to combine responses (expected latest, mean or recencyWeighted)');
	});
});
