import type { LabelTable, Language } from '../format/language';
import type { Signal } from './signals';
import LABELS from '../format/labels.json';

export type RiskLevel = 'low' | 'medium' | 'high' | 'critical';

export interface RiskThresholds {
	/** Risk scores at or above these are medium / high / critical. */
	medium: number;
	high: number;
	critical: number;
}

export const DEFAULT_RISK_THRESHOLDS: RiskThresholds = { medium: 25, high: 50, critical: 75 };

const LEVEL_LABELS: LabelTable<RiskLevel> = LABELS.riskLevel;

export const RISK_LEVELS: RiskLevel[] = ['low', 'medium', 'high', 'critical'];

export interface ModelEvidence {
	churnProbability: number;
	reason: string;
}

export interface RiskAssessment {
	riskScore: number;
	riskLevel: RiskLevel;
	riskLabel: string;
	reasons: string[];
}

/**
 * Risk 0-100 as a noisy-OR of independent pieces of evidence: the model's churn probability and each
 * fired rule signal's weight: risk = 1 − (1 − p_model) · Π(1 − w_signal). Reasons are ordered by how
 * much each piece contributes (its probability or weight), largest first.
 */
export function assessRisk(model: ModelEvidence | undefined, signals: Signal[], t: RiskThresholds, language: Language): RiskAssessment {
	let keep = model ? 1 - model.churnProbability : 1;
	for (const signal of signals) keep *= 1 - signal.weight;
	const riskScore = Math.round((1 - keep) * 1000) / 10;
	const riskLevel: RiskLevel =
		riskScore >= t.critical ? 'critical' : riskScore >= t.high ? 'high' : riskScore >= t.medium ? 'medium' : 'low';
	return { riskScore, riskLevel, riskLabel: LEVEL_LABELS[riskLevel][language], reasons: rankedReasons(model, signals) };
}

/** Evidence below this weight is not worth a reason. */
const MIN_REASON_WEIGHT = 0.05;

/** The reasons of the evidence that counts, largest contribution first (the model first on a tie). */
function rankedReasons(model: ModelEvidence | undefined, signals: Signal[]): string[] {
	// Most customers have no signal: their only possible reason is the model's (a million scored at once).
	if (signals.length === 0) return model && model.churnProbability >= MIN_REASON_WEIGHT ? [model.reason] : [];
	const evidence = [
		...(model ? [{ weight: model.churnProbability, reason: model.reason }] : []),
		...signals.map((s) => ({ weight: s.weight, reason: s.reason })),
	];
	return evidence
		.filter((e) => e.weight >= MIN_REASON_WEIGHT)
		.sort((p, q) => q.weight - p.weight)
		.map((e) => e.reason);
}
