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
		return value + 0; // -0 as 0, as parseNumber reads it
	}
	if (skipMissing && isEmpty(value)) return undefined;
	return parseNumber(value, field, rules);
}

/**
 * The largest size of a rating scale's ends. Survey scales run to 10 or 100; ends such as 1e308 would
 * overflow a gap (perception − expectation) or a report's sum of ratings into Infinity.
 */
export const RATING_SCALE_LIMIT = 1_000_000;

/** The settings a scale's ends come from ("CSAT Scale From", "CSAT Scale To"), for messages to name them. */
export interface ScaleLabels {
	min: string;
	max: string;
}

/** "CSAT scale 1 to -1", with the settings that gave the ends when known. */
export function scaleText(scale: Scale, name: string, labels?: ScaleLabels): string {
	return `${name} scale ${scale.min} to ${scale.max}${labels ? ` ("${labels.min}" to "${labels.max}")` : ''}`;
}

export function checkScaleEnds(scale: Scale, name: string, labels?: ScaleLabels): void {
	if (!(Math.abs(scale.min) <= RATING_SCALE_LIMIT && Math.abs(scale.max) <= RATING_SCALE_LIMIT)) {
		throw new ConfigError(`${scaleText(scale, name, labels)} goes beyond the plausible ±${RATING_SCALE_LIMIT} for a rating scale (expected ends from -${RATING_SCALE_LIMIT} to ${RATING_SCALE_LIMIT})`);
	}
}

/** Checks a scale given as parameters: whole-number ends within ±RATING_SCALE_LIMIT, at least `minPoints` points. */
export function checkScale(scale: Scale, name: string, minPoints: number, labels?: ScaleLabels): Scale {
	const { min, max } = scale;
	if (!Number.isInteger(min) || !Number.isInteger(max)) {
		throw new ConfigError(`${scaleText(scale, name, labels)} has an end that is not a whole number (expected whole-number ends)`);
	}
	checkScaleEnds(scale, name, labels);
	if (max - min + 1 < minPoints) {
		throw new ConfigError(`${scaleText(scale, name, labels)} has fewer than ${minPoints} points (expected at least ${minPoints}, such as ${min} to ${min + minPoints - 1})`);
	}
	return { min, max };
}
