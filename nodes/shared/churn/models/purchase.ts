import { z } from 'zod';
import type { Language } from '../../format/language';
import { describeValue, parameterError, PLAUSIBLE } from '../../input';
import { compress, discountedValue, fitGammaGamma, SPEND_PARAMETER_MAX, gammaGammaExpectedSpend, type CompressedData, type FitResult, type RfmSummary } from '../../models';
import { fitWithoutFastestBuyers, suppliedLeftOut } from './leftOut';
import { COUNT_PARAMETERS_EXPECTED, positive, suppliedNumbers, suppliedParameters } from './supplied';
import { percent, UNIT_DAYS, wholePercent, type ChurnModel, type FittedModel, type ModelMethod, type ModelScore, type ModelSubject, type ScoreOptions } from './types';

/**
 * Gamma-Gamma parameters within the range its fit gives (SPEND_PARAMETER_MAX): beyond it, p 1e308 gave
 * some customers a non-finite value, each that customer's error though the parameter was at fault.
 */
const SPEND_MAX = SPEND_PARAMETER_MAX;
const SPEND_SCHEMA = z.object({ p: positive.max(SPEND_MAX), q: z.number().finite().gt(1).max(SPEND_MAX), gamma: positive.max(SPEND_MAX) });
const SPEND_EXPECTED = `p > 0, q > 1, gamma > 0, each at most ${SPEND_MAX.toLocaleString('en')} (the range a fit gives)`;

/** Value is discounted month by month (as is usual for CLV), whatever the time unit. */
const MONTH_DAYS = 365.25 / 12;

/** What distinguishes one purchase ("buy till you die") model from another. */
export interface PurchaseModelParts<S extends z.ZodObject<Record<string, z.ZodNumber>>> {
	method: ModelMethod;
	name: string;
	/** The parameters' schema: numbers within the range a fit gives (countParameter). */
	schema: S;
	fit(summaries: RfmSummary[] | CompressedData): FitResult<z.infer<S>>;
	probabilityAlive(params: z.infer<S>, c: RfmSummary): number;
	/** Expected purchases in (0, t] after T, given the customer's history. */
	conditionalExpected(params: z.infer<S>, c: RfmSummary, t: number): number;
}

/**
 * A purchase model (BG/NBD, Pareto/NBD) with the Gamma-Gamma spend model for value: the counting
 * part comes from `parts`, everything else is the same for both.
 */
export function purchaseModel<S extends z.ZodObject<Record<string, z.ZodNumber>>>(parts: PurchaseModelParts<S>): ChurnModel {
	const { method, name, schema } = parts;
	return {
		method,
		name,
		input: 'purchases',
		checkOptions(options) {
			const maxHorizon = Math.floor(PLAUSIBLE.spanDays / UNIT_DAYS[options.unit]);
			const horizon = options.horizon;
			if (!(horizon > 0 && horizon <= maxHorizon)) {
				const problem = !Number.isFinite(horizon) ? 'is not a finite number' : horizon > 0 ? `is above ${maxHorizon}` : 'is not more than 0';
				throw parameterError('Horizon', horizon, problem, `a number of ${options.unit} more than 0 and at most ${maxHorizon}: 200 years`);
			}
			if (!(options.annualDiscountRate >= 0)) throw parameterError('Annual Discount Rate (%)', options.annualDiscountRate * 100, 'is below 0', 'a number of at least 0');
		},
		fit(subjects) {
			const fitOn = (list: readonly ModelSubject[]): FittedModel => {
				const summaries = list.map((s) => s.summary!);
				const grouped = list.some((s) => s.count !== undefined);
				const fit = parts.fit(grouped ? compress(summaries, list.map((s) => s.count ?? 1)) : summaries);
				// A GROUP BY row counting 0 customers is no spender: it would try a spend model the customers one by one do not.
				const spenders = list
					.filter((s) => s.meanSpend !== undefined && s.summary!.x > 0 && s.count !== 0)
					.map((s) => ({ x: s.summary!.x, meanSpend: s.meanSpend!, count: s.count }));
				const spend = spenders.length > 0 ? fitSpend(spenders) : {};
				return { method, source: 'fitted', parameters: { ...fit.params }, fit, ...spend };
			};
			try {
				return fitOn(subjects);
			} catch (failure) {
				const refitted = fitWithoutFastestBuyers(subjects, fitOn);
				if (refitted) return refitted;
				throw failure;
			}
		},
		fromSupplied(object) {
			const parameters = suppliedParameters(method, schema, object, COUNT_PARAMETERS_EXPECTED);
			// null is a Model item without a spend model, as a database row holds it.
			const spend = object.spendParameters ?? undefined;
			const spendParameters = spend === undefined ? undefined : suppliedNumbers('spendParameters', SPEND_SCHEMA, spend, SPEND_EXPECTED);
			return { method, source: 'supplied', parameters, spendParameters, leftOut: suppliedLeftOut(object.leftOut) };
		},
		scorer(model: FittedModel, options: ScoreOptions) {
			const params = schema.parse(model.parameters);
			const spendParameters = model.spendParameters;
			const unitDays = UNIT_DAYS[options.unit];
			const horizonDays = options.horizon * unitDays;
			const periods = Math.max(1, Math.round(horizonDays / MONTH_DAYS));
			const periodDays = horizonDays / periods;
			const discount = Math.pow(1 + options.annualDiscountRate, periodDays / 365.25) - 1;
			return (subject: ModelSubject): ModelScore => {
				const c = subject.summary!;
				const alive = parts.probabilityAlive(params, c);
				const expectedAt = (t: number) => parts.conditionalExpected(params, c, t);
				const expectedPurchases = expectedAt(options.horizon);
				const score: ModelScore = { probabilityAlive: alive, churnProbability: 1 - alive, expectedPurchases };
				if (spendParameters && subject.meanSpend !== undefined) {
					const spend = gammaGammaExpectedSpend(spendParameters, { x: c.x, meanSpend: c.x > 0 ? subject.meanSpend : 0 });
					score.expectedValue = discountedValue(expectedAt, spend, periods, periodDays / unitDays, discount);
				}
				return score;
			};
		},
		horizon: (options) => options.horizon,
		timeUnit: (options) => options.unit,
		reason(churnProbability: number, language: Language) {
			return language === 'zh-CN'
				? `仍为活跃客户的概率为 ${percent(1 - churnProbability)}（${name} 模型）`
				: `Probability still active is ${percent(1 - churnProbability)} (${name})`;
		},
		reasonKey: (churnProbability) => wholePercent(1 - churnProbability),
	};
}

type Spender = { x: number; meanSpend: number; count?: number };

/** A mean repeat spend or a repeat count this many times above or below the spenders' median is far outside the batch. */
const OUTLYING = 100;

/**
 * The spend model's fit, or a note saying why there is none (the purchase model stands without it).
 * One spender far from everyone else (a mean spend of 10 trillion among tens, or 1e-300; 10 million
 * repeat purchases among a few) ran the Gamma-Gamma fit off and left every customer without a value.
 * When the fit fails, it is tried again without the spenders whose mean spend or repeat count is more
 * than OUTLYING times above or below the median; those customers are still valued with the model
 * fitted on the others, and the note says what was left out.
 */
function fitSpend(spenders: Spender[]): Pick<FittedModel, 'spendParameters' | 'spendFit' | 'spendNote'> {
	try {
		const spendFit = fitGammaGamma(spenders);
		return { spendParameters: spendFit.params, spendFit };
	} catch (error) {
		const medianSpend = median(spenders, (s) => s.meanSpend);
		const medianX = median(spenders, (s) => s.x);
		const near = (value: number, middle: number) => value <= OUTLYING * middle && value * OUTLYING >= middle;
		const within = (s: Spender) => near(s.meanSpend, medianSpend) && near(s.x, medianX);
		const kept = spenders.filter(within);
		const leftOut = spenders.filter((s) => !within(s));
		if (leftOut.length > 0) {
			try {
				const spendFit = fitGammaGamma(kept);
				const customers = leftOut.reduce((sum, s) => sum + (s.count ?? 1), 0);
				const shown = leftOut
					.slice(0, 3)
					.map((s) => `${describeValue(s.meanSpend)} over ${describeValue(s.x)} repeat purchases`)
					.join(', ');
				return {
					spendParameters: spendFit.params,
					spendFit,
					spendNote:
						`Fitted without ${customers} customers whose mean repeat spend or repeat purchases are more than ${OUTLYING} times above or below the median ` +
						`(${describeValue(medianSpend)} over ${describeValue(medianX)}): ${shown}${leftOut.length > 3 ? ', …' : ''}; with them the fit failed (${(error as Error).message})`,
				};
			} catch {
				// The batch's own reason stands.
			}
		}
		return { spendNote: (error as Error).message };
	}
}

/** The median of a spender's value, each row counted as the customers it stands for (the upper middle one for an even number): the same in any order. */
function median(spenders: readonly Spender[], value: (s: Spender) => number): number {
	const rows = spenders.filter((s) => (s.count ?? 1) > 0).sort((a, b) => value(a) - value(b));
	const middle = Math.floor(rows.reduce((sum, s) => sum + (s.count ?? 1), 0) / 2);
	let seen = 0;
	for (const s of rows) {
		seen += s.count ?? 1;
		if (middle < seen) return value(s);
	}
	return Number.NaN;
}
