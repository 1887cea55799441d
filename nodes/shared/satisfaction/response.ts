import { cesTo100, CES_SCALES, isCesEasy, type CesVersion } from './ces';
import { checkIndexWeights, compositeIndex, SENTIMENT_RULES, sentimentTo100, type IndexMetric, type IndexParts, type IndexWeights } from './compositeIndex';
import { csatRules, csatTo100, isCsatSatisfied } from './csat';
import { fieldReader } from './fieldReader';
import { createGapScorer, gapTo100, type GapConfig, type GapResult } from './gap';
import { createKanoScorer, type KanoFeatureConfig, type KanoResult } from './kano';
import type { Language } from './labels';
import { classifyNps, NPS_LABELS, NPS_SCALE, npsTo100, type NpsCategory } from './nps';
import { roundTo } from './rounding';
import { readRating, type Scale } from './scale';

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
}

export interface CsatResult {
	score: number;
	satisfied: boolean;
}

export interface CesResult {
	score: number;
	easy: boolean;
	version: CesVersion;
}

/**
 * One response scored. A metric that is configured but was not answered (only possible with
 * skipMissing) is null and named in `notAnswered`; a metric that is not configured is absent.
 */
export interface SatisfactionResult {
	nps?: NpsResult | null;
	csat?: CsatResult | null;
	ces?: CesResult | null;
	gap?: GapResult | null;
	kano?: KanoResult | null;
	sentiment?: number | null;
	/** 0-100 composite of the answered metrics; null if none was answered. */
	index: number | null;
	/** Each answered metric on 0-100, as it entered the index. */
	indexParts: IndexParts;
	notAnswered: string[];
}

export type ResponseScorer = (record: Record<string, unknown>) => SatisfactionResult;

/** The metrics of a config that take part in the composite index. */
export function indexMetricsOf(config: SatisfactionConfig): IndexMetric[] {
	return (['nps', 'csat', 'ces', 'gap', 'sentiment'] as const).filter((m) => config[m] !== undefined);
}

/**
 * Prepares scoring for a run: checks the configuration once (ConfigError) and returns a function that
 * scores one response, throwing an InputError for the first unusable answer.
 */
export function createResponseScorer(config: SatisfactionConfig): ResponseScorer {
	const { skipMissing, language, indexWeights } = config;
	checkIndexWeights(indexWeights, indexMetricsOf(config));
	const nps = config.nps;
	const readNps = nps && fieldReader(nps.field);
	const csat = config.csat && { ...config.csat, rules: csatRules(config.csat.scale) };
	const readCsat = csat && fieldReader(csat.field);
	const ces = config.ces && { ...config.ces, rules: CES_SCALES[config.ces.version] };
	const readCes = ces && fieldReader(ces.field);
	const scoreGap = config.gap && createGapScorer(config.gap, skipMissing, language);
	const scoreKano = config.kano && createKanoScorer(config.kano.features, skipMissing, language);
	const sentiment = config.sentiment;
	const readSentiment = sentiment && fieldReader(sentiment.field);

	return (record) => {
		const result = {} as SatisfactionResult;
		const raw: IndexParts = {};
		const notAnswered: string[] = [];
		if (readNps) {
			const score = readRating(readNps(record), nps!.field, NPS_SCALE, skipMissing);
			if (score === undefined) {
				result.nps = null;
				notAnswered.push('nps');
			} else {
				const category = classifyNps(score);
				result.nps = { score, category, label: NPS_LABELS[category][language] };
				raw.nps = npsTo100(score);
			}
		}
		if (readCsat) {
			const score = readRating(readCsat(record), csat!.field, csat!.rules, skipMissing);
			if (score === undefined) {
				result.csat = null;
				notAnswered.push('csat');
			} else {
				result.csat = { score, satisfied: isCsatSatisfied(score, csat!.rules) };
				raw.csat = csatTo100(score, csat!.rules);
			}
		}
		if (readCes) {
			const score = readRating(readCes(record), ces!.field, ces!.rules, skipMissing);
			if (score === undefined) {
				result.ces = null;
				notAnswered.push('ces');
			} else {
				result.ces = { score, easy: isCesEasy(score, ces!.version), version: ces!.version };
				raw.ces = cesTo100(score, ces!.version);
			}
		}
		if (scoreGap) {
			const gap = scoreGap(record);
			result.gap = gap;
			if (gap === null) notAnswered.push('gap');
			else raw.gap = gapTo100(gap.gap, config.gap!.scale);
		}
		if (scoreKano) {
			const kano = scoreKano(record);
			result.kano = kano;
			if (kano === null) notAnswered.push('kano');
		}
		if (readSentiment) {
			const value = readRating(readSentiment(record), sentiment!.field, SENTIMENT_RULES, skipMissing);
			if (value === undefined) {
				result.sentiment = null;
				notAnswered.push('sentiment');
			} else {
				result.sentiment = value;
				raw.sentiment = sentimentTo100(value);
			}
		}
		result.index = compositeIndex(raw, indexWeights);
		for (const key in raw) raw[key as IndexMetric] = roundTo(raw[key as IndexMetric]!, 2);
		result.indexParts = raw;
		result.notAnswered = notAnswered;
		return result;
	};
}
