import { cesTo100, CES_SCALES, isCesEasy, type CesVersion } from './ces';
import { addWeighted, checkIndexWeights, SENTIMENT_RULES, sentimentTo100, type IndexMetric, type IndexWeights, type WeightedSum } from './compositeIndex';
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

/** The composite index of one response as it is summed, and the metrics not answered (skipMissing). */
interface Tally extends WeightedSum {
	notAnswered: string[] | undefined;
}

/** NPS, CSAT and CES alike: a rating read from one field and scored (one result per rating), added to the tally. */
function ratedScorer<R extends { outOf100: number }>(
	key: 'nps' | 'csat' | 'ces',
	field: string,
	rules: RatingRules,
	skipMissing: boolean,
	weight: number,
	result: (rating: number) => R,
): (record: Record<string, unknown>, tally: Tally) => R | null {
	const read = fieldReader(field);
	const scored = sharedFrozen(result);
	return (record, tally) => {
		const rating = readRating(read(record), field, rules, skipMissing);
		if (rating === undefined) {
			(tally.notAnswered ??= []).push(key);
			return null;
		}
		const value = scored(rating);
		addWeighted(tally, weight, value.outOf100);
		return value;
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
	const scoreNps =
		config.nps &&
		ratedScorer('nps', config.nps.field, NPS_SCALE, skipMissing, w.nps, (score: number): NpsResult => {
			const category = classifyNps(score);
			return { score, category, label: NPS_LABELS[category][language], outOf100: npsTo100(score) };
		});
	const csatScale = config.csat ? csatRules(config.csat.scale) : CES_SCALES['2.0'];
	const scoreCsat =
		config.csat &&
		ratedScorer('csat', config.csat.field, csatScale, skipMissing, w.csat, (score: number): CsatResult => ({ score, satisfied: isCsatSatisfied(score, csatScale), outOf100: roundTo(csatTo100(score, csatScale), 2) }));
	const cesVersion: CesVersion = config.ces?.version ?? '2.0';
	const scoreCes =
		config.ces &&
		ratedScorer('ces', config.ces.field, CES_SCALES[cesVersion], skipMissing, w.ces, (score: number): CesResult => ({ score, easy: isCesEasy(score, cesVersion), version: cesVersion, outOf100: roundTo(cesTo100(score, cesVersion), 2) }));
	const scoreGap = config.gap && createGapScorer(config.gap, skipMissing, language);
	const scoreKano = config.kano && createKanoScorer(config.kano.features, skipMissing, language);
	const sentimentField = config.sentiment?.field;
	const readSentiment = sentimentField === undefined ? undefined : fieldReader(sentimentField);

	// Runs a million times a run: the index is summed as it goes (compositeIndex's weighted mean, inlined).
	return (record) => {
		const result = new ScoredResponse() as SatisfactionResult;
		const tally: Tally = { sum: 0, total: 0, largest: 0, notAnswered: undefined };
		if (scoreNps) result.nps = scoreNps(record, tally);
		if (scoreCsat) result.csat = scoreCsat(record, tally);
		if (scoreCes) result.ces = scoreCes(record, tally);
		let { notAnswered } = tally;
		if (scoreGap) {
			const gap = scoreGap(record);
			result.gap = gap;
			if (gap === null) (notAnswered ??= []).push('gap');
			else addWeighted(tally, w.gap, gap.outOf100);
		}
		if (scoreKano) {
			const kano = scoreKano(record);
			result.kano = kano;
			if (kano === null) (notAnswered ??= []).push('kano');
		}
		if (readSentiment) {
			const value = readRating(readSentiment(record), sentimentField!, SENTIMENT_RULES, skipMissing);
			if (value === undefined) {
				result.sentiment = null;
				(notAnswered ??= []).push('sentiment');
			} else {
				result.sentiment = value;
				addWeighted(tally, w.sentiment, roundTo(sentimentTo100(value), 2));
			}
		}
		result.index = tally.total === 0 ? null : roundTo(tally.sum / tally.total, 2);
		if (skipMissing) result.notAnswered = notAnswered ?? [];
		return result;
	};
}
