import type { IDataObject } from 'n8n-workflow';
import { setGeneratedItems } from '../helpers/testNodes';
import { runNode, NODE_UNDER_TEST } from '../helpers/runWorkflow';

/**
 * Customer IDs beyond 2^53 − 1 as numbers have lost their last digits before n8n hands them on: 64-bit IDs
 * 1420000000000000001 and 1420000000000000002 both arrive as 1420000000000000000. Measure Care Impact
 * reads its customer IDs as the other nodes do: such a number is the item's error naming the field and
 * saying to send the ID as text. (Assign Holdout hashed the ID's text "1420000000000000000", which no
 * system holding the real ID reproduces; KPI Report counted the two customers as one buyer.)
 */
const BIG = [1420000000000000001, 1420000000000000002]; // both the number 1420000000000000000
const MESSAGE = /field "customerId" is 1420000000000000000, which is a number beyond 9007199254740991/;

describe('Measure Care Impact: customer IDs that lost digits as numbers', () => {
	it('Assign Holdout: each is an item error; a safe integer and text IDs are assigned', async () => {
		const items: IDataObject[] = [{ customerId: BIG[0] }, { customerId: 9007199254740991 }, { customerId: BIG[1] }, { customerId: '1420000000000000001' }];
		setGeneratedItems('holdout-big-ids', items);
		const result = await runNode({ type: 'measureCareImpact', parameters: { operation: 'assignHoldout', campaign: 'c', holdoutPercent: 50 }, items: [], generatedKey: 'holdout-big-ids', onError: 'continueErrorOutput' });
		expect(result.error).toBeUndefined();
		const errors = result.json(NODE_UNDER_TEST, 2).map((e) => e.error);
		expect(errors).toEqual([expect.stringMatching(/^Item 0: /), expect.stringMatching(/^Item 2: /)]);
		for (const error of errors) expect(error).toMatch(MESSAGE);
		const assigned = [...result.json(NODE_UNDER_TEST, 0), ...result.json(NODE_UNDER_TEST, 1)].map((j) => j.customerId);
		expect(assigned.sort()).toEqual(['1420000000000000001', 9007199254740991].sort());
	});

	it('KPI Report: each order of such a customer is an item error, not one buyer made of two', async () => {
		const items: IDataObject[] = [
			{ customerId: BIG[0], orderDate: '2024-04-03', amount: 10 },
			{ customerId: BIG[1], orderDate: '2024-04-05', amount: 20 },
			{ customerId: 'a', orderDate: '2024-04-06', amount: 30 },
		];
		setGeneratedItems('kpi-big-ids', items);
		const result = await runNode({ type: 'measureCareImpact', parameters: { operation: 'kpiReport', source: 'orders', asOf: '2024-05-10T00:00:00Z', months: 1 }, items: [], generatedKey: 'kpi-big-ids', onError: 'continueErrorOutput' });
		expect(result.error).toBeUndefined();
		const errors = result.json(NODE_UNDER_TEST, 1).map((e) => e.error);
		expect(errors).toEqual([expect.stringMatching(MESSAGE), expect.stringMatching(MESSAGE)]);
		const april = result.json(NODE_UNDER_TEST, 0).find((r) => r.kind === 'period' && r.period === '2024-04');
		expect(april).toMatchObject({ activeCustomers: 1, orders: 1, revenue: 30 });
	});
});
