import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { readNumber } from '../../common';
import { parameterError } from '../../shared/input';
import { MAX_CAPACITY, MAX_HORIZON_DAYS, MAX_INTERVAL_DAYS, MAX_WINDOW_DAYS } from '../../shared/revisit';

export interface WholeRange {
	min: number;
	max: number;
	/** What is counted, as the message names it: "a whole number of days". */
	of: string;
}

/** The ranges the scheduler and the occasion finder accept, for the messages to name the parameter rather than the finder's term for it. */
export const RANGES = {
	days: { min: 0, max: MAX_INTERVAL_DAYS, of: 'days' },
	horizon: { min: 0, max: MAX_HORIZON_DAYS, of: 'days' },
	lookAhead: { min: 0, max: MAX_WINDOW_DAYS, of: 'days' },
	// Longer than a day fits no working hours.
	appointment: { min: 1, max: 1440, of: 'minutes' },
	capacity: { min: 1, max: MAX_CAPACITY, of: 'revisits' },
} satisfies Record<string, WholeRange>;

/**
 * A whole-number parameter of the description (`path` and `label` for an entry of a list), read with
 * readNumber and checked against `range`; outside it is a ConfigError naming the parameter and the value.
 */
export function readWholeNumber(ctx: IExecuteFunctions, property: INodeProperties, range: WholeRange, path = property.name, label = property.displayName): number {
	const value = readNumber(ctx, path, property.default as number, label);
	if (!Number.isInteger(value) || value < range.min || value > range.max) {
		throw parameterError(label, value, 'is not valid', `a whole number of ${range.of} from ${range.min} to ${range.max}`);
	}
	return value;
}

/** A range as the editor's typeOptions, so the panel offers only what the node accepts. */
export function limits(range: WholeRange): { minValue: number; maxValue: number } {
	return { minValue: range.min, maxValue: range.max };
}
