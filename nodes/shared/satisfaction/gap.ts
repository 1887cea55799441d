import { ConfigError, describeValue, fieldReader, InputError, parameterError, type FieldReader } from '../input';
import type { LabelTable, Language } from './labels';
import { addWeighted, type WeightedSum } from './compositeIndex';
import { roundTo } from './rounding';
import { checkScaleEnds, readRating, scaleText, type RatingRules, type Scale, type ScaleLabels } from './scale';
import { sharedFrozenByPair } from '../outputItems/sharedFrozen';
import LABELS from '../format/labels.json';

/** The five SERVQUAL dimensions (Parasuraman, Zeithaml & Berry 1988). */
export const SERVQUAL_DIMENSIONS = ['tangibles', 'reliability', 'responsiveness', 'assurance', 'empathy'];

export type GapLevel = 'belowExpectations' | 'meetsExpectations' | 'exceedsExpectations';

export const GAP_LABELS: LabelTable<GapLevel> = LABELS.gapLevel;

export interface GapDimensionConfig {
	key: string;
	expectationField: string;
	perceptionField: string;
	/** Importance weight in the overall gap; any positive number (they are normalised). */
	weight: number;
}

export interface GapConfig {
	dimensions: GapDimensionConfig[];
	/** Rating scale of both expectation and perception. Decimal ratings are allowed (item means). */
	scale: Scale;
	/** A gap within +/- tolerance counts as meeting expectations. */
	tolerance: number;
}

export interface DimensionGap {
	expectation: number;
	perception: number;
	/** perception - expectation */
	gap: number;
	level: GapLevel;
	label: string;
}

export interface GapResult {
	/** Per dimension; null where the pair was not answered (only with "skip missing"). */
	dimensions: Record<string, DimensionGap | null>;
	/** Importance-weighted mean of the answered dimensions' gaps. */
	gap: number;
	level: GapLevel;
	label: string;
	/** The overall gap as it enters the composite index, 0-100 (see gapTo100). */
	outOf100: number;
	answeredDimensions: number;
}

/** Absorbs binary noise such as 6.3 - 5.8 = 0.5000000000000004 at the band's edge. */
const EDGE = 1e-9;

export function gapLevel(gap: number, tolerance: number): GapLevel {
	if (gap < -tolerance - EDGE) return 'belowExpectations';
	if (gap > tolerance + EDGE) return 'exceedsExpectations';
	return 'meetsExpectations';
}

/** The overall gap on 0-100: the widest shortfall (-(max-min)) is 0, no gap is 50, the widest excess is 100. */
export function gapTo100(gap: number, scale: Scale): number {
	const range = scale.max - scale.min;
	return ((gap + range) / (2 * range)) * 100;
}

/** The settings a GapConfig comes from, for messages to name them. */
export interface GapLabels {
	dimensions: string;
	scale: ScaleLabels;
	tolerance: string;
}

export function checkGapConfig(config: GapConfig, labels?: GapLabels): void {
	const { dimensions, scale, tolerance } = config;
	if (dimensions.length === 0) throw new ConfigError(`The gap method has no dimension${labels ? ` ("${labels.dimensions}" is empty)` : ''} (expected at least one, such as "tangibles, reliability")`);
	const seen = new Set<string>();
	for (const d of dimensions) {
		if (seen.has(d.key)) throw new ConfigError(`Gap dimension "${d.key}" is listed twice${labels ? ` in "${labels.dimensions}"` : ''} (expected each dimension once)`);
		seen.add(d.key);
		if (!(d.weight > 0) || !Number.isFinite(d.weight)) {
			throw new ConfigError(`Gap weight of "${d.key}" is ${describeValue(d.weight)}, which is not a finite number above 0 (expected a weight above 0, such as 1)`);
		}
	}
	if (!Number.isFinite(scale.min) || !Number.isFinite(scale.max) || scale.max <= scale.min) {
		throw new ConfigError(`${scaleText(scale, 'Gap rating', labels?.scale)}: its "to" end is not above its "from" end (expected finite ends, the "to" end above the "from" end)`);
	}
	checkScaleEnds(scale, 'Gap rating', labels?.scale);
	if (!(tolerance >= 0) || tolerance >= scale.max - scale.min) {
		const width = scale.max - scale.min;
		throw parameterError(labels?.tolerance ?? 'Gap tolerance', tolerance, tolerance >= width ? `is not below the scale's width ${width}` : 'is not a number of at least 0', `a number of points from 0 to below ${width}`);
	}
}

interface PreparedDimension extends GapDimensionConfig {
	readExpectation: FieldReader;
	readPerception: FieldReader;
}

export type GapScorer = (record: Record<string, unknown>) => GapResult | null;

/**
 * Prepares the gap scoring for a run. A dimension needs both ratings: a perception without its
 * expectation (or the reverse) is an item error even with `skipMissing`, which only lets a dimension
 * with neither rating count as not answered. Returns null when no dimension was answered.
 */
export function createGapScorer(config: GapConfig, skipMissing: boolean, language: Language): GapScorer {
	checkGapConfig(config);
	const rules: RatingRules = { ...config.scale, integer: false };
	const dims: PreparedDimension[] = config.dimensions.map((d) => ({
		...d,
		readExpectation: fieldReader(d.expectationField),
		readPerception: fieldReader(d.perceptionField),
	}));
	const { tolerance, scale } = config;
	const labels: Record<GapLevel, string> = {
		belowExpectations: GAP_LABELS.belowExpectations[language],
		meetsExpectations: GAP_LABELS.meetsExpectations[language],
		exceedsExpectations: GAP_LABELS.exceedsExpectations[language],
	};
	// Cloning a template with every key gives each result its shape at once, instead of a key at a time.
	const template: Record<string, DimensionGap | null> = Object.fromEntries(dims.map((d) => [d.key, null]));
	const dimensionGap = sharedFrozenByPair((expectation: number, perception: number): DimensionGap => {
		const gap = roundTo(perception - expectation, 6);
		const level = gapLevel(gap, tolerance);
		return { expectation, perception, gap, level, label: labels[level] };
	});
	return (record) => {
		const dimensions = { ...template };
		// In units of the largest answered weight (addWeighted): weights of 1e308 and 1e-308 alike.
		const weighted: WeightedSum = { sum: 0, total: 0, largest: 0 };
		let answered = 0;
		for (let i = 0; i < dims.length; i++) {
			const d = dims[i];
			const expectation = readRating(d.readExpectation(record), d.expectationField, rules, skipMissing);
			const perception = readRating(d.readPerception(record), d.perceptionField, rules, skipMissing);
			if (expectation === undefined || perception === undefined) {
				if (expectation !== undefined) {
					throw new InputError(d.perceptionField, d.readPerception(record), `is empty while "${d.expectationField}" is answered`, `a perception rating from ${rules.min} to ${rules.max} for dimension "${d.key}"`);
				}
				if (perception !== undefined) {
					throw new InputError(d.expectationField, d.readExpectation(record), `is empty while "${d.perceptionField}" is answered`, `an expectation rating from ${rules.min} to ${rules.max} for dimension "${d.key}"`);
				}
				continue;
			}
			const dimension = dimensionGap(expectation, perception);
			dimensions[d.key] = dimension;
			addWeighted(weighted, d.weight, dimension.gap);
			answered++;
		}
		if (answered === 0) return null;
		const gap = roundTo(weighted.sum / weighted.total, 4);
		const level = gapLevel(gap, tolerance);
		return { dimensions, gap, level, label: labels[level], outOf100: roundTo(gapTo100(gap, scale), 2), answeredDimensions: answered };
	};
}
