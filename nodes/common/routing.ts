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
	/** Input items rejected so far (a rejected customer of three items counts three). */
	rejectedItems = 0;
	private readonly placed: Array<INodeExecutionData | undefined>;
	private readonly outputOf: Uint8Array;
	private filled = 0;
	/** Placed items not on output 0, kept by place() so outputs() need not scan every item to know. */
	private offFirstOutput = 0;

	constructor(
		ctx: IExecuteFunctions,
		itemCount: number,
		private readonly outputCount: number,
		/** Where error items go under continue-on-fail; the engine moves them to the error output when there is one. */
		private readonly failureOutput = 0,
	) {
		this.node = ctx.getNode();
		this.continueOnFail = ctx.continueOnFail();
		this.toolCall = isToolCall(ctx);
		this.placed = new Array(itemCount);
		this.outputOf = new Uint8Array(itemCount);
	}

	/** The result of the input item `itemIndex` (or of the customer whose first item it is). */
	place(itemIndex: number, output: number, item: INodeExecutionData): void {
		if (this.placed[itemIndex] === undefined) this.filled++;
		else if (this.outputOf[itemIndex] !== 0) this.offFirstOutput--;
		if (output !== 0) this.offFirstOutput++;
		this.placed[itemIndex] = item;
		this.outputOf[itemIndex] = output;
	}

	/** A bad item (or customer): throws the per-item node error, or under continue-on-fail places an error item. */
	reject(error: unknown, itemIndices: number | number[]): void {
		const indices = typeof itemIndices === 'number' ? [itemIndices] : itemIndices;
		if (this.toolCall) this.place(indices[0], 0, toolErrorItem(this.node, error, indices));
		else if (!this.continueOnFail) throw toNodeError(this.node, error, indices[0]);
		else this.place(indices[0], this.failureOutput, errorItem(this.node, error, indices));
		this.rejectedItems += indices.length;
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
		if (this.outputCount === 1 || (this.filled === this.placed.length && this.offFirstOutput === 0)) {
			// Every slot on output 0 (the common case): the array is the output, no copy.
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
		for (const [output, items] of Object.entries(extra)) for (const item of items) outputs[Number(output)].push(item);
		return outputs;
	}
}

/**
 * Runs a node's execute with node-level errors (a bad parameter, a fit that fails) routed like item
 * errors. Without continue-on-fail the error stops the node, as n8n shows it. Under either Continue
 * mode every input item leaves as an error item carrying the reason on `failureOutput` (moved by the
 * engine to the error output when the node has one): n8n itself would pass the input through unchanged
 * on output 0, as if nothing had gone wrong.
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
	try {
		return await run();
	} catch (error) {
		const node = ctx.getNode();
		if (!ctx.continueOnFail()) throw toNodeError(node, error);
		const nodeError = toNodeError(node, error);
		const outputs: INodeExecutionData[][] = Array.from({ length: outputCount }, () => []);
		outputs[failureOutput] = ctx.getInputData().map((_, i) => ({ json: { error: nodeError.message }, error: nodeError, pairedItem: { item: i } }));
		return outputs;
	}
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
