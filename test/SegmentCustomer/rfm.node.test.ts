import { runNode, NODE_UNDER_TEST } from '../helpers/runWorkflow';

const asOf = '2024-07-01T00:00:00Z';
const customer = (id: string, last: string, orders: number, spend: number | string) => ({
	customerId: id,
	lastPurchaseAt: last,
	orderCount: orders,
	totalSpend: spend,
	name: `Customer ${id}`,
});

describe('Segment Customer node (RFM) in the real engine', () => {
	it('scores, names and summarises customers, keeping input fields', async () => {
		const result = await runNode({
			type: 'segmentCustomer',
			parameters: { method: 'rfm', rfmBins: 5, asOf },
			items: [
				customer('a', '2024-06-30', 20, 5000), // most recent, most frequent
				customer('b', '2024-06-20', 12, '¥3,000.00'),
				customer('c', '2024-04-01', 6, 900),
				customer('d', '2023-12-01', 3, 200),
				customer('e', '2023-01-01', 1, 50), // oldest, least
			],
		});
		expect(result.error).toBeUndefined();
		const out = result.json(NODE_UNDER_TEST, 0);
		expect(out.map((o) => o.customerId)).toEqual(['a', 'b', 'c', 'd', 'e']);
		expect(out[0].name).toBe('Customer a');
		// Five distinct values in five bins: scores 5..1 in order.
		expect(out.map((o) => (o.segment as { code: string }).code)).toEqual(['5-5-5', '4-4-4', '3-3-3', '2-2-2', '1-1-1']);
		expect(out.map((o) => (o.segment as { key: string }).key)).toEqual([
			'champions',
			'loyalCustomers',
			'needAttention',
			'hibernating',
			'hibernating',
		]);
		expect(out[1].segment).toMatchObject({
			label: 'Loyal Customers',
			method: 'rfm',
			values: { recencyDays: 11, frequency: 12, monetary: 3000 },
			asOf: '2024-07-01T00:00:00+00:00',
		});
		const items = result.items(NODE_UNDER_TEST, 0);
		expect(items.map((i) => i.pairedItem)).toEqual([0, 1, 2, 3, 4].map((item) => ({ item })));

		const summary = result.json(NODE_UNDER_TEST, 1);
		const hibernating = summary.find((s) => s.key === 'hibernating')!;
		expect(hibernating).toMatchObject({ customers: 2, customerShare: 0.4, revenue: 250, meanFrequency: 2 });
		expect(summary.reduce((n, s) => n + (s.customers as number), 0)).toBe(5);
		expect(summary.reduce((n, s) => n + (s.revenueShare as number), 0)).toBeCloseTo(1, 12);
	});

	it('gives equal values equal scores', async () => {
		const result = await runNode({
			type: 'segmentCustomer',
			parameters: { method: 'rfm', asOf },
			items: [customer('a', '2024-06-01', 2, 100), customer('b', '2024-06-01', 2, 100), customer('c', '2024-01-01', 9, 900)],
		});
		const [a, b] = result.json(NODE_UNDER_TEST, 0);
		expect(a.segment).toMatchObject({ code: (b.segment as { code: string }).code });
	});

	it('writes zh-CN labels with English keys', async () => {
		const result = await runNode({
			type: 'segmentCustomer',
			parameters: { method: 'rfm', asOf, language: 'zh-CN' },
			items: [customer('a', '2024-06-30', 20, 5000), customer('e', '2023-01-01', 1, 50)],
		});
		const [a, e] = result.json(NODE_UNDER_TEST, 0);
		// Two customers in five bins score 4 and 2 (mid-rank percentiles 0.75 and 0.25).
		expect(a.segment).toMatchObject({ key: 'loyalCustomers', label: '忠诚客户', code: '4-4-4' });
		expect(e.segment).toMatchObject({ key: 'hibernating', label: '沉睡客户' });
	});

	it('stops on the first bad item with a clear message when not continuing on fail', async () => {
		const result = await runNode({
			type: 'segmentCustomer',
			parameters: { method: 'rfm', asOf },
			items: [customer('a', '2024-06-30', 2, 10), customer('b', '31/02/2024', 2, 10)],
		});
		expect(result.error?.message).toBe(
			'Item 1: field "lastPurchaseAt" is "31/02/2024", which is not a date (expected a date from 1900-01-01 to 2199-12-31 (ISO 8601, YYYY-MM-DD, YYYY/MM/DD, YYYYMMDD or epoch seconds/milliseconds))',
		);
	});

	it('routes bad items to the error output and counts them as rejected under continue-on-fail', async () => {
		const result = await runNode({
			type: 'segmentCustomer',
			parameters: { method: 'rfm', asOf },
			onError: 'continueErrorOutput',
			items: [
				customer('a', '2024-06-30', 2, 10),
				customer('', '2024-06-30', 2, 10),
				customer('c', '2024-08-01', 2, 10),
				customer('d', '2024-06-01', 2, -5),
				customer('e', '2024-06-01', 2, 'abc'),
			],
		});
		expect(result.error).toBeUndefined();
		expect(result.json(NODE_UNDER_TEST, 0).map((o) => o.customerId)).toEqual(['a']);
		const errors = result.json(NODE_UNDER_TEST, 2);
		expect(errors).toHaveLength(4);
		expect(errors.map((e) => e.error)).toEqual([
			'Item 1: field "customerId" is "", which is empty (expected a customer ID (text or number))',
			'Item 2: field "lastPurchaseAt" is "2024-08-01", which lies after the as-of date 2024-07-01T00:00:00.000Z (expected a date on or before 2024-07-01T00:00:00.000Z)',
			'Item 3: field "totalSpend" is -5, which is below 0 (expected an amount of at least 0, like 1234.50, "1,234.50" or "¥1,234.50")',
			'Item 4: field "totalSpend" is "abc", which is not an amount of money (expected an amount of at least 0, like 1234.50, "1,234.50" or "¥1,234.50")',
		]);
		expect(result.items(NODE_UNDER_TEST, 2).map((i) => i.pairedItem)).toEqual([1, 2, 3, 4].map((item) => ({ item })));
		const summary = result.json(NODE_UNDER_TEST, 1);
		expect(summary.find((s) => s.key === 'rejected')).toMatchObject({ rejectedItems: 4 });
	});

	it('handles zero valid customers: no customer items, only the rejected count in the summary', async () => {
		const result = await runNode({
			type: 'segmentCustomer',
			parameters: { method: 'rfm', asOf, inputShape: 'transaction' },
			onError: 'continueErrorOutput',
			items: [{ customerId: 'a', orderDate: 'yesterday', amount: 5 }],
		});
		expect(result.error).toBeUndefined();
		expect(result.json(NODE_UNDER_TEST, 0)).toEqual([]);
		expect(result.json(NODE_UNDER_TEST, 1)).toEqual([
			{ key: 'rejected', label: 'Rejected input items', rejectedItems: 1, method: 'rfm', asOf: '2024-07-01T00:00:00+00:00' },
		]);
		expect(result.json(NODE_UNDER_TEST, 2)).toHaveLength(1);
	});
});
