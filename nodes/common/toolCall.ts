import { NodeConnectionTypes, type IDataObject, type IExecuteFunctions, type INode, type INodeExecutionData } from 'n8n-workflow';
import { ConfigError } from '../shared/input';
import { toNodeError } from './errors';

/**
 * Whether n8n runs the node as an AI agent's tool. The agent gets output 0 only, so in a tool call every
 * answer (a healthy customer, a skipped message, an error) must leave there. n8n calls a tool two ways:
 * - n8n-core's node-as-tool wrapper (createNodeAsTool: the AI Agent up to version 2, and other tool
 *   users) passes the agent's arguments as one item; `isToolExecution()` says so (n8n-core 2.8 and 2.41;
 *   a context without it is never such a call);
 * - the AI Agent from version 3 asks the engine to run the tool node (an engine request) with the
 *   arguments as its one item; the engine marks that node `rewireOutputLogTo: ai_tool` and hands the
 *   agent the node's output 0.
 */
export function isToolCall(ctx: IExecuteFunctions): boolean {
	const probe = (ctx as Partial<Pick<IExecuteFunctions, 'isToolExecution'>>).isToolExecution;
	if (typeof probe === 'function' && probe.call(ctx) === true) return true;
	return ctx.getNode().rewireOutputLogTo === NodeConnectionTypes.AiTool;
}

/**
 * A tool call's answer to an error: the message (field, value, what was expected) and what to check,
 * with no "Item 0" (the agent passed one thing). It leaves as an item on output 0 whatever the node's
 * error setting: thrown, it would fail the agent's whole run (n8n 2.8) or reach the agent without the
 * description (2.41) instead of telling the agent what was wrong.
 */
export function toolErrorItem(node: INode, error: unknown, itemIndices: number | number[]): INodeExecutionData {
	const indices = typeof itemIndices === 'number' ? [itemIndices] : itemIndices;
	const nodeError = toNodeError(node, error);
	const json: IDataObject = { error: nodeError.message };
	if (nodeError.description) json.description = nodeError.description;
	// No `error` property: the agent reads the json only, and n8n's engine would replace the json by the bare message.
	return { json, pairedItem: indices.length === 1 ? { item: indices[0] } : indices.map((item) => ({ item })) };
}

/** Every output's items on output 0, in output order; the node's other outputs stay (empty) for their count. */
export function onFirstOutput(outputs: INodeExecutionData[][]): INodeExecutionData[][] {
	if (outputs.every((items, o) => o === 0 || items.length === 0)) return outputs;
	return [outputs.flat(), ...outputs.slice(1).map(() => [])];
}

/**
 * A setting that makes no sense for one customer alone refuses the tool call, saying what to set instead.
 * `what` names the setting as the user sees it, `why` says why one customer is not enough.
 */
export function refuseInToolCall(what: string, why: string, instead: string): never {
	throw new ConfigError(`As an AI-agent tool this node gets one customer per call, so ${what} cannot be used: ${why}. ${instead}`);
}
