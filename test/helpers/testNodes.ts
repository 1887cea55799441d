import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

/**
 * A source node for engine tests: emits the JSON items in its `items` parameter, like a database read
 * or a pinned trigger would. It runs through the same engine path as any other node.
 */
export class TestItems implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Test Items',
		name: 'testItems',
		group: ['input'],
		version: 1,
		description: 'Emits the items given in its parameter',
		defaults: { name: 'Test Items' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		properties: [{ displayName: 'Items', name: 'items', type: 'json', default: '[]' }],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const raw = this.getNodeParameter('items', 0) as unknown;
		const items = (typeof raw === 'string' ? JSON.parse(raw) : raw) as Array<Record<string, unknown>>;
		return [items.map((json) => ({ json: json as INodeExecutionData['json'] }))];
	}
}

const generated = new Map<string, Array<Record<string, unknown>>>();

/** Registers items for a `test.testGenerated` node to emit (for benchmarks too large to pass as JSON). */
export function setGeneratedItems(key: string, items: Array<Record<string, unknown>>): void {
	generated.set(key, items);
}

/** Emits items registered in-process under its `key` parameter. */
export class TestGenerated implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Test Generated',
		name: 'testGenerated',
		group: ['input'],
		version: 1,
		description: 'Emits items registered by the test process',
		defaults: { name: 'Test Generated' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		properties: [{ displayName: 'Key', name: 'key', type: 'string', default: '' }],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = generated.get(this.getNodeParameter('key', 0) as string) ?? [];
		return [items.map((json) => ({ json: json as INodeExecutionData['json'] }))];
	}
}
