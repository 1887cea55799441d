import type { IDataObject } from 'n8n-workflow';
import type { OutcomeMeasure } from '../../shared/impact';

interface UpliftItem {
	campaign: string;
	outcome: string;
	label: string;
	stratum: string | null;
	level: number;
	measure: OutcomeMeasure;
	sentence: string;
	/** Why no effect is claimed, that the check could not be made, or why nothing can be measured (null: none needed). */
	caution: string | null;
}

/** The result item of one outcome (and stratum): plain numbers and nulls, never NaN or Infinity. */
export function upliftJson({ campaign, outcome, label, stratum, level, measure: m, sentence, caution }: UpliftItem): IDataObject {
	const group = (g: OutcomeMeasure['treatment']) =>
		m.kind === 'proportion'
			? { customers: g.customers, conversions: g.successes ?? 0, rate: g.value }
			: { customers: g.customers, mean: g.value, standardDeviation: g.standardDeviation ?? 0 };
	return {
		kind: 'uplift',
		campaign: campaign || null,
		outcome,
		label,
		stratum,
		measure: m.kind,
		treatment: group(m.treatment),
		holdout: group(m.holdout),
		uplift: {
			absolute: m.absolute,
			relative: m.relative,
			confidenceLevel: level,
			lower: m.lower,
			upper: m.upper,
			pValue: m.pValue,
			method: m.method,
		},
		significant: m.verdict === 'increase' || m.verdict === 'decrease',
		verdict: m.verdict,
		// A rate's Newcombe interval needs no normality check: reliable. Nothing measured is neither (caution says why).
		reliable: m.unmeasurable ? null : m.normality ? m.normality.reliable : true,
		caution,
		minimumDetectableEffect: m.minimumDetectableEffect,
		incremental: m.incremental ? { [m.kind === 'proportion' ? 'conversions' : 'total']: m.incremental } : null,
		roi: m.roi as IDataObject | null,
		sentence,
	};
}
