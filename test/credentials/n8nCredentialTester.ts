import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import {
	createEmptyRunExecutionData,
	ICredentialsHelper,
	NodeHelpers,
	Workflow,
	type ICredentialDataDecryptedObject,
	type ICredentialsDecrypted,
	type ICredentialTestRequest,
	type ICredentialType,
	type IHttpRequestOptions,
	type INode,
	type INodeCredentialTestResult,
	type INodeType,
	type INodeTypes,
	type IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';

process.env.N8N_USER_FOLDER ??= mkdtempSync(join(tmpdir(), 'n8n-credential-test-'));
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { CredentialTestContext, ExecuteContext, RoutingNode } = require('n8n-core') as typeof import('n8n-core');

/** Applies a credential type's `authenticate` the way n8n's CredentialsHelper does for the function form. */
class CredentialTypeHelper extends ICredentialsHelper {
	constructor(private readonly type: ICredentialType) {
		super();
	}
	getParentTypes(): string[] {
		return [];
	}
	async authenticate(credentials: ICredentialDataDecryptedObject, _type: string, options: IHttpRequestOptions) {
		const { authenticate } = this.type;
		if (authenticate === undefined) return options;
		if (typeof authenticate !== 'function') throw new Error('only function-form authenticate is supported by this harness');
		return await authenticate(credentials, options);
	}
	async preAuthentication() {
		return undefined;
	}
	async getCredentials(): Promise<never> {
		throw new Error('credentials are passed decrypted');
	}
	async getDecrypted(): Promise<never> {
		throw new Error('credentials are passed decrypted');
	}
	async updateCredentials() {}
	async updateCredentialsOauthTokenData() {}
	getCredentialsProperties() {
		return [];
	}
}

function decrypted(type: ICredentialType, data: Record<string, unknown>): ICredentialsDecrypted {
	// Untouched fields hold their defaults, as n8n stores them.
	const defaults = Object.fromEntries(type.properties.filter((p) => p.type !== 'notice').map((p) => [p.name, p.default]));
	return { id: 'cred', name: 'test credential', type: type.name, data: { ...defaults, ...data } as ICredentialDataDecryptedObject };
}

/**
 * Runs a credential's declarative `test` as n8n 2.8's CredentialsTester does: a one-node workflow whose
 * only parameter routes the test request, run by n8n-core's RoutingNode with the credential (so its
 * `authenticate` signs the request); a thrown HTTP error fails (responseCode rules name it), then the
 * responseSuccessBody rules are checked against the reply body.
 */
export async function runDeclarativeCredentialTest(type: ICredentialType, data: Record<string, unknown>): Promise<INodeCredentialTestResult> {
	const test = type.test as ICredentialTestRequest;
	const nodeType: INodeType = {
		description: {
			displayName: 'Credential test',
			name: 'credentialTest',
			group: ['transform'],
			version: 1,
			description: '',
			defaults: { name: 'Credential test' },
			inputs: ['main'],
			outputs: ['main'],
			credentials: [{ name: type.name, required: true }],
			properties: [{ displayName: 'Temp', name: 'temp', type: 'string', routing: { request: test.request }, default: '' }],
		},
	};
	const nodeTypes: INodeTypes = {
		getByName: () => nodeType,
		getByNameAndVersion: () => NodeHelpers.getVersionedNodeType(nodeType, 1) as INodeType,
		getKnownTypes: () => ({}),
	};
	const node: INode = {
		id: 'temp',
		name: 'Temp-Node',
		type: 'credentialTest',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
		credentials: { [type.name]: { id: 'cred', name: 'test credential' } },
	};
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	const additionalData = { credentialsHelper: new CredentialTypeHelper(type), variables: {} } as unknown as IWorkflowExecuteAdditionalData;
	const context = new ExecuteContext(
		workflow,
		node,
		additionalData,
		'internal',
		createEmptyRunExecutionData(),
		0,
		[],
		{ main: [[{ json: {} }]] },
		{ node, data: {}, source: null },
		[],
	);
	let response;
	try {
		response = await new RoutingNode(context, nodeType, decrypted(type, data)).runNode();
	} catch (error) {
		const status = (error as { cause?: { response?: { status: number; statusText?: string } } }).cause?.response;
		if (!status) return { status: 'Error', message: (error as Error).message };
		for (const rule of test.rules ?? []) {
			if (rule.type === 'responseCode' && rule.properties.value === status.status) return { status: 'Error', message: rule.properties.message };
		}
		return { status: 'Error', message: status.statusText || `Received HTTP status code: ${status.status}` };
	}
	const body = (response?.[0]?.[0]?.json ?? {}) as Record<string, unknown>;
	for (const rule of test.rules ?? []) {
		if (rule.type === 'responseSuccessBody' && body[rule.properties.key] === rule.properties.value) {
			return { status: 'Error', message: rule.properties.message };
		}
	}
	return { status: 'OK', message: 'Connection successful!' };
}

/** Runs a node's `testedBy` function in n8n-core's real CredentialTestContext (its request helper included). */
export async function runFunctionCredentialTest(
	test: (this: InstanceType<typeof CredentialTestContext>, credential: ICredentialsDecrypted) => Promise<INodeCredentialTestResult>,
	type: ICredentialType,
	data: Record<string, unknown>,
): Promise<INodeCredentialTestResult> {
	return await test.call(new CredentialTestContext(), decrypted(type, data));
}
