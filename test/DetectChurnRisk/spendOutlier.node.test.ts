import type { IDataObject } from 'n8n-workflow';
import { cdnowSummary } from '../models/cdnowData';
import { NODE_UNDER_TEST, runNode } from '../helpers/runWorkflow';

/**
 * One repeat buyer far from everyone else, by mean spend (10 trillion, the most an amount may be, or
 * 1e-300) or by repeat purchases (10 million among 40 customers), ran the Gamma-Gamma fit off: no spend
 * model, and every customer's expectedValue null, with only the optimizer's 'The objective is not finite
 * at the starting point' or a run-off in the Model item. The spend model is fitted on the others instead,
 * and that customer is valued with it like everyone else.
 */
const asOf = '1997-09-30T00:00:00Z';
const items = (n = 400): IDataObject[] => cdnowSummary().slice(0, n).map((c, i) => ({ customerId: String(i + 1), x: c.x, tx: c.tx, T: c.T, monetary: 10 + (i % 13) * 3 }));
const outlier = items().findIndex((c) => (c.x as number) > 0);

async function run(list: IDataObject[], method: string) {
	const result = await runNode({ type: 'detectChurnRisk', parameters: { method, inputShape: 'summary', horizon: 39, asOf }, items: list, onError: 'continueErrorOutput' });
	expect(result.error).toBeUndefined();
	expect(result.json(NODE_UNDER_TEST, 3)).toEqual([]);
	const scored = [...result.json(NODE_UNDER_TEST, 0), ...result.json(NODE_UNDER_TEST, 1)];
	return { scored, model: result.json(NODE_UNDER_TEST, 2)[0] };
}

describe('one repeat buyer’s mean spend far from the rest does not take the value estimates of everyone', () => {
	it.each([
		['bgNbd', 400, { monetary: 1e13 }],
		['paretoNbd', 400, { monetary: 1e13 }],
		['bgNbd', 400, { monetary: 1e-300 }],
		['bgNbd', 40, { x: 1e7, tx: 30, T: 38 }],
	])('%s, %p customers, one with %p', async (method, n, change) => {
		const list = items(n);
		list[outlier] = { ...list[outlier], ...change };
		const { scored, model } = await run(list, method);
		// The spend model of the same batch without that customer's spend.
		const without = items(n);
		without[outlier] = { ...without[outlier], ...change };
		delete without[outlier].monetary;
		const reference = await run(without, method);
		expect(reference.model.spendParameters).toBeDefined();
		expect(model.spendParameters).toEqual(reference.model.spendParameters);
		expect(model.spendNote).toMatch(/^Fitted without 1 customers whose mean repeat spend or repeat purchases are more than 100 times above or below the median /);
		expect(scored).toHaveLength(n);
		for (const s of scored) expect(Number.isFinite((s.churn as IDataObject).expectedValue)).toBe(true);
	});
});
