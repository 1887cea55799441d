import { NODE_UNDER_TEST, runNode } from '../helpers/runWorkflow';

/**
 * A whole-number customer ID beyond 2^53 − 1 has lost digits before it reaches the node (JSON numbers are
 * doubles): 64-bit IDs 1420000000000000001 and 1420000000000000002 both arrive as 1420000000000000000.
 * Before, such customers were joined into one (their orders summed, one result for both) under an ID
 * that matches neither row. Each such item is now its own error naming the field, the value and what to
 * send instead; the same IDs as text are read as they are.
 */
const asOf = '2026-01-01T00:00:00Z';
const unsafe = [1420000000000000001, 1420000000000000002, -9007199254740993];
const good = { firstPurchaseAt: '2025-01-01', lastPurchaseAt: '2025-12-01', orderCount: 3, totalSpend: 300, orderDate: '2025-12-01', amount: 5, respondedAt: '2025-12-01', nps: 9 };

describe('customer IDs given as numbers beyond 2^53 − 1', () => {
	it.each([
		['segmentCustomer', { method: 'rfm', asOf }, 2],
		['segmentCustomer', { method: 'rfm', inputShape: 'transaction', asOf }, 2],
		['segmentCustomer', { method: 'lifecycle', asOf }, 2],
		['detectChurnRisk', { method: 'rules', inputShape: 'customer', asOf }, 3],
		['scoreSatisfaction', { metrics: ['nps'], aggregatePerCustomer: true }, 2],
	])('%s (%j): each is its own item error; the safe and the text IDs are read', async (type, parameters, errorOutput) => {
		const items = [
			{ ...good, customerId: 9007199254740991 },
			...unsafe.map((customerId) => ({ ...good, customerId })),
			{ ...good, customerId: '1420000000000000001' },
			{ ...good, customerId: '1420000000000000002' },
		];
		const result = await runNode({ type, parameters, items, onError: 'continueErrorOutput' });
		expect(result.error).toBeUndefined();
		const errors = result.json(NODE_UNDER_TEST, errorOutput).map((e) => e.error as string);
		expect(errors).toEqual(
			unsafe.map((value, i) =>
				expect.stringMatching(new RegExp(`^Item ${i + 1}: field "customerId" is ${String(value)}, which is a number beyond 9007199254740991, .*\\(expected IDs this long as text`)),
			),
		);
		const ids = new Set<unknown>();
		for (let output = 0; output < errorOutput; output++) for (const json of result.json(NODE_UNDER_TEST, output)) if (json.customerId !== undefined) ids.add(json.customerId);
		expect([...ids].map(String).sort()).toEqual(['1420000000000000001', '1420000000000000002', '9007199254740991']);
	});

	it('Schedule Revisit: the item is its own error', async () => {
		const result = await runNode({
			type: 'scheduleRevisit',
			parameters: {
				asOf,
				cadenceRules: { rule: [{ name: 'Critical churn', field: 'churn.level', operator: 'is', value: 'critical', interval: 1, unit: 'businessDays', priority: 'urgent', channel: 'call', reason: '' }] },
				owners: { owner: [{ id: 'alice', dailyCapacity: 5 }] },
			},
			items: [{ customerId: 1420000000000000001, churn: { level: 'critical' } }, { customerId: 'C2', churn: { level: 'critical' } }],
			onError: 'continueRegularOutput',
		});
		expect(result.error).toBeUndefined();
		const out = result.json(NODE_UNDER_TEST, 0);
		expect(out.map((j) => j.customerId ?? 'error')).toEqual(['error', 'C2']);
		expect(String(out[0].error)).toMatch(/^Item 0: field "customerId" is 1420000000000000000, which is a number beyond 9007199254740991/);
	});
});
