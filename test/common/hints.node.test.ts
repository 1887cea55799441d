import { cdnowSummary } from '../models/cdnowData';
import { NODE_UNDER_TEST, runNode } from '../helpers/runWorkflow';

const asOf = '1997-09-30T00:00:00Z';
const cdnowItems = () => cdnowSummary().map((c, i) => ({ customerId: String(i + 1), x: c.x, tx: c.tx, T: c.T }));
const summaryParams = { method: 'bgNbd', inputShape: 'summary', timeUnit: 'weeks', horizon: 39, asOf };

/** The execution hints n8n shows above the node's output, from the engine's task data. */
const hintsOf = (result: Awaited<ReturnType<typeof runNode>>) => result.run.data.resultData.runData[NODE_UNDER_TEST][0].hints ?? [];

describe('execution hints in the engine run', () => {
	it('Detect Churn Risk fitted on the batch says so with the batch size; with supplied parameters it says nothing', async () => {
		const fitted = await runNode({ type: 'detectChurnRisk', parameters: summaryParams, items: cdnowItems() });
		expect(hintsOf(fitted)).toEqual([
			expect.objectContaining({ type: 'info', location: 'outputPane', message: expect.stringContaining('relative to these 2,357 customers: the BG/NBD model was fitted') }),
		]);
		const supplied = await runNode({
			type: 'detectChurnRisk',
			parameters: {
				...summaryParams,
				modelSource: 'supplied',
				suppliedParameters: JSON.stringify({ method: 'bgNbd', parameters: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } }),
			},
			items: cdnowItems().slice(0, 3),
		});
		expect(supplied.error).toBeUndefined();
		expect(hintsOf(supplied)).toEqual([]);
	});

	const segmentAsOf = '2024-07-01T00:00:00Z';
	const customers = (n: number) =>
		Array.from({ length: n }, (_, i) => ({ customerId: `c${i}`, lastPurchaseAt: `2024-0${1 + (i % 6)}-15`, orderCount: 1 + (i % 9), totalSpend: 100 * (1 + (i % 13)) }));

	it('Segment Customer: RFM and value tier learned from the batch say so with its size; lifecycle says nothing', async () => {
		const rfm = await runNode({ type: 'segmentCustomer', parameters: { method: 'rfm', rfmBins: 5, asOf: segmentAsOf }, items: customers(73) });
		expect(hintsOf(rfm)).toEqual([expect.objectContaining({ type: 'info', message: expect.stringContaining('RFM scores are relative to these 73 customers') })]);
		const tiers = await runNode({ type: 'segmentCustomer', parameters: { method: 'valueTier', asOf: segmentAsOf }, items: customers(40) });
		expect(hintsOf(tiers)).toEqual([expect.objectContaining({ message: expect.stringContaining('split the revenue of these 40 customers') })]);
		const few = await runNode({ type: 'segmentCustomer', parameters: { method: 'rfm', rfmBins: 5, asOf: segmentAsOf }, items: customers(3) });
		expect(hintsOf(few)).toEqual([expect.objectContaining({ type: 'warning', message: expect.stringContaining('needs at least 5 customers') })]);
		const lifecycle = await runNode({ type: 'segmentCustomer', parameters: { method: 'lifecycle', asOf: segmentAsOf }, items: customers(10) });
		expect(lifecycle.error).toBeUndefined();
		expect(hintsOf(lifecycle)).toEqual([]);
	});
});

