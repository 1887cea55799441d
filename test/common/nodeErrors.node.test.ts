import type { IDataObject } from 'n8n-workflow';
import { NODE_UNDER_TEST, runNode } from '../helpers/runWorkflow';

/**
 * A node-level error (a bad parameter, a fit that cannot run) under either Continue mode: every input
 * item leaves once, with the reason, never unchanged on the first output as if it had been scored.
 */
interface Case {
	name: string;
	type: string;
	outputs: number;
	parameters: IDataObject;
	items: IDataObject[];
	reason: RegExp;
}

const customers = (n: number) =>
	Array.from({ length: n }, (_, i) => ({ customerId: `C${i}`, firstPurchaseAt: '2025-01-01', lastPurchaseAt: '2025-06-01', orderCount: 2 + i, totalSpend: 100 + i, nps: 8 }));
const summaries = (n: number) => Array.from({ length: n }, (_, i) => ({ customerId: `C${i}`, x: i % 3, tx: i % 3 ? 5 : 0, T: 20 }));

const cases: Case[] = [
	{
		name: 'Detect Churn Risk fitting BG/NBD on 5 customers',
		type: 'detectChurnRisk',
		outputs: 3,
		parameters: { method: 'bgNbd', inputShape: 'summary', asOf: '2026-01-01T00:00:00Z' },
		items: summaries(5),
		reason: /BG\/NBD cannot be fitted on 5 customers/,
	},
	{
		name: 'Detect Churn Risk with malformed supplied parameters',
		type: 'detectChurnRisk',
		outputs: 3,
		parameters: { method: 'paretoNbd', inputShape: 'summary', modelSource: 'supplied', suppliedParameters: '{"r": -1}' },
		items: summaries(4),
		reason: /Supplied paretoNbd parameters are malformed/,
	},
	{
		name: 'Detect Churn Risk with sBG on purchase dates',
		type: 'detectChurnRisk',
		outputs: 3,
		parameters: { method: 'sbg', inputShape: 'customer', asOf: '2026-01-01T00:00:00Z' },
		items: customers(3),
		reason: /Parameter "Input Shape" is "One Item per Customer \(Dates\)", which sBG cannot score: it scores subscribers \(expected "One Item per Subscriber"/,
	},
	{
		name: 'Detect Churn Risk with an unparseable As Of',
		type: 'detectChurnRisk',
		outputs: 3,
		parameters: { method: 'rules', inputShape: 'customer', asOf: 'next tuesday' },
		items: customers(3),
		reason: /asOf/,
	},
	{
		name: 'Segment Customer with an unparseable As Of',
		type: 'segmentCustomer',
		outputs: 2,
		parameters: { method: 'rfm', asOf: '31/02/2026' },
		items: customers(4),
		reason: /asOf/,
	},
	{
		name: 'Segment Customer with value tiers out of order',
		type: 'segmentCustomer',
		outputs: 2,
		parameters: { method: 'valueTier', tierAShare: 96, tierBShare: 95, asOf: '2026-01-01T00:00:00Z' },
		items: customers(4),
		reason: /./,
	},
	{
		name: 'Score Satisfaction with no metric',
		type: 'scoreSatisfaction',
		outputs: 2,
		parameters: { metrics: [] },
		items: customers(3),
		reason: /^Parameter "Metrics" is "\[\]", which is empty \(expected at least one metric to score\)/,
	},
	{
		name: 'Score Satisfaction with a margin minimum of 1',
		type: 'scoreSatisfaction',
		outputs: 2,
		parameters: { metrics: ['nps'], options: { minResponsesForMargin: 1 } },
		items: customers(3),
		reason: /Minimum Responses for Margin/,
	},
];

describe.each(cases)('$name', ({ type, outputs, parameters, items, reason }) => {
	it('stops the node without continue-on-fail', async () => {
		const result = await runNode({ type, parameters, items });
		expect(result.error?.message).toMatch(reason);
	});

	it('sends every item to the error output with the reason (Continue using error output)', async () => {
		const result = await runNode({ type, parameters, items, onError: 'continueErrorOutput' });
		expect(result.error).toBeUndefined();
		for (let o = 0; o < outputs; o++) expect(result.json(NODE_UNDER_TEST, o)).toEqual([]);
		const errors = result.items(NODE_UNDER_TEST, outputs);
		expect(errors).toHaveLength(items.length);
		errors.forEach((item, i) => {
			expect(item.json.error).toMatch(reason);
			expect(item.pairedItem).toEqual({ item: i });
		});
	});

	it('puts every item on the first output as an error item (Continue using regular output)', async () => {
		const result = await runNode({ type, parameters, items, onError: 'continueRegularOutput' });
		expect(result.error).toBeUndefined();
		const first = result.items(NODE_UNDER_TEST, 0);
		expect(first).toHaveLength(items.length);
		first.forEach((item, i) => {
			expect(item.json.error).toMatch(reason);
			expect(item.pairedItem).toEqual({ item: i });
		});
		for (let o = 1; o < outputs; o++) expect(result.json(NODE_UNDER_TEST, o)).toEqual([]);
	});
});
