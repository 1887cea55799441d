import { ConfigError } from '../../nodes/shared/input';
import { SBG_MIN_DISCOUNT_PER_RENEWAL, sbgDiscountedResidualLifetime, type SbgParams } from '../../nodes/shared/models';

/** The discounted residual lifetime summed term by term: Σ_k (1 + d)^-k · P(renewing k + 1 more times after `renewals`). */
function directSum(p: SbgParams, renewals: number, d: number): number {
	let stay = 1;
	let sum = 0;
	let discount = 1;
	for (let k = 0; k < 5_000_000; k++) {
		// Retention at renewal renewals + 1 + k: (beta + t − 1) / (alpha + beta + t − 1).
		const t = renewals + 1 + k;
		stay *= (p.beta + t - 1) / (p.alpha + p.beta + t - 1);
		const term = stay * discount;
		sum += term;
		if (term < 1e-17 * sum) break;
		discount /= 1 + d;
	}
	return sum;
}

describe('sBG discounted residual lifetime near no discount', () => {
	it.each([
		['alpha below 1 (published CDNOW-style cohort)', { alpha: 0.704, beta: 1.182 }],
		['alpha above 1', { alpha: 3.5, beta: 7 }],
		['alpha small, beta at its largest', { alpha: 0.01, beta: 1e12 }],
	])('at the least discount per renewal it is summed, equal to the term-by-term sum: %s', (_, p) => {
		const value = sbgDiscountedResidualLifetime(p, 12, SBG_MIN_DISCOUNT_PER_RENEWAL);
		expect(Number.isFinite(value)).toBe(true);
		expect(value / directSum(p, 12, SBG_MIN_DISCOUNT_PER_RENEWAL)).toBeCloseTo(1, 9);
	});

	it('below it, a discount is refused naming the rate and the least one, not a series that did not converge', () => {
		// 0.01% a year with monthly renewals.
		const monthly = Math.pow(1.0001, 1 / 12) - 1;
		const attempt = () => sbgDiscountedResidualLifetime({ alpha: 0.704, beta: 1.182 }, 12, monthly);
		expect(attempt).toThrow(ConfigError);
		expect(attempt).toThrow(`Discount rate ${monthly} per renewal is below 0.00004, too little for the residual lifetime's series to be summed (expected a rate of at least 0.00004 per renewal)`);
	});
});
