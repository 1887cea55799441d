import { cesTo100, CES_SCALES, isCesEasy, type CesVersion } from './ces';
import { checkIndexWeights, SENTIMENT_RULES, sentimentTo100, type IndexMetric, type IndexWeights } from './compositeIndex';
import { csatRules, csatTo100, isCsatSatisfied } from './csat';
import { fieldReader } from '../input';
import { createGapScorer, type GapConfig, type GapResult } from './gap';
import { createKanoScorer, type KanoFeatureConfig, type KanoResult } from './kano';
import type { Language } from './labels';
import { classifyNps, NPS_LABELS, NPS_SCALE, npsTo100, type NpsCategory } from './nps';
import { roundTo } from './rounding';
import { readRating, type RatingRules, type Scale } from './scale';
import { sharedFrozen } from '../outputItems/sharedFrozen';

/** Which metrics a run scores, and where their answers are. Leave a metric out to not score it. */
export interface SatisfactionConfig {
	nps?: { field: string };
	csat?: { field: string; scale: Scale };
	ces?: { field: string; version: CesVersion };
	gap?: GapConfig;
	kano?: { features: KanoFeatureConfig[] };
	/** A pass-through score in [-1, 1] from an upstream sentiment node. */
	sentiment?: { field: string };
	indexWeights: IndexWeights;
	/** Empty answers count as not answered instead of being item errors. Never as 0. */
	skipMissing: boolean;
	language: Language;
}

export interface NpsResult {
	score: number;
	category: NpsCategory;
	label: string;
	/** The score as it enters the composite index, 0-100. */
	outOf100: number;
}

export interface CsatResult {
	score: number;
	satisfied: boolean;
	outOf100: number;
}

export interface CesResult {
	score: number;
	easy: boolean;
	version: CesVersion;
	/** Ease on 0-100: higher is easier for both versions. */
	outOf100: number;
}

/**
 * One response scored. A metric that is configured but was not answered (only possible with
 * skipMissing) is null and named in `notAnswered` (present only with skipMissing); a metric that is
 * not configured is absent.
 */
export interface SatisfactionResult {
	nps?: NpsResult | null;
	csat?: CsatResult | null;
	ces?: CesResult | null;
	gap?: GapResult | null;
	kano?: KanoResult | null;
	sentiment?: number | null;
	/**
	 * 0-100: weighted mean of the answered metrics' `outOf100` values as shown (sentiment: (s + 1) / 2 * 100),
	 * two decimals; null if none was answered.
	 */
	index: number | null;
	notAnswered?: string[];
}

/**
 * A class rather than `{}` so that V8's slack tracking gives every result its properties in-object,
 * whichever metrics a run configures; a million results a run are retained until the node returns.
 */
class ScoredResponse {}

export type ResponseScorer = (record: Record<string, unknown>) => SatisfactionResult;

/**
 * One configured metric of a run: `score` gives its result for a response, or null when it was not
 * answered (skipMissing); `index`, for the metrics in the composite index, says what enters it.
 */
interface Metric<R = unknown> {
	key: 'nps' | 'csat' | 'ces' | 'gap' | 'kano' | 'sentiment';
	score(record: Record<string, unknown>): R | null;
	index?: { weight: number; outOf100(result: R): number };
}

const ownOutOf100 = (result: { outOf100: number }) => result.outOf100;

/** NPS, CSAT and CES alike: a rating read from one field, scored by `result` (shared per rating). */
function ratedMetric<R extends { outOf100: number }>(
	key: 'nps' | 'csat' | 'ces',
	field: string,
	rules: RatingRules,
	skipMissing: boolean,
	weight: number,
	result: (rating: number) => R,
): Metric<R> {
	const read = fieldReader(field);
	return {
		key,
		score: (record) => {
			const rating = readRating(read(record), field, rules, skipMissing);
			return rating === undefined ? null : result(rating);
		},
		index: { weight, outOf100: ownOutOf100 },
	};
}

/** The metrics of a config that take part in the composite index. */
export function indexMetricsOf(config: SatisfactionConfig): IndexMetric[] {
	return (['nps', 'csat', 'ces', 'gap', 'sentiment'] as const).filter((m) => config[m] !== undefined);
}

/**
 * Prepares scoring for a run: checks the configuration once (ConfigError) and returns a function that
 * scores one response, throwing an InputError for the first unusable answer.
 */
export function createResponseScorer(config: SatisfactionConfig): ResponseScorer {
	const { skipMissing, language, indexWeights: w } = config;
	checkIndexWeights(w, indexMetricsOf(config));
	const metrics: Metric[] = [];
	if (config.nps) {
		const npsResult = sharedFrozen((score: number): NpsResult => {
			const category = classifyNps(score);
			return { score, category, label: NPS_LABELS[category][language], outOf100: npsTo100(score) };
		});
		metrics.push(ratedMetric('nps', config.nps.field, NPS_SCALE, skipMissing, w.nps, npsResult));
	}
	if (config.csat) {
		const csatScale = csatRules(config.csat.scale);
		const csatResult = sharedFrozen((score: number): CsatResult => ({ score, satisfied: isCsatSatisfied(score, csatScale), outOf100: roundTo(csatTo100(score, csatScale), 2) }));
		metrics.push(ratedMetric('csat', config.csat.field, csatScale, skipMissing, w.csat, csatResult));
	}
	if (config.ces) {
		const cesVersion: CesVersion = config.ces.version ?? '2.0';
		const cesResult = sharedFrozen((score: number): CesResult => ({ score, easy: isCesEasy(score, cesVersion), version: cesVersion, outOf100: roundTo(cesTo100(score, cesVersion), 2) }));
		metrics.push(ratedMetric('ces', config.ces.field, CES_SCALES[cesVersion], skipMissing, w.ces, cesResult));
	}
	if (config.gap) {
		const gap: Metric<GapResult> = { key: 'gap', score: createGapScorer(config.gap, skipMissing, language), index: { weight: w.gap, outOf100: ownOutOf100 } };
		metrics.push(gap);
	}
	if (config.kano) metrics.push({ key: 'kano', score: createKanoScorer(config.kano.features, skipMissing, language) });
	if (config.sentiment) {
		const field = config.sentiment.field;
		const read = fieldReader(field);
		const sentiment: Metric<number> = {
			key: 'sentiment',
			score: (record) => readRating(read(record), field, SENTIMENT_RULES, skipMissing) ?? null,
			index: { weight: w.sentiment, outOf100: (value) => roundTo(sentimentTo100(value), 2) },
		};
		metrics.push(sentiment);
	}

	// Runs a million times a run: the index is summed as it goes (compositeIndex's weighted mean, inlined).
	return (record) => {
		const result = new ScoredResponse() as SatisfactionResult;
		const slots = result as Record<Metric['key'], unknown>;
		let notAnswered: string[] | undefined;
		let sum = 0;
		let total = 0;
		for (let m = 0; m < metrics.length; m++) {
			const metric = metrics[m];
			const value = metric.score(record);
			slots[metric.key] = value;
			if (value === null) (notAnswered ??= []).push(metric.key);
			else if (metric.index) {
				sum += metric.index.weight * metric.index.outOf100(value);
				total += metric.index.weight;
			}
		}
		result.index = total === 0 ? null : roundTo(sum / total, 2);
		if (skipMissing) result.notAnswered = notAnswered ?? [];
		return result;
	};
}
