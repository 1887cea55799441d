import { z } from 'zod';
import { ConfigError } from '../shared/input';
import {
	bgNbdConditionalExpected,
	bgNbdProbabilityAlive,
	discountedValue,
	fitBgNbd,
	fitGammaGamma,
	fitParetoNbd,
	fitSbgSubscribers,
	gammaGammaExpectedSpend,
	paretoNbdConditionalExpected,
	paretoNbdProbabilityAlive,
	sbgDiscountedResidualLifetime,
	sbgRetention,
	type FitInfo,
	type GammaGammaParams,
	type RfmSummary,
} from '../shared/models';
import type { Subject } from './read';

export type ModelMethod = 'bgNbd' | 'paretoNbd' | 'sbg';

const positive = z.number().finite().positive();
const SCHEMAS = {
	bgNbd: z.object({ r: positive, alpha: positive, a: positive, b: positive }),
	paretoNbd: z.object({ r: positive, alpha: positive, s: positive, beta: positive }),
	sbg: z.object({ alpha: positive, beta: positive }),
};
const SPEND_SCHEMA = z.object({ p: positive, q: z.number().finite().gt(1), gamma: positive });

export interface FittedModel {
	method: ModelMethod;
	/** sBG discounted expected renewals by tenure, filled while scoring. */
	renewalsByTenure?: Map<number, number>;
	source: 'fitted' | 'supplied';
	parameters: Record<string, number>;
	spendParameters?: GammaGammaParams;
	fit?: FitInfo;
	spendFit?: FitInfo;
	spendNote?: string;
}

/** Parses supplied parameters: the Model item of an earlier run, or just its `parameters`. */
export function parseSupplied(method: ModelMethod, raw: unknown): FittedModel {
	let value = raw;
	if (typeof raw === 'string') {
		try {
			value = JSON.parse(raw);
		} catch {
			throw new ConfigError(`Parameters JSON is not valid JSON: ${raw.slice(0, 80)}`);
		}
	}
	const object = (value ?? {}) as Record<string, unknown>;
	if (object.method !== undefined && object.method !== method) {
		throw new ConfigError(`The supplied parameters are for ${String(object.method)}, but the method is ${method}`);
	}
	const parsed = SCHEMAS[method].safeParse(object.parameters ?? object);
	if (!parsed.success) {
		const keys = Object.keys(SCHEMAS[method].shape).join(', ');
		throw new ConfigError(
			`Supplied ${method} parameters are malformed or out of range (${parsed.error.issues.map((i) => `${i.path.join('.') || 'value'}: ${i.message}`).join('; ')}); expected positive numbers ${keys}`,
		);
	}
	const spend = object.spendParameters === undefined ? undefined : SPEND_SCHEMA.safeParse(object.spendParameters);
	if (spend && !spend.success) throw new ConfigError('Supplied spendParameters are malformed: expected p > 0, q > 1, gamma > 0');
	return { method, source: 'supplied', parameters: parsed.data as Record<string, number>, spendParameters: spend?.data };
}

export function fitModel(method: ModelMethod, subjects: Subject[]): FittedModel {
	if (method === 'sbg') {
		const fit = fitSbgSubscribers(subjects.map((s) => s.subscriber!));
		return { method, source: 'fitted', parameters: { ...fit.params }, fit };
	}
	const summaries = subjects.map((s) => s.summary!);
	const fit = method === 'bgNbd' ? fitBgNbd(summaries) : fitParetoNbd(summaries);
	const model: FittedModel = { method, source: 'fitted', parameters: { ...fit.params }, fit };
	const spenders = subjects.filter((s) => s.meanSpend !== undefined && s.summary!.x > 0).map((s) => ({ x: s.summary!.x, meanSpend: s.meanSpend! }));
	if (spenders.length > 0) {
		try {
			const spendFit = fitGammaGamma(spenders);
			model.spendParameters = spendFit.params;
			model.spendFit = spendFit;
		} catch (error) {
			model.spendNote = (error as Error).message;
		}
	}
	return model;
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

export interface ScoreOptions {
	/** Periods ahead (in the time unit) for expected purchases and value. */
	horizon: number;
	/** Days in one time unit. */
	unitDays: number;
	/** e.g. 0.1 for 10 % a year. */
	annualDiscountRate: number;
	/** Days between renewals, for sBG. */
	renewalPeriodDays: number;
}

export const RENEWAL_PERIOD_DAYS = { month: 365.25 / 12, quarter: 365.25 / 4, year: 365.25 } as const;

/** Value is discounted month by month (as is usual for CLV), whatever the time unit. */
const MONTH_DAYS = 365.25 / 12;

export function scoreSubject(model: FittedModel, subject: Subject, options: ScoreOptions): ModelScore {
	if (model.method === 'sbg') {
		const params = model.parameters as { alpha: number; beta: number };
		const { tenure, active } = subject.subscriber!;
		if (!active) return { probabilityAlive: 0, churnProbability: 1, nextRenewalProbability: 0, expectedRenewals: 0 };
		const renew = sbgRetention(params, tenure + 1);
		// Depends on tenure only: computed once per tenure (a long series when renewals are monthly).
		let renewals = model.renewalsByTenure?.get(tenure);
		if (renewals === undefined) {
			const perRenewal = Math.pow(1 + options.annualDiscountRate, options.renewalPeriodDays / 365.25) - 1;
			renewals = sbgDiscountedResidualLifetime(params, tenure, perRenewal);
			(model.renewalsByTenure ??= new Map()).set(tenure, renewals);
		}
		return {
			probabilityAlive: renew,
			churnProbability: 1 - renew,
			nextRenewalProbability: renew,
			expectedRenewals: renewals,
			...(subject.periodValue !== undefined ? { expectedValue: renewals * subject.periodValue } : {}),
		};
	}
	const c: RfmSummary = subject.summary!;
	const alive = model.method === 'bgNbd' ? bgNbdProbabilityAlive(model.parameters as never, c) : paretoNbdProbabilityAlive(model.parameters as never, c);
	const expectedAt = (t: number) =>
		model.method === 'bgNbd' ? bgNbdConditionalExpected(model.parameters as never, c, t) : paretoNbdConditionalExpected(model.parameters as never, c, t);
	const expectedPurchases = expectedAt(options.horizon);
	const score: ModelScore = { probabilityAlive: alive, churnProbability: 1 - alive, expectedPurchases };
	if (model.spendParameters && subject.meanSpend !== undefined) {
		const spend = gammaGammaExpectedSpend(model.spendParameters, { x: c.x, meanSpend: c.x > 0 ? subject.meanSpend : 0 });
		const horizonDays = options.horizon * options.unitDays;
		const periods = Math.max(1, Math.round(horizonDays / MONTH_DAYS));
		const periodDays = horizonDays / periods;
		const discount = Math.pow(1 + options.annualDiscountRate, periodDays / 365.25) - 1;
		score.expectedValue = discountedValue(expectedAt, spend, periods, periodDays / options.unitDays, discount);
	}
	const nonFinite = !Number.isFinite(alive)
		? 'probabilityAlive'
		: !Number.isFinite(expectedPurchases)
			? 'expectedPurchases'
			: score.expectedValue !== undefined && !Number.isFinite(score.expectedValue)
				? 'expectedValue'
				: undefined;
	if (nonFinite) throw new ConfigError(`The model gave a non-finite ${nonFinite} for customer "${subject.customerId}"; check the parameters and time unit`);
	return score;
}
