import type { IDataObject, INodeExecutionData, IPairedItemData } from 'n8n-workflow';
import { RAW_ERROR } from './runChecks';
import { NODE_UNDER_TEST, runNode, type NodeRunOptions, type WorkflowResult } from './runWorkflow';
import { setGeneratedItems } from './testNodes';

/**
 * The batch-shapes audit's invariants: whatever the shape of the batch (no item, one, every item the same,
 * every item refused, every customer tied, one huge customer), every input item leaves on exactly one
 * per-item output, nothing written holds NaN, Infinity or undefined, and what stops the run is a message
 * for the user, not a JavaScript error.
 */

export interface BatchRun {
	result: WorkflowResult;
	/** Every output of the node under test (the error output last under continueErrorOutput). */
	outputs: INodeExecutionData[][];
	error?: Error;
	/** The last output is n8n's error output (the run used continueErrorOutput). */
	errorOutput: boolean;
}

let runs = 0;

/** Runs a node on items given in-process (so 100,000 items need no JSON text), errors on their own output. */
export async function runBatch(options: Omit<NodeRunOptions, 'items' | 'generatedKey'>, items: IDataObject[]): Promise<BatchRun> {
	const key = `batchShapes-${runs++}`;
	setGeneratedItems(key, items);
	const onError = options.onError ?? 'continueErrorOutput';
	const result = await runNode({ ...options, onError, items: [], generatedKey: key });
	setGeneratedItems(key, []);
	const task = result.run.data.resultData.runData[NODE_UNDER_TEST]?.[0];
	const outputs = (task?.data?.main ?? []).map((o) => o ?? []);
	return { result, outputs, error: result.error, errorOutput: onError === 'continueErrorOutput' };
}

/** The input items an output item pairs with. */
export function pairedIndices(item: INodeExecutionData): number[] {
	const paired = item.pairedItem;
	if (paired === undefined) return [];
	const list = (Array.isArray(paired) ? paired : [paired]) as Array<IPairedItemData | number>;
	return list.map((p) => (typeof p === 'number' ? p : p.item));
}

/** Paths in a value that hold NaN, ±Infinity or undefined (what no output may carry). */
export function unwritable(value: unknown, path = '$'): string[] {
	if (value === undefined) return [`${path} = undefined`];
	if (typeof value === 'number') return Number.isFinite(value) ? [] : [`${path} = ${value}`];
	if (value === null || typeof value !== 'object' || value instanceof Date) return [];
	if (Array.isArray(value)) return value.flatMap((v, k) => unwritable(v, `${path}[${k}]`));
	return Object.entries(value).flatMap(([key, v]) => unwritable(v, `${path}.${key}`));
}

export interface Invariants {
	/**
	 * Outputs that carry one item per input item or per customer (the error output is added when present).
	 * Empty for a node that only reports (Measure Uplift, KPI Report): then every input item is either
	 * summarised (paired with by a report item) or refused (on the error output), never both.
	 */
	itemOutputs: number[];
	/** The run may stop with a node-level message matching this instead (the batch cannot be computed). */
	configError?: RegExp;
}

/**
 * Checks the audit's invariants on a run of `inputCount` items and returns what each input item became:
 * its output number, or 'stopped' when the whole run stopped with a node-level message.
 */
export function expectInvariants(run: BatchRun, inputCount: number, invariants: Invariants): number[] | 'stopped' {
	if (run.error) {
		expect(run.error.message).not.toMatch(RAW_ERROR);
		if (invariants.configError) expect(run.error.message).toMatch(invariants.configError);
		else throw new Error(`The run stopped: ${run.error.message}`);
		return 'stopped';
	}
	const outputOf: number[] = new Array(inputCount).fill(-1);
	const problems: string[] = [];
	const errorOutput = run.errorOutput ? run.outputs.length - 1 : -1;
	const perItem = new Set([...invariants.itemOutputs, errorOutput]);
	run.outputs.forEach((items, output) => {
		items.forEach((item, k) => {
			const where = `output ${output} item ${k}`;
			for (const path of unwritable(item.json)) problems.push(`${where}: ${path}`);
			const indices = pairedIndices(item);
			if (indices.some((index) => !(index >= 0 && index < inputCount))) problems.push(`${where} pairs with ${JSON.stringify(indices)}`);
			if (!perItem.has(output)) return;
			if (indices.length === 0) problems.push(`${where} pairs with no input item`);
			if (output === errorOutput && RAW_ERROR.test(String(item.json.error))) problems.push(`${where}: raw error ${String(item.json.error)}`);
			for (const index of indices) {
				if (outputOf[index] !== -1) problems.push(`item ${index} on outputs ${outputOf[index]} and ${output}`);
				outputOf[index] = output;
			}
		});
	});
	if (invariants.itemOutputs.length === 0) {
		const summarised = new Set(run.outputs.filter((_, output) => output !== errorOutput).flatMap((items) => items.flatMap(pairedIndices)));
		for (let index = 0; index < inputCount; index++) {
			if (outputOf[index] === -1 && !summarised.has(index)) problems.push(`item ${index} neither summarised nor refused`);
			if (outputOf[index] !== -1 && summarised.has(index)) problems.push(`item ${index} refused and summarised`);
		}
	} else for (let index = 0; index < inputCount; index++) if (outputOf[index] === -1) problems.push(`item ${index} on no output`);
	expect(problems.slice(0, 20)).toEqual([]);
	return outputOf;
}

/** The json of an output's items keyed by a customer field, for comparing runs in another order. */
export function byCustomer(items: INodeExecutionData[], key: (json: IDataObject) => unknown): Map<string, IDataObject> {
	return new Map(items.map((i) => [String(key(i.json)), i.json]));
}

/** A deterministic shuffle (the same order on every run). */
export function shuffled<T>(values: T[], seed = 7): T[] {
	const out = [...values];
	let s = seed;
	for (let k = out.length - 1; k > 0; k--) {
		s = (s * 1103515245 + 12345) % 2 ** 31;
		const j = s % (k + 1);
		[out[k], out[j]] = [out[j], out[k]];
	}
	return out;
}
