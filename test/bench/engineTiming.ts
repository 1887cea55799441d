import { readFileSync, writeFileSync } from 'fs';
import {
	NodeConnectionTypes,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';
import { setFlagsFromString } from 'v8';
import { runInNewContext } from 'vm';
import { nodeClasses } from '../helpers/nodeClasses';
import { setGeneratedItems } from '../helpers/testNodes';

// A full collection before each timed part, so earlier garbage (generated items, the previous run) is
// not collected on the clock of the code under test. `npm run bench` does not pass --expose-gc; the
// flag can be set at run time and gc() read from a fresh context.
setFlagsFromString('--expose-gc');
export const collectGarbage = runInNewContext('gc') as () => void;
export const seconds = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9;

/**
 * Peak resident memory of this process, read from the kernel's high-water mark (VmHWM), which catches
 * peaks inside synchronous code that a sampling timer would miss. Writing 5 to clear_refs resets it.
 */
export const peakRss = {
	reset: () => writeFileSync('/proc/self/clear_refs', '5'),
	mb: () => Number(/VmHWM:\s*(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))![1]) / 1024,
};

/**
 * A node that returns its input items unchanged: what n8n's engine costs on these items by itself
 * (copying the input, paired items). Registered with the package's node classes before the harness
 * loads them: importing this module first is enough (each bench file runs in a process of its own).
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

export const PASS_THROUGH = 'benchPassThrough';

/** Time spent inside execute() of each timed node class since the last engine run began. */
const inExecute = { seconds: 0, cpuSeconds: 0 };
const timed = new Set<string>();

/** Times each call of the node class's execute(), so its share of the node time can be told apart. */
function timeExecute(className: string): void {
	if (timed.has(className)) return;
	timed.add(className);
	// From the harness's list: a plain import of X.node would resolve to its .json codex file.
	const node = nodeClasses.find((NodeClass) => NodeClass.name === className)!.prototype;
	const execute = node.execute!;
	node.execute = async function (this: IExecuteFunctions) {
		const start = process.hrtime.bigint();
		const cpuStart = process.cpuUsage();
		try {
			return await execute.call(this);
		} finally {
			inExecute.seconds += seconds(start);
			const cpu = process.cpuUsage(cpuStart);
			inExecute.cpuSeconds += (cpu.user + cpu.system) / 1e6;
		}
	};
}

export interface EngineRun {
	/** The node's execution time as n8n records it (input copies, execute(), paired items). */
	seconds: number;
	/** Of that, the time inside the node's execute(). */
	executeSeconds: number;
	/** CPU time of the process (all threads, garbage collector included) inside execute(): less sensitive to other load than wall time. */
	executeCpuSeconds: number;
	peakRssMb: number;
	/** Items on each output. */
	outputs: number[];
}

export interface EngineRunOptions {
	/** The node type's name (`segmentCustomer`), or PASS_THROUGH. */
	type: string;
	/** The node class, to time its execute(); not needed for PASS_THROUGH. */
	className?: string;
	parameters: IDataObject;
	items: Array<Record<string, unknown>>;
	timezone?: string;
}

/** Runs one node on the items in n8n's real engine, after a full collection, and reports its times. */
export async function runInEngine(options: EngineRunOptions): Promise<EngineRun> {
	if (options.className) timeExecute(options.className);
	setGeneratedItems('bench', options.items);
	collectGarbage();
	peakRss.reset();
	inExecute.seconds = 0;
	inExecute.cpuSeconds = 0;
	const result = await runNode({
		type: options.type,
		parameters: options.type === PASS_THROUGH ? {} : options.parameters,
		items: [],
		generatedKey: 'bench',
		timezone: options.timezone,
	});
	const peakRssMb = peakRss.mb();
	setGeneratedItems('bench', []);
	if (result.error) throw result.error;
	const task = result.run.data.resultData.runData[NODE_UNDER_TEST][0];
	return {
		seconds: task.executionTime / 1000,
		executeSeconds: inExecute.seconds,
		executeCpuSeconds: inExecute.cpuSeconds,
		peakRssMb,
		outputs: task.data!.main.map((output) => output?.length ?? 0),
	};
}
