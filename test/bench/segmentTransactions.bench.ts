import { SEGMENT_PATHS } from '../../nodes/SegmentCustomer/execute';
import { PASS_THROUGH, runInEngine } from './engineTiming';
import { rng } from '../models/simulate';
import type { Report } from './run';

/**
 * Segment Customer on one item per transaction: BENCH_TRANSACTIONS orders (default 5,000,000) of a
 * fifth as many customers, in n8n's engine. The target (issue 14): no slower than pandas' groupby +
 * qcut on the same work, 3.5 s on a quiet machine, and peak RSS under 2.5 GB. BENCH_GENERAL_PATH=1
 * also times the general path (summariseTransactions, an object per transaction) for comparison.
 */
const AS_OF_MS = Date.UTC(2024, 6, 1);
const PARAMETERS = { method: 'rfm', inputShape: 'transaction', asOf: '2024-07-01T00:00:00Z' };

function transactions(n: number): Array<Record<string, unknown>> {
	const next = rng(3);
	const customers = Math.max(1, Math.floor(n / 5));
	// Date-only texts, as exports and SQL date columns give them: about 1,100 distinct days.
	const days = Array.from({ length: 1100 }, (_, d) => new Date(AS_OF_MS - d * 86_400_000).toISOString().slice(0, 10));
	return Array.from({ length: n }, () => ({
		customerId: `C${Math.floor(next() * customers)}`,
		orderDate: days[Math.floor(next() * next() * days.length)],
		amount: Math.round(next() * 30000) / 100,
	}));
}

export async function run(report: Report): Promise<void> {
	const n = Number(process.env.BENCH_TRANSACTIONS ?? 5_000_000);
	await runInEngine({ type: 'segmentCustomer', className: 'SegmentCustomer', parameters: PARAMETERS, items: transactions(50_000) });
	let items = transactions(n);
	const count = n.toLocaleString('en');
	const paths = process.env.BENCH_GENERAL_PATH === '1' ? [true, false] : [true];
	for (const columnar of paths) {
		SEGMENT_PATHS.columnarTransactions = columnar;
		const node = await runInEngine({ type: 'segmentCustomer', className: 'SegmentCustomer', parameters: PARAMETERS, items });
		report(`RFM from ${count} transaction items (${node.outputs[0].toLocaleString('en')} customers), ${columnar ? 'column path' : 'general path'}, node time in the engine`, node.seconds, {
			budgetSeconds: 3.5,
			inExecute: Number(node.executeSeconds.toFixed(3)),
			inExecuteCpu: Number(node.executeCpuSeconds.toFixed(3)),
			peakRssMb: Math.round(node.peakRssMb),
			rssBudgetMb: 2560,
		});
	}
	SEGMENT_PATHS.columnarTransactions = true;
	const engine = await runInEngine({ type: PASS_THROUGH, parameters: {}, items });
	report(`pass-through node on the same ${count} items (n8n engine alone)`, engine.seconds, { peakRssMb: Math.round(engine.peakRssMb) });
	items = [];
}
