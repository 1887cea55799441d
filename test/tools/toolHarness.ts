import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import {
	deepCopy,
	NodeConnectionTypes,
	Workflow,
	type EngineRequest,
	type EngineResponse,
	type ICredentialDataDecryptedObject,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeParameters,
	type INodeProperties,
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

/**
 * How the agent calls the tool: through n8n-core's node-as-tool wrapper (createNodeAsTool, the AI Agent
 * up to version 2 and the other tool users), or by asking the engine to run the tool node (an engine
 * request, the AI Agent from version 3), which hands the agent the node's output 0.
 */
export type ToolPath = 'wrapper' | 'engine';
export const TOOL_PATHS: ToolPath[] = ['wrapper', 'engine'];

/**
 * A column parameter in a tool: the column name `key`, while `$fromAI` makes n8n ask the agent for an
 * argument of that name (the item the tool gets is the agent's arguments), described by `what`.
 */
export const fromAgent = (key: string, what: string, type: 'string' | 'number' | 'boolean' = 'string') => `={{ ($fromAI('${key}', '${what}', '${type}'), '${key}') }}`;

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
	metadata?: { sourceNodeName?: string };
	invoke(args: IDataObject): Promise<string>;
}

/**
 * Stands in for the AI Agent: asks n8n-core for the tools connected to its ai_tool input (so n8n-core's
 * createNodeAsTool wraps the node, as for the real agent) and calls each with the arguments of its
 * `calls` parameter (JSON: tool name -> arguments), either through the wrapper's invoke or, like the
 * AI Agent 3, with an engine request whose answer is the tool node's output 0 (an error when it has none).
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
		properties: [
			{ displayName: 'Calls', name: 'calls', type: 'json', default: '{}' },
			{ displayName: 'Via', name: 'via', type: 'string', default: 'wrapper' },
		],
	};

	async execute(this: IExecuteFunctions, response?: EngineResponse): Promise<INodeExecutionData[][] | EngineRequest> {
		const calls = JSON.parse(this.getNodeParameter('calls', 0) as string) as Record<string, IDataObject>;
		const via = this.getNodeParameter('via', 0) as ToolPath;
		const tools = ((await this.getInputConnectionData(NodeConnectionTypes.AiTool, 0)) as AgentTool[]).flat();
		const seen = (tool: AgentTool): ToolCall => ({ name: tool.name, description: tool.description, arguments: Object.keys(tool.schema.shape ?? {}) });
		if (via === 'engine') {
			if (!response?.actionResponses?.length) {
				const actions = tools.map((tool, k) => ({
					actionType: 'ExecutionNodeAction' as const,
					nodeName: tool.metadata!.sourceNodeName!,
					input: calls[tool.name] ?? {},
					type: NodeConnectionTypes.AiTool,
					id: `call_${k}`,
					metadata: { itemIndex: 0 },
				}));
				return { actions, metadata: {} };
			}
			// As the AI Agent 3 builds its observation (buildSteps): the json of the tool node's output 0.
			return [
				tools.map((tool) => {
					const call = seen(tool);
					const data = response.actionResponses.find((r) => r.action.nodeName === tool.metadata!.sourceNodeName)?.data;
					const answer = data?.data?.ai_tool?.[0]?.map((item) => item.json);
					if (answer && answer.length > 0) call.answer = answer;
					else call.error = data?.error?.message ?? 'empty answer';
					return { json: call as unknown as IDataObject };
				}),
			];
		}
		const out: INodeExecutionData[] = [];
		for (const tool of tools) {
			const call = seen(tool);
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

/**
 * A node type as n8n registers its tool variant (n8n's createAiTools and convertNodeToAiTool): the
 * `usableAsTool.replacements` applied, `<name>Tool`, no inputs, one ai_tool output, and the Tool
 * Description parameter (defaulting to the description; with a Set Automatically/Manually switch when
 * the node has an operation or resource parameter).
 */
function asTool(node: INodeType): INodeType {
	const usable = node.description.usableAsTool;
	const base = deepCopy(node.description);
	const description: INodeTypeDescription = { ...base, ...(typeof usable === 'object' ? usable.replacements : {}) };
	delete description.usableAsTool;
	description.name += 'Tool';
	description.displayName += ' Tool';
	description.inputs = [];
	description.outputs = [NodeConnectionTypes.AiTool];
	const hasOperation = description.properties.some((p) => p.name === 'operation' || p.name === 'resource');
	const toolDescription: INodeProperties = {
		displayName: 'Description',
		name: 'toolDescription',
		type: 'string',
		default: description.description,
		required: true,
		...(hasOperation ? { displayOptions: { show: { descriptionType: ['manual'] } } } : {}),
	};
	const descriptionType: INodeProperties = {
		displayName: 'Tool Description',
		name: 'descriptionType',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Set Automatically', value: 'auto' },
			{ name: 'Set Manually', value: 'manual' },
		],
		default: 'auto',
	};
	description.properties = [...(hasOperation ? [descriptionType] : []), toolDescription, ...description.properties];
	return Object.assign(Object.create(node) as INodeType, { description });
}

/** The node types n8n offers as AI-agent tools (`usableAsTool`), by node name. */
export const toolNodeNames: string[] = nodeClasses.map((NodeClass) => new NodeClass().description).filter((d) => d.usableAsTool).map((d) => d.name);

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
	/** How the agent calls the tool; the wrapper unless said. */
	via?: ToolPath;
	/** The tool node's error setting, e.g. 'continueErrorOutput'. */
	onError?: 'stopWorkflow' | 'continueRegularOutput' | 'continueErrorOutput';
}): Promise<ToolCall> {
	const toolName = 'Care Tool';
	const nodes = [
		{ id: 's', name: 'Start', type: 'test.testItems', typeVersion: 1, position: [0, 0] as [number, number], parameters: { items: '[{}]' } },
		{ id: 'a', name: 'Agent', type: 'test.toolCaller', typeVersion: 1, position: [200, 0] as [number, number], parameters: { calls: JSON.stringify({ Care_Tool: options.args }), via: options.via ?? 'wrapper' } },
		{
			id: 't',
			name: toolName,
			type: `CUSTOM.${options.type}Tool`,
			typeVersion: 1,
			position: [200, 200] as [number, number],
			parameters: options.parameters,
			credentials: options.nodeCredentials,
			...(options.onError ? { onError: options.onError } : {}),
		},
	];
	const connections = {
		Start: { main: [[{ node: 'Agent', type: NodeConnectionTypes.Main, index: 0 }]] },
		[toolName]: { ai_tool: [[{ node: 'Agent', type: NodeConnectionTypes.AiTool, index: 0 }]] },
	};
	const workflow = new Workflow({ id: 'tool', name: 'tool', nodes, connections, active: false, nodeTypes, settings: { timezone: 'UTC', executionOrder: 'v1' } });
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
	// The agent's last run: the engine path runs it twice (the request, then the resumed run with the answer).
	const [call] = run.data.resultData.runData.Agent.at(-1)!.data!.main[0]!;
	return call.json as unknown as ToolCall;
}
