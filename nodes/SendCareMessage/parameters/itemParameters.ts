import type { IExecuteFunctions } from 'n8n-workflow';
import { differenceText, firstItemValue } from '../../common';
import { ConfigError, describeValue, parameterError } from '../../shared/input';

/**
 * What is wrong with a parameter value, thrown by a parameter's `read`. The caller words it: a fixed
 * value is a configuration error before any item, a value from an expression fails only its item.
 */
export class BadValue extends Error {
	constructor(
		readonly problem: string,
		readonly expected: string,
	) {
		super(problem);
		this.name = 'BadValue';
	}
}

/** A parameter whose expression gives this item an unusable value; the n8n layer adds "Item N: ". */
export class ItemParameterError extends ConfigError {
	constructor(
		readonly parameter: string,
		message: string,
	) {
		super(message);
		this.name = 'ItemParameterError';
	}
}

/** A node parameter that may differ per item, or a constant where the parameter does not apply. */
export type ParameterSpec<T> =
	| {
			/** The parameter's name in the node description. */
			name: string;
			/** Its display name, for error messages. */
			label: string;
			fallback: unknown;
			/** The value as the message needs it; throws BadValue. */
			read: (value: unknown) => T;
	  }
	| { constant: T };

export type ParameterSpecs = Record<string, ParameterSpec<unknown>>;
export type ParameterValues<S extends ParameterSpecs> = { [K in keyof S]: S[K] extends ParameterSpec<infer T> ? T : never };

/** Results kept per distinct combination of expression values; past this many the cache starts over. */
export const CACHE_LIMIT = 10_000;

/** n8n stores an expression as a string starting with "=". */
export function isExpression(raw: unknown): boolean {
	return typeof raw === 'string' && raw.startsWith('=');
}

/**
 * A reader for the parameters that apply to the whole batch (channel, consent rule, quiet hours, ledger,
 * options...), read from the first item. Where one is an expression that reads the item (readsItem),
 * every item must give it the same value, else it is a ConfigError before anything is sent: using the
 * first item's value for all would send some customers under rules that were meant for others (a
 * marketing purpose chosen per customer, say, decides whose consent is needed) without saying so. One
 * that reads no item (`$now`, another node's first item) is read once: `$now` differs by milliseconds
 * from one evaluation to the next, and is what the run means by "now".
 */
export function batchParameters(ctx: IExecuteFunctions, labelOf: (path: string) => string) {
	return <T>(name: string, fallback: T): T => {
		const { value, differs } = firstItemValue(ctx, name, fallback, name);
		if (differs) {
			throw new ConfigError(
				differenceText(differs, labelOf(differs.path)) +
					'it applies to the whole batch (expected the same value for every item: split the items with an If or Switch node and use one Send Care Message node per value)',
			);
		}
		return value;
	};
}

function worded(subject: string, value: unknown, error: BadValue): string {
	return `${subject} ${describeValue(value)}, which ${error.problem} (expected ${error.expected})`;
}

/**
 * Reads parameters that make up one item's message. A parameter without an expression is read and
 * checked once (a bad value is a ConfigError before any item) and `build` runs once when none has one.
 * A parameter with an expression is evaluated for each item with getNodeParameter(name, itemIndex); each
 * distinct combination of values is checked and built once (a Map), so 100,000 items with two distinct
 * template codes build two results. A bad value from an expression throws an ItemParameterError naming
 * the parameter and the value, for that item only.
 */
export function perItemParameters<S extends ParameterSpecs, R>(
	ctx: IExecuteFunctions,
	specs: S,
	build: (values: ParameterValues<S>) => R,
): (itemIndex: number) => R {
	const raw = ctx.getNode().parameters;
	const fixed: Record<string, unknown> = {};
	const dynamic: Array<{ key: string; name: string; label: string; fallback: unknown; read: (value: unknown) => unknown }> = [];
	for (const [key, spec] of Object.entries(specs)) {
		if ('constant' in spec) {
			fixed[key] = spec.constant;
		} else if (isExpression(raw[spec.name])) {
			dynamic.push({ key, ...spec });
		} else {
			const value = ctx.getNodeParameter(spec.name, 0, spec.fallback);
			try {
				fixed[key] = spec.read(value);
			} catch (error) {
				throw error instanceof BadValue ? parameterError(spec.label, value, error.problem, error.expected) : error;
			}
		}
	}
	if (dynamic.length === 0) {
		const only = build(fixed as ParameterValues<S>);
		return () => only;
	}

	const built = new Map<string, R>();
	return (itemIndex) => {
		const values = dynamic.map((spec) => {
			try {
				return ctx.getNodeParameter(spec.name, itemIndex, spec.fallback);
			} catch (error) {
				const message = error instanceof Error ? error.message : String(error);
				// eslint-disable-next-line @n8n/community-nodes/require-node-api-error -- a value error; execute.ts turns it into a NodeOperationError per item (toNodeError)
				throw new ItemParameterError(spec.name, `the expression of "${spec.label}" could not be evaluated: ${message}`);
			}
		});
		let key: string | undefined;
		try {
			key = JSON.stringify(values);
		} catch {
			key = undefined; // a value JSON cannot write (a cycle): built for this item only
		}
		const cached = key === undefined ? undefined : built.get(key);
		if (cached !== undefined) return cached;
		const all: Record<string, unknown> = { ...fixed };
		dynamic.forEach((spec, j) => {
			try {
				all[spec.key] = spec.read(values[j]);
			} catch (error) {
				// eslint-disable-next-line @n8n/community-nodes/require-node-api-error -- any other error passes on unchanged to execute.ts (toNodeError)
				if (!(error instanceof BadValue)) throw error;
				// eslint-disable-next-line @n8n/community-nodes/require-node-api-error -- a value error; execute.ts turns it into a NodeOperationError per item (toNodeError)
				throw new ItemParameterError(spec.name, worded(`the expression of "${spec.label}" gives`, values[j], error));
			}
		});
		const result = build(all as ParameterValues<S>);
		if (key !== undefined) {
			if (built.size >= CACHE_LIMIT) built.clear();
			built.set(key, result);
		}
		return result;
	};
}
