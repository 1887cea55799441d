import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { readChoice, readColumn } from '../common';

/** A parameter's description by name: its label, default and choices are read from here, so they cannot drift. */
export function described(properties: INodeProperties[], name: string): INodeProperties {
	const property = properties.find((p) => p.name === name);
	if (!property) throw new Error(`No parameter "${name}" in this list`);
	return property;
}

/** An options or boolean parameter against its description's choices (readChoice). */
export function choice<T>(ctx: IExecuteFunctions, properties: INodeProperties[], name: string): T {
	return readChoice<T>(ctx, described(properties, name));
}

/** A column parameter with its description's default and label (readColumn). */
export function columnOf(ctx: IExecuteFunctions, properties: INodeProperties[], name: string): string {
	const { default: fallback, displayName } = described(properties, name);
	return readColumn(ctx, name, fallback as string, displayName);
}
