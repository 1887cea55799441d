import type { IDataObject } from 'n8n-workflow';
import { setGeneratedItems } from '../helpers/testNodes';
import { NODE_UNDER_TEST, runNode } from '../helpers/runWorkflow';

/**
 * -0 read from an item (a number from a Code node or database, or the text "-0") is read as 0: no result
 * field, summary or report carries -0. Before, the number readers passed it through, so a spend of -0 was
 * written as revenue -0 and a sentiment of "-0" as sentiment -0.
 */
function negativeZeros(value: unknown, path: string): string[] {
	if (Object.is(value, -0)) return [path];
	if (value === null || typeof value !== 'object') return [];
	return Object.entries(value).flatMap(([key, v]) => negativeZeros(v, `${path}.${key}`));
}

async function results(type: string, parameters: IDataObject, items: IDataObject[], field: string, key: string) {
	setGeneratedItems(key, items);
	const result = await runNode({ type, parameters, items: [], generatedKey: key, onError: 'continueErrorOutput' });
	expect(result.error).toBeUndefined();
	const outputs = result.run.data.resultData.runData[NODE_UNDER_TEST][0].data!.main;
	expect(outputs[outputs.length - 1]).toEqual([]);
	// The node's own result fields and its summary/report items; the input fields pass through as they were.
	return outputs.slice(0, -1).flatMap((output, o) => (output ?? []).map((item) => (item.json[field] ?? item.json) as IDataObject).map((json, i) => [`${o}.${i}`, json] as const));
}

const customers = (): IDataObject[] =>
	[-0, '-0', 0, 5].map((spend, i) => ({ customerId: `C${i}`, firstPurchaseAt: '2024-01-01', lastPurchaseAt: '2024-05-01', orderCount: 2, totalSpend: spend }));

describe('-0 in an item is read as 0', () => {
	it.each(['valueTier', 'rfm', 'lifecycle'])('Segment Customer (%s)', async (method) => {
		const out = await results('segmentCustomer', { method, asOf: '2024-06-01' }, customers(), 'segment', `seg-${method}`);
		expect(out.flatMap(([path, json]) => negativeZeros(json, path))).toEqual([]);
		expect(out.filter(([path]) => path.startsWith('0.'))).toHaveLength(4);
	});

	it('Score Satisfaction: sentiment, a CSAT answer on a scale around 0, and their report', async () => {
		const items = [-0, '-0', 0].map((answer, i) => ({ customerId: `C${i % 2}`, csat: answer, sentiment: answer, respondedAt: `2024-06-0${i + 1}` }));
		for (const aggregatePerCustomer of [false, true]) {
			const out = await results(
				'scoreSatisfaction',
				{ metrics: ['csat'], csatScaleMin: -2, csatScaleMax: 2, options: { sentimentColumn: 'sentiment' }, aggregatePerCustomer, combineBy: 'latest' },
				items,
				'satisfaction',
				`sat-${aggregatePerCustomer}`,
			);
			expect(out.flatMap(([path, json]) => negativeZeros(json, path))).toEqual([]);
		}
	});

	it('Detect Churn Risk: spend and satisfaction signals', async () => {
		const items = customers().map((c) => ({ ...c, recent: -0, previous: '-0', satisfaction: -0, previousSatisfaction: '-0' }));
		const out = await results(
			'detectChurnRisk',
			{
				method: 'rules',
				asOf: '2024-06-01',
				signals: { recentSpendColumn: 'recent', previousSpendColumn: 'previous', satisfactionColumn: 'satisfaction', previousSatisfactionColumn: 'previousSatisfaction' },
			},
			items,
			'churn',
			'churn',
		);
		// The four customers and, since L's 2c3b490, the Model item of a Rules Only run (its usual interval).
		expect(out).toHaveLength(5);
		expect(out.flatMap(([path, json]) => negativeZeros(json, path))).toEqual([]);
	});
});
