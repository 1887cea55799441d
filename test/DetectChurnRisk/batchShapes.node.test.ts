import type { IDataObject } from 'n8n-workflow';
import { expectInvariants, runBatch } from '../helpers/batchShapes';
import { cdnowSummary } from '../models/cdnowData';

/**
 * The batch-shapes audit of Detect Churn Risk: degenerate and extreme batches (one customer, two, every
 * item refused, every item the same customer, every customer alike, no repeat buyers, every subscriber
 * churned or none, one customer with 10,000 orders, 100,000 identical customers) for every method and
 * input shape. Each run keeps the invariants of test/helpers/batchShapes.ts: one output per input item
 * (At Risk, Healthy or the error output; the Model item pairs with the items it was learned from), no
 * NaN, Infinity or undefined, and a batch a model cannot be fitted on stops with a message saying why
 * and what to do instead.
 */

const asOf = '2026-06-01T00:00:00Z';
const many = (n: number, f: (k: number) => IDataObject | IDataObject[]) => Array.from({ length: n }, (_, k) => f(k)).flat();
const customer = (id: string, count: number, first = '2025-01-01', last = '2026-03-01'): IDataObject => ({
	customerId: id,
	firstPurchaseAt: first,
	lastPurchaseAt: count === 1 ? first : last,
	orderCount: count,
	totalSpend: 100,
});
const summary = (id: string, x: number, tx: number, T = 50): IDataObject => ({ customerId: id, x, tx: x === 0 ? 0 : tx, T, monetary: 20 });
const subscriber = (id: string, tenure: number, active: boolean): IDataObject => ({ customerId: id, tenure, active, periodValue: 10 });
const orders = (id: string, n: number): IDataObject[] =>
	Array.from({ length: n }, (_, k) => ({ customerId: id, orderDate: new Date(Date.UTC(2024, 0, 1) + k * 3_600_000 * 2).toISOString(), amount: 10 }));

/** What a batch too small or too alike for a fit must say: what it has, what a fit needs, what to do. */
const CANNOT_FIT = /cannot be fitted on \d+ (customers|subscribers).*\(expected at least 30|^Item \d+: field "\w+" is/;

interface Case {
	name: string;
	parameters: IDataObject;
	items: IDataObject[];
	/** The fit cannot be made on this batch: the run stops saying so. */
	unfittable?: boolean;
}

const CASES: Case[] = [];
for (const method of ['bgNbd', 'paretoNbd', 'rules']) {
	const fitted = method !== 'rules';
	const p = { method, asOf, inputShape: 'customer' };
	const s = { ...p, inputShape: 'summary' };
	const t = { ...p, inputShape: 'transaction' };
	CASES.push(
		{ name: `${method}, one customer`, parameters: p, items: [customer('a', 3)], unfittable: fitted },
		{ name: `${method}, two customers`, parameters: p, items: [customer('a', 3), customer('b', 1)], unfittable: fitted },
		{ name: `${method}, every item refused`, parameters: p, items: many(40, (k) => ({ ...customer(`c${k}`, 3), firstPurchaseAt: 'x' })), unfittable: fitted },
		{ name: `${method}, every item the same customer`, parameters: p, items: many(40, () => customer('same', 3)), unfittable: fitted },
		{ name: `${method}, 40 customers alike`, parameters: p, items: many(40, (k) => customer(`c${k}`, 3)), unfittable: fitted },
		{ name: `${method}, no repeat buyers (dates)`, parameters: p, items: many(40, (k) => customer(`c${k}`, 1, `2025-0${1 + (k % 9)}-01`)), unfittable: fitted },
		{ name: `${method}, no repeat buyers (summaries)`, parameters: s, items: many(40, (k) => summary(`c${k}`, 0, 0, 10 + k)), unfittable: fitted },
		{ name: `${method}, every customer bought to the end`, parameters: s, items: many(40, (k) => summary(`c${k}`, 5, 50, 50)), unfittable: fitted },
		{ name: `${method}, one GROUP BY row of 100,000 customers`, parameters: { ...s, countColumn: 'n' }, items: [{ ...summary('g', 2, 20, 50), n: 100_000 }], unfittable: fitted },
		{ name: `${method}, one customer with 10,000 orders`, parameters: t, items: [...orders('big', 10_000), ...many(40, (k) => orders(`c${k}`, 1 + (k % 3)))], unfittable: fitted },
		{ name: `${method}, one order each`, parameters: t, items: many(40, (k) => orders(`c${k}`, 1)), unfittable: fitted },
	);
}
CASES.push({ name: 'bgNbd, 100,000 identical summaries', parameters: { method: 'bgNbd', asOf, inputShape: 'summary' }, items: many(100_000, (k) => summary(`c${k}`, 2, 20, 50)), unfittable: true });
CASES.push({ name: 'rules, 100,000 identical summaries', parameters: { method: 'rules', asOf, inputShape: 'summary' }, items: many(100_000, (k) => summary(`c${k}`, 2, 20, 50)) });

const sbg = { method: 'sbg', asOf, inputShape: 'subscriber' };
const varied = (k: number) => subscriber(`c${k}`, 1 + (k % 7), k % 3 !== 0);
CASES.push(
	{ name: 'sbg, one subscriber', parameters: sbg, items: [subscriber('a', 3, true)], unfittable: true },
	{ name: 'sbg, every subscriber churned', parameters: sbg, items: many(40, (k) => subscriber(`c${k}`, 1 + (k % 5), false)), unfittable: true },
	{ name: 'sbg, nobody churned', parameters: sbg, items: many(40, (k) => subscriber(`c${k}`, 1 + (k % 5), true)), unfittable: true },
	{ name: 'sbg, every item the same subscriber', parameters: sbg, items: many(40, () => subscriber('same', 3, false)), unfittable: true },
	{ name: 'sbg, 60 varied subscribers', parameters: sbg, items: many(60, varied) },
	{ name: 'sbg, 60 varied subscribers and one refused', parameters: sbg, items: [...many(60, varied), subscriber('bad', -2, true)] },
);

describe('Detect Churn Risk: batch shapes', () => {
	it.each(CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
		const run = await runBatch({ type: 'detectChurnRisk', parameters: c.parameters }, c.items);
		expectInvariants(run, c.items.length, { itemOutputs: [0, 1] });
		if (c.unfittable) {
			// Under continue-on-fail every item leaves on the error output with the reason; otherwise the run stops with it.
			expect(run.outputs[3]).toHaveLength(c.items.length);
			const stopped = await runBatch({ type: 'detectChurnRisk', parameters: c.parameters, onError: 'stopWorkflow' }, c.items);
			expect(expectInvariants(stopped, c.items.length, { itemOutputs: [0, 1], configError: CANNOT_FIT })).toBe('stopped');
			expect(stopped.error?.message).toMatch(/Supply parameters|Rules only|at least 5 churned and some still active|^Item \d+: field/);
			return;
		}
		// The Model item: one, pairing with the items the customers came from.
		expect(run.outputs[2]).toHaveLength(1);
		const modelPairs = new Set((run.outputs[2][0].pairedItem as Array<{ item: number }>).map((p) => p.item));
		const refused = new Set(run.outputs[3].flatMap((i) => ((Array.isArray(i.pairedItem) ? i.pairedItem : [i.pairedItem]) as Array<{ item: number }>).map((p) => p.item)));
		for (let k = 0; k < c.items.length; k++) expect(modelPairs.has(k) || refused.has(k)).toBe(true);
	}, 120_000);

	// Under continue-on-fail, the items refused before a fit that then fails all leave with the fit's
	// message: "cannot be fitted on 1 customers", while 39 of the 40 items were refused as duplicates
	// and their own reason is lost (runRouted, nodes/common/routing.ts, S: D-to-S.md).
	it('items refused before a failed fit keep their own error', async () => {
		const items = many(40, () => customer('same', 3));
		const run = await runBatch({ type: 'detectChurnRisk', parameters: { method: 'bgNbd', asOf, inputShape: 'customer' } }, items);
		expect(run.outputs[3]).toHaveLength(40);
		expect(run.outputs[3][1].json.error).toMatch(/customerId.*also the customer ID of item 0/);
		expect(run.outputs[3][0].json.error).toMatch(/BG\/NBD cannot be fitted on 1 customers/);
	});

	// A customer whose first purchase is at the As Of (a new customer of the day, with As Of at midnight
	// and date-only purchase dates) has x = 0, t_x = 0, T = 0. Given as orders the node scored them
	// (P(alive) 1, Rules Only: low risk); by dates or as a summary the same customer was refused as "an
	// impossible customer: T (customer age) is 0; it must be > 0", by Rules Only too, which reads no T.
	// BG/NBD and Pareto/NBD are defined there (x = 0, T = 0: likelihood 1, P(alive) 1).
	const supplied = JSON.stringify({ method: 'bgNbd', parameters: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } });
	it.each([
		['Rules Only', { method: 'rules' }],
		['BG/NBD, supplied parameters', { method: 'bgNbd', modelSource: 'supplied', suppliedParameters: supplied }],
	])('%s: a customer whose first purchase is at the As Of gets the same result in every input shape', async (_name, method) => {
		const shapes: Array<[string, IDataObject]> = [
			['transaction', { customerId: 'new', orderDate: asOf, amount: 10 }],
			['customer', { customerId: 'new', firstPurchaseAt: asOf, lastPurchaseAt: asOf, orderCount: 1 }],
			['summary', { customerId: 'new', x: 0, tx: 0, T: 0 }],
		];
		const results = [];
		for (const [inputShape, item] of shapes) {
			const run = await runBatch({ type: 'detectChurnRisk', parameters: { ...method, asOf, inputShape } }, [item]);
			expect(run.outputs[3].map((i) => i.json.error)).toEqual([]);
			const { probabilityAlive, riskLevel } = [...run.outputs[0], ...run.outputs[1]][0].json.churn as IDataObject;
			results.push({ probabilityAlive, riskLevel });
		}
		expect(results[1]).toEqual(results[0]);
		expect(results[2]).toEqual(results[0]);
	});

	// A fit over a batch with new customers of the day: they count (likelihood 1) and are scored alive.
	it.each(['bgNbd', 'paretoNbd'])('%s fitted on a batch with customers whose first purchase is at the As Of', async (method) => {
		const varied = cdnowSummary().slice(0, 500).map((c, k): IDataObject => ({ customerId: `c${k}`, ...c }));
		const items = [...varied, ...many(5, (k) => summary(`new${k}`, 0, 0, 0))];
		const run = await runBatch({ type: 'detectChurnRisk', parameters: { method, asOf, inputShape: 'summary' }, onError: 'stopWorkflow' }, items);
		expect(run.error?.message).toBeUndefined();
		expectInvariants(run, items.length, { itemOutputs: [0, 1] });
		const fresh = [...run.outputs[0], ...run.outputs[1]].filter((i) => String(i.json.customerId).startsWith('new'));
		expect(fresh.map((i) => (i.json.churn as IDataObject).probabilityAlive)).toEqual([1, 1, 1, 1, 1]);
		expect((run.outputs[2][0].json as IDataObject).customersUsed).toBe(505);
	});
});
