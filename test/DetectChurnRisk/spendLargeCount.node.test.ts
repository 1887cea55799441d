import type { IDataObject } from 'n8n-workflow';
import { cdnowSummary } from '../models/cdnowData';
import { NODE_UNDER_TEST, runNode } from '../helpers/runWorkflow';

/**
 * One customer with 10 million repeat purchases (the most a count may be) among 400 CDNOW customers:
 * BG/NBD fits with it, but the spend model 'could not be fitted (p = 9.032, q = 6.979, gamma = 19.26);
 * spends may be too alike', though those are the right parameters, and every customer's expectedValue
 * was null. ln Γ(p x + q) − ln Γ(p x) at p x = 9e7 lost 7 digits, so the fit never met its tolerance.
 */
const asOf = '1997-09-30T00:00:00Z';

it('BG/NBD with one customer of 10,000,000 repeat purchases: the spend model is fitted and every customer valued', async () => {
	const items: IDataObject[] = cdnowSummary().slice(0, 400).map((c, i) => ({ customerId: String(i + 1), x: c.x, tx: c.tx, T: c.T, monetary: 10 + (i % 13) * 3 }));
	items[5] = { ...items[5], x: 1e7, tx: 30, T: 38 };
	const result = await runNode({ type: 'detectChurnRisk', parameters: { method: 'bgNbd', inputShape: 'summary', horizon: 39, asOf }, items, onError: 'continueErrorOutput' });
	expect(result.error).toBeUndefined();
	expect(result.json(NODE_UNDER_TEST, 3)).toEqual([]);
	const model = result.json(NODE_UNDER_TEST, 2)[0];
	expect(model.spendNote).toBeUndefined();
	expect(model.spendParameters).toEqual({ p: expect.closeTo(9.032, 3), q: expect.closeTo(6.98, 2), gamma: expect.closeTo(19.26, 2) });
	const scored = [...result.json(NODE_UNDER_TEST, 0), ...result.json(NODE_UNDER_TEST, 1)];
	expect(scored).toHaveLength(400);
	for (const s of scored) expect(Number.isFinite((s.churn as IDataObject).expectedValue)).toBe(true);
});
