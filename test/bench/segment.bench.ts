import { scoreRfm } from '../../nodes/shared/segments';
import { collectGarbage, PASS_THROUGH, runInEngine, seconds } from './engineTiming';
import type { Report } from './run';

const MB = 2 ** 20;

const AS_OF_MS = Date.UTC(2024, 6, 1);
const PARAMETERS = { method: 'rfm', asOf: '2024-07-01T00:00:00Z' };

/** Deterministic customers: recency up to 3 years, 1-40 orders, spend roughly proportional to orders. */
function customers(n: number): Array<Record<string, unknown>> {
	let seed = 7;
	const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
	return Array.from({ length: n }, (_, i) => {
		const orders = 1 + Math.floor(next() * 40);
		return {
			customerId: `C${i}`,
			lastPurchaseAt: new Date(AS_OF_MS - Math.floor(next() * 1095) * 86_400_000).toISOString().slice(0, 10),
			orderCount: orders,
			totalSpend: Math.round(orders * (20 + next() * 200) * 100) / 100,
		};
	});
}

const runSegment = (type: string, items: Array<Record<string, unknown>>, timezone?: string) =>
	runInEngine({ type, className: type === PASS_THROUGH ? undefined : 'SegmentCustomer', parameters: PARAMETERS, items, timezone });

/** Heap taken by the generated input items alone, measured before any engine run so nothing else is freed meanwhile. */
const footprints = new Map<number, number>();
function inputFootprintMb(n: number): number {
	let mb = footprints.get(n);
	if (mb === undefined) {
		collectGarbage();
		const before = process.memoryUsage().heapUsed;
		const items = customers(n);
		collectGarbage();
		mb = (process.memoryUsage().heapUsed - before) / MB;
		footprints.set(n, mb);
		if (items.length !== n) throw new Error('generator');
	}
	return mb;
}

export async function run(report: Report): Promise<void> {
	for (const n of [10_000, 100_000, 1_000_000]) inputFootprintMb(n);
	// Warm-up, as in a running n8n instance: the first execution compiles the code.
	await runSegment('segmentCustomer', customers(20_000));
	await runSegment(PASS_THROUGH, customers(20_000));

	for (const n of [10_000, 100_000, 1_000_000]) {
		let items = customers(n);
		const inputMb = inputFootprintMb(n);

		const node = await runSegment('segmentCustomer', items);
		if (node.outputs[0] !== n) throw new Error(`expected ${n} customer items, got ${node.outputs[0]}`);
		const engine = await runSegment(PASS_THROUGH, items);
		const count = n.toLocaleString('en');
		const large = n === 1_000_000;
		report(`RFM + named segments, node time in the engine, ${count} customers`, node.seconds, {
			...(large ? { budgetSeconds: 2 } : {}),
			inExecute: Number(node.executeSeconds.toFixed(3)),
			inExecuteCpu: Number(node.executeCpuSeconds.toFixed(3)),
			peakRssMb: Math.round(node.peakRssMb),
			...(large ? { rssBudgetMb: 1536 } : {}),
			inputItemsMb: Math.round(inputMb),
		});
		report(`pass-through node on the same ${count} items (n8n engine alone)`, engine.seconds, { peakRssMb: Math.round(engine.peakRssMb) });
		items = [];
	}
	await segmentInZone(report);

	const domain = customers(1_000_000).map((c) => ({
		recencyDays: (AS_OF_MS - Date.parse(c.lastPurchaseAt as string)) / 86_400_000,
		frequency: c.orderCount as number,
		monetary: c.totalSpend as number,
	}));
	collectGarbage();
	const started = process.hrtime.bigint();
	scoreRfm(domain, 5, 'en');
	report('RFM scoring alone (nodes/shared), 1,000,000 customers', seconds(started));
}

/** Last purchases are read, and recency counted, on the zone's calendar: the 1,000,000-customer case in Asia/Shanghai. */
export async function segmentInZone(report: Report): Promise<void> {
	const items = customers(1_000_000);
	await runSegment('segmentCustomer', items.slice(0, 20_000), 'Asia/Shanghai');
	collectGarbage();
	const node = await runSegment('segmentCustomer', items, 'Asia/Shanghai');
	if (node.outputs[0] !== items.length) throw new Error(`expected ${items.length} customer items, got ${node.outputs[0]}`);
	report('RFM + named segments in Asia/Shanghai, node time in the engine, 1,000,000 customers', node.seconds, {
		inExecute: Number(node.executeSeconds.toFixed(3)),
		inExecuteCpu: Number(node.executeCpuSeconds.toFixed(3)),
	});
}
