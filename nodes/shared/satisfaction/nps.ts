import type { LabelTable, Language } from './labels';
import { npsInterval } from './margin';
import { round2 } from './rounding';
import type { RatingRules } from './scale';
import LABELS from '../format/labels.json';

/** "How likely are you to recommend us?" from 0 (not at all) to 10 (extremely likely). */
export const NPS_SCALE: RatingRules = { min: 0, max: 10, integer: true };

export type NpsCategory = 'promoter' | 'passive' | 'detractor';

export const NPS_LABELS: LabelTable<NpsCategory> = LABELS.npsCategory;

/** 9-10 promoter, 7-8 passive, 0-6 detractor. A combined (mean) score uses the same cut points: 8.6 is passive. */
export function classifyNps(score: number): NpsCategory {
	return score >= 9 ? 'promoter' : score >= 7 ? 'passive' : 'detractor';
}

export interface NpsCounts {
	promoters: number;
	passives: number;
	detractors: number;
}

/** One answer's category added to its count. */
export function countNps(counts: NpsCounts, category: NpsCategory): void {
	if (category === 'promoter') counts.promoters++;
	else if (category === 'passive') counts.passives++;
	else counts.detractors++;
}

export interface NpsSummary {
	responses: number;
	promoters: number;
	passives: number;
	detractors: number;
	promotersPercent: number | null;
	passivesPercent: number | null;
	detractorsPercent: number | null;
	/** % promoters - % detractors, from -100 to 100. */
	nps: number | null;
	/**
	 * Half-width of the 95% interval (Rocks' adjusted Wald), in NPS points; null below the minimum number of
	 * responses. The interval is centred on the adjusted NPS, not on `nps`: its ends are `lower` and `upper`.
	 */
	marginOfError: number | null;
	/** Ends of the 95% interval, within −100..100; null with marginOfError. */
	lower: number | null;
	upper: number | null;
}

/** NPS and its margin from the counts. With no responses every figure is null, never NaN. */
export function summariseNps(counts: NpsCounts, minResponsesForMargin: number): NpsSummary {
	const { promoters, passives, detractors } = counts;
	const n = promoters + passives + detractors;
	if (n === 0) {
		return { responses: 0, promoters, passives, detractors, promotersPercent: null, passivesPercent: null, detractorsPercent: null, nps: null, marginOfError: null, lower: null, upper: null };
	}
	const interval = n >= minResponsesForMargin ? npsInterval(promoters, detractors, n) : null;
	return {
		responses: n,
		promoters,
		passives,
		detractors,
		promotersPercent: round2((promoters / n) * 100),
		passivesPercent: round2((passives / n) * 100),
		detractorsPercent: round2((detractors / n) * 100),
		nps: round2(((promoters - detractors) / n) * 100),
		marginOfError: interval && round2(interval.margin),
		lower: interval && round2(interval.lower),
		upper: interval && round2(interval.upper),
	};
}

export function npsLabel(category: NpsCategory, language: Language): string {
	return NPS_LABELS[category][language];
}

/** The score on 0-100 for the composite index: 0 -> 0, 10 -> 100. */
export function npsTo100(score: number): number {
	return score * 10;
}
