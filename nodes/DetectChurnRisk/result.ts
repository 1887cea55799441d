import type { IDataObject } from 'n8n-workflow';
import { assessRisk, ruleSignals, type ChurnModel, type ModelScore, type RiskLevel, RISK_LEVELS } from '../shared/churn';
import { describeValue } from '../shared/input';
import { roundTo } from '../shared/stats';
import type { RunSettings } from './settings';
import type { Subject } from './read';

const round = (n: number, digits = 4) => roundTo(n, digits);

/**
 * The model's reason made once per key (the whole percent its text shows): a million customers share
 * about a hundred texts instead of each building one.
 */
function reasonsOf(model: ChurnModel, settings: RunSettings): (churnProbability: number) => string {
	const byKey = new Map<number, string>();
	return (p) => {
		const key = model.reasonKey(p);
		let reason = byKey.get(key);
		if (reason === undefined) byKey.set(key, (reason = model.reason(p, settings.language)));
		return reason;
	};
}

/** The numbers a result may carry: a model result that is not finite is an error, never output. */
function checkFinite(score: ModelScore, subject: Subject, model: ChurnModel): void {
	for (const name of ['probabilityAlive', 'expectedPurchases', 'expectedValue', 'expectedRenewals'] as const) {
		const value = score[name];
		if (value !== undefined && !Number.isFinite(value)) {
			const inputs = subject.summary
				? `x ${subject.summary.x}, t_x ${subject.summary.tx}, T ${subject.summary.T}, mean spend ${subject.meanSpend ?? 'none'}`
				: `tenure ${subject.subscriber?.tenure}, value per period ${subject.periodValue ?? 'none'}`;
			throw new Error(`${model.name} gave a non-finite ${name} for customer ${describeValue(subject.customerId)} (${inputs}); check this customer's values and the time unit`);
		}
	}
}

/** Builds each customer's result (the same fields in the same order for every method) and its output. */
export function resultBuilder(settings: RunSettings, model: ChurnModel | undefined, score: ((s: Subject) => ModelScore) | undefined, asOfText: string) {
	const reasonFor = model ? reasonsOf(model, settings) : undefined;
	const horizon = model ? model.horizon(settings.scoreOptions) : null;
	const timeUnit = model ? model.timeUnit(settings.scoreOptions) : settings.scoreOptions.unit;
	const atRiskIndex = RISK_LEVELS.indexOf(settings.atRiskFrom);
	return (subject: Subject): { result: IDataObject; output: number } => {
		const s = score ? score(subject) : undefined;
		if (s) checkFinite(s, subject, model!);
		const risk = assessRisk(
			s && reasonFor ? { churnProbability: s.churnProbability, reason: reasonFor(s.churnProbability) } : undefined,
			ruleSignals(subject.signals, settings.signalThresholds, settings.language),
			settings.riskThresholds,
			settings.language,
		);
		const result: IDataObject = {
			method: settings.method,
			probabilityAlive: s ? round(s.probabilityAlive) : null,
			churnProbability: s ? round(s.churnProbability) : null,
			expectedPurchases: s?.expectedPurchases !== undefined ? round(s.expectedPurchases) : null,
			horizon,
			timeUnit,
			expectedValue: s?.expectedValue !== undefined ? round(s.expectedValue, 2) : null,
			riskScore: risk.riskScore,
			riskLevel: risk.riskLevel,
			riskLabel: risk.riskLabel,
			reasons: risk.reasons,
			asOf: asOfText,
		};
		if (s?.nextRenewalProbability !== undefined) {
			result.nextRenewalProbability = round(s.nextRenewalProbability);
			result.expectedRenewals = round(s.expectedRenewals!);
		}
		return { result, output: RISK_LEVELS.indexOf(risk.riskLevel as RiskLevel) >= atRiskIndex ? 0 : 1 };
	};
}
