import type { LabelTable } from '../format/language';
import { labelFor, type Labelled, type Language } from './labels';
import type { ScoreCuts } from './learnedCuts';
import { quantileScores, scoresFromCuts } from './quantileScores';
import LABELS from '../format/labels.json';

export const RFM_BIN_CHOICES = [3, 4, 5, 10] as const;
export type RfmBins = (typeof RFM_BIN_CHOICES)[number];

export type RfmSegmentKey =
	| 'champions'
	| 'loyalCustomers'
	| 'potentialLoyalists'
	| 'newCustomers'
	| 'promising'
	| 'needAttention'
	| 'aboutToSleep'
	| 'atRisk'
	| 'cantLoseThem'
	| 'hibernating';

export const RFM_SEGMENT_LABELS: LabelTable<RfmSegmentKey> = LABELS.rfmSegment;

/**
 * The R (row) x F (column) grid on 1..5 scores. Every one of the 25 cells is named exactly once:
 *   R5: New(F1) Potential(F2-3) Champions(F4-5)
 *   R4: Promising(F1) Potential(F2-3) Loyal(F4-5)
 *   R3: AboutToSleep(F1-2) NeedAttention(F3) Loyal(F4-5)
 *   R1-2: Hibernating(F1-2) AtRisk(F3-4) CantLoseThem(F5)
 */
const GRID: RfmSegmentKey[][] = [
	// F:   1              2                     3                     4                5
	['hibernating', 'hibernating', 'atRisk', 'atRisk', 'cantLoseThem'], // R1
	['hibernating', 'hibernating', 'atRisk', 'atRisk', 'cantLoseThem'], // R2
	['aboutToSleep', 'aboutToSleep', 'needAttention', 'loyalCustomers', 'loyalCustomers'], // R3
	['promising', 'potentialLoyalists', 'potentialLoyalists', 'loyalCustomers', 'loyalCustomers'], // R4
	['newCustomers', 'potentialLoyalists', 'potentialLoyalists', 'champions', 'champions'], // R5
];

export function segmentForGrid(r5: number, f5: number): RfmSegmentKey {
	return GRID[r5 - 1][f5 - 1];
}

/**
 * A score on 1..k mapped onto the 5-grid by the midpoint of its quantile band: ceil(5 * (s - 0.5) / k).
 * The identity for k = 5; for k = 3: 1, 3, 5; for k = 10: 1,1,2,2,3,3,4,4,5,5.
 */
export function toGridScore(score: number, k: number): number {
	return Math.ceil((5 * (score - 0.5)) / k);
}

export interface RfmInput {
	/** Days since the last purchase (lower is better). */
	recencyDays: number;
	frequency: number;
	monetary: number;
}

export interface RfmResult {
	r: number;
	f: number;
	m: number;
	/** "R-F-M" scores, e.g. "5-4-3". */
	code: string;
	segment: Labelled;
}

export function scoreRfm(customers: RfmInput[], bins: RfmBins, language: Language): RfmResult[] {
	const n = customers.length;
	const recencyDays = new Float64Array(n);
	const frequency = new Float64Array(n);
	const monetary = new Float64Array(n);
	for (let i = 0; i < n; i++) {
		recencyDays[i] = customers[i].recencyDays;
		frequency[i] = customers[i].frequency;
		monetary[i] = customers[i].monetary;
	}
	return scoreRfmColumns({ recencyDays, frequency, monetary }, bins, language);
}

export interface RfmColumns {
	recencyDays: Float64Array;
	frequency: Float64Array;
	monetary: Float64Array;
}

/**
 * RFM scores of a batch held in columns, without an object per customer: the scores in byte arrays,
 * and per customer a reference to one of at most 10 shared segment labels and k^3 shared code strings.
 */
export interface RfmColumnScores {
	r: Uint8Array;
	f: Uint8Array;
	m: Uint8Array;
	codes: string[];
	segments: Labelled[];
}

/** Scores relative to this batch, or (with `cuts`) against cut points learned from a whole base. */
export function scoreRfmColumnArrays(columns: RfmColumns, bins: RfmBins, language: Language, cuts?: ScoreCuts): RfmColumnScores {
	const n = columns.recencyDays.length;
	const negatedDays = columns.recencyDays.map((days) => -days); // recent buyers rank high
	const score = (values: Float64Array, learned: Float64Array | undefined) => (learned ? scoresFromCuts(values, learned, bins) : quantileScores(values, bins));
	const r = score(negatedDays, cuts?.recency);
	const f = score(columns.frequency, cuts?.frequency);
	const m = score(columns.monetary, cuts?.monetary);
	const labelCache = new Map<RfmSegmentKey, Labelled>();
	const codeCache = new Map<number, string>();
	const codes: string[] = new Array(n);
	const segments: Labelled[] = new Array(n);
	for (let i = 0; i < n; i++) {
		const key = segmentForGrid(toGridScore(r[i], bins), toGridScore(f[i], bins));
		let segment = labelCache.get(key);
		if (!segment) labelCache.set(key, (segment = labelFor(RFM_SEGMENT_LABELS, key, language)));
		const codeKey = (r[i] * 16 + f[i]) * 16 + m[i];
		let code = codeCache.get(codeKey);
		if (code === undefined) codeCache.set(codeKey, (code = `${r[i]}-${f[i]}-${m[i]}`));
		codes[i] = code;
		segments[i] = segment;
	}
	return { r, f, m, codes, segments };
}

/** The same as one result object per customer. */
export function scoreRfmColumns(columns: RfmColumns, bins: RfmBins, language: Language, cuts?: ScoreCuts): RfmResult[] {
	const { r, f, m, codes, segments } = scoreRfmColumnArrays(columns, bins, language, cuts);
	const results: RfmResult[] = new Array(r.length);
	for (let i = 0; i < r.length; i++) results[i] = { r: r[i], f: f[i], m: m[i], code: codes[i], segment: segments[i] };
	return results;
}
