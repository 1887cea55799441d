import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import {
	NodeConnectionTypes,
	Workflow,
	type ICredentialDataDecryptedObject,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeParameters,
	type INodeType,
	type INodeTypeDescription,
	type IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';

import { nodeClasses } from '../helpers/nodeClasses';
import { NodeTypeRegistry, TestCredentialsHelper } from '../helpers/runWorkflow';
import { TestItems } from '../helpers/testNodes';

process.env.N8N_USER_FOLDER ??= mkdtempSync(join(tmpdir(), 'n8n-tool-harness-'));
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { ExecutionLifecycleHooks, WorkflowExecute } = require('n8n-core') as typeof import('n8n-core');

/** What an agent sees of one tool and what one call returned. */
export interface ToolCall {
	name: string;
	description: string;
	/** The argument names the tool's schema asks for (the node's $fromAI placeholders). */
	arguments: string[];
	/** The tool's answer as the agent gets it (a JSON string), or the error message it threw. */
	answer?: unknown;
	error?: string;
}

interface AgentTool {
	name: string;
	description: string;
	schema: { shape?: Record<string, unknown> };
	invoke(args: IDataObject): Promise<string>;
}

/**
 * Stands in for the AI Agent: asks n8n-core for the tools connected to its ai_tool input (so n8n-core's
 * createNodeAsTool wraps the node, as for the real agent) and calls each with the arguments of its
 * `calls` parameter (JSON: tool name -> arguments).
 */
class ToolCaller implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Tool Caller',
		name: 'toolCaller',
		group: ['transform'],
		version: 1,
		description: 'Calls its connected tools like an agent',
		defaults: { name: 'Tool Caller' },
		inputs: [NodeConnectionTypes.Main, { type: NodeConnectionTypes.AiTool, displayName: 'Tools', required: true }],
		outputs: [NodeConnectionTypes.Main],
		properties: [{ displayName: 'Calls', name: 'calls', type: 'json', default: '{}' }],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const calls = JSON.parse(this.getNodeParameter('calls', 0) as string) as Record<string, IDataObject>;
		const tools = ((await this.getInputConnectionData(NodeConnectionTypes.AiTool, 0)) as AgentTool[]).flat();
		const out: INodeExecutionData[] = [];
		for (const tool of tools) {
			const call: ToolCall = { name: tool.name, description: tool.description, arguments: Object.keys(tool.schema.shape ?? {}) };
			try {
				call.answer = JSON.parse(await tool.invoke(calls[tool.name] ?? {}));
			} catch (error) {
				call.error = (error as Error).message;
			}
			out.push({ json: call as unknown as IDataObject });
		}
		return [out];
	}
}

/** A node type as n8n registers its tool variant (`<name>Tool`): no inputs, one ai_tool output. */
function asTool(node: INodeType): INodeType {
	const description = { ...node.description, name: `${node.description.name}Tool`, inputs: [], outputs: [NodeConnectionTypes.AiTool] };
	return Object.assign(Object.create(node) as INodeType, { description });
}

const nodeTypes = new NodeTypeRegistry([
	...nodeClasses.flatMap((NodeClass): Array<[string, INodeType]> => {
		const node = new NodeClass();
		return node.description.usableAsTool ? [[`CUSTOM.${node.description.name}Tool`, asTool(node)]] : [];
	}),
	['test.testItems', new TestItems()],
	['test.toolCaller', new ToolCaller()],
]);

/**
 * Runs one of our nodes as an AI-agent tool through n8n-core's WorkflowExecute and node-as-tool wrapper:
 * `parameters` may use $fromAI('key', …) placeholders; `args` are what the agent passes for them.
 */
export async function callNodeAsTool(options: {
	type: string;
	parameters: INodeParameters;
	args: IDataObject;
	credentials?: Record<string, ICredentialDataDecryptedObject>;
	nodeCredentials?: Record<string, { id: string; name: string }>;
}): Promise<ToolCall> {
	const toolName = 'Care Tool';
	const nodes = [
		{ id: 's', name: 'Start', type: 'test.testItems', typeVersion: 1, position: [0, 0] as [number, number], parameters: { items: '[{}]' } },
		{ id: 'a', name: 'Agent', type: 'test.toolCaller', typeVersion: 1, position: [200, 0] as [number, number], parameters: { calls: JSON.stringify({ Care_Tool: options.args }) } },
		{
			id: 't',
			name: toolName,
			type: `CUSTOM.${options.type}Tool`,
			typeVersion: 1,
			position: [200, 200] as [number, number],
			parameters: options.parameters,
			credentials: options.nodeCredentials,
		},
	];
	const connections = {
		Start: { main: [[{ node: 'Agent', type: NodeConnectionTypes.Main, index: 0 }]] },
		[toolName]: { ai_tool: [[{ node: 'Agent', type: NodeConnectionTypes.AiTool, index: 0 }]] },
	};
	const workflow = new Workflow({ id: 'tool', name: 'tool', nodes, connections, active: false, nodeTypes, settings: { timezone: 'UTC' } });
	const hooks = new ExecutionLifecycleHooks('manual', '1', {
		id: 'tool',
		name: 'tool',
		active: false,
		nodes,
		connections,
		createdAt: new Date(),
		updatedAt: new Date(),
		isArchived: false,
		activeVersionId: null,
	});
	const additionalData = {
		credentialsHelper: new TestCredentialsHelper(options.credentials ?? {}),
		hooks,
		executeWorkflow: async () => {
			throw new Error('not used');
		},
		getRunExecutionData: async () => undefined,
		currentNodeExecutionIndex: 0,
		restApiUrl: 'http://localhost:5678/rest',
		instanceBaseUrl: 'http://localhost:5678',
		webhookBaseUrl: 'http://localhost:5678/webhook',
		webhookWaitingBaseUrl: 'http://localhost:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://localhost:5678/webhook-test',
		formWaitingBaseUrl: 'http://localhost:5678/form-waiting',
		variables: {},
		logAiEvent: () => {},
	} as unknown as IWorkflowExecuteAdditionalData;
	const run = await new WorkflowExecute(additionalData, 'manual').run({ workflow, startNode: nodes[0] });
	const error = run.data.resultData.error;
	if (error) throw error;
	const [call] = run.data.resultData.runData.Agent[0].data!.main[0]!;
	return call.json as unknown as ToolCall;
}
