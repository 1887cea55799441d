import type { IDataObject } from 'n8n-workflow';
import { describeValue } from '../../nodes/shared/input';
import { NODE_UNDER_TEST, runNode } from '../helpers/runWorkflow';

/**
 * A customer ID named in an item's error is shown as every value is (describeValue): a 2,000-character
 * ID, or 300 CJK characters, was written whole between quotes into the message, not shortened.
 */
const ids = ['K'.repeat(2000), '客'.repeat(300)];
const asOf = '2024-07-01T00:00:00Z';

async function errors(parameters: IDataObject, items: IDataObject[]): Promise<string[]> {
	const result = await runNode({ type: 'segmentCustomer', parameters: { asOf, ...parameters }, items, onError: 'continueErrorOutput' });
	expect(result.error).toBeUndefined();
	return result.json(NODE_UNDER_TEST, 2).map((e) => e.error as string);
}

describe.each(ids)('customer ID %#', (id) => {
	it('lifecycle: purchases without a last purchase date', async () => {
		expect(await errors({ method: 'lifecycle' }, [{ customerId: id, orderCount: 2 }])).toEqual([
			`Item 0: field "lastPurchaseAt" is missing, which gives no date for customer ${describeValue(id)} with 2 purchases (expected the date of the last purchase (an order count of 0 for a prospect))`,
		]);
	});

	it('value tier against a learned state: revenue beyond its total', async () => {
		const learned = await runNode({
			type: 'segmentCustomer',
			parameters: { method: 'valueTier', asOf, outputLearnedState: true },
			items: [{ customerId: 'a', lastPurchaseAt: '2024-06-01', orderCount: 1, totalSpend: 100 }],
		});
		const state = learned.json(NODE_UNDER_TEST, 1).find((row) => row.learned)!.learned;
		const items = [{ customerId: id, lastPurchaseAt: '2024-06-01', orderCount: 1, totalSpend: 400 }];
		expect(await errors({ method: 'valueTier', cutPoints: 'apply', learnedState: JSON.stringify(state) }, items)).toEqual([
			`Item 0: field "totalSpend" is 400, which is more than the whole base's revenue in the learned state (its totalRevenue, 100) for customer ${describeValue(id)} (expected a revenue of at most 100: apply the state learned from this customer's base)`,
		]);
	});
});
