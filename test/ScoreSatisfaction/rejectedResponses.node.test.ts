import type { IDataObject } from 'n8n-workflow';
import { setGeneratedItems } from '../helpers/testNodes';
import { NODE_UNDER_TEST, runNode } from '../helpers/runWorkflow';

/**
 * A response rejected for any of its fields counts nowhere: not in its customer's aggregate, not in the
 * report; its error names the item, the field and the value; the report's counts add up.
 * The bad values come from a node upstream (Code, a database) as real objects, not through JSON.
 */
const circular: Record<string, unknown> = { name: 'loop' };
circular.self = circular;
const badGroups: Array<[string, unknown, RegExp]> = [
	['an invalid Date', new Date('not a date'), /field "store" is "Invalid Date", which is an invalid date/],
	['not a number', Number.NaN, /field "store" is NaN, which is not a finite number/],
	['a circular object', circular, /field "store" is .*, which is an object, not one value/],
];

async function run(key: string, items: IDataObject[], aggregatePerCustomer: boolean) {
	setGeneratedItems(key, items);
	return runNode({
		type: 'scoreSatisfaction',
		parameters: { metrics: ['nps'], groupByColumn: 'store', aggregatePerCustomer },
		items: [],
		generatedKey: key,
		onError: 'continueErrorOutput',
	});
}

describe.each(badGroups)('Score Satisfaction with a group-by value that is %s', (name, store, message) => {
	const items = (): IDataObject[] => [
		{ customerId: 'C1', respondedAt: '2026-01-01', nps: 9, store: 'SH' },
		{ customerId: 'C1', respondedAt: '2026-01-03', nps: 3, store: store as IDataObject },
		{ customerId: 'C2', respondedAt: '2026-01-02', nps: 6, store: 'BJ' },
	];

	it('keeps the rejected response out of the customer aggregate and the report', async () => {
		const result = await run(`agg-${name}`, items(), true);
		expect(result.error).toBeUndefined();
		const customers = result.json(NODE_UNDER_TEST, 0);
		const c1 = customers.find((c) => c.customerId === 'C1')!.satisfaction as IDataObject;
		expect(c1).toMatchObject({ responses: 1, nps: { score: 9 } });
		const errors = result.json(NODE_UNDER_TEST, 2);
		expect(errors).toHaveLength(1);
		expect(errors[0].error).toMatch(/^Item 1: /);
		expect(errors[0].error).toMatch(message);
		const overall = result.json(NODE_UNDER_TEST, 1).find((r) => r.scope === 'overall')!;
		expect(overall).toMatchObject({ responses: 2, rejectedItems: 1 });
		expect(customers.map((c) => c.customerId)).toEqual(['C1', 'C2']);
	});

	it('keeps the rejected response out of the report when scoring each response', async () => {
		const result = await run(`each-${name}`, items(), false);
		const scored = result.json(NODE_UNDER_TEST, 0);
		expect(scored.map((r) => r.nps)).toEqual([9, 6]);
		const errors = result.json(NODE_UNDER_TEST, 2);
		expect(errors.map((e) => e.error)).toEqual([expect.stringMatching(message)]);
		const rows = result.json(NODE_UNDER_TEST, 1);
		expect(rows.find((r) => r.scope === 'overall')).toMatchObject({ responses: 2, rejectedItems: 1 });
		expect(rows.filter((r) => r.scope !== 'overall').map((r) => r.group).sort()).toEqual(['BJ', 'SH']);
	});
});
