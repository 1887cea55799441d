import { NodeOperationError, type INode, type INodeExecutionData } from 'n8n-workflow';
import { ConfigError, InputError } from '../shared/input';

/** Turns any error from the domain code into the NodeOperationError n8n shows, prefixed with the item. */
export function toNodeError(node: INode, error: unknown, itemIndex?: number): NodeOperationError {
	if (error instanceof NodeOperationError) return error;
	const message = error instanceof Error ? error.message : String(error);
	const prefix = itemIndex === undefined ? '' : `Item ${itemIndex}: `;
	const description =
		error instanceof InputError
			? `Check the column mapped to "${error.field}"${itemIndex === undefined ? '' : ` in item ${itemIndex}`}. Expected ${error.expected}.`
			: error instanceof ConfigError
				? 'Check the node parameters.'
				: undefined;
	return new NodeOperationError(node, `${prefix}${message}`, { itemIndex, description });
}

/**
 * The item that leaves under continue-on-fail for a rejected input item (or customer made of several).
 * n8n's engine moves items carrying `error` to the error output ("Continue (using error output)"; under
 * "Continue (regular output)" they stay where placed) and, under either mode, replaces the JSON of every
 * item carrying an item-level error with `{ error }`: the input item's fields do not travel with it. The
 * field, value and expected form travel in the message and the error's description.
 */
export function errorItem(node: INode, error: unknown, itemIndices: number | number[]): INodeExecutionData {
	const indices = typeof itemIndices === 'number' ? [itemIndices] : itemIndices;
	const nodeError = toNodeError(node, error, indices[0]);
	return {
		json: { error: nodeError.message },
		error: nodeError,
		pairedItem: indices.length === 1 ? { item: indices[0] } : indices.map((item) => ({ item })),
	};
}
