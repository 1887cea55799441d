import type { IDataObject } from 'n8n-workflow';
import { runNode, NODE_UNDER_TEST } from '../helpers/runWorkflow';

/** Paths of the numbers in a result that are -0, NaN or ±Infinity (none may reach an output item). */
function oddNumbers(value: unknown, path = ''): string[] {
	if (typeof value === 'number') return Object.is(value, -0) || !Number.isFinite(value) ? [`${path} = ${Object.is(value, -0) ? '-0' : value}`] : [];
	if (value === null || typeof value !== 'object') return [];
	return Object.entries(value).flatMap(([key, v]) => oddNumbers(v, `${path}.${key}`));
}

const run = (parameters: IDataObject, items: IDataObject[]) =>
	runNode({ type: 'measureCareImpact', parameters, items, timezone: 'Asia/Shanghai' });

describe('Measure Care Impact: output numbers are plain finite numbers, never -0, NaN or Infinity', () => {
	const kpi = { operation: 'kpiReport', asOf: '2024-05-10T12:00:00+08:00', months: 3 };

	it('KPI Report from orders: refunds that cancel a month out give revenue 0, not -0', async () => {
		// 0.3 - 0.1 - 0.2 is -2.8e-17 exactly in doubles; "-0.00" is how some ERP exports write an empty refund.
		const result = await run({ ...kpi, source: 'orders' }, [
			{ customerId: 'a', orderDate: '2024-03-02', amount: 0.3 },
			{ customerId: 'a', orderDate: '2024-03-03', amount: -0.1 },
			{ customerId: 'a', orderDate: '2024-03-04', amount: '-0.2' },
			{ customerId: 'b', orderDate: '2024-04-02', amount: '-0.00' },
		]);
		const rows = result.json(NODE_UNDER_TEST, 0);
		expect(oddNumbers(rows)).toEqual([]);
		const march = rows.find((r) => r.period === '2024-03')!;
		expect(march).toMatchObject({ orders: 3, revenue: 0, averageOrderValue: 0 });
		expect(rows.find((r) => r.kind === 'total')).toMatchObject({ orders: 4, revenue: 0, averageOrderValue: 0 });
	});

	it('KPI Report from churn results: a CLV that rounds to nothing is 0, not -0', async () => {
		const rows = (await run({ ...kpi, source: 'customers', clvColumn: 'value' }, [{ churn: { churnProbability: 0.5, riskLevel: 'high' }, value: '-0.001' }])).json(NODE_UNDER_TEST, 0);
		expect(oddNumbers(rows)).toEqual([]);
		expect(rows[0]).toMatchObject({ clvTotal: 0, clvMean: 0, clvAtRisk: 0 });
	});

	it('Measure Uplift: means of -0.00, a margin of 0 and a holdout mean next to 0 give no -0 or Infinity', async () => {
		const customer = (group: string, revenue: string | number, satisfaction: string | number) => ({ impact: { group }, revenue, satisfaction });
		const parameters = { operation: 'measureUplift', campaign: 'c', conversionColumn: '', revenueColumn: 'revenue', satisfactionColumn: 'satisfaction', costPerContact: 1, marginPercent: 0 };
		const cancelled = (await run(parameters, [customer('treatment', '-0.00', 1), customer('treatment', '-0', 2), customer('holdout', 5, 1), customer('holdout', 0, 3)])).json(NODE_UNDER_TEST, 0);
		expect(oddNumbers(cancelled)).toEqual([]);
		expect((cancelled[0].treatment as IDataObject).mean).toBe(0);
		// A holdout mean of 1.5e-310 (a subnormal): the relative uplift 1.5 / 1.5e-310 is beyond any double.
		const tiny = (await run(parameters, [customer('treatment', 1, 1), customer('treatment', 2, 2), customer('holdout', 1e-310, 1e-310), customer('holdout', 2e-310, 3e-310)])).json(NODE_UNDER_TEST, 0);
		expect(oddNumbers(tiny)).toEqual([]);
		for (const row of tiny) expect((row.uplift as IDataObject).relative).toBeNull();
	});
});
