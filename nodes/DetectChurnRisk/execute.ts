import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { checkOutputFieldFree, ItemRouter, readAsOf, readLanguage, readOutputField } from '../common';
import { assessRisk, DEFAULT_RISK_THRESHOLDS, DEFAULT_SIGNAL_THRESHOLDS, RISK_LEVELS, ruleSignals, typicalInterval, type RiskLevel } from '../shared/churn';
import type { Transaction } from '../shared/customers';
import { toIsoWithOffset } from '../shared/format/isoDate';
import { fieldAdder } from '../shared/format/withField';
import { ConfigError } from '../shared/input';
import type { Language } from '../shared/format/language';
import { fitModel, parseSupplied, RENEWAL_PERIOD_DAYS, scoreSubject, type FittedModel, type ModelMethod, type ScoreOptions } from './model';
import {
	readContext,
	readCustomerItem,
	readSubscriberItem,
	readSummaryItem,
	readTransactionItem,
	subjectsFromTransactions,
	UNIT_DAYS,
	type Subject,
	type TimeUnit,
} from './read';

const COLUMN_PARAMETERS = [
	'customerIdColumn', 'firstPurchaseColumn', 'lastPurchaseColumn', 'purchaseCountColumn', 'totalSpendColumn', 'xColumn', 'txColumn',
	'ageColumn', 'monetaryColumn', 'dateColumn', 'amountColumn', 'tenureColumn', 'activeColumn', 'periodValueColumn',
];

const round = (n: number, digits = 4) => Math.round(n * 10 ** digits) / 10 ** digits;
const wholePercent = (p: number) => Math.round(p * 100);
const percent = (p: number) => `${wholePercent(p)}%`;
const MODEL_NAMES: Record<ModelMethod, string> = { bgNbd: 'BG/NBD', paretoNbd: 'Pareto/NBD', sbg: 'sBG' };

function modelReason(method: ModelMethod, churnProbability: number, language: Language): string {
	const zh = language === 'zh-CN';
	if (method === 'sbg') {
		if (churnProbability === 1) return zh ? '已流失：合同未续约' : 'Has already churned: the contract was not renewed';
		return zh ? `下次续约不续的概率为 ${percent(churnProbability)}（sBG 模型）` : `${percent(churnProbability)} chance of not renewing at the next renewal (sBG)`;
	}
	return zh
		? `仍为活跃客户的概率为 ${percent(1 - churnProbability)}（${MODEL_NAMES[method]} 模型）`
		: `Probability still active is ${percent(1 - churnProbability)} (${MODEL_NAMES[method]})`;
}

/**
 * The model's reason as modelReason words it, made once per whole percent (the text shows no more):
 * a million customers share about a hundred texts instead of each building one.
 */
function modelReasons(method: ModelMethod, language: Language): (churnProbability: number) => string {
	const byPercent = new Map<number, string>();
	return (p) => {
		// The percent modelReason shows, and -1 for a churned subscriber (a text of its own).
		const key = method === 'sbg' ? (p === 1 ? -1 : wholePercent(p)) : wholePercent(1 - p);
		let reason = byPercent.get(key);
		if (reason === undefined) byPercent.set(key, (reason = modelReason(method, p, language)));
		return reason;
	};
}

export async function detectChurnRisk(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const method = this.getNodeParameter('method', 0) as ModelMethod | 'rules';
	const shape = this.getNodeParameter('inputShape', 0, 'customer') as 'customer' | 'summary' | 'subscriber' | 'transaction';
	const unit = this.getNodeParameter('timeUnit', 0, 'weeks') as TimeUnit;
	const language = readLanguage(this);
	const outputField = readOutputField(this, 'churn');
	const addResult = fieldAdder(outputField);
	const atRiskFrom = this.getNodeParameter('atRiskFrom', 0, 'high') as RiskLevel;
	const asOf = readAsOf(this);
	const timeZone = this.getTimezone();
	const columns = Object.fromEntries(COLUMN_PARAMETERS.map((name) => [name, String(this.getNodeParameter(name, 0, '')).trim()]));
	const signalColumns = this.getNodeParameter('signals', 0, {}) as Record<string, string>;
	const t = { ...DEFAULT_SIGNAL_THRESHOLDS, ...DEFAULT_RISK_THRESHOLDS, spendDropPercent: 30, ...(this.getNodeParameter('thresholds', 0, {}) as IDataObject) } as Record<string, number>;
	const riskThresholds = { medium: t.medium, high: t.high, critical: t.critical };
	const signalThresholds = { ...DEFAULT_SIGNAL_THRESHOLDS, ...t, spendDrop: t.spendDropPercent / 100 };
	const ctx = readContext(columns, signalColumns, asOf, timeZone, unit);
	if (method === 'sbg' && shape !== 'subscriber') {
		throw new ConfigError('sBG scores subscribers: set Input Shape to "One Item per Subscriber" (tenure and active columns)');
	}
	if (method !== 'sbg' && method !== 'rules' && shape === 'subscriber') {
		throw new ConfigError(`${MODEL_NAMES[method]} needs purchase histories; subscriber input goes with sBG or Rules Only`);
	}

	const router = new ItemRouter(this, items.length, 3);
	const reject = (error: unknown, indices: number[]) => router.reject(error, indices);

	let subjects: Subject[] = [];
	if (shape === 'transaction') {
		const transactions: Transaction[] = [];
		items.forEach((item, i) => {
			try {
				transactions.push(readTransactionItem(item.json, i, ctx));
			} catch (error) {
				reject(error, [i]);
			}
		});
		subjects = subjectsFromTransactions(transactions, ctx, Number(this.getNodeParameter('spendWindowDays', 0, 90)) || 90);
	} else {
		const read = shape === 'summary' ? readSummaryItem : shape === 'subscriber' ? readSubscriberItem : readCustomerItem;
		items.forEach((item, i) => {
			try {
				checkOutputFieldFree(item.json, outputField);
				subjects.push(read(item.json, i, ctx));
			} catch (error) {
				reject(error, [i]);
			}
		});
	}

	// One-time buyers have no interval of their own: measure their silence against the batch's repeat customers.
	const intervals: number[] = [];
	for (const s of subjects) if (s.signals.usualIntervalDays !== undefined) intervals.push(s.signals.usualIntervalDays);
	const typical = typicalInterval(intervals);
	for (const s of subjects) if (s.signals.usualIntervalDays === undefined) s.signals.typicalIntervalDays = typical;

	let model: FittedModel | undefined;
	if (method !== 'rules') {
		model =
			this.getNodeParameter('modelSource', 0, 'fit') === 'supplied'
				? parseSupplied(method, this.getNodeParameter('suppliedParameters', 0, '{}'))
				: fitModel(method, subjects);
	}
	const horizon = Number(this.getNodeParameter('horizon', 0, 26));
	if (model && method !== 'sbg' && !(horizon > 0)) throw new ConfigError(`Horizon must be more than 0; got ${horizon}`);
	const annual = Number(this.getNodeParameter('annualDiscountRate', 0, 10)) / 100;
	if (!(annual >= 0)) throw new ConfigError(`Annual discount rate must be 0 % or more; got ${annual * 100}`);
	if (method === 'sbg' && !(annual > 0)) {
		// Undiscounted, the expected number of renewals is infinite whenever alpha <= 1 (as for most cohorts).
		throw new ConfigError('sBG needs an annual discount rate above 0 % to value the expected future renewals');
	}
	const renewalPeriod = this.getNodeParameter('renewalPeriod', 0, 'month') as keyof typeof RENEWAL_PERIOD_DAYS;
	const scoreOptions: ScoreOptions = {
		horizon,
		unitDays: UNIT_DAYS[unit],
		annualDiscountRate: annual,
		renewalPeriodDays: RENEWAL_PERIOD_DAYS[renewalPeriod] ?? RENEWAL_PERIOD_DAYS.month,
	};
	const asOfText = toIsoWithOffset(asOf, timeZone);
	const timeUnit = method === 'sbg' ? `${renewalPeriod}s` : unit;
	const atRiskIndex = RISK_LEVELS.indexOf(atRiskFrom);
	const reasonFor = model ? modelReasons(model.method, language) : undefined;

	for (const subject of subjects) {
		try {
			const score = model ? scoreSubject(model, subject, scoreOptions) : undefined;
			const risk = assessRisk(
				score && reasonFor ? { churnProbability: score.churnProbability, reason: reasonFor(score.churnProbability) } : undefined,
				ruleSignals(subject.signals, signalThresholds, language),
				riskThresholds,
				language,
			);
			const result: IDataObject = {
				method,
				probabilityAlive: score ? round(score.probabilityAlive) : null,
				churnProbability: score ? round(score.churnProbability) : null,
				expectedPurchases: score?.expectedPurchases !== undefined ? round(score.expectedPurchases) : null,
				horizon: model && method !== 'sbg' ? horizon : null,
				timeUnit,
				expectedValue: score?.expectedValue !== undefined ? round(score.expectedValue, 2) : null,
				riskScore: risk.riskScore,
				riskLevel: risk.riskLevel,
				riskLabel: risk.riskLabel,
				reasons: risk.reasons,
				asOf: asOfText,
			};
			if (score?.nextRenewalProbability !== undefined) {
				result.nextRenewalProbability = round(score.nextRenewalProbability);
				result.expectedRenewals = round(score.expectedRenewals!);
			}
			const output = RISK_LEVELS.indexOf(risk.riskLevel) >= atRiskIndex ? 0 : 1;
			const pairedItem = subject.itemIndices.length === 1 ? { item: subject.itemIndices[0] } : subject.itemIndices.map((item) => ({ item }));
			router.place(subject.itemIndices[0], output, { json: addResult(subject.json as IDataObject, result), pairedItem });
		} catch (error) {
			reject(error, subject.itemIndices);
		}
	}

	const modelItems = model
		? [{ json: modelItem(model, asOfText, model.method === 'sbg' ? `${renewalPeriod}s` : unit), pairedItem: subjects.flatMap((s) => s.itemIndices.map((item) => ({ item }))) }]
		: [];
	return router.outputs({ 2: modelItems });
}

function modelItem(model: FittedModel, asOf: string, timeUnit: string): IDataObject {
	return {
		method: model.method,
		source: model.source,
		parameters: model.parameters,
		logLikelihood: model.fit ? round(model.fit.logLikelihood, 2) : null,
		customersUsed: model.fit?.customers ?? null,
		distinctRows: model.fit?.distinctRows ?? null,
		iterations: model.fit?.iterations ?? null,
		converged: model.fit ? model.fit.converged : null,
		timeUnit,
		...(model.spendParameters ? { spendParameters: { ...model.spendParameters } } : {}),
		...(model.spendFit ? { spendLogLikelihood: round(model.spendFit.logLikelihood, 2), spendCustomersUsed: model.spendFit.customers } : {}),
		...(model.spendNote ? { spendNote: model.spendNote } : {}),
		asOf,
	};
}
