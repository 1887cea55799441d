import { z } from 'zod';
import type { Language } from '../../format/language';
import { parameterError } from '../../input';
import { fitSbgSubscribers, sbgDiscountedResidualLifetime, sbgRetention } from '../../models';
import { positive, suppliedParameters } from './supplied';
import { percent, RENEWAL_PERIOD_DAYS, wholePercent, type ChurnModel, type ModelScore } from './types';

/**
 * Positive and at most 1e12: a cohort whose subscribers churn alike runs a fit to about 1e8 (alpha and
 * beta growing together); far beyond, beta 1e308 gave every active subscriber a non-finite value, each
 * that subscriber's error though the parameter was at fault, and alpha 1e308 a retention of 0 for all.
 */
const SBG_PARAMETER_MAX = 1e12;
const SCHEMA = z.object({ alpha: positive.max(SBG_PARAMETER_MAX), beta: positive.max(SBG_PARAMETER_MAX) });
const SBG_EXPECTED = `positive numbers of at most ${SBG_PARAMETER_MAX.toLocaleString('en')}`;
/**
 * The least annual discount sBG values renewals with: 0.05% a year is a discount of 0.0000417 per monthly
 * renewal, above the least the residual lifetime is computed for (SBG_MIN_DISCOUNT_PER_RENEWAL); below,
 * every active subscriber was an error of its own saying hyp2f1 did not converge.
 */
const SBG_MIN_ANNUAL_DISCOUNT_RATE = 0.0005;
const CHURNED: ModelScore = Object.freeze({ probabilityAlive: 0, churnProbability: 1, nextRenewalProbability: 0, expectedRenewals: 0 });

/** Shifted-beta-geometric (Fader & Hardie 2007): contracts churn at renewal. */
export const sbgModel: ChurnModel = {
	method: 'sbg',
	name: 'sBG',
	input: 'subscribers',
	checkOptions(options) {
		// Undiscounted, the expected number of renewals is infinite whenever alpha <= 1 (as for most cohorts).
		if (!(options.annualDiscountRate > 0)) {
			throw parameterError('Annual Discount Rate (%)', options.annualDiscountRate * 100, 'is not above 0, and sBG needs a discount to value the expected future renewals', 'a percentage above 0 with sBG');
		}
		// The same for every renewal period, so the figure does not change with it; monthly needs the most.
		if (options.annualDiscountRate < SBG_MIN_ANNUAL_DISCOUNT_RATE) {
			throw parameterError(
				'Annual Discount Rate (%)',
				options.annualDiscountRate * 100,
				`is below ${SBG_MIN_ANNUAL_DISCOUNT_RATE * 100}, too little discount for sBG: the expected future renewals grow without bound as the discount goes to 0, and the sum that values them cannot be finished`,
				`a percentage of at least ${SBG_MIN_ANNUAL_DISCOUNT_RATE * 100} with sBG`,
			);
		}
	},
	fit(subjects) {
		const fit = fitSbgSubscribers(subjects.map((s) => s.subscriber!));
		return { method: 'sbg', source: 'fitted', parameters: { ...fit.params }, fit };
	},
	fromSupplied(object) {
		return { method: 'sbg', source: 'supplied', parameters: suppliedParameters('sbg', SCHEMA, object, SBG_EXPECTED) };
	},
	scorer(model, options) {
		const params = SCHEMA.parse(model.parameters);
		const perRenewal = Math.pow(1 + options.annualDiscountRate, RENEWAL_PERIOD_DAYS[options.renewalPeriod] / 365.25) - 1;
		// Depends on tenure only: computed once per tenure (a long series when renewals are monthly).
		const renewalsByTenure = new Map<number, number>();
		return (subject) => {
			const { tenure, active } = subject.subscriber!;
			if (!active) return CHURNED;
			const renew = sbgRetention(params, tenure + 1);
			let renewals = renewalsByTenure.get(tenure);
			if (renewals === undefined) renewalsByTenure.set(tenure, (renewals = sbgDiscountedResidualLifetime(params, tenure, perRenewal)));
			return {
				probabilityAlive: renew,
				churnProbability: 1 - renew,
				nextRenewalProbability: renew,
				expectedRenewals: renewals,
				...(subject.periodValue !== undefined ? { expectedValue: renewals * subject.periodValue } : {}),
			};
		};
	},
	horizon: () => null,
	timeUnit: (options) => `${options.renewalPeriod}s`,
	reason(churnProbability: number, language: Language) {
		const zh = language === 'zh-CN';
		if (churnProbability === 1) return zh ? '已流失：合同未续约' : 'Has already churned: the contract was not renewed';
		return zh ? `下次续约不续的概率为 ${percent(churnProbability)}（sBG 模型）` : `${percent(churnProbability)} chance of not renewing at the next renewal (sBG)`;
	},
	// A churned subscriber has a text of its own.
	reasonKey: (churnProbability) => (churnProbability === 1 ? -1 : wholePercent(churnProbability)),
};
