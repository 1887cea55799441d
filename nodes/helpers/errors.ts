import { NodeOperationError, type INode, type INodeExecutionData } from 'n8n-workflow';
import { ConfigError, InputError } from '../shared/input';

/** Turns any error from the domain code into the NodeOperationError n8n shows, prefixed with the item. */
export function toNodeError(node: INode, error: unknown, itemIndex?: number): NodeOperationError {
	if (error instanceof NodeOperationError) return error;
	const message = error instanceof Error ? error.message : String(error);
	const prefix = itemIndex === undefined ? '' : `Item ${itemIndex}: `;
	const description =
		error instanceof InputError
			? `Check the column mapped to "${error.field}" in item ${itemIndex ?? ''}. Expected ${error.expected}.`
			: error instanceof ConfigError
				? 'Check the node parameters.'
				: undefined;
	return new NodeOperationError(node, `${prefix}${message}`, { itemIndex, description });
}

/**
 * The item that leaves on the error output under continue-on-fail. n8n's engine rewrites the json of
 * any item carrying `error` to `{ error: message }` (and routes only such items to the error output),
 * so the field, value and expected form travel in the message and in the error's description.
 */
export function errorItem(node: INode, error: unknown, itemIndex: number): INodeExecutionData {
	const nodeError = toNodeError(node, error, itemIndex);
	return { json: { error: nodeError.message }, error: nodeError, pairedItem: { item: itemIndex } };
}
