import { NODE_UNDER_TEST, runNode } from '../helpers/runWorkflow';

/**
 * The report has one row per Group Report By value, in order of first appearance, empty values as
 * "(empty)". A value is read without its surrounding spaces, as customer IDs are: read as written,
 * "Shanghai " from a padded export was a store of its own next to "Shanghai".
 */
describe('Score Satisfaction report groups', () => {
	it('a padded value is the group of the value; blank values are (empty)', async () => {
		const items = [
			{ nps: 10, store: 'Shanghai' },
			{ nps: 3, store: 'Shanghai ' },
			{ nps: 9, store: ' 北京' },
			{ nps: 8, store: '  ' },
			{ nps: 7 },
		];
		const result = await runNode({ type: 'scoreSatisfaction', parameters: { metrics: ['nps'], groupByColumn: 'store' }, items });
		expect(result.error).toBeUndefined();
		expect(result.json(NODE_UNDER_TEST, 1).map((r) => [r.group, r.responses, (r.nps as { nps: number }).nps])).toEqual([
			[null, 5, 20],
			['Shanghai', 2, 0],
			['北京', 1, 100],
			['(empty)', 2, 0],
		]);
		expect(result.items(NODE_UNDER_TEST, 1)[1].pairedItem).toEqual([{ item: 0 }, { item: 1 }]);
	});
});

/**
 * "Parameters that cannot work stop the node with a message naming the parameter": an index weight that
 * is no number of at least 0 is refused naming its option and the value given. The message said
 * 'Index weight of nps must be a number of at least 0 (got NaN)': neither the option a user sees nor
 * the value they wrote.
 */
describe('Score Satisfaction index weights that cannot work', () => {
	it.each([
		[{ npsWeight: '1,5' }, 'Parameter "Options › NPS Weight in Index" is "1,5", which is not a number (expected a number of at least 0)'],
		[{ csatWeight: '={{ "0x10" }}' }, 'Parameter "Options › CSAT Weight in Index" is "0x10", which is not a number (expected a number of at least 0)'],
		[{ sentimentWeight: -1 }, 'Parameter "Options › Sentiment Weight in Index" is -1, which is below 0 (expected a number of at least 0)'],
	])('%j', async (options, message) => {
		const result = await runNode({ type: 'scoreSatisfaction', parameters: { metrics: ['nps', 'csat'], options: { sentimentColumn: 'sentiment', ...options } }, items: [{ nps: 9, csat: 4, sentiment: 0.5 }] });
		expect(result.error?.message).toBe(message);
	});

	it('weights of 0 for some metrics and a weight given as digits work', async () => {
		const result = await runNode({ type: 'scoreSatisfaction', parameters: { metrics: ['nps', 'csat'], options: { npsWeight: '={{ "3" }}', csatWeight: 0 } }, items: [{ nps: 9, csat: 1 }] });
		expect(result.error).toBeUndefined();
		expect((result.json(NODE_UNDER_TEST, 0)[0].satisfaction as { index: number }).index).toBe(90);
	});
});

/** The README's examples and figures, as the engine gives them. */
describe('Score Satisfaction, the README examples', () => {
	it('the Responses output example (zh-CN labels, sentiment in the index)', async () => {
		const result = await runNode({ type: 'scoreSatisfaction', parameters: { metrics: ['nps', 'csat', 'ces'], language: 'zh-CN', options: { sentimentColumn: 'sentiment' } }, items: [{ nps: 9, csat: 5, ces: 6, sentiment: 0.8 }] });
		expect(result.json(NODE_UNDER_TEST, 0)[0].satisfaction).toEqual({
			nps: { score: 9, category: 'promoter', label: '推荐者', outOf100: 90 },
			csat: { score: 5, satisfied: true, outOf100: 100 },
			ces: { score: 6, easy: true, version: '2.0', outOf100: 83.33 },
			sentiment: 0.8,
			index: 90.83,
		});
	});

	it('5 promoters, 3 passives, 2 detractors of 10: NPS 30, interval −19.05 to 65.21 (± 42.1 about 23.1), and below the minimum no margin but a note', async () => {
		const items = [10, 9, 9, 10, 9, 7, 8, 7, 3, 0].map((nps) => ({ nps }));
		const withMargin = await runNode({ type: 'scoreSatisfaction', parameters: { metrics: ['nps'], options: { minResponsesForMargin: 10 } }, items });
		expect(withMargin.json(NODE_UNDER_TEST, 1)[0].nps).toEqual(expect.objectContaining({ nps: 30, marginOfError: 42.13, lower: -19.05, upper: 65.21, marginNote: null }));
		const byDefault = await runNode({ type: 'scoreSatisfaction', parameters: { metrics: ['nps'] }, items });
		expect(byDefault.json(NODE_UNDER_TEST, 1)[0].nps).toEqual(expect.objectContaining({ nps: 30, marginOfError: null, marginNote: 'Too few responses for a meaningful margin of error (10 < 30)' }));
	});

	it('40 promoters of 40: NPS 100, interval 83.58 to 100; 40 satisfied: 89.56 to 100; CES answers all alike: no margin, a note why', async () => {
		const items = Array.from({ length: 40 }, () => ({ nps: 10, csat: 5, ces: 6 }));
		const result = await runNode({ type: 'scoreSatisfaction', parameters: { metrics: ['nps', 'csat', 'ces'] }, items });
		const [overall] = result.json(NODE_UNDER_TEST, 1);
		expect(overall.nps).toEqual(expect.objectContaining({ nps: 100, marginOfError: 9.44, lower: 83.58, upper: 100 }));
		expect(overall.csat).toEqual(expect.objectContaining({ csatPercent: 100, marginOfError: 6.06, lower: 89.56, upper: 100 }));
		expect(overall.ces).toEqual(
			expect.objectContaining({ mean: 6, marginOfError: null, lower: null, upper: null, marginNote: 'All 40 answers are 6: with no spread among them a margin of error cannot be estimated' }),
		);
	});

	it('the Bad input example message', async () => {
		const result = await runNode({ type: 'scoreSatisfaction', parameters: { metrics: ['nps'] }, items: [{ nps: 9 }, { nps: 11 }] });
		expect(result.error?.message).toBe('Item 1: field "nps" is 11, which is above 10 (expected a whole number from 0 to 10)');
	});

	it('a mean NPS of 8.67 is passive; a drop of 10 index points is declining', async () => {
		const items = [
			{ customerId: 'C1', respondedAt: '2024-01-05', nps: 9 },
			{ customerId: 'C1', respondedAt: '2024-02-05', nps: 9 },
			{ customerId: 'C1', respondedAt: '2024-03-05', nps: 8 },
		];
		const result = await runNode({ type: 'scoreSatisfaction', parameters: { metrics: ['nps'], aggregatePerCustomer: true, combineBy: 'mean' }, items });
		expect(result.json(NODE_UNDER_TEST, 0)[0].satisfaction).toEqual(
			expect.objectContaining({ nps: { score: 8.67, category: 'passive', label: 'Passive' }, trend: { last: 80, previous: 90, change: -10, declining: true } }),
		);
	});

	it('Kano ties go to the category that hurts most when neglected (M > O > A > I > R > Q)', async () => {
		const pairs = [
			['like', 'dislike'], // O
			['expect', 'dislike'], // M
			['like', 'neutral'], // A
		];
		const items = pairs.map(([functional, dysfunctional]) => ({ kano: { chat: { functional, dysfunctional } } }));
		const result = await runNode({ type: 'scoreSatisfaction', parameters: { metrics: ['kano'], kanoFeatures: 'chat' }, items });
		expect(result.json(NODE_UNDER_TEST, 1)[0].kano).toEqual({
			chat: expect.objectContaining({ dominant: 'mustBe', tiedWith: ['mustBe', 'oneDimensional', 'attractive'], better: 0.6667, worse: -0.6667 }),
		});
	});
});
