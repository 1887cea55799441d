import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { ConfigError } from '../../shared/input';
import { readColumn, readList } from '../../common';

/** Fills a column pattern such as "expectation.{dimension}" for one name. */
export function fillPattern(pattern: string, placeholder: string, value: string, displayName: string): string {
	const token = `{${placeholder}}`;
	if (!pattern.includes(token)) throw new ConfigError(`"${displayName}" must contain ${token}, for example "${placeholder === 'dimension' ? 'expectation.{dimension}' : 'kano.{feature}.functional'}"`);
	return pattern.split(token).join(value);
}

export const showFor = (metric: string) => ({ show: { metrics: [metric] } });

/** The parameter `name` among `properties`: reads take its default and its label from the description, so they cannot drift apart. */
export function propertyNamed(properties: INodeProperties[], name: string): INodeProperties {
	const property = properties.find((p) => p.name === name);
	if (!property) throw new Error(`No parameter "${name}" in the description`);
	return property;
}

/** A column (or column pattern) parameter: blank is its default; a value that is not text is refused naming its label. `path` for an option of a collection. */
export function readColumnOf(ctx: IExecuteFunctions, property: INodeProperties, path = property.name): string {
	return readColumn(ctx, path, property.default as string, property.displayName);
}

/** A comma-separated list parameter, refused naming its label when not text. */
export function readListOf(ctx: IExecuteFunctions, property: INodeProperties): string[] {
	return readList(ctx, property.name, property.default as string, property.displayName);
}
