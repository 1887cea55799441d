import type { IDataObject } from 'n8n-workflow';
import { cdnowSummary } from '../models/cdnowData';
import { NODE_UNDER_TEST, runNode } from '../helpers/runWorkflow';

const asOf = '1997-09-30T00:00:00Z';
const cdnowItems = () => cdnowSummary().map((c, i) => ({ customerId: String(i + 1), x: c.x, tx: c.tx, T: c.T }));
const summaryParams = { method: 'bgNbd', inputShape: 'summary', timeUnit: 'weeks', horizon: 39, asOf };

describe('DetectChurnRisk node in the real engine', () => {
	it('fits BG/NBD on the CDNOW batch, emits the model and scores every customer with published values', async () => {
		const result = await runNode({ type: 'detectChurnRisk', parameters: summaryParams, items: cdnowItems() });
		expect(result.error).toBeUndefined();
		const [model] = result.json(NODE_UNDER_TEST, 2);
		expect(model).toMatchObject({ method: 'bgNbd', source: 'fitted', customersUsed: 2357, converged: true, timeUnit: 'weeks' });
		const params = model.parameters as Record<string, number>;
		expect(Math.abs(params.r - 0.243)).toBeLessThanOrEqual(0.001);
		expect(Math.abs((model.logLikelihood as number) - -9582.43)).toBeLessThanOrEqual(0.05);

		const all = [...result.json(NODE_UNDER_TEST, 0), ...result.json(NODE_UNDER_TEST, 1)];
		expect(all).toHaveLength(2357);
		const first = all.find((c) => c.customerId === '1')!.churn as Record<string, unknown>;
		// Customer 1 is x = 2, t_x = 30.43, T = 38.86: P(alive) 0.7266 and 1.226 purchases in 39 weeks.
		expect(Math.abs((first.probabilityAlive as number) - 0.7266)).toBeLessThanOrEqual(0.0005);
		expect(Math.abs((first.expectedPurchases as number) - 1.226)).toBeLessThanOrEqual(0.001);
		expect(first.reasons).toEqual(['Probability still active is 73% (BG/NBD)']);
		expect(first.riskScore).toBeCloseTo(100 * (1 - (first.probabilityAlive as number)), 0);
		for (const c of all) {
			const churn = c.churn as Record<string, number | string>;
			expect(Number.isFinite(churn.riskScore)).toBe(true);
			expect(churn.churnProbability).toBeCloseTo(1 - (churn.probabilityAlive as number), 4);
		}
		// Healthy holds only levels below "high"; At Risk only high and critical.
		expect(result.json(NODE_UNDER_TEST, 0).every((c) => ['high', 'critical'].includes((c.churn as { riskLevel: string }).riskLevel))).toBe(true);
		expect(result.json(NODE_UNDER_TEST, 1).every((c) => ['low', 'medium'].includes((c.churn as { riskLevel: string }).riskLevel))).toBe(true);
	});

	it('scores a small batch with supplied parameters (yesterday’s Model item)', async () => {
		const result = await runNode({
			type: 'detectChurnRisk',
			parameters: {
				...summaryParams,
				modelSource: 'supplied',
				suppliedParameters: JSON.stringify({ method: 'bgNbd', parameters: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } }),
			},
			items: [
				{ customerId: 'a', x: 2, tx: 30.43, T: 38.86 },
				{ customerId: 'b', x: 1, tx: 1.71, T: 38.86 },
			],
		});
		const all = [...result.json(NODE_UNDER_TEST, 0), ...result.json(NODE_UNDER_TEST, 1)];
		const b = all.find((c) => c.customerId === 'b')!.churn as Record<string, number>;
		expect(Math.abs(b.probabilityAlive - 0.2122)).toBeLessThanOrEqual(0.0005);
		expect(b.riskLevel).toBe('critical');
		expect(result.json(NODE_UNDER_TEST, 2)[0]).toMatchObject({ source: 'supplied', logLikelihood: null });
	});

	it('rejects malformed supplied parameters with a clear node error', async () => {
		const result = await runNode({
			type: 'detectChurnRisk',
			parameters: { ...summaryParams, modelSource: 'supplied', suppliedParameters: '{"r": -1, "alpha": 4, "a": 1}' },
			items: [{ customerId: 'a', x: 2, tx: 30, T: 38 }],
		});
		expect(result.error?.message).toMatch(/^Supplied bgNbd parameters are malformed or out of range \(r: .*b: .*\); expected numbers from 0.000001 to 1,000,000 \(the range a fit gives\) for r, alpha, a, b$/);
	});

	// Beyond the range a fit gives, the scoring series do not converge: every customer failed with an
	// internal "hyp2f1(Infinity, ...) did not converge" instead of one error naming the parameter.
	it.each([
		['bgNbd', { r: 0.243, alpha: 4.414, a: 1e308, b: 1e308 }, /\(a: .*; b: .*\)/],
		['bgNbd', { r: 2e6, alpha: 4.414, a: 0.793, b: 2.426 }, /\(r: /],
		['paretoNbd', { r: 0.55, alpha: 10.58, s: 1e-9, beta: 11.67 }, /\(s: /],
		['paretoNbd', { r: 0.55, alpha: 1e300, s: 0.61, beta: 11.67 }, /\(alpha: /],
	])('refuses supplied %s parameters no fit gives (%j), naming them', async (method, parameters, named) => {
		const result = await runNode({
			type: 'detectChurnRisk',
			parameters: { ...summaryParams, method, modelSource: 'supplied', suppliedParameters: JSON.stringify(parameters) },
			items: [{ customerId: 'a', x: 2, tx: 30, T: 38 }],
		});
		expect(result.error?.message).toMatch(new RegExp(`^Supplied ${method} parameters are malformed or out of range`));
		expect(result.error?.message).toMatch(named);
		expect(result.error?.message).toContain('expected numbers from 0.000001 to 1,000,000 (the range a fit gives)');
	});

	it('says how many customers a fit needs when the batch is too small', async () => {
		const result = await runNode({ type: 'detectChurnRisk', parameters: summaryParams, items: cdnowItems().slice(0, 12) });
		expect(result.error?.message).toMatch(/^BG\/NBD cannot be fitted on 12 customers \(\d+ with repeat purchases, \d+ without, \d+ distinct histories\), too few to tell purchase rate from dropout \(expected at least 30 customers/);
	});

	it('routes impossible customers to the error output per item', async () => {
		const result = await runNode({
			type: 'detectChurnRisk',
			parameters: { ...summaryParams, modelSource: 'supplied', suppliedParameters: '{"r":0.243,"alpha":4.414,"a":0.793,"b":2.426}' },
			onError: 'continueErrorOutput',
			items: [
				{ customerId: 'ok', x: 1, tx: 3, T: 10 },
				{ customerId: 'a', x: 2, tx: 0, T: 10 },
				{ customerId: 'b', x: 1, tx: 12, T: 10 },
				{ customerId: 'c', x: -1, tx: 0, T: 10 },
				// First purchase at the As Of: a new customer, observed for no time yet (T 0), not an impossible one.
				{ customerId: 'd', x: 0, tx: 0, T: 0 },
			],
		});
		const errors = result.json(NODE_UNDER_TEST, 3).map((e) => e.error);
		expect(errors).toEqual([
			expect.stringMatching(/^Item 1: .*x is 2 but t_x is 0/),
			expect.stringMatching(/^Item 2: .*t_x \(12\) is greater than T \(10\)/),
			'Item 3: field "x" is -1, which is below 0 (expected a whole number of at least 0)',
		]);
		expect(result.json(NODE_UNDER_TEST, 0).length + result.json(NODE_UNDER_TEST, 1).length).toBe(2);
	});

	it('explains rule signals in order, in zh-CN, without a model', async () => {
		const result = await runNode({
			type: 'detectChurnRisk',
			parameters: {
				method: 'rules',
				inputShape: 'customer',
				asOf: '2024-07-01T00:00:00Z',
				language: 'zh-CN',
				signals: { complaintsColumn: 'tickets', satisfactionColumn: 'csat', contractEndColumn: 'contractEnd' },
			},
			items: [
				// Usual interval 10 days (8 orders over 70 days), silent for 94 days: 9.4 intervals.
				{ customerId: 'a', firstPurchaseAt: '2024-01-19', lastPurchaseAt: '2024-03-29', orderCount: 8, tickets: 3, csat: 40, contractEnd: '2024-07-10' },
				{ customerId: 'b', firstPurchaseAt: '2024-01-01', lastPurchaseAt: '2024-06-25', orderCount: 20, tickets: 0, csat: 90, contractEnd: '2025-07-01' },
			],
		});
		const [a] = result.json(NODE_UNDER_TEST, 0);
		const [b] = result.json(NODE_UNDER_TEST, 1);
		const churnA = a.churn as { reasons: string[]; riskLevel: string; probabilityAlive: unknown; riskScore: number };
		expect(churnA.probabilityAlive).toBeNull();
		expect(churnA.riskLevel).toBe('critical');
		expect(churnA.reasons[0]).toBe('已 94 天未购买，是该客户平均购买间隔的 9.4 倍');
		expect(churnA.reasons).toEqual(expect.arrayContaining(['近期投诉/工单 3 次', '满意度 40，低于 60', '合同将在 9 天内到期']));
		expect((b.churn as { riskScore: number; reasons: string[] }).reasons).toEqual([]);
		expect((b.churn as { riskScore: number }).riskScore).toBe(0);
	});

	it('scores subscribers with sBG: next-renewal churn and discounted expected renewals', async () => {
		const alive = [1000, 631, 468, 382, 326, 289, 262, 241];
		const items: IDataObject[] = [];
		for (let t = 1; t < alive.length; t++) for (let i = 0; i < alive[t - 1] - alive[t]; i++) items.push({ customerId: `c${items.length}`, tenure: t, active: false });
		for (let i = 0; i < 241; i++) items.push({ customerId: `a${i}`, tenure: 7, active: 'yes', periodValue: 100 });
		const result = await runNode({
			type: 'detectChurnRisk',
			parameters: { method: 'sbg', inputShape: 'subscriber', asOf, annualDiscountRate: 10 },
			items,
		});
		const [model] = result.json(NODE_UNDER_TEST, 2);
		const p = model.parameters as { alpha: number; beta: number };
		expect(Math.abs(p.alpha - 0.704)).toBeLessThanOrEqual(0.001);
		expect(Math.abs(p.beta - 1.182)).toBeLessThanOrEqual(0.001);
		const active = [...result.json(NODE_UNDER_TEST, 0), ...result.json(NODE_UNDER_TEST, 1)].find((c) => c.customerId === 'a0')!.churn as Record<string, number>;
		// Renewal 8: r_8 = (beta + 7) / (alpha + beta + 7).
		expect(active.nextRenewalProbability).toBeCloseTo((p.beta + 7) / (p.alpha + p.beta + 7), 4);
		expect(active.expectedValue).toBeCloseTo(active.expectedRenewals * 100, 1);
	});
});
