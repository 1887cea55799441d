import type { IDataObject } from 'n8n-workflow';
import { setGeneratedItems } from '../helpers/testNodes';
import { NODE_UNDER_TEST, runNode } from '../helpers/runWorkflow';
import { startWebhookServer } from '../helpers/providers';
import { runCare } from '../SendCareMessage/helpers/run';

/**
 * A customer ID is a text or a finite number. NaN, Infinity or a yes/no value from a node upstream is
 * that item's error naming the column, in every node that reads customer IDs: it never becomes a
 * customer "NaN" that joins every such item, nor reaches an output as NaN.
 */
const badIds: Array<[string, number]> = [
	['NaN', Number.NaN],
	['Infinity', Number.POSITIVE_INFINITY],
	['-Infinity', Number.NEGATIVE_INFINITY],
];

let run = 0;
async function runWith(type: string, parameters: IDataObject, items: IDataObject[]) {
	const key = `customer-ids-${run++}`;
	setGeneratedItems(key, items);
	const result = await runNode({ type, parameters, items: [], generatedKey: key, onError: 'continueErrorOutput' });
	expect(result.error).toBeUndefined();
	return result;
}

const rejected = (errors: IDataObject[]) => errors.map((e) => String(e.error));

describe.each(badIds)('a customer ID of %s', (name, id) => {
	const expected = (item: number) => `Item ${item}: field "customerId" is ${name}, which is not a finite number (expected a customer ID (text or number))`;

	it('is an item error in Segment Customer, one item per customer', async () => {
		const items = [0, 1, 2].map((i) => ({ customerId: i === 1 ? id : `C${i}`, lastPurchaseAt: '2026-01-0' + (i + 1), orderCount: i + 1, totalSpend: 10 * (i + 1) }));
		const result = await runWith('segmentCustomer', { method: 'rfm', asOf: '2026-02-01' }, items);
		expect(rejected(result.json(NODE_UNDER_TEST, 2))).toEqual([expected(1)]);
		expect(result.json(NODE_UNDER_TEST, 0).map((c) => c.customerId)).toEqual(['C0', 'C2']);
	});

	it('is an item error in Segment Customer, one item per transaction', async () => {
		const items = [0, 1, 2, 3].map((i) => ({ customerId: i % 2 ? id : 'C0', orderDate: `2026-01-0${i + 1}`, amount: 5 }));
		const result = await runWith('segmentCustomer', { method: 'rfm', inputShape: 'transaction', asOf: '2026-02-01' }, items);
		expect(rejected(result.json(NODE_UNDER_TEST, 2))).toEqual([expected(1), expected(3)]);
		expect(result.json(NODE_UNDER_TEST, 0).map((c) => c.customerId)).toEqual(['C0']);
	});

	it('is an item error in Detect Churn Risk, one item per transaction', async () => {
		const items = [0, 1, 2, 3].map((i) => ({ customerId: i % 2 ? id : 'C0', orderDate: `2026-01-0${i + 1}`, amount: 5 }));
		const result = await runWith('detectChurnRisk', { method: 'rules', inputShape: 'transaction', asOf: '2026-02-01' }, items);
		expect(rejected(result.json(NODE_UNDER_TEST, 3))).toEqual([expected(1), expected(3)]);
		const scored = [...result.json(NODE_UNDER_TEST, 0), ...result.json(NODE_UNDER_TEST, 1)];
		expect(scored.map((c) => c.customerId)).toEqual(['C0']);
	});

	it('is an item error in Score Satisfaction, aggregating per customer', async () => {
		const items = [0, 1, 2].map((i) => ({ customerId: i === 1 ? id : 'C0', respondedAt: `2026-01-0${i + 1}`, nps: 9 }));
		const result = await runWith('scoreSatisfaction', { metrics: ['nps'], aggregatePerCustomer: true }, items);
		expect(rejected(result.json(NODE_UNDER_TEST, 2))).toEqual([expected(1)]);
		expect(result.json(NODE_UNDER_TEST, 0).map((c) => c.customerId)).toEqual(['C0']);
		expect(result.json(NODE_UNDER_TEST, 1)[0]).toMatchObject({ responses: 2, rejectedItems: 1 });
	});
});

describe.each(badIds)('a customer ID of %s', (name, id) => {
	const expected = (item: number) => `Item ${item}: field "customerId" is ${name}, which is not a finite number (expected a customer ID (text or number))`;

	it('is an item error in Schedule Revisit, which would plan a customer "NaN"', async () => {
		const items = [0, 1, 2, 3].map((i) => ({ customerId: i % 2 ? id : `C${i}` }));
		const parameters = { operation: 'scheduleRevisit', asOf: '2025-09-29T10:00:00+08:00', timeZone: 'Asia/Shanghai', owners: { owner: [{ id: 'alice', dailyCapacity: 8 }] } };
		const result = await runWith('scheduleRevisit', parameters, items);
		expect(rejected(result.json(NODE_UNDER_TEST, 2))).toEqual([expected(1), expected(3)]);
		expect(result.json(NODE_UNDER_TEST, 0).map((c) => c.customerId)).toEqual(['C0', 'C2']);
	});

	it('is an item error in Send Care Message, whose key would join every such item into one', async () => {
		const server = await startWebhookServer();
		try {
			const items = [0, 1, 2, 3].map((i) => ({ customerId: i % 2 ? id : `C${i}`, name: `N${i}`, orderId: `O${i}`, consent: 'yes', timeZone: 'Asia/Shanghai' }));
			const key = `customer-ids-${run++}`;
			setGeneratedItems(key, items);
			const care = await runCare(server, [], {}, { generatedKey: key, onError: 'continueErrorOutput' });
			expect(care.result.error).toBeUndefined();
			expect(care.sent.map((c) => c.customerId)).toEqual(['C0', 'C2']);
			expect([care.skipped, care.failed]).toEqual([[], []]);
			// The error output, after Sent, Skipped and Failed.
			expect(rejected(care.result.json(NODE_UNDER_TEST, 3))).toEqual([expected(1), expected(3)]);
			expect(server.deliveries).toHaveLength(2);
		} finally {
			await server.close();
		}
	});
});

describe('Score Satisfaction, aggregating per customer', () => {
	it.each([true, false])('rejects a customer ID of %p like the other nodes', async (id) => {
		const items = [0, 1].map((i) => ({ customerId: i === 1 ? id : 'C0', respondedAt: `2026-01-0${i + 1}`, nps: 9 }));
		const result = await runWith('scoreSatisfaction', { metrics: ['nps'], aggregatePerCustomer: true }, items);
		expect(rejected(result.json(NODE_UNDER_TEST, 2))).toEqual([`Item 1: field "customerId" is ${id}, which is not a text or number (expected a customer ID (text or number))`]);
	});
});
