import { z } from 'zod';
import { ConfigError } from '../../input';
import type { ModelMethod } from './types';

/** What every model parameter must be, supplied or fitted: a positive finite number. */
export const positive = z.number().finite().positive();

/** The supplied-parameters JSON (text or object): the Model item of an earlier run, or its `parameters`. */
export function suppliedObject(method: ModelMethod, raw: unknown): Record<string, unknown> {
	let value = raw;
	if (typeof raw === 'string') {
		try {
			value = JSON.parse(raw);
		} catch {
			value = undefined;
		}
		if (value === undefined) throw new ConfigError(`Parameters JSON is not valid JSON: ${raw.slice(0, 80)}`);
	}
	const object = (value ?? {}) as Record<string, unknown>;
	if (object.method !== undefined && object.method !== method) {
		throw new ConfigError(`The supplied parameters are for ${String(object.method)}, but the method is ${method}`);
	}
	return object;
}

/** The model's own parameters out of a supplied object, checked against its schema. */
export function suppliedParameters<S extends z.ZodObject<Record<string, z.ZodNumber>>>(method: ModelMethod, schema: S, object: Record<string, unknown>): z.infer<S> {
	const parsed = schema.safeParse(object.parameters ?? object);
	if (!parsed.success) {
		const keys = Object.keys(schema.shape).join(', ');
		throw new ConfigError(
			`Supplied ${method} parameters are malformed or out of range (${parsed.error.issues.map((i) => `${i.path.join('.') || 'value'}: ${i.message}`).join('; ')}); expected positive numbers ${keys}`,
		);
	}
	return parsed.data;
}
