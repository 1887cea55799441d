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
		[{ npsWeight: '1,5' }, '"NPS Weight in Index" must be a number of at least 0; got "1,5"'],
		[{ csatWeight: '={{ "0x10" }}' }, '"CSAT Weight in Index" must be a number of at least 0; got "0x10"'],
		[{ sentimentWeight: -1 }, '"Sentiment Weight in Index" must be a number of at least 0; got -1'],
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
