import { scoreRfm } from '../../nodes/shared/segments';
import { NODE_UNDER_TEST, runNode } from '../helpers/runWorkflow';
import { setGeneratedItems } from '../helpers/testNodes';
import type { Report } from './run';

/** Deterministic customers: recency up to 3 years, 1-40 orders, spend roughly proportional to orders. */
function customers(n: number): Array<Record<string, unknown>> {
	let seed = 7;
	const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
	const asOf = Date.UTC(2024, 6, 1);
	return Array.from({ length: n }, (_, i) => {
		const orders = 1 + Math.floor(next() * 40);
		return {
			customerId: `C${i}`,
			lastPurchaseAt: new Date(asOf - Math.floor(next() * 1095) * 86_400_000).toISOString().slice(0, 10),
			orderCount: orders,
			totalSpend: Math.round(orders * (20 + next() * 200) * 100) / 100,
		};
	});
}

/** Peak RSS of this process while the node runs (the input items are part of it, as they are in n8n). */
function peakRss(): { sample: () => void; peakMb: () => number } {
	let peak = process.memoryUsage().rss;
	return { sample: () => (peak = Math.max(peak, process.memoryUsage().rss)), peakMb: () => peak / 2 ** 20 };
}

export async function run(report: Report): Promise<void> {
	for (const n of [10_000, 100_000, 1_000_000]) {
		const items = customers(n);
		setGeneratedItems(`segment-${n}`, items);
		const memory = peakRss();
		const timer = setInterval(memory.sample, 20);
		const result = await runNode({
			type: 'segmentCustomer',
			parameters: { method: 'rfm', asOf: '2024-07-01T00:00:00Z' },
			items: [],
			generatedKey: `segment-${n}`,
		});
		clearInterval(timer);
		memory.sample();
		if (result.error) throw result.error;
		const task = result.run.data.resultData.runData[NODE_UNDER_TEST][0];
		const out = task.data!.main[0]!.length;
		if (out !== n) throw new Error(`expected ${n} customer items, got ${out}`);
		report(`RFM + named segments, node time, ${n.toLocaleString('en')} customers`, task.executionTime / 1000, {
			...(n === 1_000_000 ? { budgetSeconds: 2 } : {}),
			peakRssMb: Math.round(memory.peakMb()),
			...(n === 1_000_000 ? { rssBudgetMb: 1536 } : {}),
		});
		setGeneratedItems(`segment-${n}`, []);
	}

	const domain = customers(1_000_000).map((c) => ({
		recencyDays: (Date.UTC(2024, 6, 1) - Date.parse(c.lastPurchaseAt as string)) / 86_400_000,
		frequency: c.orderCount as number,
		monetary: c.totalSpend as number,
	}));
	const started = process.hrtime.bigint();
	scoreRfm(domain, 5, 'en');
	report('RFM scoring alone (nodes/shared), 1,000,000 customers', Number(process.hrtime.bigint() - started) / 1e9);
}
