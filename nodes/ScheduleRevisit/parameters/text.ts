import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { batchParameter, parameterText, readColumn } from '../../common';
import { ConfigError, describeValue } from '../../shared/input';

/**
 * A text parameter; a cleared one (null) is "". Anything else that is not text or a number (true, a
 * list, an object), which String() would turn into "true", "1,2" or "[object Object]", is a ConfigError
 * naming `label`. nodes/common reads its column parameters so (readText), but does not export it.
 */
export function readTextParameter(ctx: IExecuteFunctions, name: string, fallback: string, label: string, expected: string): string {
	const raw = batchParameter<unknown>(ctx, name, fallback, label);
	const text = raw === null || raw === undefined ? '' : parameterText(raw);
	if (text === undefined) throw new ConfigError(`Parameter "${label}" is ${describeValue(raw)}, which is not text (expected ${expected})`);
	return text;
}

/** A text parameter of the description, named by its label. */
export function readText(ctx: IExecuteFunctions, property: INodeProperties, expected: string): string {
	return readTextParameter(ctx, property.name, property.default as string, property.displayName, expected);
}

/** A column parameter that must name a column: blank is its default column. */
export function requiredColumn(ctx: IExecuteFunctions, property: INodeProperties): string {
	return readColumn(ctx, property.name, property.default as string, property.displayName);
}

/** A column parameter that may be left empty: the column is then not read. */
export function optionalColumn(ctx: IExecuteFunctions, property: INodeProperties): string {
	return readText(ctx, property, 'a column name').trim();
}
