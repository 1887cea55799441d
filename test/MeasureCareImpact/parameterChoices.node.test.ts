import type { IDataObject } from 'n8n-workflow';
import { runNode, NODE_UNDER_TEST } from '../helpers/runWorkflow';

/**
 * Operation, Input and Source choose what the node does with the items; Include Page State adds an item.
 * The panel offers only their choices, but an expression (or an edited workflow file) can give anything:
 * Operation ["kpiReport"] ran the KPI Report and "toString" stopped with 'operation.run is not a
 * function', Input "pageState" measured the items as customers, and Include Page State "false" as text
 * (truthy) added the state item. Such a value stops the run naming the parameter, the value and the choices.
 * Operation, Input and Source take no expression (noDataExpression): n8n 2.41 passes '={{ … }}' there as
 * the text itself, so their odd values are given as an edited workflow file would hold them.
 */
describe('Measure Care Impact, options parameters outside their choices', () => {
	const customers: IDataObject[] = [
		{ customerId: 'C1', impact: { group: 'treatment' }, converted: true },
		{ customerId: 'C2', impact: { group: 'holdout' }, converted: false },
	];
	const uplift = { operation: 'measureUplift', campaign: 'a', revenueColumn: '' };

	it.each([
		['Operation as a list', { operation: ['kpiReport'] }, /^Parameter "Operation" is "\["kpiReport"\]", which is not one of its choices \(expected "assignHoldout", "kpiReport", "measureUplift"\)/],
		['Operation as a member of every object', { operation: 'toString' }, /^Parameter "Operation" is "toString", which is not one of its choices/],
		['Operation as an object', { operation: { a: 1 } }, /^Parameter "Operation" is "\{"a":1\}", which is not one of its choices/],
		['Input', { ...uplift, input: 'pageState' }, /^Parameter "Input" is "pageState", which is not one of its choices \(expected "customers", "pageStates"\)/],
		['Source', { operation: 'kpiReport', source: 'order' }, /^Parameter "Source" is "order", which is not one of its choices \(expected "orders", "customers", "responses"\)/],
		[
			'Include Page State',
			{ ...uplift, upliftOptions: { includeState: '={{ "false" }}' } },
			/^Parameter "Options › Include Page State" is "false", which is not one of its choices \(expected true, false\)/,
		],
	])('%s', async (_name, parameters, message) => {
		const result = await runNode({ type: 'measureCareImpact', parameters, items: customers });
		expect(result.error?.message).toMatch(message);
	});

	it('the choices themselves work', async () => {
		const result = await runNode({ type: 'measureCareImpact', parameters: { ...uplift, input: 'customers', upliftOptions: { includeState: '={{ false }}' } }, items: customers });
		expect(result.error).toBeUndefined();
		expect(result.json(NODE_UNDER_TEST, 0).map((j) => j.kind)).toEqual(['uplift']);
	});
});
