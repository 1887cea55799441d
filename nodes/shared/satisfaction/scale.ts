import { ConfigError, isEmpty, parseNumber } from '../input';

/** A rating scale, both ends inclusive. */
export interface Scale {
	min: number;
	max: number;
}

export interface RatingRules extends Scale {
	/** Whether only whole points are valid answers (true for NPS, CSAT, CES and Kano codes). */
	integer: boolean;
}

/**
 * Reads one rating. Numbers inside the scale pass straight through (the hot path); anything else goes
 * through `parseNumber`, which accepts numeric text and throws an InputError naming the field, the
 * value and the allowed range. With `skipMissing`, an empty answer is "not answered" (undefined), never 0.
 */
export function readRating(value: unknown, field: string, rules: RatingRules, skipMissing: boolean): number | undefined {
	if (typeof value === 'number' && value >= rules.min && value <= rules.max && (!rules.integer || Number.isInteger(value))) {
		return value;
	}
	if (skipMissing && isEmpty(value)) return undefined;
	return parseNumber(value, field, rules);
}

/** Checks a scale given as parameters: whole-number ends, at least `minPoints` points. */
export function checkScale(scale: Scale, name: string, minPoints: number): Scale {
	const { min, max } = scale;
	if (!Number.isInteger(min) || !Number.isInteger(max)) {
		throw new ConfigError(`${name} scale ends must be whole numbers (got ${min} to ${max})`);
	}
	if (max - min + 1 < minPoints) {
		throw new ConfigError(`${name} scale ${min} to ${max} needs at least ${minPoints} points`);
	}
	return { min, max };
}
