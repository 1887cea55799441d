import type { IDataObject } from 'n8n-workflow';
import { setGeneratedItems } from '../helpers/testNodes';
import { NODE_UNDER_TEST, runNode } from '../helpers/runWorkflow';

/**
 * A Group Report By value that is a whole number beyond 2^53 − 1 (a 64-bit store or agent ID from a
 * database) has lost its last digits as a JSON number: stores 1420000000000000001 and …002 both arrive as
 * 1420000000000000000 and were reported as one group named after neither. It is the item's error naming
 * the column and saying to send the value as text, as for customer IDs; text and safe integers group as before.
 */
describe('Score Satisfaction, Group Report By a number that lost digits', () => {
	it('rejects each such response and reports the others by their groups', async () => {
		const items: IDataObject[] = [
			{ nps: 9, store: 1420000000000000001 },
			{ nps: 3, store: 1420000000000000002 },
			{ nps: 7, store: 9007199254740991 },
			{ nps: 10, store: '1420000000000000001' },
		];
		setGeneratedItems('unsafe-group', items);
		const result = await runNode({ type: 'scoreSatisfaction', parameters: { metrics: ['nps'], groupByColumn: 'store' }, items: [], generatedKey: 'unsafe-group', onError: 'continueErrorOutput' });
		expect(result.error).toBeUndefined();
		const errors = result.json(NODE_UNDER_TEST, 2).map((e) => e.error);
		expect(errors).toEqual([
			expect.stringMatching(/^Item 0: field "store" is 1420000000000000000, which is a number beyond 9007199254740991/),
			expect.stringMatching(/^Item 1: field "store" is 1420000000000000000, which is a number beyond 9007199254740991/),
		]);
		const rows = result.json(NODE_UNDER_TEST, 1);
		expect(rows.map((r) => [r.group, r.responses])).toEqual([
			[null, 2],
			['9007199254740991', 1],
			['1420000000000000001', 1],
		]);
		expect(rows[0].rejectedItems).toBe(2);
	});
});
