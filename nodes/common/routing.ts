import type { IExecuteFunctions, INode, INodeExecutionData } from 'n8n-workflow';
import { errorItem, toNodeError } from './errors';
import { isToolCall, onFirstOutput, toolErrorItem } from './toolCall';

/**
 * Places every input item on exactly one output, in input order. A result for a customer made of
 * several input items is placed where its first item was; a rejected item becomes an error item on the
 * failure output under continue-on-fail, and stops the node otherwise.
 *
 * In an AI agent's tool call (see toolCall.ts) the answer leaves on output 0, the only output the agent
 * gets: each result whatever output it was placed on, a rejected item as an answer saying what was
 * wrong whatever the node's error setting, and no extra items: a summary, report, agenda or model of a
 * batch of one would only repeat the customer's own answer.
 */
export class ItemRouter {
	readonly node: INode;
	readonly continueOnFail: boolean;
	/** The node runs as an AI agent's tool: one item in, every answer on output 0. */
	readonly toolCall: boolean;
	/** Input items rejected so far (a rejected customer of three items counts three): by reject() and placeRejected() only. */
	get rejectedItems(): number {
		return this.rejectedCount;
	}
	private rejectedCount = 0;
	/**
	 * The placements while they come on output 0 in rising input order, which is the usual run (a result
	 * per item, or per customer at its first item): they are output 0 as it is, with no slot per input
	 * item (40 MB on 5,000,000 transaction items). `inOrderIndex` holds their input items once one is not
	 * its own position (a customer of several items). The first placement out of that order moves them
	 * into the slots below, for good.
	 */
	private inOrder: INodeExecutionData[] | undefined = [];
	private inOrderIndex: number[] | undefined;
	/** The input item of the last placement kept in order. */
	private lastInOrder = -1;
	/** A slot per input item, and its output. */
	private placed: Array<INodeExecutionData | undefined> = [];
	private outputOf = new Uint8Array(0);
	private filled = 0;
	/** Placed items not on output 0, kept by place() so outputs() need not scan every item to know. */
	private offFirstOutput = 0;
	/**
	 * Under continue-on-fail, each rejection's error item and the input items it stands for: should the
	 * run then fail as a whole, runRouted gives these items their own error, not the node-level one.
	 */
	private readonly rejections: Array<{ indices: number[]; item: INodeExecutionData }> = [];

	constructor(
		ctx: IExecuteFunctions,
		private readonly itemCount: number,
		private readonly outputCount: number,
		/** Where error items go under continue-on-fail; the engine moves them to the error output when there is one. */
		private readonly failureOutput = 0,
	) {
		this.node = ctx.getNode();
		this.continueOnFail = ctx.continueOnFail();
		this.toolCall = isToolCall(ctx);
		routersOf.set(ctx, [...(routersOf.get(ctx) ?? []), this]);
	}

	/** The result of the input item `itemIndex` (or of the customer whose first item it is). */
	place(itemIndex: number, output: number, item: INodeExecutionData): void {
		const { inOrder } = this;
		if (inOrder !== undefined) {
			if (output === 0 && itemIndex > this.lastInOrder) {
				if (this.inOrderIndex === undefined && itemIndex !== inOrder.length) this.inOrderIndex = Array.from({ length: inOrder.length }, (_, k) => k);
				this.inOrderIndex?.push(itemIndex);
				inOrder.push(item);
				this.lastInOrder = itemIndex;
				return;
			}
			this.toSlots(inOrder);
		}
		if (this.placed[itemIndex] === undefined) this.filled++;
		else if (this.outputOf[itemIndex] !== 0) this.offFirstOutput--;
		if (output !== 0) this.offFirstOutput++;
		this.placed[itemIndex] = item;
		this.outputOf[itemIndex] = output;
	}

	private toSlots(inOrder: INodeExecutionData[]): void {
		this.placed = new Array(this.itemCount);
		this.outputOf = new Uint8Array(this.itemCount);
		for (let k = 0; k < inOrder.length; k++) this.placed[this.inOrderIndex === undefined ? k : this.inOrderIndex[k]] = inOrder[k];
		this.filled = inOrder.length;
		this.inOrder = undefined;
		this.inOrderIndex = undefined;
	}

	/** A bad item (or customer): throws the per-item node error, or under continue-on-fail places an error item. */
	reject(error: unknown, itemIndices: number | number[]): void {
		const indices = typeof itemIndices === 'number' ? [itemIndices] : itemIndices;
		if (this.toolCall) this.place(indices[0], 0, toolErrorItem(this.node, error, indices));
		else if (!this.continueOnFail) throw toNodeError(this.node, error, indices[0]);
		else {
			const item = errorItem(this.node, error, indices);
			this.place(indices[0], this.failureOutput, item);
			this.rejections.push({ indices, item });
		}
		this.rejectedCount += indices.length;
	}

	/** The error items placed by reject() under continue-on-fail, each with the input items it stands for. */
	rejected(): ReadonlyArray<{ indices: number[]; item: INodeExecutionData }> {
		return this.rejections;
	}

	/**
	 * A bad item the node places itself, in its own shape (Send Care Message's Failed item keeps the
	 * customer's fields): placed as place() does, counted in rejectedItems as reject() counts. It is not
	 * n8n's error item, so a run that then fails (runRouted) does not reuse it.
	 */
	placeRejected(itemIndex: number, output: number, item: INodeExecutionData): void {
		this.place(itemIndex, output, item);
		this.rejectedCount++;
	}

	/** Runs `read` for one item, rejecting it when it throws; undefined then. */
	attempt<T>(itemIndices: number | number[], read: () => T): T | undefined {
		try {
			return read();
		} catch (error) {
			this.reject(error, itemIndices);
			return undefined;
		}
	}

	/** The outputs, each in input order; `extra` items (summaries, models) are appended to their output, except in a tool call. */
	outputs(extra: Record<number, INodeExecutionData[]> = {}): INodeExecutionData[][] {
		if (this.toolCall) return onFirstOutput(this.outputsOf({}));
		return this.outputsOf(extra);
	}

	private outputsOf(extra: Record<number, INodeExecutionData[]>): INodeExecutionData[][] {
		const outputs: INodeExecutionData[][] = [];
		if (this.inOrder !== undefined) {
			outputs.push(this.inOrder);
			for (let o = 1; o < this.outputCount; o++) outputs.push([]);
		} else if (this.outputCount === 1 || (this.filled === this.placed.length && this.offFirstOutput === 0)) {
			// Every slot on output 0: the array is the output, no copy.
			outputs.push(this.filled === this.placed.length ? (this.placed as INodeExecutionData[]) : this.placed.filter((item) => item !== undefined));
			for (let o = 1; o < this.outputCount; o++) outputs.push([]);
		} else {
			for (let o = 0; o < this.outputCount; o++) outputs.push([]);
			const { placed, outputOf } = this;
			for (let i = 0; i < placed.length; i++) {
				const item = placed[i];
				if (item !== undefined) outputs[outputOf[i]].push(item);
			}
		}
		for (const [output, items] of Object.entries(extra)) {
			const o = Number(output);
			// Output 0 may be the router's own array: extras go on a copy, so a later place() still finds it as it was.
			if (items.length > 0 && (outputs[o] === this.inOrder || outputs[o] === this.placed)) outputs[o] = outputs[o].slice();
			for (const item of items) outputs[o].push(item);
		}
		return outputs;
	}
}

/** The routers a node's run made, so runRouted finds the items they refused before the run failed. */
const routersOf = new WeakMap<IExecuteFunctions, ItemRouter[]>();

/**
 * Runs a node's execute with node-level errors (a bad parameter, a fit that fails) routed like item
 * errors. Without continue-on-fail the error stops the node, as n8n shows it. Under either Continue
 * mode every input item leaves as an error item carrying the reason on `failureOutput` (moved by the
 * engine to the error output when the node has one): n8n itself would pass the input through unchanged
 * on output 0, as if nothing had gone wrong. An item the run had already refused (an ItemRouter's
 * reject) keeps its own error item: "also the customer ID of item 0", not "cannot be fitted on 1
 * customers", which names none of its reasons.
 *
 * In an AI agent's tool call every item of every output leaves on output 0, and a node-level error
 * comes back there as the answer (see toolCall.ts), so the agent never gets an empty answer.
 */
export async function runRouted(
	ctx: IExecuteFunctions,
	outputCount: number,
	run: () => Promise<INodeExecutionData[][]> | INodeExecutionData[][],
	failureOutput = 0,
): Promise<INodeExecutionData[][]> {
	if (isToolCall(ctx)) return runToolCall(ctx, outputCount, run);
	routersOf.delete(ctx);
	try {
		return await run();
	} catch (error) {
		const node = ctx.getNode();
		if (!ctx.continueOnFail()) throw toNodeError(node, error);
		const nodeError = toNodeError(node, error);
		const outputs: INodeExecutionData[][] = Array.from({ length: outputCount }, () => []);
		outputs[failureOutput] = failedRunItems(ctx.getInputData().length, routersOf.get(ctx) ?? [], (i) => ({ json: { error: nodeError.message }, error: nodeError, pairedItem: { item: i } }));
		return outputs;
	} finally {
		routersOf.delete(ctx);
	}
}

/**
 * One error item per input item, in input order: a refused item's own (a customer of several items:
 * one item, placed at its first), every other item the run's error (`runError`).
 */
function failedRunItems(itemCount: number, routers: ItemRouter[], runError: (itemIndex: number) => INodeExecutionData): INodeExecutionData[] {
	const own = new Map<number, INodeExecutionData>();
	const covered = new Uint8Array(itemCount);
	for (const router of routers) {
		for (const { indices, item } of router.rejected()) {
			if (indices.some((i) => covered[i])) continue;
			own.set(indices[0], item);
			for (const i of indices) covered[i] = 1;
		}
	}
	const items: INodeExecutionData[] = [];
	for (let i = 0; i < itemCount; i++) {
		const refused = own.get(i);
		if (refused !== undefined) items.push(refused);
		else if (!covered[i]) items.push(runError(i));
	}
	return items;
}

async function runToolCall(
	ctx: IExecuteFunctions,
	outputCount: number,
	run: () => Promise<INodeExecutionData[][]> | INodeExecutionData[][],
): Promise<INodeExecutionData[][]> {
	try {
		return onFirstOutput(await run());
	} catch (error) {
		const node = ctx.getNode();
		const outputs: INodeExecutionData[][] = Array.from({ length: outputCount }, () => []);
		outputs[0] = ctx.getInputData().map((_, i) => toolErrorItem(node, error, i));
		return outputs;
	}
}
