import { ConfigError, fieldReader, InputError, isEmpty, numberFromText, type FieldReader } from '../input';
import type { LabelTable, Language } from './labels';
import { roundTo, round2 } from './rounding';
import { sharedFrozenByPair } from '../outputItems/sharedFrozen';
import LABELS from '../format/labels.json';

/** The five answers to "how do you feel if the feature is present / absent?". Codes 1-5 in this order. */
export type KanoAnswer = 'like' | 'expect' | 'neutral' | 'tolerate' | 'dislike';
export const KANO_ANSWERS: KanoAnswer[] = ['like', 'expect', 'neutral', 'tolerate', 'dislike'];

export type KanoCategory = 'attractive' | 'oneDimensional' | 'mustBe' | 'indifferent' | 'reverse' | 'questionable';

/**
 * Order of precedence when categories tie for most answers: the one that hurts most when neglected
 * first (Must-be > One-dimensional > Attractive > Indifferent, the usual "M > O > A > I" rule), then
 * Reverse, then Questionable. The order of this list is also the order of counts in the report.
 */
export const KANO_CATEGORIES: KanoCategory[] = ['mustBe', 'oneDimensional', 'attractive', 'indifferent', 'reverse', 'questionable'];

export const KANO_LABELS: LabelTable<KanoCategory> = LABELS.kanoCategory;

const A = 'attractive', O = 'oneDimensional', M = 'mustBe', I = 'indifferent', R = 'reverse', Q = 'questionable';

/**
 * The Kano evaluation table (Berger et al. 1993): rows are the functional answer (feature present),
 * columns the dysfunctional answer (feature absent), both in the order like, expect, neutral,
 * tolerate, dislike.
 */
const EVALUATION_TABLE: readonly (readonly KanoCategory[])[] = [
	/* like     */ [Q, A, A, A, O],
	/* expect   */ [R, I, I, I, M],
	/* neutral  */ [R, I, I, I, M],
	/* tolerate */ [R, I, I, I, M],
	/* dislike  */ [R, R, R, R, Q],
];

export function classifyKano(functional: KanoAnswer, dysfunctional: KanoAnswer): KanoCategory {
	return EVALUATION_TABLE[KANO_ANSWERS.indexOf(functional)][KANO_ANSWERS.indexOf(dysfunctional)];
}

const SYNONYMS: Record<KanoAnswer, string[]> = {
	like: ['like', 'like it', 'i like it', 'i like it that way', 'delighted', '1', '喜欢', '我喜欢', '很喜欢', '非常喜欢'],
	expect: ['expect', 'expected', 'expect it', 'i expect it', 'i expect it that way', 'must-be', 'must be', 'must be that way', 'it must be that way', 'it must be', '2', '理所当然', '理应如此', '必须这样', '应该的', '期望'],
	neutral: ['neutral', 'i am neutral', "i'm neutral", 'indifferent', "don't care", 'i don\'t care', 'no feeling', '3', '无所谓', '中立', '没感觉', '无感'],
	tolerate: ['tolerate', 'i can tolerate it', 'can tolerate it', 'live with', 'live-with', 'can live with it', 'i can live with it', 'i can live with it that way', '4', '能忍受', '可以忍受', '勉强接受', '能接受'],
	dislike: ['dislike', 'dislike it', 'i dislike it', 'i dislike it that way', '5', '不喜欢', '我不喜欢', '很不喜欢', '讨厌'],
};

const ANSWER_BY_TEXT = new Map<string, KanoAnswer>();
for (const answer of KANO_ANSWERS) for (const text of SYNONYMS[answer]) ANSWER_BY_TEXT.set(text, answer);

const ACCEPTED = 'like, expect (must-be), neutral, tolerate (live with) or dislike; 1-5 in that order; or 喜欢, 理所当然, 无所谓, 能忍受, 不喜欢';

/**
 * Traditional characters of the zh-CN answers above, mapped to their simplified forms: customers in Hong
 * Kong and Taiwan write 喜歡 / 無所謂 / 不喜歡 for the same answers.
 */
const SIMPLIFIED: Record<string, string> = { 歡: '欢', 當: '当', 應: '应', 須: '须', 這: '这', 樣: '样', 無: '无', 謂: '谓', 沒: '没', 覺: '觉', 強: '强', 討: '讨', 厭: '厌' };
const TRADITIONAL = new RegExp(`[${Object.keys(SIMPLIFIED).join('')}]`, 'gu');

/**
 * The answer as written, in one form: full-width digits, letters and punctuation as typed by Chinese
 * input methods (１, ｌｉｋｅ, ？) read as their half-width forms (NFKC), traditional characters as
 * simplified, case, quotes and spaces folded, and closing punctuation dropped.
 */
function normalise(text: string): string {
	return text
		.normalize('NFKC')
		.trim()
		.toLowerCase()
		.replace(/[‘’`]/g, "'")
		.replace(/\s+/g, ' ')
		.replace(TRADITIONAL, (c) => SIMPLIFIED[c])
		.replace(/[.!?,~。、]+$/u, '');
}

/**
 * A code 1-5 written as a number is by the rule for numbers as text ("1.0" from a float column, "+1"), as
 * the scores are: the same text is the same answer in every column.
 */
function answerOfCode(code: number | undefined): KanoAnswer | undefined {
	return code !== undefined && Number.isInteger(code) && code >= 1 && code <= 5 ? KANO_ANSWERS[code - 1] : undefined;
}

/** Reads an answer in English or zh-CN words, or the codes 1-5. Returns undefined for empty when allowed. */
export function parseKanoAnswer(value: unknown, field: string, skipMissing: boolean): KanoAnswer | undefined {
	if (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 5) return KANO_ANSWERS[value - 1];
	if (typeof value === 'string') {
		const answer = ANSWER_BY_TEXT.get(value) ?? ANSWER_BY_TEXT.get(normalise(value)) ?? answerOfCode(numberFromText(value));
		if (answer) return answer;
	}
	if (isEmpty(value)) {
		if (skipMissing) return undefined;
		throw new InputError(field, value, 'is empty', ACCEPTED);
	}
	throw new InputError(field, value, 'is not a Kano answer', ACCEPTED);
}

export interface KanoFeatureConfig {
	key: string;
	functionalField: string;
	dysfunctionalField: string;
}

export interface KanoFeatureResult {
	functional: KanoAnswer;
	dysfunctional: KanoAnswer;
	category: KanoCategory;
	label: string;
}

/** Per feature; null where neither question was answered (only with "skip missing"). */
export type KanoResult = Record<string, KanoFeatureResult | null>;

export type KanoScorer = (record: Record<string, unknown>) => KanoResult | null;

/** `label`: the setting the features come from, for messages to name it. */
export function checkKanoFeatures(features: KanoFeatureConfig[], label?: string): void {
	if (features.length === 0) throw new ConfigError(`The Kano method has no feature${label ? ` ("${label}" is empty)` : ''} (expected at least one, such as "liveChat")`);
	const seen = new Set<string>();
	for (const f of features) {
		if (seen.has(f.key)) throw new ConfigError(`Kano feature "${f.key}" is listed twice${label ? ` in "${label}"` : ''} (expected each feature once)`);
		seen.add(f.key);
	}
}

/**
 * Prepares Kano classification for a run. Like the gap pairs, a feature with only one of its two
 * answers is an item error; with `skipMissing` a feature with neither is not answered. Returns null
 * when no feature was answered.
 */
export function createKanoScorer(features: KanoFeatureConfig[], skipMissing: boolean, language: Language): KanoScorer {
	checkKanoFeatures(features);
	const prepared: Array<KanoFeatureConfig & { readFunctional: FieldReader; readDysfunctional: FieldReader }> = features.map((f) => ({
		...f,
		readFunctional: fieldReader(f.functionalField),
		readDysfunctional: fieldReader(f.dysfunctionalField),
	}));
	const template: KanoResult = Object.fromEntries(features.map((f) => [f.key, null]));
	const featureResult = sharedFrozenByPair((functional: KanoAnswer, dysfunctional: KanoAnswer) => {
		const category = classifyKano(functional, dysfunctional);
		return { functional, dysfunctional, category, label: KANO_LABELS[category][language] };
	});
	return (record) => {
		// A clone of a template with every key: one shape for all results (see createGapScorer).
		const result = { ...template };
		let answered = 0;
		for (const f of prepared) {
			const functional = parseKanoAnswer(f.readFunctional(record), f.functionalField, skipMissing);
			const dysfunctional = parseKanoAnswer(f.readDysfunctional(record), f.dysfunctionalField, skipMissing);
			if (functional === undefined || dysfunctional === undefined) {
				if (functional !== undefined) {
					throw new InputError(f.dysfunctionalField, f.readDysfunctional(record), `is empty while "${f.functionalField}" is answered`, `the answer for feature "${f.key}" when absent: ${ACCEPTED}`);
				}
				if (dysfunctional !== undefined) {
					throw new InputError(f.functionalField, f.readFunctional(record), `is empty while "${f.dysfunctionalField}" is answered`, `the answer for feature "${f.key}" when present: ${ACCEPTED}`);
				}
				continue;
			}
			result[f.key] = featureResult(functional, dysfunctional);
			answered++;
		}
		return answered === 0 ? null : result;
	};
}

/** Index of each category in a counts array laid out as KANO_CATEGORIES. */
export const KANO_INDEX: Record<KanoCategory, number> = Object.fromEntries(KANO_CATEGORIES.map((c, i) => [c, i])) as Record<KanoCategory, number>;

export interface KanoFeatureSummary {
	responses: number;
	counts: Record<KanoCategory, number>;
	percent: Record<KanoCategory, number | null>;
	/** The category with most answers; ties resolved Must-be > One-dimensional > Attractive > Indifferent > Reverse > Questionable. */
	dominant: KanoCategory | null;
	dominantLabel: string | null;
	/** Every category sharing the top count (more than one means the dominant one won a tie). */
	tiedWith: KanoCategory[];
	/** (A + O) / (A + O + M + I): how much satisfaction rises when the feature is there (0 to 1). */
	better: number | null;
	/** -(O + M) / (A + O + M + I): how much satisfaction falls when it is missing (-1 to 0). */
	worse: number | null;
}

/** Shares, dominant category and the better/worse coefficients (Berger et al. 1993) from category counts. */
export function summariseKanoFeature(counts: ArrayLike<number>, language: Language): KanoFeatureSummary {
	const byCategory = {} as Record<KanoCategory, number>;
	const percent = {} as Record<KanoCategory, number | null>;
	let n = 0;
	for (let i = 0; i < KANO_CATEGORIES.length; i++) n += counts[i];
	let top = 0;
	for (let i = 0; i < KANO_CATEGORIES.length; i++) {
		const c = KANO_CATEGORIES[i];
		byCategory[c] = counts[i];
		percent[c] = n === 0 ? null : round2((counts[i] / n) * 100);
		if (counts[i] > top) top = counts[i];
	}
	const tiedWith = top === 0 ? [] : KANO_CATEGORIES.filter((c) => byCategory[c] === top);
	const dominant = tiedWith.length ? tiedWith[0] : null;
	const { attractive: a, oneDimensional: o, mustBe: m, indifferent: i } = byCategory;
	const base = a + o + m + i;
	return {
		responses: n,
		counts: byCategory,
		percent,
		dominant,
		dominantLabel: dominant ? KANO_LABELS[dominant][language] : null,
		tiedWith,
		better: base === 0 ? null : roundTo((a + o) / base, 4),
		worse: base === 0 ? null : roundTo(-(o + m) / base, 4),
	};
}
