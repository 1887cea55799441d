import { z } from 'zod';
import { choiceKey, ConfigError, describeValue, numberFromText, parameterError } from '../../input';
import { COUNT_PARAMETER_RANGE } from '../../models';
import type { ModelMethod } from './types';

/** What every model parameter must be, supplied or fitted: a positive finite number. */
export const positive = z.number().finite().positive();

/** A BG/NBD or Pareto/NBD parameter: within the range a fit gives (COUNT_PARAMETER_RANGE). */
export const countParameter = z.number().finite().min(COUNT_PARAMETER_RANGE.min).max(COUNT_PARAMETER_RANGE.max);
export const COUNT_PARAMETERS_EXPECTED = `numbers from ${COUNT_PARAMETER_RANGE.min} to ${COUNT_PARAMETER_RANGE.max.toLocaleString('en')} (the range a fit gives)`;

/**
 * The supplied-parameters JSON (text or object): the Model item of an earlier run, or its `parameters`.
 * A Model item names its method and the time unit its parameters are in (weeks, days; months, quarters,
 * years for sBG); either differing from this run's is a ConfigError: rates per week read as rates per
 * day would score every customer wrongly without a word. Rules Only's Model item has no time unit (its
 * typical interval is in days): `timeUnit` undefined checks none.
 */
export function suppliedObject(method: ModelMethod | 'rules', raw: unknown, timeUnit?: string): Record<string, unknown> {
	let value = raw;
	if (typeof raw === 'string') {
		try {
			value = JSON.parse(raw);
		} catch {
			value = undefined;
		}
		if (value === undefined) throw parameterError('Parameters JSON', raw, 'is not valid JSON', 'the Model output item of an earlier run, or its "parameters" object');
	}
	const object = (value ?? {}) as Record<string, unknown>;
	if (!sameChoice(object.method, method)) {
		throw new ConfigError(`The supplied parameters are for ${describeValue(object.method)}, which is not this run's method (expected parameters fitted with ${method}: set Method to theirs, or fit again)`);
	}
	if (timeUnit !== undefined && !sameChoice(object.timeUnit, timeUnit)) {
		throw new ConfigError(
			`The supplied parameters are in ${describeValue(object.timeUnit)}, which is not this run's time unit (expected "${timeUnit}": parameters are tied to the time unit they were fitted in; set Time Unit or Renewal Period to theirs, or fit again)`,
		);
	}
	return object;
}

/**
 * Whether a Model item's method or time unit is this run's, as the rule for choices in items reads them
 * (a Model item kept in a sheet or a database comes back padded, in another case or full-width: NFKC,
 * trimmed, any case); none given (missing, null, "") is no contradiction.
 */
function sameChoice(given: unknown, wanted: string): boolean {
	if (given === undefined || given === null) return true;
	if (typeof given !== 'string') return false;
	const text = choiceKey(given);
	return text === '' || text === wanted.toLowerCase();
}

/** The model's own parameters out of a supplied object, checked against its schema (`expected` says what it wants). */
export function suppliedParameters<S extends z.ZodObject<Record<string, z.ZodNumber>>>(
	method: ModelMethod,
	schema: S,
	object: Record<string, unknown>,
	expected = 'positive numbers',
): z.infer<S> {
	return suppliedNumbers(`${method} parameters`, schema, object.parameters ?? object, expected);
}

/**
 * Numbers of a supplied Model item (`what`: "bgNbd parameters", "spendParameters"), each checked by its
 * rule in `schema`. A Model item read back from a database's numeric columns holds them as text ("0.243"),
 * read as the item fields' numbers are (numberFromText); anything else that is no number in range (NaN, a
 * list, null, a missing key) is named with its value, every such key at once.
 */
export function suppliedNumbers<S extends z.ZodObject<Record<string, z.ZodNumber>>>(what: string, schema: S, source: unknown, expected: string): z.infer<S> {
	const keys = Object.keys(schema.shape);
	if (source === null || typeof source !== 'object' || Array.isArray(source)) {
		throw new ConfigError(`Supplied ${what} are ${describeValue(source)}, which is not an object of numbers; expected ${expected} for ${keys.join(', ')}`);
	}
	const values: Record<string, number> = {};
	const problems: string[] = [];
	for (const key of keys) {
		const raw = (source as Record<string, unknown>)[key];
		const value = typeof raw === 'string' ? numberFromText(raw) : raw;
		if (schema.shape[key].safeParse(value).success) values[key] = (value as number) + 0;
		else problems.push(`${key}: ${describeValue(raw)}`);
	}
	if (problems.length > 0) throw new ConfigError(`Supplied ${what} are malformed or out of range (${problems.join('; ')}); expected ${expected} for ${keys.join(', ')}`);
	return values as z.infer<S>;
}
