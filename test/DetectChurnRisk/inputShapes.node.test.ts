import { readFileSync } from 'fs';
import { resolve } from 'path';
import type { IDataObject } from 'n8n-workflow';
import { NODE_UNDER_TEST, runNode } from '../helpers/runWorkflow';
import { cdnowSummary } from '../models/cdnowData';

const DATA = resolve(__dirname, '..', '..', '..', 'shared', 'data');
const calibrationEnd = '1997-09-30T00:00:00Z';

/** CDNOW_sample.txt as order items (customer = sample_id), calibration period only. */
function cdnowOrders(): IDataObject[] {
	return readFileSync(resolve(DATA, 'cdnow', 'CDNOW_sample.txt'), 'utf8')
		.trim()
		.split('\n')
		.map((line) => line.trim().split(/\s+/))
		.filter(([, , date]) => date <= '19970930')
		.map(([, sampleId, date, , amount]) => ({ customer: Number(sampleId), orderDate: date, amount: Number(amount) }));
}

const scored = (result: Awaited<ReturnType<typeof runNode>>) => [...result.json(NODE_UNDER_TEST, 0), ...result.json(NODE_UNDER_TEST, 1)];

describe('Detect Churn Risk: input shapes', () => {
	it('aggregates raw CDNOW orders per customer and reproduces the published BG/NBD and Gamma-Gamma fits', async () => {
		const orders = cdnowOrders();
		const result = await runNode({
			type: 'detectChurnRisk',
			parameters: { method: 'bgNbd', inputShape: 'transaction', customerIdColumn: 'customer', timeUnit: 'weeks', horizon: 39, asOf: calibrationEnd },
			items: orders,
		});
		expect(result.error).toBeUndefined();
		const [model] = result.json(NODE_UNDER_TEST, 2);
		expect(model.customersUsed).toBe(2357);
		const p = model.parameters as Record<string, number>;
		// Same data as the published summary except T, which the summary rounds to 0.01 week: same tolerances.
		expect(Math.abs(p.r - 0.243)).toBeLessThanOrEqual(0.001);
		expect(Math.abs(p.alpha - 4.414)).toBeLessThanOrEqual(0.001);
		expect(Math.abs(p.a - 0.793)).toBeLessThanOrEqual(0.001);
		expect(Math.abs(p.b - 2.426)).toBeLessThanOrEqual(0.001);
		const spend = model.spendParameters as Record<string, number>;
		expect(model.spendCustomersUsed).toBe(946);
		expect(Math.abs(spend.p - 6.25)).toBeLessThanOrEqual(0.01);
		expect(Math.abs(spend.q - 3.74)).toBeLessThanOrEqual(0.01);
		expect(Math.abs(spend.gamma - 15.44)).toBeLessThanOrEqual(0.01);
		// Every order is paired with its customer's item; every customer appears once.
		const customers = scored(result);
		expect(customers).toHaveLength(2357);
		const pairs = result.items(NODE_UNDER_TEST, 0).concat(result.items(NODE_UNDER_TEST, 1)).flatMap((i) => [i.pairedItem].flat());
		expect(pairs).toHaveLength(orders.length);
		// Customer 1 ordered on 1997-01-01, 1997-01-18 and 1997-08-02.
		const first = customers.find((c) => c.customer === '1')!;
		expect(first).toMatchObject({ firstPurchaseAt: '1997-01-01T00:00:00+00:00', lastPurchaseAt: '1997-08-02T00:00:00+00:00', orderCount: 3 });
		const churn = first.churn as Record<string, number>;
		// x = 2, t_x = 30.43, T = 38.86 as in the published summary: P(alive) 0.7266, 1.226 purchases in 39 weeks.
		expect(Math.abs(churn.probabilityAlive - 0.7266)).toBeLessThanOrEqual(0.0005);
		expect(Math.abs(churn.expectedPurchases - 1.226)).toBeLessThanOrEqual(0.001);
	});

	it('derives x, t_x and T from first/last purchase dates and order count at the as-of date', async () => {
		const result = await runNode({
			type: 'detectChurnRisk',
			parameters: {
				method: 'bgNbd',
				modelSource: 'supplied',
				suppliedParameters: JSON.stringify({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }),
				inputShape: 'customer',
				timeUnit: 'weeks',
				horizon: 39,
				asOf: calibrationEnd,
			},
			// CDNOW customers 1 and 2: x = 2, t_x = 213 days = 30.43 weeks, T = 272 days = 38.86 weeks; x = 1, t_x = 12 days.
			items: [
				{ customerId: '1', firstPurchaseAt: '1997-01-01', lastPurchaseAt: '1997-08-02', orderCount: 3, totalSpend: 73.91 },
				{ customerId: '2', firstPurchaseAt: '1997-01-01', lastPurchaseAt: '1997-01-13', orderCount: 2 },
				{ customerId: '3', firstPurchaseAt: '1997-09-01', lastPurchaseAt: '1997-09-01', orderCount: 1 },
			],
		});
		const byId = Object.fromEntries(scored(result).map((c) => [c.customerId, c.churn as Record<string, unknown>]));
		expect(Math.abs((byId['1'].probabilityAlive as number) - 0.7266)).toBeLessThanOrEqual(0.0005);
		expect(Math.abs((byId['2'].probabilityAlive as number) - 0.2122)).toBeLessThanOrEqual(0.0005);
		expect(byId['3'].probabilityAlive).toBe(1); // BG/NBD: no repeat purchase, no evidence of dropout
		// No spend model was supplied, so no value is estimated.
		expect(byId['1'].expectedValue).toBeNull();
		expect(byId['2'].reasons).toEqual(['Probability still active is 21% (BG/NBD)', "No purchase for 260 days, 21.7 times this customer's usual interval"]);
	});

	it('flags a long-silent one-time buyer against the typical interval of the batch’s repeat buyers', async () => {
		const items = [
			{ customerId: 'r1', firstPurchaseAt: '2024-01-01', lastPurchaseAt: '2024-06-20', orderCount: 10 }, // 19.1 days
			{ customerId: 'r2', firstPurchaseAt: '2024-03-01', lastPurchaseAt: '2024-06-25', orderCount: 5 }, // 29 days
			{ customerId: 'r3', firstPurchaseAt: '2024-05-01', lastPurchaseAt: '2024-06-20', orderCount: 3 }, // 25 days
			{ customerId: 'once', firstPurchaseAt: '2024-03-01', lastPurchaseAt: '2024-03-01', orderCount: 1 }, // 122 days ago
		];
		const result = await runNode({ type: 'detectChurnRisk', parameters: { method: 'rules', asOf: '2024-07-01T00:00:00Z' }, items });
		const once = scored(result).find((c) => c.customerId === 'once')!.churn as Record<string, unknown>;
		// Median of 19.1, 29 and 25 days is 25: 122 / 25 = 4.9 intervals.
		expect(once.reasons).toEqual(['Only one purchase, 122 days ago: 4.9 times the usual interval of repeat customers']);
		expect(once.riskScore).toBe(60);
		expect(result.json(NODE_UNDER_TEST, 0).map((c) => c.customerId)).toEqual(['once']);
	});

	it('computes the spend trend from transactions over the spend window', async () => {
		const result = await runNode({
			type: 'detectChurnRisk',
			parameters: { method: 'rules', inputShape: 'transaction', asOf: '2024-07-01T00:00:00Z', spendWindowDays: 30 },
			items: [
				{ customerId: 'a', orderDate: '2024-05-05', amount: 120 },
				{ customerId: 'a', orderDate: '2024-05-20', amount: 80 },
				{ customerId: 'a', orderDate: '2024-06-10', amount: 50 },
				{ customerId: 'b', orderDate: '2024-05-10', amount: 100 },
				{ customerId: 'b', orderDate: '2024-06-12', amount: 100 },
			],
		});
		const all = scored(result);
		expect(all.map((c) => c.customerId)).toEqual(['a', 'b']);
		// a: previous window (May 2 - Jun 1) 200, recent window (Jun 1 - Jul 1) 50.
		expect((all[0].churn as { reasons: string[] }).reasons).toContain('Spend fell 75% (200 → 50) against the previous window');
		expect((all[1].churn as { reasons: string[] }).reasons).toEqual([]);
		expect(result.items(NODE_UNDER_TEST, 0).concat(result.items(NODE_UNDER_TEST, 1))[0].pairedItem).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	});

	it('fits Pareto/NBD on the CDNOW summary with the published estimates', async () => {
		const items = cdnowSummary().map((c, i) => ({ customerId: String(i + 1), x: c.x, tx: c.tx, T: c.T }));
		const result = await runNode({
			type: 'detectChurnRisk',
			parameters: { method: 'paretoNbd', inputShape: 'summary', timeUnit: 'weeks', horizon: 52, asOf: calibrationEnd },
			items,
		});
		const [model] = result.json(NODE_UNDER_TEST, 2);
		const p = model.parameters as Record<string, number>;
		expect(Math.abs(p.r - 0.553)).toBeLessThanOrEqual(0.002);
		expect(Math.abs(p.alpha - 10.578)).toBeLessThanOrEqual(0.002);
		expect(Math.abs(p.s - 0.606)).toBeLessThanOrEqual(0.002);
		expect(Math.abs(p.beta - 11.669)).toBeLessThanOrEqual(0.002);
		expect(Math.abs((model.logLikelihood as number) - -9594.98)).toBeLessThanOrEqual(0.05);
		expect(scored(result)).toHaveLength(2357);
	});

	it('routes a bad order date to the error output and scores the rest', async () => {
		const result = await runNode({
			type: 'detectChurnRisk',
			parameters: { method: 'rules', inputShape: 'transaction', asOf: '2024-07-01T00:00:00Z' },
			onError: 'continueErrorOutput',
			items: [
				{ customerId: 'a', orderDate: '2024-05-05', amount: 10 },
				{ customerId: 'a', orderDate: '31/02/2024', amount: 10 },
				{ customerId: 'b', orderDate: '2024-08-01', amount: 10 },
			],
		});
		const errors = result.json(NODE_UNDER_TEST, 3).map((e) => e.error as string);
		expect(errors).toHaveLength(2);
		expect(errors[0]).toMatch(/^Item 1: field "orderDate" is "31\/02\/2024", which /);
		expect(errors[1]).toMatch(/^Item 2: field "orderDate" is "2024-08-01"/);
		expect(scored(result).map((c) => c.customerId)).toEqual(['a']);
	});

	it('rejects supplied parameters for another method, or not JSON, as node errors', async () => {
		const base = { method: 'paretoNbd', inputShape: 'summary', modelSource: 'supplied', asOf: calibrationEnd };
		const items = [{ customerId: 'a', x: 1, tx: 2, T: 10 }];
		const other = await runNode({
			type: 'detectChurnRisk',
			parameters: { ...base, suppliedParameters: JSON.stringify({ method: 'bgNbd', parameters: { r: 1, alpha: 1, a: 1, b: 1 } }) },
			items,
		});
		expect(other.error?.message).toBe('The supplied parameters are for "bgNbd", which is not this run\'s method (expected parameters fitted with paretoNbd: set Method to theirs, or fit again)');
		const broken = await runNode({ type: 'detectChurnRisk', parameters: { ...base, suppliedParameters: '{r: 1' }, items });
		expect(broken.error?.message).toBe('Parameter "Parameters JSON" is "{r: 1", which is not valid JSON (expected the Model output item of an earlier run, or its "parameters" object)');
	});

	it('sBG with supplied parameters: monthly renewals discounted per month; 0 % discount is refused', async () => {
		const parameters = {
			method: 'sbg',
			inputShape: 'subscriber',
			modelSource: 'supplied',
			suppliedParameters: JSON.stringify({ alpha: 0.704, beta: 1.182 }),
			renewalPeriod: 'month',
			annualDiscountRate: 10,
			asOf: calibrationEnd,
		};
		const items = [
			{ customerId: 'a', tenure: 3, active: true, periodValue: 30 },
			{ customerId: 'b', tenure: 3, active: 'yes' },
			{ customerId: 'c', tenure: 2, active: 0 },
		];
		const result = await runNode({ type: 'detectChurnRisk', parameters, items });
		const byId = Object.fromEntries(scored(result).map((c) => [c.customerId, c.churn as Record<string, unknown>]));
		const d = Math.pow(1.1, 1 / 12) - 1;
		let stay = 1;
		let renewals = 0;
		for (let k = 0; k < 200_000; k++) {
			stay *= (1.182 + 3 + k) / (0.704 + 1.182 + 3 + k); // renewal 4 + k
			renewals += stay / Math.pow(1 + d, k);
		}
		expect(byId.a.expectedRenewals as number).toBeCloseTo(renewals, 3);
		expect(byId.a.expectedValue as number).toBeCloseTo(30 * renewals, 1);
		expect(byId.b.expectedRenewals).toBe(byId.a.expectedRenewals);
		expect(byId.b.expectedValue).toBeNull();
		expect(byId.a).toMatchObject({ nextRenewalProbability: Math.round(((1.182 + 3) / (0.704 + 1.182 + 3)) * 1e4) / 1e4, timeUnit: 'months', horizon: null });
		expect(byId.c).toMatchObject({ probabilityAlive: 0, riskLevel: 'critical', reasons: ['Has already churned: the contract was not renewed'] });
		const undiscounted = await runNode({ type: 'detectChurnRisk', parameters: { ...parameters, annualDiscountRate: 0 }, items });
		expect(undiscounted.error?.message).toBe('Parameter "Annual Discount Rate (%)" is 0, which is not above 0, and sBG needs a discount to value the expected future renewals (expected a percentage above 0 with sBG)');
		const purchaseModel = await runNode({ type: 'detectChurnRisk', parameters: { ...parameters, method: 'bgNbd' }, items });
		expect(purchaseModel.error?.message).toBe(
			'Parameter "Input Shape" is "One Item per Subscriber", which BG/NBD cannot score: it needs purchase histories (expected another Input Shape for BG/NBD, or Method sBG or Rules Only for subscribers)',
		);
	});
});
