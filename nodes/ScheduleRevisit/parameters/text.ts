import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { readTextParameter } from '../../common';

/** A text parameter of the description, named by its label. */
export function readText(ctx: IExecuteFunctions, property: INodeProperties, expected: string): string {
	return readTextParameter(ctx, property.name, property.default as string, property.displayName, expected);
}

/** A column parameter that may be left empty: the column is then not read. */
export function optionalColumn(ctx: IExecuteFunctions, property: INodeProperties): string {
	return readText(ctx, property, 'a column name').trim();
}
