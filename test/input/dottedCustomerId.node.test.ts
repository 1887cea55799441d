import type { IDataObject } from 'n8n-workflow';
import { SEGMENT_PATHS } from '../../nodes/SegmentCustomer/execute';
import { NODE_UNDER_TEST, runNode } from '../helpers/runWorkflow';
import { valueAt } from '../helpers/oddItemValues';

/**
 * A dotted Customer ID Column ("customer.id") over one item per transaction: the node builds one item
 * per customer and writes the ID back where the transactions hold it, by the rule every column is read
 * with (nested first, then a key written with the dots): nested `{ customer: { id } }` when the orders
 * have it nested, so `$json.customer.id` reads it downstream; the key "customer.id" when they are a flat
 * export's rows. It was always written as the flat key, which `$json.customer.id` does not read.
 */
const asOf = '2026-02-01';

type Form = 'nested' | 'flat';
const order = (id: string, form: Form, day: number): IDataObject => ({
	...(form === 'nested' ? { customer: { id, name: `name of ${id}` } } : { 'customer.id': id }),
	orderDate: `2026-01-${String(day).padStart(2, '0')}`,
	amount: 10 * day,
});

/** Two customers, each in its own form (per customer: its first transaction's), three orders each. */
const orders = (forms: [Form, Form]) => [1, 2, 3, 4, 5, 6].map((day) => order(`C${day % 2}`, forms[day % 2], day));

/** Every node and path that builds customer items from transactions. */
const RUNS: Array<[string, string, IDataObject, () => () => void]> = [
	['Segment Customer, RFM (columnar)', 'segmentCustomer', { method: 'rfm' }, () => () => {}],
	['Segment Customer, lifecycle (columnar transactions)', 'segmentCustomer', { method: 'lifecycle' }, () => () => {}],
	[
		'Segment Customer, lifecycle (transactions summarised one by one)',
		'segmentCustomer',
		{ method: 'lifecycle' },
		() => {
			SEGMENT_PATHS.columnarTransactions = false;
			return () => (SEGMENT_PATHS.columnarTransactions = true);
		},
	],
	[
		'Segment Customer, RFM (general path)',
		'segmentCustomer',
		{ method: 'rfm' },
		() => {
			SEGMENT_PATHS.columnarTransactions = false;
			return () => (SEGMENT_PATHS.columnarTransactions = true);
		},
	],
	['Segment Customer, custom rules', 'segmentCustomer', { method: 'customRules', rules: { rule: [{ field: 'customer.id', operator: 'equals', value: 'C1', label: 'One' }] } }, () => () => {}],
	['Detect Churn Risk, rules', 'detectChurnRisk', { method: 'rules' }, () => () => {}],
];

async function customerItems(type: string, parameters: IDataObject, items: IDataObject[], setUp: () => () => void): Promise<IDataObject[]> {
	const restore = setUp();
	try {
		const result = await runNode({ type, parameters: { ...parameters, inputShape: 'transaction', customerIdColumn: 'customer.id', asOf }, items });
		expect(result.error).toBeUndefined();
		const scored = type === 'detectChurnRisk' ? [0, 1].flatMap((o) => result.json(NODE_UNDER_TEST, o)) : result.json(NODE_UNDER_TEST, 0);
		return [...scored].sort((a, b) => String(valueAt(a, 'customer.id')).localeCompare(String(valueAt(b, 'customer.id'))));
	} finally {
		restore();
	}
}

describe.each(RUNS)('%s, Customer ID Column "customer.id"', (_title, type, parameters, setUp) => {
	it('writes the ID nested when the transactions hold it nested', async () => {
		const customers = await customerItems(type, parameters, orders(['nested', 'nested']), setUp);
		expect(customers.map((c) => c.customer)).toEqual([{ id: 'C0' }, { id: 'C1' }]);
		expect(customers.filter((c) => 'customer.id' in c)).toEqual([]);
	});

	it('writes the key with the dots when the transactions are flat rows', async () => {
		const customers = await customerItems(type, parameters, orders(['flat', 'flat']), setUp);
		expect(customers.map((c) => c['customer.id'])).toEqual(['C0', 'C1']);
		expect(customers.filter((c) => 'customer' in c)).toEqual([]);
	});

	it('writes each customer as its own transactions hold the ID', async () => {
		const customers = await customerItems(type, parameters, orders(['flat', 'nested']), setUp);
		expect(customers.map((c) => [c['customer.id'], c.customer])).toEqual([
			['C0', undefined],
			[undefined, { id: 'C1' }],
		]);
	});
});

describe('one item per customer keeps the item as given', () => {
	it.each([
		['Segment Customer', 'segmentCustomer', { method: 'rfm' }],
		['Detect Churn Risk', 'detectChurnRisk', { method: 'rules', inputShape: 'customer' }],
	])('%s: a nested ID stays nested, a dotted key stays a dotted key', async (_title, type, parameters) => {
		const customer = (id: string, nested: boolean): IDataObject => ({
			...(nested ? { customer: { id } } : { 'customer.id': id }),
			firstPurchaseAt: '2026-01-01',
			lastPurchaseAt: '2026-01-05',
			orderCount: 2,
			totalSpend: 30,
		});
		const result = await runNode({ type, parameters: { ...parameters, customerIdColumn: 'customer.id', asOf }, items: [customer('C0', true), customer('C1', false)] });
		expect(result.error).toBeUndefined();
		const out = [0, 1].flatMap((o) => result.json(NODE_UNDER_TEST, o)).filter((j) => valueAt(j, 'customer.id') !== undefined);
		expect(out.map((j) => [j.customer, j['customer.id']]).sort((a, b) => String(a[1]).localeCompare(String(b[1])))).toEqual([
			[undefined, 'C1'],
			[{ id: 'C0' }, undefined],
		]);
	});
});
