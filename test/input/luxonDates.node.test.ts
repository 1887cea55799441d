import { DateTime } from 'luxon';
import type { IDataObject } from 'n8n-workflow';
import { setGeneratedItems } from '../helpers/testNodes';
import { NODE_UNDER_TEST, runNode } from '../helpers/runWorkflow';

/**
 * A luxon DateTime is a date: what n8n's `$now`, `$today` and `DateTime.fromISO(…)` give in an As Of
 * expression, and what a Code or Date & Time node upstream can put into an item (items reach the node as
 * objects, not through JSON). Before, each was refused as `is ""2024-…Z"", which is not a date`.
 */
async function run(parameters: IDataObject & { type: string }, items: IDataObject[], key: string) {
	setGeneratedItems(key, items);
	const { type, ...rest } = parameters;
	return runNode({ type, parameters: rest, items: [], generatedKey: key, onError: 'continueErrorOutput' });
}

const at = (iso: string) => DateTime.fromISO(iso, { zone: 'Asia/Shanghai' });

describe('luxon DateTime values as dates', () => {
	it.each([
		["={{ DateTime.fromISO('2024-06-01T00:00:00Z') }}", '2024-06-01T00:00:00+00:00'],
		["={{ DateTime.fromISO('2024-06-02T00:00:00Z').minus({ days: 1 }) }}", '2024-06-01T00:00:00+00:00'],
	])('As Of %s is read as that instant', async (asOf, expected) => {
		const result = await run(
			{ type: 'segmentCustomer', method: 'lifecycle', asOf },
			[{ customerId: 'A', firstPurchaseAt: '2023-01-01', lastPurchaseAt: '2024-01-01', orderCount: 3, totalSpend: 10 }],
			`asof-${asOf}`,
		);
		expect(result.json(NODE_UNDER_TEST, 2)).toEqual([]);
		expect(result.json(NODE_UNDER_TEST, 0).map((j) => (j.segment as IDataObject).asOf)).toEqual([expected]);
	});

	it('As Of {{ $now }} is now (Detect Churn Risk)', async () => {
		const before = Date.now();
		const churn = await run({ type: 'detectChurnRisk', method: 'rules', asOf: '={{ $now }}' }, [{ customerId: 'A', firstPurchaseAt: '2023-01-01', lastPurchaseAt: '2024-01-01', orderCount: 3 }], 'now-churn');
		expect(churn.json(NODE_UNDER_TEST, 3)).toEqual([]);
		const asOf = Date.parse(String(((churn.json(NODE_UNDER_TEST, 0)[0] ?? churn.json(NODE_UNDER_TEST, 1)[0]).churn as IDataObject).asOf));
		expect(asOf).toBeGreaterThanOrEqual(before - 1000);
		expect(asOf).toBeLessThanOrEqual(Date.now() + 1000);
	});

	it('Segment Customer reads DateTime purchase dates, per customer (RFM) and per transaction', async () => {
		const customers = await run(
			{ type: 'segmentCustomer', method: 'rfm', asOf: '2024-07-01T00:00:00Z' },
			[
				{ customerId: 'A', lastPurchaseAt: at('2024-06-30T08:00:00'), orderCount: 3, totalSpend: 30 },
				{ customerId: 'B', lastPurchaseAt: at('2024-01-01T08:00:00'), orderCount: 1, totalSpend: 5 },
			],
			'rfm',
		);
		expect(customers.json(NODE_UNDER_TEST, 2)).toEqual([]);
		expect(customers.json(NODE_UNDER_TEST, 0).map((j) => ((j.segment as IDataObject).values as IDataObject).recencyDays)).toEqual([1, 182]);

		const transactions = await run(
			{ type: 'segmentCustomer', method: 'valueTier', inputShape: 'transaction', asOf: '2024-07-01T00:00:00Z' },
			[
				{ customerId: 'A', orderDate: at('2024-06-30T08:00:00'), amount: 30 },
				{ customerId: 'A', orderDate: at('2024-05-01T08:00:00'), amount: 20 },
				{ customerId: 'B', orderDate: at('2024-01-01T08:00:00'), amount: 5 },
			],
			'transactions',
		);
		expect(transactions.json(NODE_UNDER_TEST, 2)).toEqual([]);
		expect(transactions.json(NODE_UNDER_TEST, 0).map((j) => [j.customerId, j.totalSpend, j.lastPurchaseAt])).toEqual([
			['A', 50, '2024-06-30T00:00:00+00:00'],
			['B', 5, '2024-01-01T00:00:00+00:00'],
		]);
	});

	it('Detect Churn Risk reads DateTime order dates', async () => {
		const result = await run(
			{ type: 'detectChurnRisk', method: 'rules', inputShape: 'transaction', asOf: '2024-07-01T00:00:00Z' },
			[
				{ customerId: 'A', orderDate: at('2024-06-30T08:00:00'), amount: 30 },
				{ customerId: 'A', orderDate: at('2024-05-01T08:00:00'), amount: 20 },
			],
			'churn-transactions',
		);
		expect(result.json(NODE_UNDER_TEST, 3)).toEqual([]);
		const scored = [...result.json(NODE_UNDER_TEST, 0), ...result.json(NODE_UNDER_TEST, 1)];
		expect(scored.map((j) => [j.orderCount, j.firstPurchaseAt])).toEqual([[2, '2024-05-01T00:00:00+00:00']]);
	});

	it('Score Satisfaction orders responses by DateTime dates and groups the report by a DateTime as by a Date', async () => {
		const result = await run(
			{ type: 'scoreSatisfaction', metrics: ['nps'], aggregatePerCustomer: true, groupByColumn: 'week' },
			[
				{ customerId: 'A', nps: 9, respondedAt: at('2024-06-02T08:00:00'), week: at('2024-06-03T00:00:00') },
				{ customerId: 'A', nps: 3, respondedAt: at('2024-06-01T08:00:00'), week: new Date('2024-06-02T16:00:00Z') },
			],
			'satisfaction',
		);
		expect(result.json(NODE_UNDER_TEST, 2)).toEqual([]);
		expect(result.json(NODE_UNDER_TEST, 0).map((j) => (j.satisfaction as { nps: IDataObject }).nps.score)).toEqual([9]);
		expect(result.json(NODE_UNDER_TEST, 1).filter((r) => r.scope !== 'overall').map((r) => [r.group, r.responses])).toEqual([['2024-06-02T16:00:00.000Z', 2]]);
	});

	it('an invalid DateTime is its item’s error, showing its value once quoted', async () => {
		const result = await run(
			{ type: 'segmentCustomer', method: 'rfm', asOf: '2024-07-01T00:00:00Z' },
			[
				{ customerId: 'A', lastPurchaseAt: DateTime.fromISO('2024-02-30'), orderCount: 3, totalSpend: 30 },
				{ customerId: 'B', lastPurchaseAt: DateTime.fromISO('1899-12-31T08:00:00', { zone: 'UTC' }), orderCount: 1, totalSpend: 5 },
			],
			'invalid',
		);
		expect(result.json(NODE_UNDER_TEST, 2).map((j) => j.error)).toEqual([
			expect.stringMatching(/^Item 0: field "lastPurchaseAt" is "Invalid DateTime", which is not a date \(expected a date from 1900-01-01/),
			expect.stringMatching(/^Item 1: field "lastPurchaseAt" is "1899-12-31T08:00:00.000Z", which is 1899-12-31T08:00:00.000Z, outside the plausible range/),
		]);
	});
});
