import { runNode, NODE_UNDER_TEST } from '../helpers/runWorkflow';

const asOf = '2024-07-01T00:00:00Z';

describe('SegmentCustomer node: value tier, lifecycle, custom rules, transactions', () => {
	it('assigns ABC tiers with rank and revenue share', async () => {
		const result = await runNode({
			type: 'segmentCustomer',
			parameters: { method: 'valueTier', asOf, tierAShare: 80, tierBShare: 95 },
			items: [
				{ customerId: 'a', totalSpend: 500 },
				{ customerId: 'b', totalSpend: '250' },
				{ customerId: 'c', totalSpend: 100 },
				{ customerId: 'd', totalSpend: 80 },
				{ customerId: 'e', totalSpend: 40 },
				{ customerId: 'f', totalSpend: 30 },
			],
		});
		const out = result.json(NODE_UNDER_TEST, 0);
		expect(out.map((o) => (o.segment as { key: string }).key)).toEqual(['A', 'A', 'A', 'B', 'B', 'C']);
		expect(out[3].segment).toMatchObject({ method: 'valueTier', rank: 4, revenue: 80, revenueShare: 0.08 });
		const summary = Object.fromEntries(result.json(NODE_UNDER_TEST, 1).map((s) => [s.key, s]));
		expect(summary.A).toMatchObject({ customers: 3, revenue: 850, revenueShare: 0.85, customerShare: 0.5 });
	});

	it('rejects impossible tier thresholds as a node error', async () => {
		const result = await runNode({
			type: 'segmentCustomer',
			parameters: { method: 'valueTier', asOf, tierAShare: 90, tierBShare: 80 },
			items: [{ customerId: 'a', totalSpend: 1 }],
		});
		expect(result.error?.message).toBe('Parameter "Tier A+B Revenue Share (%)" is 80, which is below Tier A Revenue Share (%) (90) (expected a percentage from Tier A Revenue Share (%) (90) to 100)');
	});

	it('stages the lifecycle, treating customers without purchases as prospects', async () => {
		const result = await runNode({
			type: 'segmentCustomer',
			parameters: { method: 'lifecycle', asOf, lifecycleMode: 'ownInterval' },
			items: [
				{ customerId: 'p', orderCount: 0 },
				{ customerId: 'n', orderCount: 1, firstPurchaseAt: '2024-06-20', lastPurchaseAt: '2024-06-20' },
				{ customerId: 'w', orderCount: 11, firstPurchaseAt: '2024-03-23', lastPurchaseAt: '2024-06-01' },
				{ customerId: 'y', orderCount: 3, firstPurchaseAt: '2021-12-12', lastPurchaseAt: '2023-12-12' },
			],
		});
		const out = result.json(NODE_UNDER_TEST, 0);
		expect(out.map((o) => (o.segment as { key: string }).key)).toEqual(['prospect', 'new', 'lost', 'active']);
		expect(out[2].segment).toMatchObject({ basis: 'ownInterval', usualIntervalDays: 7, daysSinceLast: 30, intervalsSinceLast: 4.29 });
	});

	it('labels by the first matching custom rule and routes rule errors per item', async () => {
		const result = await runNode({
			type: 'segmentCustomer',
			parameters: {
				method: 'customRules',
				asOf,
				rules: {
					rule: [
						{ field: 'profile.vip', operator: 'equals', value: 'yes', label: 'VIP' },
						{ field: 'points', operator: 'greaterThan', value: '1000', label: 'Loyal' },
					],
				},
				defaultLabel: 'Standard',
			},
			onError: 'continueErrorOutput',
			items: [
				{ customerId: 'a', profile: { vip: 'yes' }, points: 5 },
				{ customerId: 'b', points: 2000 },
				{ customerId: 'c', points: 10 },
				{ customerId: 'd', points: 'many' },
			],
		});
		expect(result.json(NODE_UNDER_TEST, 0).map((o) => (o.segment as { label: string }).label)).toEqual(['VIP', 'Loyal', 'Standard']);
		expect(result.json(NODE_UNDER_TEST, 0)[2].segment).toMatchObject({ matchedRule: null });
		expect(result.json(NODE_UNDER_TEST, 2)).toEqual([
			{ error: 'Item 3: field "points" is "many", which is not a number (expected a number)' },
		]);
	});

	// String() made ["gold"] "gold": a list matched "equals gold" as if it were the text.
	it.each(['equals', 'contains', 'startsWith', 'notEquals'])('refuses a list or an object in a field the text rule "%s" compares, per item', async (operator) => {
		const result = await runNode({
			type: 'segmentCustomer',
			parameters: { method: 'customRules', asOf, rules: { rule: [{ field: 'tier', operator, value: 'gold', label: 'Gold' }] } },
			onError: 'continueErrorOutput',
			items: [
				{ customerId: 'a', tier: 'gold' },
				{ customerId: 'b', tier: ['gold'] },
				{ customerId: 'c', tier: { name: 'gold' } },
			],
		});
		expect(result.json(NODE_UNDER_TEST, 0).map((o) => o.customerId)).toEqual(['a']);
		const rule = { equals: 'is equal to', contains: 'contains', startsWith: 'starts with', notEquals: 'is not equal to' }[operator];
		const refusal = (shown: string) => `field "tier" is ${shown}, which the rule "${rule}" cannot compare as text (expected text, a number or true/false)`;
		expect(result.json(NODE_UNDER_TEST, 2)).toEqual([{ error: `Item 1: ${refusal('"[\"gold\"]"')}` }, { error: `Item 2: ${refusal('"{\"name\":\"gold\"}"')}` }]);
	});

	it('aggregates one item per transaction into one item per customer, paired with all its transactions', async () => {
		const result = await runNode({
			type: 'segmentCustomer',
			parameters: { method: 'rfm', asOf, inputShape: 'transaction', collapseSameDay: true },
			items: [
				{ customerId: 'a', orderDate: '2024-06-01', amount: '¥100.00' },
				{ customerId: 'b', orderDate: '2023-06-01', amount: 20 },
				{ customerId: 'a', orderDate: '2024-06-30', amount: 50 },
				{ customerId: 'a', orderDate: '2024-06-30T18:00:00Z', amount: 25 },
			],
		});
		const out = result.items(NODE_UNDER_TEST, 0);
		expect(out.map((i) => i.json.customerId)).toEqual(['a', 'b']);
		expect(out[0].json).toMatchObject({
			orderCount: 2,
			totalSpend: 175,
			firstPurchaseAt: '2024-06-01T00:00:00+00:00',
			// The last order: collapsing same-day orders counts them as one purchase, it does not move the last purchase to the day's first order.
			lastPurchaseAt: '2024-06-30T18:00:00+00:00',
		});
		expect(out[0].pairedItem).toEqual([{ item: 0 }, { item: 2 }, { item: 3 }]);
		expect(out[1].pairedItem).toEqual({ item: 1 });
		expect(out[0].json.segment).toMatchObject({ code: '4-4-4' });
	});

	it('refuses to overwrite an existing field with its result', async () => {
		const result = await runNode({
			type: 'segmentCustomer',
			parameters: { method: 'valueTier', asOf, outputField: 'tier' },
			items: [{ customerId: 'a', totalSpend: 1, tier: 'gold' }],
		});
		expect(result.error?.message).toBe(
			'Item 0: field "tier" is "gold", which already exists in the item (expected a free output field: change "Output Field")',
		);
	});
});
