import type { IDataObject } from 'n8n-workflow';
import { NODE_UNDER_TEST, runNode } from '../helpers/runWorkflow';

/**
 * Custom rule values are read as numbers the way every number of the package is (digits, a decimal
 * point, thousands separators, full-width digits; no exponent), not with JavaScript's Number(): a cleared
 * value is not 0, "0x10" is not 16, "0b11" is not 3, "1e1" is not 10, and a negative number of days is no threshold. Before, a numeric rule
 * with an empty value compared with 0 and labelled every customer with any points, "0x10" compared with
 * 16, and "equals 0x1A" matched 26.
 */
const asOf = '2024-07-01T00:00:00Z';
const customers: IDataObject[] = [
	{ customerId: 'a', points: 5, code: '0x1A', lastPurchaseAt: '2024-06-25' },
	{ customerId: 'b', points: 20, code: 26, lastPurchaseAt: '2024-01-01' },
];

async function segment(rule: IDataObject) {
	const result = await runNode({
		type: 'segmentCustomer',
		parameters: { method: 'customRules', asOf, rules: { rule: [{ label: 'Matched', ...rule }] }, defaultLabel: 'Other' },
		items: customers,
		onError: 'continueErrorOutput',
	});
	expect(result.error).toBeUndefined();
	return { labels: result.json(NODE_UNDER_TEST, 0).map((j) => (j.segment as IDataObject).label), errors: result.json(NODE_UNDER_TEST, 2).map((e) => e.error) };
}

describe('Custom rule values', () => {
	it.each([
		['greaterThan', '', 'Rule 1 compares with "", which is not a number (expected digits such as 30 or 1.5)'],
		['greaterThan', '  ', 'Rule 1 compares with "  ", which is not a number (expected digits such as 30 or 1.5)'],
		['lessThan', '0x10', 'Rule 1 compares with "0x10", which is not a number (expected digits such as 30 or 1.5)'],
		['greaterOrEqual', '0b11', 'Rule 1 compares with "0b11", which is not a number (expected digits such as 30 or 1.5)'],
		['greaterThan', '1e1', 'Rule 1 compares with "1e1", which is not a number (expected digits such as 30 or 1.5)'],
		['withinLastDays', '-30', 'Rule 1 counts -30 days, which is below 0 (expected a number of days of at least 0)'],
	])('%s with value %p stops the run naming the rule', async (operator, value, message) => {
		const field = operator === 'withinLastDays' ? 'lastPurchaseAt' : 'points';
		const result = await segment({ field, operator, value });
		expect(result.labels).toEqual([]);
		expect(result.errors).toEqual([message, message]);
	});

	it('reads numbers written with thousands separators or full-width digits', async () => {
		expect((await segment({ field: 'points', operator: 'greaterThan', value: '１０' })).labels).toEqual(['Other', 'Matched']);
		expect((await segment({ field: 'points', operator: 'lessOrEqual', value: ' 1,000 ' })).labels).toEqual(['Matched', 'Matched']);
		expect((await segment({ field: 'lastPurchaseAt', operator: 'withinLastDays', value: '30' })).labels).toEqual(['Matched', 'Other']);
	});

	it('compares "equals" as numbers only when both sides are numbers as the package reads them', async () => {
		expect((await segment({ field: 'code', operator: 'equals', value: '26' })).labels).toEqual(['Other', 'Matched']);
		expect((await segment({ field: 'code', operator: 'equals', value: '0x1A' })).labels).toEqual(['Matched', 'Other']);
		expect((await segment({ field: 'points', operator: 'equals', value: '20.0' })).labels).toEqual(['Other', 'Matched']);
	});
});
