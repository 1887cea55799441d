import { isDeepStrictEqual } from 'util';
import type { IExecuteFunctions, INodeProperties, INodePropertyCollection, INodePropertyOptions } from 'n8n-workflow';
import type { Language } from '../shared/format/language';
import { ConfigError, describeExpected, describeValue, InputError, numberFromText, parameterError, parseDate, rangeProblem, type NumberRules } from '../shared/input';
import { toNodeError } from './errors';

/** What a parameter may carry besides its name, label, type and default (display rules, type options, …). */
export type ParameterExtras = Omit<Partial<INodeProperties>, 'name' | 'displayName' | 'type' | 'default' | 'description'>;

/**
 * One n8n parameter of `type`. The builders below are the one way descriptions declare a parameter:
 * name, label, default, description, then whatever else it needs (displayOptions, typeOptions, …).
 * A missing description is left out rather than set to undefined.
 */
function parameter(
	type: INodeProperties['type'],
	name: string,
	displayName: string,
	defaultValue: INodeProperties['default'],
	description: string | undefined,
	extras: ParameterExtras | undefined,
): INodeProperties {
	return { displayName, name, type, default: defaultValue, ...(description === undefined ? {} : { description }), ...extras };
}

export function textParameter(name: string, displayName: string, defaultValue: string, description?: string, extras?: ParameterExtras): INodeProperties {
	return parameter('string', name, displayName, defaultValue, description, extras);
}

export function numberParameter(name: string, displayName: string, defaultValue: number, description?: string, extras?: ParameterExtras): INodeProperties {
	return parameter('number', name, displayName, defaultValue, description, extras);
}

export function booleanParameter(name: string, displayName: string, defaultValue: boolean, description?: string, extras?: ParameterExtras): INodeProperties {
	return parameter('boolean', name, displayName, defaultValue, description, extras);
}

/** A drop-down; `options` in the order n8n shows them. */
export function optionsParameter(
	name: string,
	displayName: string,
	options: INodePropertyOptions[],
	defaultValue: string | number,
	description?: string,
	extras?: ParameterExtras,
): INodeProperties {
	return parameter('options', name, displayName, defaultValue, description, { options, ...extras });
}

/** A multi-select; `options` in the order n8n shows them, `defaultValues` those selected at first. */
export function multiOptionsParameter(
	name: string,
	displayName: string,
	options: INodePropertyOptions[],
	defaultValues: string[],
	description?: string,
	extras?: ParameterExtras,
): INodeProperties {
	return parameter('multiOptions', name, displayName, defaultValues, description, { options, ...extras });
}

/**
 * A list the user adds entries to and reorders (a fixedCollection of one kind of entry, "Add <entry>" in
 * the editor); each entry has `values`. Read it back with readEntries.
 */
export function listParameter(
	name: string,
	displayName: string,
	entry: { name: string; displayName: string },
	values: INodeProperties[],
	description: string,
	extras?: ParameterExtras,
): INodeProperties {
	return parameter('fixedCollection', name, displayName, {}, description, {
		placeholder: `Add ${entry.displayName}`,
		typeOptions: { multipleValues: true, sortable: true },
		options: [{ ...entry, values }],
		...extras,
	});
}

/** The As Of parameter; `measures` says what is measured to it, e.g. "recency is measured from". */
export function asOfProperty(measures: string): INodeProperties {
	return parameter('dateTime', 'asOf', 'As Of', '', `The moment ${measures}. Empty means now (the start of this execution).`, undefined);
}

/** The Language parameter, one label across nodes; `of` names what it translates. */
export function languageProperty(of: string, defaultLanguage: Language = 'en'): INodeProperties {
	return optionsParameter(
		'language',
		'Language',
		[
			{ name: 'Chinese (Simplified)', value: 'zh-CN' },
			{ name: 'English', value: 'en' },
		],
		defaultLanguage,
		`Language of ${of}; the keys stay in English`,
	);
}

/** The Output Field parameter with the node's default field. */
export function outputFieldProperty(defaultField: string): INodeProperties {
	return textParameter('outputField', 'Output Field', defaultField, 'Name of the field the result is written to; input fields are never overwritten');
}

/** A collection of settings the user adds one by one (`placeholder` on the editor's add button); `options` in the order n8n shows them. */
export function collectionParameter(
	name: string,
	displayName: string,
	placeholder: string,
	options: INodeProperties[],
	description?: string,
	extras?: ParameterExtras,
): INodeProperties {
	return parameter('collection', name, displayName, {}, description, { placeholder, options, ...extras });
}

/** The "Options" collection of optional settings ("Add option" in the editor). */
export function optionsCollection(options: INodeProperties[], name = 'options', extras?: ParameterExtras): INodeProperties {
	return collectionParameter(name, 'Options', 'Add option', options, undefined, extras);
}

/** The raw (unevaluated) value of a parameter by name or dot path ("options.asOf"). */
function rawParameter(ctx: IExecuteFunctions, path: string): unknown {
	let value: unknown = ctx.getNode().parameters;
	for (const key of path.split('.')) value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
	return value;
}

/**
 * What in an n8n expression reads the current item: its own data (`$json`, `$binary`, `$input.item`,
 * `$itemIndex`), a paired item of another node (`$('Orders').item`, `.pairedItem()`, legacy
 * `$node["Orders"].json`), or another parameter (`$parameter`). An expression without any of these
 * (`$('Learn').first().json`, `$now`, `$vars.x`) gives every item the same value, or, for `$now`, what
 * the run means by "now".
 */
const READS_ITEM = /\$json\b|\$binary\b|\$data\b|\$item|\$index\b|\$position\b|\$parameter\b|\$node\s*\[|\.item\b|\.itemMatching\b|\.pairedItem\b/;

/** Whether a raw parameter value holds an n8n expression ("=…") that reads the item, anywhere (an option of a collection can). */
function readsItem(raw: unknown): boolean {
	if (typeof raw === 'string') return raw.startsWith('=') && READS_ITEM.test(raw);
	return raw !== null && typeof raw === 'object' && Object.values(raw).some(readsItem);
}

/**
 * What a parameter is named by in messages: its label, or its description, whose labels then also name the
 * option of a collection or the value of a list entry where two items differ ("Thresholds › High",
 * "Rules › Rule 2 › Value").
 */
export type ParameterNaming = string | INodeProperties;

/** The description of what a value holds: a parameter, or the entry group of a fixedCollection. */
type Described = INodeProperties | INodePropertyCollection;

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date);

/** The sub-parameters a value of `described` holds by name: a collection's options, a fixedCollection's groups, a group's values. */
function partsOf(described: Described | undefined): Described[] {
	if (described === undefined) return [];
	if ('values' in described) return described.values;
	if (described.type !== 'collection' && described.type !== 'fixedCollection') return [];
	return (described.options ?? []) as Described[];
}

/**
 * Where two values of a parameter differ: the option of a collection, the entry of a list and its value, or
 * the whole. `path` is internal ("thresholds.high", "rules.rule.1.value"), `label` as the panel shows it
 * (labels from `described` where known, else the names): a fixedCollection's single group that holds no list
 * adds nothing to the label, a list's entry is numbered from 1 ("Rule 2").
 */
function firstDifference(path: string, label: string, described: Described | undefined, a: unknown, b: unknown): { path: string; label: string; first: unknown; other: unknown } {
	if (isRecord(a) && isRecord(b)) {
		const parts = partsOf(described);
		for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
			if (isDeepStrictEqual(a[key], b[key])) continue;
			const part = parts.find((p) => p.name === key);
			const list = part !== undefined && 'values' in part && (Array.isArray(a[key]) || Array.isArray(b[key]));
			const silentGroup = part !== undefined && 'values' in part && !list && parts.length === 1;
			const partLabel = list || silentGroup ? label : `${label} › ${part?.displayName ?? key}`;
			if (list && Array.isArray(a[key]) && Array.isArray(b[key])) {
				const [first, other] = [a[key], b[key]] as [unknown[], unknown[]];
				const i = first.findIndex((entry, index) => !isDeepStrictEqual(entry, other[index]));
				if (first.length === other.length && i >= 0) {
					return firstDifference(`${path}.${key}.${i}`, `${partLabel} › ${part!.displayName} ${i + 1}`, part, first[i], other[i]);
				}
			}
			return firstDifference(`${path}.${key}`, partLabel, list ? undefined : part, a[key], b[key]);
		}
	}
	return { path, label, first: a, other: b };
}

/** Where a whole-run parameter's value differs between items: the path (the parameter's name, or an option under it), its label, the item, both values. */
export interface ItemDifference {
	path: string;
	/** The path as the panel labels it ("Thresholds › High"): see firstDifference. */
	label: string;
	item: number;
	first: unknown;
	other: unknown;
}

/**
 * A whole-run parameter's value from the first item, and the first item that gives it another value.
 * Only an expression that reads the item (readsItem) is evaluated for the other items (each evaluation
 * costs about as much as reading an item); any other parameter is read once. `naming` is its label, or
 * its description for the labels of its options and entries too.
 */
export function firstItemValue<T>(ctx: IExecuteFunctions, name: string, fallback: T, naming: ParameterNaming = name): { value: T; differs?: ItemDifference } {
	const value = ctx.getNodeParameter(name, 0, fallback) as T;
	if (!readsItem(rawParameter(ctx, name))) return { value };
	const count = ctx.getInputData().length;
	for (let item = 1; item < count; item++) {
		const other = ctx.getNodeParameter(name, item, fallback);
		if (!isDeepStrictEqual(other, value)) {
			const [label, described] = typeof naming === 'string' ? [naming, undefined] : [naming.displayName, naming];
			const { path, label: where, first, other: then } = firstDifference(name, label, described, value, other);
			return { value, differs: { path, label: where, item, first, other: then } };
		}
	}
	return { value };
}

/** "Parameter "X" is an expression that gives item 0 … but item i …; " : the start of the error for a difference. */
export function differenceText({ label: where, item, first, other }: ItemDifference, label = where): string {
	return `Parameter "${label}" is an expression that gives item 0 ${describeValue(first)} but item ${item} ${describeValue(other)}; `;
}

/**
 * A parameter that applies to the whole run (method, columns, thresholds, scales, As Of, Output Field,
 * learned state…), read from the first item. When it holds an expression that reads the item, every item
 * must give it the same value: using the first item's value for all would score the other items under a
 * setting meant for someone else without saying so. A difference is a ConfigError naming the parameter,
 * the items and the values. Every parameter a run reads once goes through here.
 */
export function batchParameter<T = unknown>(ctx: IExecuteFunctions, name: string, fallback?: T, naming: ParameterNaming = name): T {
	const { value, differs } = firstItemValue(ctx, name, fallback as T, naming);
	if (differs) {
		throw new ConfigError(
			differenceText(differs) +
				'it applies to the whole run (expected the same value for every item: split the items with an If or Switch node and use one node per value)',
		);
	}
	return value;
}

/**
 * The As Of instant: a date (read in the workflow's time zone when it has no offset), or empty for now,
 * read once per execution so every item of a run shares it. A value that is no date is a ConfigError
 * naming the parameter by its label and its name (for the expression that gave it), not an item's field.
 */
export function readAsOf(ctx: IExecuteFunctions, parameterName = 'asOf', label = 'As Of'): Date {
	const raw = batchParameter<string | Date>(ctx, parameterName, '', label);
	if (raw === '' || raw === null || raw === undefined) return new Date();
	try {
		return parseDate(raw, parameterName, { timeZone: ctx.getTimezone() });
	} catch (error) {
		const reason = error instanceof InputError ? new ConfigError(error.message.replace(/^field "[^"]*"/, `Parameter "${label}" (${parameterName})`)) : error;
		throw toNodeError(ctx.getNode(), reason);
	}
}

export function readLanguage(ctx: IExecuteFunctions): Language {
	return readChoice<Language>(ctx, languageProperty(''));
}

/**
 * An options, multi-options or boolean parameter, read against the choices its description offers
 * (`path` for an option of a collection, "options.pacing"; `label` as messages name it). The panel
 * offers only those, but an expression can give anything: "own" for Fixed Days, "false" as text for a
 * boolean (truthy), ["en"] for a language. Such a value is a ConfigError naming the parameter, the
 * value and the choices, never read as some other choice.
 */
export function readChoice<T = unknown>(ctx: IExecuteFunctions, property: INodeProperties, path = property.name, label = property.displayName): T {
	return checkChoice<T>(batchParameter<unknown>(ctx, path, property.default, label), property, label);
}

/**
 * readChoice for a value already read: the value when it is one of the choices of `property` (of any of
 * them, given several entries of one name shown for different settings), else the same ConfigError.
 */
export function checkChoice<T = unknown>(value: unknown, property: INodeProperties | INodeProperties[], label = [property].flat()[0].displayName): T {
	const properties = [property].flat();
	const allowed = properties.flatMap((p) => (p.type === 'boolean' ? [true, false] : ((p.options ?? []) as INodePropertyOptions[]).map((o) => o.value)));
	const expected = [...new Set(allowed)].map(describeValue).join(', ');
	if (properties[0].type === 'multiOptions') {
		if (!Array.isArray(value) || !value.every((v) => allowed.includes(v))) {
			throw parameterError(label, value, 'is not a list of its choices', `a list of ${expected}`);
		}
	} else if (!allowed.includes(value as string)) {
		throw parameterError(label, value, 'is not one of its choices', expected);
	}
	return value as T;
}

/**
 * A text parameter's value: text, or a number written as its digits (a column named 2024); undefined
 * for anything else an expression can give (true, an object, an array), which String() would turn into
 * "true", "[object Object]" or "1,2" and look up as a column of that name.
 */
export function parameterText(raw: unknown): string | undefined {
	if (typeof raw === 'string') return raw;
	return typeof raw === 'number' && Number.isFinite(raw) ? String(raw) : undefined;
}

/** A text parameter (a cleared one, null, is ""); anything but text or a number is a ConfigError naming `label`. */
export function readTextParameter(ctx: IExecuteFunctions, name: string, fallback: string, label: string, expected: string): string {
	return checkText(batchParameter<unknown>(ctx, name, fallback, label), label, expected);
}

/** readTextParameter for a value already read: its text ("" for null or undefined), else the same ConfigError. */
export function checkText(raw: unknown, label: string, expected: string): string {
	const text = raw === null || raw === undefined ? '' : parameterText(raw);
	if (text === undefined) throw parameterError(label, raw, 'is not text', expected);
	return text;
}

/**
 * An option of a collection (`collection` its description, `name` the option's), as given, or undefined
 * when the user did not add it (the caller's default applies). Named as the panel shows it, "Options ›
 * Skip Missing", in every message, a difference between items included. Checked by the option's type: an
 * options, multi-options or boolean option against its choices (checkChoice); a number option a finite
 * number or a text of one (parameterNumber) within `rules` when given, so a cleared one (null) is refused,
 * not read as absent; a text option text or a number's digits (checkText; a cleared one is ""). Other types
 * as given.
 */
export function readOption<T = unknown>(ctx: IExecuteFunctions, collection: INodeProperties, name: string, rules: NumberRules = {}): T | undefined {
	const given = ctx.getNode().parameters[collection.name];
	if (given === null || typeof given !== 'object' || !Object.prototype.hasOwnProperty.call(given, name)) return undefined;
	const option = propertyNamed(collection.options as INodeProperties[], name);
	const label = `${collection.displayName} › ${option.displayName}`;
	const raw = batchParameter<unknown>(ctx, `${collection.name}.${name}`, option.default, label);
	if (option.type === 'options' || option.type === 'multiOptions' || option.type === 'boolean') return checkChoice<T>(raw, option, label);
	if (option.type === 'string') return checkText(raw, label, 'text') as T;
	if (option.type === 'number') {
		const value = parameterNumber(raw);
		const problem = value === undefined ? 'is not a number' : rangeProblem(value, rules);
		if (problem !== undefined) throw parameterError(label, raw, problem, describeExpected('number', rules));
		return value as T;
	}
	return raw as T;
}

/**
 * A column-name (or field-name) parameter: trimmed, blank falls back to the default. Column mappings
 * are read from the first item: one mapping per run, as n8n's own nodes read theirs. `label` is the
 * parameter's display name, for the message when it is not text.
 */
export function readColumn(ctx: IExecuteFunctions, name: string, fallback: string, label = name): string {
	return readTextParameter(ctx, name, fallback, label, 'a column name').trim() || fallback;
}

/** Several column parameters at once: `{ parameterName: defaultColumn }` -> `{ parameterName: column }`; `labels` their display names. */
export function readColumns<K extends string>(ctx: IExecuteFunctions, defaults: Record<K, string>, labels: Partial<Record<K, string>> = {}): Record<K, string> {
	const columns = {} as Record<K, string>;
	for (const name of Object.keys(defaults) as K[]) columns[name] = readColumn(ctx, name, defaults[name], labels[name]);
	return columns;
}

export function readOutputField(ctx: IExecuteFunctions, fallback: string): string {
	return readTextParameter(ctx, 'outputField', fallback, 'Output Field', 'a field name').trim() || fallback;
}

/**
 * The entries of a listParameter, in the user's order (none when the list is empty). Given the list's
 * description (`list`), an entry's value that differs between items is named by its labels
 * ("Rules › Rule 2 › Value"); given only its name, by the names.
 */
export function readEntries<T>(ctx: IExecuteFunctions, list: string | INodeProperties, entryName: string): T[] {
	const name = typeof list === 'string' ? list : list.name;
	return batchParameter<Record<string, T[] | undefined>>(ctx, name, {}, list)[entryName] ?? [];
}

/** A number parameter that must be finite (n8n hands over null for a cleared field). */
export function readNumber(ctx: IExecuteFunctions, name: string, fallback: number, displayName: string): number {
	const raw = batchParameter<unknown>(ctx, name, fallback, displayName);
	const value = parameterNumber(raw);
	if (value === undefined) throw parameterError(displayName, raw, 'is not a number', 'a number');
	return value;
}

/**
 * A number parameter's value as a finite number, or undefined: a number, or a text of digits as item
 * values are read (an expression's "30"); not null, "", true, "0x10" or "0b11", which Number() would
 * read as 0, 0, 1, 16 and 3.
 */
export function parameterNumber(raw: unknown): number | undefined {
	if (typeof raw === 'number') return Number.isFinite(raw) ? raw + 0 : undefined;
	return typeof raw === 'string' ? numberFromText(raw) : undefined;
}

/** The parameter `name` among `properties`: reads take its default, label and choices from the description, so they cannot drift apart. */
export function propertyNamed(properties: INodeProperties[], name: string): INodeProperties {
	const property = properties.find((p) => p.name === name);
	if (!property) throw new Error(`No parameter "${name}" in the description`);
	return property;
}

/** Display names by parameter name, so a message about a parameter names it as the panel shows it. */
export function labelsOf(properties: INodeProperties[]): Record<string, string> {
	return Object.fromEntries(properties.map((p) => [p.name, p.displayName]));
}

/** A column (or column pattern) parameter with its description's default and label (readColumn); `path` for an option of a collection. */
export function readColumnOf(ctx: IExecuteFunctions, property: INodeProperties, path = property.name): string {
	return readColumn(ctx, path, property.default as string, property.displayName);
}

/** A list parameter with its description's default and label (readList). */
export function readListOf(ctx: IExecuteFunctions, property: INodeProperties): string[] {
	return readList(ctx, property.name, property.default as string, property.displayName);
}

/** A comma- or newline-separated list parameter ("a, b" or one per line); blanks dropped. */
export function readList(ctx: IExecuteFunctions, name: string, fallback: string, label = name): string[] {
	return readTextParameter(ctx, name, fallback, label, 'a list separated by commas or new lines')
		.split(/[,，\n]/)
		.map((s) => s.trim())
		.filter((s) => s !== '');
}
