import type { IDataObject } from 'n8n-workflow';
import { setGeneratedItems } from '../helpers/testNodes';
import { cdnowSummary } from '../models/cdnowData';
import { NODE_UNDER_TEST, runNode } from '../helpers/runWorkflow';

/**
 * A row that stands for many customers (a value histogram's bin, a GROUP BY summary row) may count more
 * than 10 million of them: in a base of 30 million, 15 million may have bought once. Such counts were
 * refused with the per-customer bound ("beyond any plausible count (more than 1e+7)"), which stopped
 * learning cut points from histograms and left a grouped row out of the churn fit. Scaling every count
 * by the same factor changes no cut point and no fitted parameter; only counts beyond 1e10 customers
 * (more than the world's population) are refused.
 */
function histogramRows(scale: number): IDataObject[] {
	const rows: IDataObject[] = [];
	const add = (measure: string, value: string | number, count: number) => rows.push({ measure, value, count: count * scale });
	[['2024-06-20', 3], ['2024-05-01', 2], ['2024-01-15', 4], ['2023-08-01', 1]].forEach(([d, n]) => add('recency', d, n as number));
	[[1, 5], [2, 3], [7, 2]].forEach(([v, n]) => add('frequency', v, n));
	[[10, 4], [120, 3], [900, 2], [5000, 1]].forEach(([v, n]) => add('monetary', v, n));
	return rows;
}

async function learn(scale: number) {
	setGeneratedItems(`histogram-${scale}`, histogramRows(scale));
	const result = await runNode({ type: 'segmentCustomer', parameters: { method: 'rfm', cutPoints: 'histograms', asOf: '2024-07-01' }, items: [], generatedKey: `histogram-${scale}` });
	return { error: result.error?.message, learned: result.json(NODE_UNDER_TEST, 0).find((j) => j.key === 'learnedState')?.learned as IDataObject | undefined };
}

describe('counts of customers beyond 10 million in one row', () => {
	it('Segment Customer learns the same RFM cut points from histograms with bins of 30 million customers', async () => {
		const small = await learn(1);
		const large = await learn(3_000_000);
		expect(small.error).toBeUndefined();
		expect(large.error).toBeUndefined();
		const { customers: smallCustomers, ...smallCuts } = small.learned!;
		const { customers: largeCustomers, ...largeCuts } = large.learned!;
		expect([smallCustomers, largeCustomers]).toEqual([10, 30_000_000]);
		expect(largeCuts).toEqual(smallCuts);
	});

	it('Segment Customer refuses a bin of more than 1e10 customers, naming the row', async () => {
		const result = await learn(4e9);
		expect(result.error).toMatch(/^Histogram row 0: field "count" is 12000000000, which is beyond any plausible number of customers \(more than 1e\+10 in size\)/);
	});

	it('Detect Churn Risk fits GROUP BY rows of 20 million customers each as it fits rows of one', async () => {
		const rows = cdnowSummary().slice(0, 300).map((c, i) => ({ customerId: `G${i}`, x: c.x, tx: c.tx, T: c.T }));
		const fit = async (count: number) => {
			const result = await runNode({
				type: 'detectChurnRisk',
				parameters: { method: 'bgNbd', inputShape: 'summary', countColumn: 'customers', asOf: '1997-09-30T00:00:00Z' },
				items: rows.map((r) => ({ ...r, customers: count })),
				onError: 'continueErrorOutput',
			});
			expect(result.json(NODE_UNDER_TEST, 3)).toEqual([]);
			return result.json(NODE_UNDER_TEST, 2)[0];
		};
		const one = await fit(1);
		const many = await fit(20_000_000);
		expect(many.customersUsed).toBe(6_000_000_000);
		const parameters = one.parameters as Record<string, number>;
		for (const [name, value] of Object.entries(many.parameters as Record<string, number>)) expect([name, value]).toEqual([name, expect.closeTo(parameters[name], 4)]);
	});
});
