import type { IDataObject } from 'n8n-workflow';
import { cdnowSummary } from '../models/cdnowData';
import { NODE_UNDER_TEST, runNode, type WorkflowResult } from '../helpers/runWorkflow';

/**
 * One absurd value (1e308, an epoch in a count column) is an error for its own item, naming item and
 * field: it never reaches a result as Infinity (V1) and never breaks the fit for everyone (V3).
 */
const asOf = '1997-09-30T00:00:00Z';
const DAY_MS = 86_400_000;

function nonFinitePaths(value: unknown, path = ''): string[] {
	if (typeof value === 'number') return Number.isFinite(value) ? [] : [path];
	if (value === null || typeof value !== 'object') return [];
	return Object.entries(value).flatMap(([key, v]) => nonFinitePaths(v, `${path}.${key}`));
}

function outputsOf(result: WorkflowResult, count: number): IDataObject[][] {
	return Array.from({ length: count }, (_, o) => result.json(NODE_UNDER_TEST, o));
}

/** The bad item leaves alone on the error output with the field named; every other item is scored with finite numbers. */
function expectOnlyItemRejected(result: WorkflowResult, total: number, badIndex: number, field: string) {
	expect(result.error).toBeUndefined();
	const [atRisk, healthy, model, errors] = outputsOf(result, 4);
	expect(errors.map((e) => e.error)).toEqual([expect.stringMatching(new RegExp(`^Item ${badIndex}: field "${field}" is `))]);
	expect(atRisk.length + healthy.length).toBe(total - 1);
	expect(nonFinitePaths([...atRisk, ...healthy, ...model])).toEqual([]);
	return { scored: [...atRisk, ...healthy], model };
}

const cdnowItems = () => cdnowSummary().map((c, i) => ({ customerId: String(i + 1), x: c.x, tx: c.tx, T: c.T, monetary: 20 + (i % 7) }));

describe('V3: one absurd value in a fitted batch is that item’s error; the fit runs on the rest', () => {
	it.each([
		['x', 1e308],
		['x', 1767225600000],
		['T', 1e308],
		['T', 1767225600000],
		['monetary', 1e308],
	])('summary shape, %s = %p', async (field, value) => {
		const items: IDataObject[] = cdnowItems();
		items[17] = { ...items[17], [field]: value };
		const result = await runNode({
			type: 'detectChurnRisk',
			parameters: { method: 'bgNbd', inputShape: 'summary', horizon: 39, asOf },
			items,
			onError: 'continueErrorOutput',
		});
		const { model } = expectOnlyItemRejected(result, items.length, 17, field);
		expect(model[0]).toMatchObject({ customersUsed: items.length - 1, converged: true });
	});

	it.each([['orderCount', 1e308], ['orderCount', 1767225600000], ['totalSpend', 1e308]])('customer shape, %s = %p', async (field, value) => {
		const end = Date.parse(asOf);
		const weeks = (w: number) => new Date(end - w * 7 * DAY_MS).toISOString().slice(0, 10);
		const items: IDataObject[] = cdnowSummary().map((c, i) => ({
			customerId: String(i + 1),
			firstPurchaseAt: weeks(Math.round(c.T)),
			// Whole weeks, with a repeat buyer's last purchase at least a week after the first.
			lastPurchaseAt: weeks(Math.round(c.T) - (c.x > 0 ? Math.min(Math.round(c.T), Math.max(1, Math.round(c.tx))) : 0)),
			orderCount: c.x + 1,
			totalSpend: 30 * (c.x + 1),
		}));
		items[5] = { ...items[5], [field]: value };
		const result = await runNode({
			type: 'detectChurnRisk',
			parameters: { method: 'paretoNbd', inputShape: 'customer', horizon: 26, asOf },
			items,
			onError: 'continueErrorOutput',
		});
		expectOnlyItemRejected(result, items.length, 5, field);
	});
});

describe('a time finer than any date (under 1 millisecond) is its item’s error, naming field, value and range', () => {
	it.each([
		['paretoNbd', 'T', { x: 0, tx: 0, T: 5e-324 }],
		['paretoNbd', 'T', { x: 0, tx: 0, T: 1e-300 }],
		['bgNbd', 'T', { x: 0, tx: 0, T: 5e-324 }],
		['paretoNbd', 'tx', { x: 2, tx: 1e-200, T: 1e-100 }],
		['paretoNbd', 'tx', { x: 2, tx: 5e-324, T: 30 }],
		['bgNbd', 'tx', { x: 1, tx: 1e-12, T: 30 }],
	])('%s, %s in %j', async (method, field, values) => {
		const items: IDataObject[] = cdnowItems();
		items[17] = { ...items[17], ...values };
		const result = await runNode({ type: 'detectChurnRisk', parameters: { method, inputShape: 'summary', horizon: 39, asOf }, items, onError: 'continueErrorOutput' });
		const { model } = expectOnlyItemRejected(result, items.length, 17, field);
		expect(outputsOf(result, 4)[3][0].error).toMatch(
			new RegExp(`^Item 17: field "${field}" is [\\d.e-]+, which is shorter than 1 millisecond \\(1\\.65\\d*e-9 weeks\\), finer than any date shows \\(expected 0 or a number from 1\\.65\\d*e-9 to 10435\\.7`),
		);
		expect(model[0]).toMatchObject({ customersUsed: items.length - 1, converged: true });
	});

	it('one millisecond itself is a customer: scored', async () => {
		const items: IDataObject[] = cdnowItems();
		items[17] = { ...items[17], x: 0, tx: 0, T: 1 / (7 * DAY_MS) };
		const result = await runNode({ type: 'detectChurnRisk', parameters: { method: 'paretoNbd', inputShape: 'summary', horizon: 39, asOf }, items, onError: 'continueErrorOutput' });
		expect(result.error).toBeUndefined();
		const [atRisk, healthy, , errors] = outputsOf(result, 4);
		expect(errors).toEqual([]);
		expect(nonFinitePaths([...atRisk, ...healthy])).toEqual([]);
	});
});

describe('V1: no Infinity written into results', () => {
	const bgNbd = JSON.stringify({ method: 'bgNbd', parameters: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, spendParameters: { p: 6.25, q: 3.74, gamma: 15.44 } });

	it.each([
		['detectChurnRisk', { method: 'bgNbd', inputShape: 'customer', modelSource: 'supplied', suppliedParameters: bgNbd, asOf }, 'totalSpend', 1e308],
		['detectChurnRisk', { method: 'bgNbd', inputShape: 'summary', modelSource: 'supplied', suppliedParameters: bgNbd, asOf }, 'monetary', 1e308],
		[
			'detectChurnRisk',
			{ method: 'sbg', inputShape: 'subscriber', modelSource: 'supplied', suppliedParameters: '{"alpha":0.704,"beta":1.182}', asOf },
			'periodValue',
			1e308,
		],
		['detectChurnRisk', { method: 'sbg', inputShape: 'subscriber', modelSource: 'supplied', suppliedParameters: '{"alpha":0.704,"beta":1.182}', asOf }, 'tenure', 1e308],
		['detectChurnRisk', { method: 'rules', inputShape: 'transaction', asOf }, 'amount', 1e308],
		['detectChurnRisk', { method: 'rules', inputShape: 'customer', asOf, signals: { complaintsColumn: 'complaints' } }, 'complaints', 1e308],
	])('%s %j with %s = %p', async (type, parameters, field, value) => {
		const good = {
			customerId: 'C',
			firstPurchaseAt: '1997-01-01',
			lastPurchaseAt: '1997-06-01',
			orderCount: 3,
			totalSpend: 90,
			x: 2,
			tx: 20,
			T: 39,
			monetary: 30,
			tenure: 4,
			active: true,
			periodValue: 30,
			orderDate: '1997-06-01',
			amount: 12,
			complaints: 0,
		};
		const items = [0, 1, 2].map((i) => ({ ...good, customerId: `C${i}` }));
		items[1] = { ...items[1], [field]: value };
		const result = await runNode({ type, parameters, items, onError: 'continueErrorOutput' });
		expectOnlyItemRejected(result, 3, 1, field);
	});
});

describe('V1: Segment Customer', () => {
	it.each([
		['lifecycle', 'orderCount', 1e308],
		['rfm', 'totalSpend', 1e308],
		['valueTier', 'totalSpend', 1e308],
		['rfm', 'orderCount', 1767225600000],
	])('%s with %s = %p', async (method, field, value) => {
		const items: IDataObject[] = [0, 1, 2, 3].map((i) => ({
			customerId: `C${i}`,
			firstPurchaseAt: '2025-01-01',
			lastPurchaseAt: `2025-0${i + 2}-01`,
			orderCount: 2 + i,
			totalSpend: 100 * (i + 1),
		}));
		items[2] = { ...items[2], [field]: value };
		const result = await runNode({ type: 'segmentCustomer', parameters: { method, asOf: '2026-01-01T00:00:00Z' }, items, onError: 'continueErrorOutput' });
		expect(result.error).toBeUndefined();
		const [customers, summary, errors] = outputsOf(result, 3);
		expect(errors.map((e) => e.error)).toEqual([expect.stringMatching(new RegExp(`^Item 2: field "${field}" is `))]);
		expect(customers).toHaveLength(3);
		expect(nonFinitePaths([...customers, ...summary])).toEqual([]);
	});
});

describe('a customer far faster than the batch', () => {
	const DAY = 86_400_000;
	const batch = (inputShape: string, outliers: Record<number, { x: number; tx: number; T: number }>): IDataObject[] => {
		const end = Date.parse(asOf);
		const weeksAgo = (w: number) => new Date(end - w * 7 * DAY).toISOString();
		return cdnowItems()
			.slice(0, 300)
			.map((c, i) => {
				const o = outliers[i];
				const s = o ?? { x: c.x as number, tx: c.tx as number, T: c.T as number };
				return inputShape === 'summary'
					? { ...c, ...s }
					: { customerId: c.customerId, firstPurchaseAt: weeksAgo(s.T), lastPurchaseAt: weeksAgo(s.T - s.tx), orderCount: s.x + 1 };
			});
	};

	// The fit passes through alpha 1e4 times beta and beyond on its way; the likelihood is evaluated there.
	it.each([
		['summary', { 5: { x: 1_000_000, tx: 100, T: 110 } }],
		['summary', { 5: { x: 1000, tx: 0.01, T: 50 } }],
		['customer', { 7: { x: 1_000_000, tx: 100, T: 110 } }],
	])('is fitted with the rest when the model can be fitted with it: Pareto/NBD, %s shape, %j', async (inputShape, outliers: Record<number, { x: number; tx: number; T: number }>) => {
		const items = batch(inputShape, outliers);
		const result = await runNode({ type: 'detectChurnRisk', parameters: { method: 'paretoNbd', inputShape, horizon: 26, asOf }, items, onError: 'continueErrorOutput' });
		expect(result.error).toBeUndefined();
		const [atRisk, healthy, model, errors] = outputsOf(result, 4);
		expect(errors).toEqual([]);
		expect(model[0]).toMatchObject({ customersUsed: items.length, converged: true });
		expect(nonFinitePaths([...atRisk, ...healthy, ...model])).toEqual([]);
		// Thousands of purchases, then silent for weeks: gone.
		const index = Number(Object.keys(outliers)[0]);
		const outlier = [...atRisk, ...healthy].find((r) => r.customerId === items[index].customerId)!;
		expect((outlier.churn as IDataObject).probabilityAlive).toBeLessThan(0.01);
	});

	it('is left out, fastest first, of a fit that fails with it: Pareto/NBD runs off with two customers of millions of purchases', async () => {
		const items = batch('summary', { 5: { x: 1_000_000, tx: 100, T: 110 }, 9: { x: 3_000_000, tx: 100, T: 110 } });
		const result = await runNode({ type: 'detectChurnRisk', parameters: { method: 'paretoNbd', inputShape: 'summary', horizon: 26, asOf }, items, onError: 'continueErrorOutput' });
		expect(result.error).toBeUndefined();
		const [atRisk, healthy, model, errors] = outputsOf(result, 4);
		expect(errors.map((e) => e.error)).toEqual([
			expect.stringMatching(/^Item 9: field "x" is 3000000, which with t_x 100 and T 110 is a purchase rate \d+ times the batch's median: Pareto\/NBD could not be fitted with this customer, so it was fitted on the others/),
		]);
		expect(atRisk.length + healthy.length).toBe(items.length - 1);
		expect(model[0]).toMatchObject({ customersUsed: items.length - 1, converged: true });
		expect(nonFinitePaths([...atRisk, ...healthy, ...model])).toEqual([]);
	});
});

describe('a yes/no column given a list or an object', () => {
	// String() made ["yes"] "yes" and [1] "1": a list read as an active contract or a declining satisfaction.
	it.each([[['yes']], [[1]], [{ a: 1 }]])('Active %j is that item’s error', async (active) => {
		const items = [
			{ customerId: 'S1', tenure: 3, active: true },
			{ customerId: 'S2', tenure: 5, active },
			{ customerId: 'S3', tenure: 2, active: 'no' },
		];
		const parameters = { method: 'sbg', inputShape: 'subscriber', modelSource: 'supplied', suppliedParameters: '{"alpha":0.704,"beta":1.182}', asOf };
		const result = await runNode({ type: 'detectChurnRisk', parameters, items, onError: 'continueErrorOutput' });
		expect(result.error).toBeUndefined();
		expect(outputsOf(result, 4)[3].map((e) => e.error)).toEqual([`Item 1: field "active" is "${JSON.stringify(active)}", which is not a yes/no value (expected true/false, 1/0 or yes/no)`]);
	});

	it('Satisfaction Declining ["true"] is that item’s error', async () => {
		const items = cdnowSummary()
			.slice(0, 3)
			.map((c, i) => ({ customerId: `C${i}`, x: c.x, tx: c.tx, T: c.T, declining: i === 1 ? ['true'] : false }));
		const parameters = { method: 'rules', inputShape: 'summary', signals: { decliningColumn: 'declining' }, asOf };
		const result = await runNode({ type: 'detectChurnRisk', parameters, items, onError: 'continueErrorOutput' });
		expect(outputsOf(result, 4)[3].map((e) => e.error)).toEqual(['Item 1: field "declining" is "[\"true\"]", which is not a yes/no value (expected true/false, 1/0 or yes/no)']);
	});
});
