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
});
