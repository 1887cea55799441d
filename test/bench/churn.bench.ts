import type { IDataObject } from 'n8n-workflow';
import { runInEngine } from './engineTiming';
import { NODE_UNDER_TEST, runNode } from '../helpers/runWorkflow';
import { setGeneratedItems } from '../helpers/testNodes';
import { rng, simulateBgNbd } from '../models/simulate';
import type { Report } from './run';

const AS_OF = Date.UTC(2024, 6, 1);
const DAY = 86_400_000;
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * Customers as a CRM exports them: first/last purchase dates, order count and total spend, with
 * BG/NBD-distributed histories (CDNOW-like parameters, in weeks) over the 52 weeks before the as-of
 * date, and a satisfaction score and complaint count for the rule signals.
 */
function customers(n: number): Array<Record<string, unknown>> {
	const u = rng(31);
	return simulateBgNbd(n, { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, 77, true).map((c, i) => {
		const first = AS_OF - Math.round(c.T * 7) * DAY;
		return {
			customerId: `C${i}`,
			firstPurchaseAt: day(first),
			lastPurchaseAt: day(first + Math.round(c.tx * 7) * DAY),
			orderCount: c.x + 1,
			totalSpend: Math.round((c.x + 1) * (15 + 30 * u()) * 100) / 100,
			csat: Math.round(40 + 60 * u()),
			tickets: u() < 0.1 ? 2 : 0,
		};
	});
}

async function timeNode(report: Report, name: string, key: string, parameters: IDataObject, expected: number, extra: Record<string, unknown> = {}, timezone?: string) {
	const result = await runNode({ type: 'detectChurnRisk', parameters, items: [], generatedKey: key, timezone });
	if (result.error) throw result.error;
	const task = result.run.data.resultData.runData[NODE_UNDER_TEST][0];
	const out = task.data!.main[0]!.length + task.data!.main[1]!.length;
	if (out !== expected) throw new Error(`${name}: expected ${expected} customer items, got ${out}`);
	report(name, task.executionTime / 1000, { atRisk: task.data!.main[0]!.length, ...extra });
}

export async function run(report: Report): Promise<void> {
	const signals = { satisfactionColumn: 'csat', complaintsColumn: 'tickets' };
	for (const n of [10_000, 100_000]) {
		const key = `churn-${n}`;
		setGeneratedItems(key, customers(n));
		const base = { inputShape: 'customer', timeUnit: 'weeks', horizon: 26, asOf: new Date(AS_OF).toISOString(), signals };
		const count = n.toLocaleString('en');
		await timeNode(report, `BG/NBD fit + Gamma-Gamma + score + rules, node time, ${count} customers`, key, { ...base, method: 'bgNbd' }, n);
		await timeNode(report, `Pareto/NBD fit + Gamma-Gamma + score + rules, node time, ${count} customers`, key, { ...base, method: 'paretoNbd' }, n);
		await timeNode(report, `Rules only, node time, ${count} customers`, key, { ...base, method: 'rules' }, n);
		setGeneratedItems(key, []);
	}

	// Orders: 100,000 transactions aggregated by the node before fitting.
	const orders: Array<Record<string, unknown>> = [];
	const u = rng(5);
	for (const c of customers(30_000)) {
		const first = Date.parse(c.firstPurchaseAt as string);
		const last = Date.parse(c.lastPurchaseAt as string);
		const count = c.orderCount as number;
		for (let k = 0; k < count; k++) {
			const at = k === 0 ? first : k === count - 1 ? last : first + Math.round((u() * (last - first)) / DAY) * DAY;
			orders.push({ customerId: c.customerId, orderDate: day(at), amount: Math.round(20 + 40 * u()) });
		}
	}
	setGeneratedItems('churn-orders', orders);
	const fromOrders = { method: 'bgNbd', inputShape: 'transaction', timeUnit: 'weeks', horizon: 26, asOf: new Date(AS_OF).toISOString() };
	await timeNode(report, `BG/NBD from ${orders.length.toLocaleString('en')} orders (30,000 customers), node time`, 'churn-orders', fromOrders, 30_000);
	// Orders are collapsed per day, and ages counted, on the zone's calendar: the same run in Asia/Shanghai.
	await timeNode(report, `BG/NBD from ${orders.length.toLocaleString('en')} orders (30,000 customers) in Asia/Shanghai, node time`, 'churn-orders', fromOrders, 30_000, {}, 'Asia/Shanghai');

	// Scoring a million customers with supplied BG/NBD parameters (no fit): the node's own cost per customer.
	const supplied = {
		inputShape: 'customer',
		timeUnit: 'weeks',
		horizon: 26,
		asOf: new Date(AS_OF).toISOString(),
		signals,
		method: 'bgNbd',
		modelSource: 'supplied',
		suppliedParameters: JSON.stringify({ method: 'bgNbd', parameters: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } }),
	};
	await runInEngine({ type: 'detectChurnRisk', className: 'DetectChurnRisk', parameters: supplied, items: customers(20_000) });
	const scored = await runInEngine({ type: 'detectChurnRisk', className: 'DetectChurnRisk', parameters: supplied, items: customers(1_000_000) });
	if (scored.outputs[0] + scored.outputs[1] !== 1_000_000) throw new Error(`expected 1,000,000 customer items, got ${scored.outputs[0] + scored.outputs[1]}`);
	report('BG/NBD supplied parameters + rules, node time in the engine, 1,000,000 customers', scored.seconds, {
		inExecute: Number(scored.executeSeconds.toFixed(3)),
		peakRssMb: Math.round(scored.peakRssMb),
		atRisk: scored.outputs[0],
	});
}
