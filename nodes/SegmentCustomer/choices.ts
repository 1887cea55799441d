import type { IExecuteFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { batchParameter } from '../common';
import { ConfigError } from '../shared/input';

const described = (value: unknown) => JSON.stringify(value) ?? String(value);

function property(properties: INodeProperties[], name: string): INodeProperties {
	return properties.find((p) => p.name === name)!;
}

/**
 * An options parameter's value, one of the choices its panel offers. An expression can give any value,
 * and an unknown one ran as some other choice without a word ("own" as Fixed Days).
 */
export function choice<T extends string>(ctx: IExecuteFunctions, properties: INodeProperties[], name: string): T {
	const { displayName, options, default: fallback } = property(properties, name);
	const values = (options as INodePropertyOptions[]).map((o) => o.value);
	const value = batchParameter<unknown>(ctx, name, fallback);
	if (!values.includes(value as string)) throw new ConfigError(`"${displayName}" must be one of ${values.join(', ')}; got ${described(value)}`);
	return value as T;
}

/** A boolean parameter's value: true or false, not the text "false" an expression gives, which is truthy. */
export function flag(ctx: IExecuteFunctions, properties: INodeProperties[], name: string): boolean {
	const { displayName, default: fallback } = property(properties, name);
	const value = batchParameter<unknown>(ctx, name, fallback);
	if (typeof value !== 'boolean') throw new ConfigError(`"${displayName}" must be true or false; got ${described(value)}`);
	return value;
}
