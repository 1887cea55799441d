import type { IDataObject } from 'n8n-workflow';
import { NODE_UNDER_TEST, runNode } from '../helpers/runWorkflow';

/**
 * Items whose JSON has a "__proto__" key (JSON.parse makes it an own field, as data from a database or
 * an HTTP API can have) keep it as a plain field through every node, and their copies keep the plain
 * prototype: copying with Object.assign would have run the prototype setter instead.
 */
const withProtoKey = (json: IDataObject): IDataObject => JSON.parse(JSON.stringify({ ...json }).replace(/^\{/, '{"__proto__": {"polluted": true}, '));

function expectPlainWithKey(items: IDataObject[], field: string) {
	expect(items.length).toBeGreaterThan(0);
	for (const json of items) {
		expect(Object.getPrototypeOf(json)).toBe(Object.prototype);
		expect(Object.getOwnPropertyDescriptor(json, '__proto__')?.value).toEqual({ polluted: true });
		expect((json as { polluted?: unknown }).polluted).toBeUndefined();
		expect(json[field]).toBeDefined();
	}
}

const customers = [
	{ customerId: 'C1', firstPurchaseAt: '2023-01-10', lastPurchaseAt: '2024-06-01', orderCount: 5, totalSpend: 500 },
	{ customerId: 'C2', firstPurchaseAt: '2024-01-15', lastPurchaseAt: '2024-01-15', orderCount: 1, totalSpend: 40 },
	{ customerId: 'C3', firstPurchaseAt: '2023-06-01', lastPurchaseAt: '2023-11-20', orderCount: 2, totalSpend: 90 },
].map(withProtoKey);

describe('items with a "__proto__" key', () => {
	it.each(['rfm', 'valueTier'])('Segment Customer (%s) keeps it as a field', async (method) => {
		const result = await runNode({ type: 'segmentCustomer', parameters: { method, asOf: '2024-07-01T00:00:00Z' }, items: customers });
		expect(result.error).toBeUndefined();
		expectPlainWithKey(result.json(NODE_UNDER_TEST), 'segment');
	});

	it('Detect Churn Risk keeps it as a field', async () => {
		const result = await runNode({ type: 'detectChurnRisk', parameters: { method: 'rules', asOf: '2024-07-01T00:00:00Z' }, items: customers });
		expect(result.error).toBeUndefined();
		expectPlainWithKey([...result.json(NODE_UNDER_TEST, 0), ...result.json(NODE_UNDER_TEST, 1)], 'churn');
	});

	it('Score Satisfaction keeps it as a field', async () => {
		const result = await runNode({ type: 'scoreSatisfaction', parameters: { metrics: ['nps'] }, items: [{ nps: 9 }, { nps: 3 }].map(withProtoKey) });
		expect(result.error).toBeUndefined();
		expectPlainWithKey(result.json(NODE_UNDER_TEST), 'satisfaction');
	});

	it('Schedule Revisit (both operations) keeps it as a field', async () => {
		const items = [{ customerId: 'C1', birthday: '1990-07-05' }, { customerId: 'C2', birthday: '1985-12-01' }].map(withProtoKey);
		const asOf = '2025-07-01T10:00:00+08:00';
		const schedule = await runNode({
			type: 'scheduleRevisit',
			timezone: 'Asia/Shanghai',
			parameters: { operation: 'scheduleRevisit', asOf, owners: { owner: [{ id: 'ann', dailyCapacity: 5 }] } },
			items,
		});
		expect(schedule.error).toBeUndefined();
		expectPlainWithKey(schedule.json(NODE_UNDER_TEST), 'revisit');
		const occasions = await runNode({ type: 'scheduleRevisit', timezone: 'Asia/Shanghai', parameters: { operation: 'findOccasions', asOf }, items });
		expect(occasions.error).toBeUndefined();
		expectPlainWithKey(occasions.json(NODE_UNDER_TEST), 'revisit');
	});
});
