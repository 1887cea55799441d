import type { Language } from '../../format/language';
import type { FitInfo, GammaGammaParams, RfmSummary, Subscriber } from '../../models';
import type { LeftOutHistory } from './leftOut';

export type ModelMethod = 'bgNbd' | 'paretoNbd' | 'sbg';

/** What a model reads of one customer: a purchase summary or a subscription. */
export interface ModelSubject {
	customerId: string;
	summary?: RfmSummary;
	/** Mean spend per purchase, for the spend model. */
	meanSpend?: number;
	subscriber?: Subscriber;
	/** Revenue per renewal period, for sBG's value. */
	periodValue?: number;
	/** How many customers this subject stands for (a GROUP BY summary row); 1 when absent. */
	count?: number;
}

export interface ScoreOptions {
	/** Periods ahead (in the time unit) for expected purchases and value. */
	horizon: number;
	/** The time unit of summaries, horizon and purchase-model parameters. */
	unit: 'days' | 'weeks';
	/** e.g. 0.1 for 10 % a year. */
	annualDiscountRate: number;
	/** How often subscriptions renew, for sBG. */
	renewalPeriod: 'month' | 'quarter' | 'year';
}

export const UNIT_DAYS = { days: 1, weeks: 7 } as const;
export const RENEWAL_PERIOD_DAYS = { month: 365.25 / 12, quarter: 365.25 / 4, year: 365.25 } as const;

/** A model's parameters, fitted on this batch or supplied from an earlier run; never changed after. */
export interface FittedModel {
	readonly method: ModelMethod;
	readonly source: 'fitted' | 'supplied';
	readonly parameters: Readonly<Record<string, number>>;
	readonly spendParameters?: GammaGammaParams;
	readonly fit?: FitInfo;
	readonly spendFit?: FitInfo;
	readonly spendNote?: string;
	/** Purchase histories a fit on the batch failed with and left out, with all their customers (leftOut.ts). */
	readonly leftOut?: readonly LeftOutHistory[];
}

export interface ModelScore {
	probabilityAlive: number;
	churnProbability: number;
	expectedPurchases?: number;
	expectedValue?: number;
	/** For sBG: retention at the next renewal and the discounted expected number of future renewals. */
	nextRenewalProbability?: number;
	expectedRenewals?: number;
}

export type Scorer = (subject: ModelSubject) => ModelScore;

/**
 * One churn model (BG/NBD, Pareto/NBD, sBG), following the fitters' idea: fit once (or take supplied
 * parameters), then score many customers from the fitted parameters.
 */
export interface ChurnModel {
	readonly method: ModelMethod;
	/** The name shown to people: "BG/NBD". */
	readonly name: string;
	/** Purchase histories (customer, summary, transaction shapes) or subscribers. */
	readonly input: 'purchases' | 'subscribers';
	/** Checks the run's options before anything is fitted; a ConfigError names the parameter. */
	checkOptions(options: ScoreOptions): void;
	fit(subjects: readonly ModelSubject[]): FittedModel;
	/** Parameters from an earlier run's Model item (or just its `parameters`), checked. */
	fromSupplied(object: Record<string, unknown>): FittedModel;
	/** The scorer of one run; it reads the fitted model and never changes it. */
	scorer(model: FittedModel, options: ScoreOptions): Scorer;
	/** Horizon written with each result (null where the model has none). */
	horizon(options: ScoreOptions): number | null;
	/** Time unit written with each result and the Model item. */
	timeUnit(options: ScoreOptions): string;
	/** The model's reason, shown among the risk reasons. */
	reason(churnProbability: number, language: Language): string;
	/** Probabilities with the same key get the same reason (the text shows whole percents only). */
	reasonKey(churnProbability: number): number;
}

export const wholePercent = (p: number) => Math.round(p * 100);
export const percent = (p: number) => `${wholePercent(p)}%`;
