import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { readChoice, readEntries, readNumber, readTextParameter } from '../../common';
import { readWholeNumber, type WholeRange } from './numbers';

/**
 * The entries of a listParameter, each value read as its property says: options through readChoice,
 * numbers through readNumber (or readWholeNumber with a range in `ranges`), text as text, at its path
 * in the list ("cadenceRules.rule.0.channel") and named "Cadence Rules › Rule 1 › Channel". The
 * entries as they come, with what an expression gave cast to the type, would run null as the default
 * channel and an object as the rule name "[object Object]".
 */
export function readListEntries<T>(ctx: IExecuteFunctions, list: INodeProperties, ranges: Record<string, WholeRange> = {}): T[] {
	const [entry] = list.options as Array<{ name: string; displayName: string; values: INodeProperties[] }>;
	// Each value is checked to be the same for every item where it is read, naming it; readEntries, which
	// would name the whole list (cadenceRules.rule) and show two truncated lists, then only finds a
	// difference in the number of entries.
	const listed = (ctx.getNodeParameter(list.name, 0, {}) as Record<string, unknown> | null)?.[entry.name];
	const entries = (Array.isArray(listed) ? listed : []).map((_, i) => {
		const read: Record<string, unknown> = {};
		for (const property of entry.values) {
			const path = `${list.name}.${entry.name}.${i}.${property.name}`;
			const label = `${list.displayName} › ${entry.displayName} ${i + 1} › ${property.displayName}`;
			const range = ranges[property.name];
			if (property.type === 'string') read[property.name] = readTextParameter(ctx, path, property.default as string, label, property.placeholder ? `text such as "${property.placeholder}"` : 'text');
			else if (property.type === 'number') read[property.name] = range ? readWholeNumber(ctx, property, range, path, label) : readNumber(ctx, path, property.default as number, label);
			else read[property.name] = readChoice(ctx, property, path, label);
		}
		return read as T;
	});
	readEntries(ctx, list.name, entry.name);
	return entries;
}
