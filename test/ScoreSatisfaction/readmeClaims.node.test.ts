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
