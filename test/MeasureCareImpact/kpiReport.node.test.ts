import type { IDataObject } from 'n8n-workflow';
import { MeasureCareImpact } from '../../nodes/MeasureCareImpact/MeasureCareImpact.node';
import { runNode, NODE_UNDER_TEST } from '../helpers/runWorkflow';

const report = (items: IDataObject[], parameters: IDataObject, onError?: 'continueErrorOutput') =>
	runNode({ type: 'measureCareImpact', parameters: { operation: 'kpiReport', asOf: '2024-05-10T12:00:00+08:00', months: 3, ...parameters }, items, onError, timezone: 'Asia/Shanghai' });

// Months in Shanghai: 2024-01 is history; the report months are 2024-02, 2024-03, 2024-04 (May is the as-of month).
const ORDERS: IDataObject[] = [
	{ customerId: 'a', orderDate: '2024-01-15', amount: 100 },
	{ customerId: 'a', orderDate: '2024-02-03', amount: 50 },
	{ customerId: 'a', orderDate: '2024-03-31T23:30:00+08:00', amount: 70 }, // 15:30 UTC: still March in Shanghai
	{ customerId: 'b', orderDate: '2024-02-10', amount: '¥30.50' },
	{ customerId: 'b', orderDate: '2024-02-20', amount: 19.5 },
	{ customerId: 'c', orderDate: '2024-03-01T00:10:00+08:00', amount: 200 }, // 29 Feb 16:10 UTC: March in Shanghai
	{ customerId: 'c', orderDate: '2024-04-02', amount: 80 },
	{ customerId: 'd', orderDate: '2024-04-20', amount: 40 },
	{ customerId: 'a', orderDate: '2024-05-02', amount: 10 }, // the as-of month: history for nobody, counted in totals only
];

describe('Measure Care Impact: KPI Report in the engine', () => {
	it('reports each month from orders as worked out by hand, with changes, a cohort table and totals', async () => {
		const result = await report(ORDERS, { source: 'orders' });
		const rows = result.json(NODE_UNDER_TEST, 0);
		const periods = rows.filter((r) => r.kind === 'period');
		// Feb: buyers a, b (b new; a returning from Jan); orders 3, revenue 100; Jan buyers {a}, retained a -> 100%.
		expect(periods[0]).toMatchObject({ period: '2024-02', activeCustomers: 2, newCustomers: 1, returningCustomers: 1, orders: 3, revenue: 100, averageOrderValue: 33.33, repeatPurchaseRate: 0.5, retentionRate: 1, churnRate: 0 });
		expect(periods[0].change).toMatchObject({ activeCustomers: 1, orders: 2, revenue: 0, retentionRate: null });
		// Mar: buyers a, c (c new); previous {a, b}: retained a -> 50%.
		expect(periods[1]).toMatchObject({ period: '2024-03', activeCustomers: 2, newCustomers: 1, orders: 2, revenue: 270, averageOrderValue: 135, repeatPurchaseRate: 0.5, retentionRate: 0.5, churnRate: 0.5 });
		expect(periods[1].change).toMatchObject({ retentionRate: -0.5, revenue: 170 });
		// Apr: buyers c, d (d new); previous {a, c}: retained c -> 50%.
		expect(periods[2]).toMatchObject({ period: '2024-04', activeCustomers: 2, newCustomers: 1, orders: 2, revenue: 120, retentionRate: 0.5 });
		expect(periods[0].summary).toBe('2024-02: 2 buyers (1 new), 3 orders, revenue 100.00, average order 33.33; repeat buyers 50.0%, retention 100.0%, churn 0.0%.');
		const cohorts = rows.filter((r) => r.kind === 'cohort');
		expect(cohorts.map(({ cohort, customers, retention }) => ({ cohort, customers, retention }))).toEqual([
			{ cohort: '2024-02', customers: 1, retention: [1, 0, 0] },
			{ cohort: '2024-03', customers: 1, retention: [1, 1] },
			{ cohort: '2024-04', customers: 1, retention: [1] },
		]);
		expect(rows.find((r) => r.kind === 'total')).toMatchObject({ customers: 4, orders: 9, revenue: 600, averageOrderValue: 66.67, repeatCustomerRate: 0.75 });
		// Pairing: a month pairs with its orders, a cohort with its customers' orders, the totals with every order.
		const items = result.items(NODE_UNDER_TEST, 0);
		expect(items[0].pairedItem).toEqual([{ item: 1 }, { item: 3 }, { item: 4 }]);
		expect(items.find((i) => i.json.cohort === '2024-03')!.pairedItem).toEqual([{ item: 5 }, { item: 6 }]);
		expect((items[items.length - 1].pairedItem as unknown[]).length).toBe(9);
	});

	it('writes the month summaries in Chinese', async () => {
		const rows = (await report(ORDERS, { source: 'orders', language: 'zh-CN' })).json(NODE_UNDER_TEST, 0);
		expect(rows[1].summary).toBe('2024-03：购买客户 2 人（新客 1 人），订单 2 笔，收入 270.00，客单价 135.00；复购客户占比 50.0%，留存率 50.0%（−50.0 个百分点），流失率 50.0%。');
	});

	it('rejects bad orders one by one and reports the rest; an order after the as-of is an error, not silently dropped', async () => {
		const items = [...ORDERS, { customerId: 'e', orderDate: '2024-13-01', amount: 5 }, { customerId: '', orderDate: '2024-02-01', amount: 5 }, { customerId: 'f', orderDate: '2024-06-01', amount: 5 }, { customerId: 'g', orderDate: '2024-02-01', amount: 'free' }];
		const stopped = await report(items, { source: 'orders' });
		expect(stopped.error?.message).toMatch(/^Item 9: field "orderDate" is "2024-13-01", which is not a date/);
		const routed = await report(items, { source: 'orders' }, 'continueErrorOutput');
		const errors = routed.json(NODE_UNDER_TEST, 1).map((e) => e.error as string);
		expect(errors).toHaveLength(4);
		expect(errors[1]).toBe('Item 10: field "customerId" is "", which is empty (expected a customer ID (text or number))');
		expect(errors[2]).toMatch(/^Item 11: field "orderDate" is "2024-06-01", which lies after the as-of date/);
		expect(errors[3]).toMatch(/^Item 12: field "amount" is "free", which is not an amount of money/);
		expect(routed.json(NODE_UNDER_TEST, 0).find((r) => r.kind === 'total')).toMatchObject({ orders: 9 });
	});

	it('summarises Detect Churn Risk results: expected churn, at-risk share and CLV, per group', async () => {
		const customers = [
			{ segment: { key: 'vip' }, churn: { churnProbability: 0.1, expectedValue: 1000, riskLevel: 'low' } },
			{ segment: { key: 'vip' }, churn: { churnProbability: 0.7, expectedValue: 300, riskLevel: 'high' } },
			{ segment: { key: 'new' }, churn: { churnProbability: 0.4, expectedValue: 50, riskLevel: 'medium' } },
			{ segment: { key: 'new' }, churn: { churnProbability: 0.9, riskLevel: 'critical' } },
		];
		const rows = (await report(customers, { source: 'customers', groupByColumn: 'segment.key' })).json(NODE_UNDER_TEST, 0);
		expect(rows).toEqual([
			{ kind: 'customers', group: null, customers: 4, expectedChurnRate: 0.525, expectedRetentionRate: 0.475, atRiskCustomers: 2, atRiskShare: 0.5, clvTotal: 1350, clvMean: 450, clvAtRisk: 300 },
			{ kind: 'customers', group: 'new', customers: 2, expectedChurnRate: 0.65, expectedRetentionRate: 0.35, atRiskCustomers: 1, atRiskShare: 0.5, clvTotal: 50, clvMean: 50, clvAtRisk: 0 },
			{ kind: 'customers', group: 'vip', customers: 2, expectedChurnRate: 0.4, expectedRetentionRate: 0.6, atRiskCustomers: 1, atRiskShare: 0.5, clvTotal: 1300, clvMean: 650, clvAtRisk: 300 },
		]);
		const bad = await report([{ churn: { churnProbability: 1.2, riskLevel: 'low' } }], { source: 'customers' });
		expect(bad.error?.message).toBe('Item 0: field "churn.churnProbability" is 1.2, which is above 1 (expected a number from 0 to 1)');
	});

	// The customers' report counts no months and writes no sentences, so the panel hides As Of and Language
	// there; a Language left over from another source (or an expression's "xx") no longer stops it.
	it('reads neither As Of nor Language for Customers With Churn Results, which hides both', async () => {
		const customers = [{ churn: { churnProbability: 0.2, riskLevel: 'high' } }, { churn: { churnProbability: 0.6, riskLevel: 'low' } }];
		const plain = await report(customers, { source: 'customers' });
		const odd = await report(customers, { source: 'customers', asOf: 'not a date', language: '={{ "xx" }}' });
		expect(odd.error).toBeUndefined();
		expect(odd.json(NODE_UNDER_TEST, 0)).toEqual(plain.json(NODE_UNDER_TEST, 0));
		const { properties } = new MeasureCareImpact().description;
		for (const name of ['asOf', 'language']) expect(properties.find((p) => p.name === name)?.displayOptions?.hide).toEqual({ source: ['customers'] });
	});

	it('gives the NPS of each month and its change from survey answers', async () => {
		const answers = [
			{ respondedAt: '2024-01-20', nps: 10 },
			{ respondedAt: '2024-01-21', nps: 3 },
			{ respondedAt: '2024-02-05', nps: 9 },
			{ respondedAt: '2024-02-06', nps: 9 },
			{ respondedAt: '2024-02-07', nps: 7 },
			{ respondedAt: '2024-02-08', nps: 0 },
			{ respondedAt: '2024-04-01', nps: '10' },
		];
		const rows = (await report(answers, { source: 'responses' })).json(NODE_UNDER_TEST, 0);
		expect(rows.map((r) => [r.period, r.responses, r.nps, r.change])).toEqual([
			['2024-02', 4, 25, 25],
			['2024-03', 0, null, null],
			['2024-04', 1, 100, null],
			[undefined, 7, 28.57, undefined],
		]);
		expect(rows[0].summary).toBe('2024-02: NPS 25.0 (+25.0) from 4 answers.');
		// As for orders, a total over every answer up to As Of: January's, before the window, counted too (no answer counted nowhere).
		expect(rows.map((r) => r.kind)).toEqual(['nps', 'nps', 'nps', 'total']);
		expect([rows[3].promoters, rows[3].passives, rows[3].detractors, rows[3].marginOfError]).toEqual([4, 1, 2, null]);
		const bad = await report([{ respondedAt: '2024-02-01', nps: 11 }], { source: 'responses' });
		expect(bad.error?.message).toBe('Item 0: field "nps" is 11, which is above 10 (expected a whole number from 0 to 10)');
	});

	// An expression can give any number, past the editor's 1-120: months 0 reported nothing but the total,
	// 2.5 wrote "2024-2.5", 1,000,000 wrote a million rows back to the year -81309.
	it.each([0, -2, 2.5, 121, 1e6])('refuses Months = %p for orders and survey answers alike', async (months) => {
		for (const [source, items] of [
			['orders', [{ customerId: 'a', orderDate: '2024-03-01', amount: 5 }]],
			['responses', [{ respondedAt: '2024-03-01', nps: 9 }]],
		] as const) {
			const result = await report([...items], { source, months });
			const problem = months === 2.5 ? 'is not a whole number' : months < 1 ? 'is below 1' : 'is above 120';
			expect(result.error?.message).toBe(`Parameter "Months" is ${months}, which ${problem} (expected a whole number from 1 to 120)`);
		}
	});
	it('gives the churn rate as the share of last month\'s buyers who did not buy, not as 1 minus the retention rate', async () => {
		// Ten buyers in February, seven of them again in March: retention 0.7, churn 0.3 (1 − 0.7 is 0.30000000000000004).
		const orders: IDataObject[] = [];
		for (let k = 0; k < 10; k++) orders.push({ customerId: `c${k}`, orderDate: '2024-02-10', amount: 10 });
		for (let k = 0; k < 7; k++) orders.push({ customerId: `c${k}`, orderDate: '2024-03-10', amount: 10 });
		const periods = (await report(orders, { source: 'orders' })).json(NODE_UNDER_TEST, 0).filter((r) => r.kind === 'period');
		const march = periods.find((p) => p.period === '2024-03')!;
		expect(march).toMatchObject({ retentionRate: 0.7, churnRate: 0.3 });
		expect((periods.find((p) => p.period === '2024-04')!.change as IDataObject).churnRate).toBe(0.7);
		expect(periods.find((p) => p.period === '2024-04')!.summary).toMatch(/^2024-04: 0 buyers \(0 new\), 0 orders,/);
	});

	it('writes one buyer and one order in the singular', async () => {
		const periods = (await report([{ customerId: 'x', orderDate: '2024-03-10', amount: 10 }], { source: 'orders' })).json(NODE_UNDER_TEST, 0).filter((r) => r.kind === 'period');
		expect(periods.find((p) => p.period === '2024-03')!.summary).toMatch(/^2024-03: 1 buyer \(1 new\), 1 order, revenue 10\.00,/);
	});
});
