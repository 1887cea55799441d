import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import {
	ICredentialsHelper,
	Workflow,
	type ICredentialDataDecryptedObject,
	type ICredentials,
	type IDataObject,
	type IHttpRequestOptions,
	type INode,
	type INodeCredentialsDetails,
	type INodeExecutionData,
	type INodeParameters,
	type INodeType,
	type INodeTypes,
	type IRun,
	type IWorkflowExecuteAdditionalData,
	type IConnections,
} from 'n8n-workflow';
import { nodeClasses } from './nodeClasses';
import { TestGenerated, TestItems } from './testNodes';

// n8n-core's InstanceSettings writes its config under N8N_USER_FOLDER; keep that out of the home folder.
process.env.N8N_USER_FOLDER ??= mkdtempSync(join(tmpdir(), 'n8n-harness-'));
// Newer n8n-core logs every node error to the console; the tests assert on the errors themselves.
process.env.N8N_LOG_LEVEL ??= 'silent';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { ExecutionLifecycleHooks, WorkflowExecute } = require('n8n-core') as typeof import('n8n-core');

/**
 * What n8n-core throws before anything runs when a node's parameters have issues (a required parameter
 * left empty): "The workflow has issues…" in 2.8, "The '<node>' node has issues: - Parameter … is required."
 * in 2.41.
 */
export const PARAMETER_ISSUES = /The workflow has issues|node has issues/;

export const TEST_ITEMS_TYPE = 'test.testItems';
export const TEST_GENERATED_TYPE = 'test.testGenerated';

/** Node types by type name, answered to the engine as n8n's registry does. */
export class NodeTypeRegistry implements INodeTypes {
	private readonly types: Map<string, INodeType>;

	constructor(entries: Iterable<[string, INodeType]>) {
		this.types = new Map(entries);
	}

	getByName(type: string): INodeType {
		const node = this.types.get(type);
		if (!node) throw new Error(`Unknown node type "${type}" (known: ${[...this.types.keys()].join(', ')})`);
		return node;
	}

	getByNameAndVersion(type: string): INodeType {
		return this.getByName(type);
	}

	getKnownTypes() {
		return {};
	}
}

/** The credential store: credentials given by the test, by credential type name. */
export class TestCredentialsHelper extends ICredentialsHelper {
	constructor(private readonly byType: Record<string, ICredentialDataDecryptedObject>) {
		super();
	}
	getParentTypes(): string[] {
		return [];
	}
	async authenticate(_c: ICredentialDataDecryptedObject, _t: string, options: IHttpRequestOptions) {
		return options;
	}
	async preAuthentication() {
		return undefined;
	}
	// n8n-core >= 2.13 asks these too (2.8 does not): no credential type of this package restricts the
	// nodes that may use it (`restrictToSupportedNodes`) or has a pre-authentication step.
	isCredentialUsableByNode(): boolean {
		return true;
	}
	async runPreAuthentication() {
		return undefined;
	}
	async getCredentials(): Promise<ICredentials> {
		throw new Error('getCredentials is not used by these nodes');
	}
	async getDecrypted(_a: IWorkflowExecuteAdditionalData, _n: INodeCredentialsDetails, type: string) {
		const data = this.byType[type];
		if (!data) throw new Error(`No test credentials of type "${type}"`);
		return data;
	}
	async updateCredentials() {}
	async updateCredentialsOauthTokenData() {}
	getCredentialsProperties() {
		return [];
	}
}

export interface WorkflowJson {
	nodes: INode[];
	connections: IConnections;
	settings?: IDataObject;
}

export interface WorkflowResult {
	run: IRun;
	/** Items of one output of a node's first run (output 0 unless given). */
	items(nodeName: string, outputIndex?: number): INodeExecutionData[];
	/** The `json` of those items. */
	json(nodeName: string, outputIndex?: number): IDataObject[];
	/** The error the execution stopped with, if any. */
	error?: Error;
}

/** Node types as a real n8n instance registers a community package: `CUSTOM.<description.name>`. */
const nodeTypes = new NodeTypeRegistry([
	...nodeClasses.map((NodeClass): [string, INodeType] => {
		const node = new NodeClass();
		return [`CUSTOM.${node.description.name}`, node];
	}),
	[TEST_ITEMS_TYPE, new TestItems()],
	[TEST_GENERATED_TYPE, new TestGenerated()],
]);

/** Runs a workflow (JSON as n8n exports it) through n8n-core's WorkflowExecute. */
export async function runWorkflow(
	workflowJson: WorkflowJson,
	options: { credentials?: Record<string, ICredentialDataDecryptedObject>; onStart?: (cancel: () => void) => void } = {},
): Promise<WorkflowResult> {
	const workflow = new Workflow({
		id: 'test',
		name: 'test',
		nodes: workflowJson.nodes,
		connections: workflowJson.connections,
		active: false,
		nodeTypes,
		settings: workflowJson.settings,
	});
	const hooks = new ExecutionLifecycleHooks('manual', '1', {
		id: 'test',
		name: 'test',
		active: false,
		nodes: workflowJson.nodes,
		connections: workflowJson.connections,
		createdAt: new Date(),
		updatedAt: new Date(),
		isArchived: false,
		activeVersionId: null,
	});
	const additionalData = {
		credentialsHelper: new TestCredentialsHelper(options.credentials ?? {}),
		hooks,
		executeWorkflow: async () => {
			throw new Error('Sub-workflows are not used in these tests');
		},
		getRunExecutionData: async () => undefined,
		currentNodeExecutionIndex: 0,
		restApiUrl: 'http://localhost:5678/rest',
		instanceBaseUrl: 'http://localhost:5678',
		formWaitingBaseUrl: 'http://localhost:5678/form-waiting',
		webhookBaseUrl: 'http://localhost:5678/webhook',
		webhookWaitingBaseUrl: 'http://localhost:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://localhost:5678/webhook-test',
		variables: {},
		logAiEvent: () => {},
		startRunnerTask: async () => {
			throw new Error('Task runners are not used in these tests');
		},
	} as unknown as IWorkflowExecuteAdditionalData;

	const startNode = workflowJson.nodes.find((n) => nodeTypes.getByName(n.type).description.inputs.length === 0);
	const execution = new WorkflowExecute(additionalData, 'manual').run({ workflow, startNode });
	// Stop, as n8n's Stop button does it: cancelling the execution aborts its cancel signal.
	options.onStart?.(() => execution.cancel());
	const run = await execution;
	const runData = run.data.resultData.runData;
	const items = (nodeName: string, outputIndex = 0): INodeExecutionData[] => {
		const task = runData[nodeName]?.[0];
		if (!task) throw new Error(`Node "${nodeName}" did not run (ran: ${Object.keys(runData).join(', ')})`);
		return task.data?.main?.[outputIndex] ?? [];
	};
	return {
		run,
		items,
		json: (nodeName, outputIndex) => items(nodeName, outputIndex).map((i) => i.json),
		error: run.data.resultData.error,
	};
}

export interface NodeRunOptions {
	type: string;
	parameters: IDataObject;
	items: IDataObject[];
	/** n8n's per-node error setting: 'continueErrorOutput' adds the error output after the node's own. */
	onError?: 'stopWorkflow' | 'continueRegularOutput' | 'continueErrorOutput';
	credentials?: Record<string, ICredentialDataDecryptedObject>;
	nodeCredentials?: INode['credentials'];
	typeVersion?: number;
	/** Workflow time zone; UTC unless given, so date-only values are deterministic. */
	timezone?: string;
	/** Emit items registered with setGeneratedItems under this key instead of `items` (benchmarks). */
	generatedKey?: string;
	/** Receives a function that stops the execution (n8n's Stop). */
	onStart?: (cancel: () => void) => void;
}

export const NODE_UNDER_TEST = 'Node Under Test';

/** Test Items -> one of our nodes: the smallest workflow that exercises a node in the real engine. */
export async function runNode(options: NodeRunOptions): Promise<WorkflowResult> {
	return runWorkflow(
		{
			nodes: [
				{
					id: 'source',
					name: 'Source',
					type: options.generatedKey ? TEST_GENERATED_TYPE : TEST_ITEMS_TYPE,
					typeVersion: 1,
					position: [0, 0],
					parameters: options.generatedKey ? { key: options.generatedKey } : { items: JSON.stringify(options.items) },
				},
				{
					id: 'under-test',
					name: NODE_UNDER_TEST,
					type: options.type.startsWith('CUSTOM.') ? options.type : `CUSTOM.${options.type}`,
					typeVersion: options.typeVersion ?? 1,
					position: [200, 0],
					parameters: options.parameters as INodeParameters,
					onError: options.onError,
					credentials: options.nodeCredentials,
				},
			],
			connections: { Source: { main: [[{ node: NODE_UNDER_TEST, type: 'main', index: 0 }]] } },
			settings: { timezone: options.timezone ?? 'UTC' },
		},
		{ credentials: options.credentials, onStart: options.onStart },
	);
}
