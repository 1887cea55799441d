import { spawnSync } from 'child_process';
import { SEGMENT_PATHS } from '../../nodes/SegmentCustomer/execute';
import { collectGarbage, PASS_THROUGH, runInEngine } from './engineTiming';
import { rng } from '../models/simulate';
import type { Report } from './run';

/**
 * Segment Customer on one item per transaction: BENCH_TRANSACTIONS orders (default 1,000,000 and
 * 5,000,000) of a fifth as many customers, in n8n's engine. The target (issue 14): no slower than
 * pandas' groupby + qcut on the same work, 3.5 s on a quiet machine, and peak RSS under 2.5 GB.
 * Each size, and n8n's pass-through of the same items, runs in a child process of its own, so one
 * run's heap does not inflate the next one's memory. BENCH_GENERAL_PATH=1 also times the general path
 * (summariseTransactions, an object per transaction) for comparison.
 */
const AS_OF_MS = Date.UTC(2024, 6, 1);
const PARAMETERS = { method: 'rfm', inputShape: 'transaction', asOf: '2024-07-01T00:00:00Z' };
const CASE_VARIABLE = 'BENCH_SEGMENT_TRANSACTIONS_CASE';
const RESULT_MARK = 'segmentTransactions result: ';

type Path = 'column' | 'general' | 'passThrough';
/** The workflow's time zone: UTC as the issue measured, and one most of our users run (days are counted on its calendar). */
type Zone = 'UTC' | 'Asia/Shanghai';

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

const rssMb = () => process.memoryUsage().rss / 1048576;

/** One case in this (child) process: the items, then one engine run; the figures as one JSON line. */
async function runCase(n: number, path: Path, timezone: Zone): Promise<void> {
	await runInEngine({ type: 'segmentCustomer', className: 'SegmentCustomer', parameters: PARAMETERS, items: transactions(50_000), timezone });
	const items = transactions(n);
	collectGarbage();
	const itemsRssMb = rssMb();
	SEGMENT_PATHS.columnarTransactions = path !== 'general';
	const run =
		path === 'passThrough'
			? await runInEngine({ type: PASS_THROUGH, parameters: {}, items, timezone })
			: await runInEngine({ type: 'segmentCustomer', className: 'SegmentCustomer', parameters: PARAMETERS, items, timezone });
	console.log(RESULT_MARK + JSON.stringify({ ...run, itemsRssMb }));
}

function inChild(n: number, path: Path, zone: Zone = 'UTC'): (Awaited<ReturnType<typeof runInEngine>> & { itemsRssMb: number }) | undefined {
	const child = spawnSync(process.execPath, [...process.execArgv, __filename], {
		env: { ...process.env, [CASE_VARIABLE]: `${n}:${path}:${zone}` },
		encoding: 'utf8',
		maxBuffer: 64 * 1024 * 1024,
	});
	const line = child.stdout.split('\n').find((l) => l.startsWith(RESULT_MARK));
	if (!line) {
		console.error(`segmentTransactions: ${n} items, ${path}, ${zone}: no result (exit ${child.status})\n${child.stderr.slice(-2000)}`);
		process.exitCode = 1;
		return undefined;
	}
	return JSON.parse(line.slice(RESULT_MARK.length));
}

export async function run(report: Report): Promise<void> {
	const sizes = (process.env.BENCH_TRANSACTIONS ?? '1000000,5000000').split(',').map(Number);
	const paths: Path[] = process.env.BENCH_GENERAL_PATH === '1' ? ['column', 'general'] : ['column'];
	for (const n of sizes) {
		const count = n.toLocaleString('en');
		for (const path of paths) {
			const node = inChild(n, path);
			if (!node) continue;
			// The budgets are the issue's, for 5,000,000 items.
			const budgets = n === 5_000_000 ? { budgetSeconds: 3.5 } : {};
			report(`RFM from ${count} transaction items (${node.outputs[0].toLocaleString('en')} customers), ${path} path, node time in the engine`, node.seconds, {
				...budgets,
				inExecute: Number(node.executeSeconds.toFixed(3)),
				inExecuteCpu: Number(node.executeCpuSeconds.toFixed(3)),
				itemsRssMb: Math.round(node.itemsRssMb),
				peakRssMb: Math.round(node.peakRssMb),
				...(n === 5_000_000 ? { rssBudgetMb: 2560 } : {}),
			});
		}
		const engine = inChild(n, 'passThrough');
		if (engine) report(`pass-through node on the same ${count} items (n8n engine alone)`, engine.seconds, { itemsRssMb: Math.round(engine.itemsRssMb), peakRssMb: Math.round(engine.peakRssMb) });
	}
	// Same-day orders are collapsed on the workflow zone's calendar: outside UTC that is a zone offset per order.
	const zoned = Number(process.env.BENCH_TRANSACTIONS_IN_ZONE ?? '1000000');
	const node = zoned > 0 ? inChild(zoned, 'column', 'Asia/Shanghai') : undefined;
	if (node) {
		report(`RFM from ${zoned.toLocaleString('en')} transaction items in Asia/Shanghai, column path, node time in the engine`, node.seconds, {
			inExecute: Number(node.executeSeconds.toFixed(3)),
			inExecuteCpu: Number(node.executeCpuSeconds.toFixed(3)),
		});
	}
}

const childCase = process.env[CASE_VARIABLE];
if (childCase && require.main === module) {
	const [n, path, zone] = childCase.split(':');
	runCase(Number(n), path as Path, zone as Zone).then(
		// n8n-core leaves module-level handles open after an engine run; the figures are printed.
		() => process.exit(0),
		(error) => {
			console.error(error);
			process.exit(1);
		},
	);
}
