import { readFileSync, writeFileSync } from 'fs';
import { setFlagsFromString } from 'v8';
import { runInNewContext } from 'vm';
import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';
import { scoreRfm } from '../../nodes/shared/segments';
import { nodeClasses } from '../helpers/nodeClasses';
import { setGeneratedItems } from '../helpers/testNodes';
import type { Report } from './run';

// A full collection before each timed part, so earlier garbage (generated items, the previous run) is
// not collected on the clock of the node. `npm run bench` does not pass --expose-gc; the flag can be
// set at run time and gc() read from a fresh context.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;
const seconds = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9;
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

/**
 * Peak resident memory of this process, read from the kernel's high-water mark (VmHWM), which catches
 * peaks inside synchronous code that a sampling timer would miss. Writing 5 to clear_refs resets it.
 */
const peakRss = {
	reset: () => writeFileSync('/proc/self/clear_refs', '5'),
	mb: () => Number(/VmHWM:\s*(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))![1]) / 1024,
};

/**
 * A node that returns its input items unchanged: what n8n's engine costs on these items by itself
 * (copying the input, paired items). Registered with the package's node classes before the harness
 * loads them (this bench runs in a process of its own).
 */
class BenchPassThrough implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Bench Pass-Through',
		name: 'benchPassThrough',
		group: ['transform'],
		version: 1,
		description: 'Returns its input items',
		defaults: { name: 'Bench Pass-Through' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [this.getInputData()];
	}
}
nodeClasses.push(BenchPassThrough);
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { NODE_UNDER_TEST, runNode } = require('../helpers/runWorkflow') as typeof import('../helpers/runWorkflow');

let executeSeconds = 0;
let executeCpuSeconds = 0;
/** Times each call of SegmentCustomer#execute, so our share of the node time can be told apart. */
function timeExecute(): void {
	// From the harness's list: a plain import of SegmentCustomer.node would resolve to its .json codex file.
	const node = nodeClasses.find((NodeClass) => NodeClass.name === 'SegmentCustomer')!.prototype;
	const execute = node.execute!;
	node.execute = async function (this: IExecuteFunctions) {
		const start = process.hrtime.bigint();
		const cpuStart = process.cpuUsage();
		try {
			return await execute.call(this);
		} finally {
			executeSeconds += seconds(start);
			const cpu = process.cpuUsage(cpuStart);
			executeCpuSeconds += (cpu.user + cpu.system) / 1e6;
		}
	};
}

interface EngineRun {
	/** The node's execution time as n8n records it (input copies, execute(), paired items). */
	seconds: number;
	/** Of that, the time inside the node's execute(). */
	executeSeconds: number;
	/** CPU time of the process (all threads, garbage collector included) inside execute(): less sensitive to other load than wall time. */
	executeCpuSeconds: number;
	peakRssMb: number;
	outputs: number[];
}

async function runInEngine(type: string, items: Array<Record<string, unknown>>): Promise<EngineRun> {
	setGeneratedItems('segment', items);
	collectGarbage();
	peakRss.reset();
	executeSeconds = 0;
	executeCpuSeconds = 0;
	const result = await runNode({ type, parameters: type === 'segmentCustomer' ? PARAMETERS : {}, items: [], generatedKey: 'segment' });
	const peakRssMb = peakRss.mb();
	setGeneratedItems('segment', []);
	if (result.error) throw result.error;
	const task = result.run.data.resultData.runData[NODE_UNDER_TEST][0];
	return { seconds: task.executionTime / 1000, executeSeconds, executeCpuSeconds, peakRssMb, outputs: task.data!.main.map((output) => output?.length ?? 0) };
}

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
	timeExecute();
	for (const n of [10_000, 100_000, 1_000_000]) inputFootprintMb(n);
	// Warm-up, as in a running n8n instance: the first execution compiles the code.
	await runInEngine('segmentCustomer', customers(20_000));
	await runInEngine('benchPassThrough', customers(20_000));

	for (const n of [10_000, 100_000, 1_000_000]) {
		let items = customers(n);
		const inputMb = inputFootprintMb(n);

		const node = await runInEngine('segmentCustomer', items);
		if (node.outputs[0] !== n) throw new Error(`expected ${n} customer items, got ${node.outputs[0]}`);
		const engine = await runInEngine('benchPassThrough', items);
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
