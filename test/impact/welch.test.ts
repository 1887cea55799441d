import { studentQuantile, studentUpperTail, normalQuantile } from '../../nodes/shared/impact/distributions';
import { addValue, emptyMoments, moments } from '../../nodes/shared/impact/sufficient';
import { measureOutcome } from '../../nodes/shared/impact/uplift';
import { welchInterval } from '../../nodes/shared/impact/welch';

const stateOf = (values: number[]) => {
	const state = emptyMoments();
	for (const v of values) addValue(state, v);
	return state;
};

describe('Welch interval for a difference of means', () => {
	it('matches a hand computation', () => {
		// Treatment 12, 15, 11, 18, 14 and holdout 9, 10, 8, 12 (revenue per customer).
		// Treatment: mean 70/5 = 14, squared deviations 4 + 1 + 9 + 16 + 0 = 30, s² = 30/4 = 7.5.
		// Holdout:   mean 39/4 = 9.75, squared deviations 0.5625 + 0.0625 + 3.0625 + 5.0625 = 8.75, s² = 8.75/3 = 2.91667.
		// s²/n: 7.5/5 = 1.5 and 2.91667/4 = 0.729167; se = √2.229167 = 1.493039.
		// df = 2.229167² / (1.5²/4 + 0.729167²/3) = 4.969184 / (0.5625 + 0.177228) = 6.71758.
		// t(0.975, 6.71758): between t(6) = 2.4469 and t(7) = 2.3646; interpolating in 1/df,
		// (1/6 − 1/6.71758) / (1/6 − 1/7) = 0.749, so t ≈ 2.4469 − 0.749 × 0.0823 = 2.3853; difference 4.25.
		// 95% CI 4.25 ± 2.385 × 1.493039 = 0.689 to 7.811.
		const treatment = moments(stateOf([12, 15, 11, 18, 14]));
		const holdout = moments(stateOf([9, 10, 8, 12]));
		expect(treatment.mean).toBe(14);
		expect(treatment.variance).toBeCloseTo(7.5, 12);
		expect(holdout.variance).toBeCloseTo(8.75 / 3, 12);
		const result = welchInterval(treatment, holdout, 0.95)!;
		expect(result.difference).toBe(4.25);
		expect(result.standardError).toBeCloseTo(1.493039, 6);
		expect(result.degreesOfFreedom).toBeCloseTo(6.71758, 4);
		const t = studentQuantile(0.975, result.degreesOfFreedom);
		expect(t).toBeCloseTo(2.385, 2);
		expect(result.lower).toBeCloseTo(4.25 - t * 1.493039, 5);
		expect(result.lower).toBeCloseTo(0.689, 3);
		expect(result.upper).toBeCloseTo(7.811, 3);
		// p-value from the same t: the interval excludes 0, so p < 0.05.
		expect(result.pValue).toBeLessThan(0.05);
		expect(result.pValue).toBeCloseTo(2 * studentUpperTail(4.25 / result.standardError, result.degreesOfFreedom), 14);
	});

	it('uses Student t quantiles that match printed tables', () => {
		// Two-sided 95% and 99% critical values from any t table.
		expect(studentQuantile(0.975, 1)).toBeCloseTo(12.7062, 4);
		expect(studentQuantile(0.975, 2)).toBeCloseTo(4.3027, 4);
		expect(studentQuantile(0.975, 10)).toBeCloseTo(2.2281, 4);
		expect(studentQuantile(0.975, 30)).toBeCloseTo(2.0423, 4);
		expect(studentQuantile(0.995, 3)).toBeCloseTo(5.8409, 4);
		expect(studentQuantile(0.975, 1e9)).toBeCloseTo(1.96, 2);
		expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 6);
		expect(normalQuantile(0.8)).toBeCloseTo(0.841621, 6);
	});

	it('is undefined without two values per group or without variation, never NaN', () => {
		expect(welchInterval(moments(stateOf([1])), moments(stateOf([1, 2])), 0.95)).toBeNull();
		expect(welchInterval(moments(stateOf([3, 3, 3])), moments(stateOf([3, 3])), 0.95)).toBeNull();
	});

	it('keeps the variance exact when the mean dwarfs the spread', () => {
		const values = [1e9 + 1, 1e9 + 2, 1e9 + 3, 1e9 + 4];
		expect(moments(stateOf(values)).variance).toBe(5 / 3);
	});
});

describe('Welch interval and detectable effect against published values', () => {
	it('reproduces R\'s t.test on the sleep data (Student 1908): t = −1.8608, df = 17.776, p = 0.07939, 95% CI −3.3654832 to 0.2054832', () => {
		// R: t.test(extra ~ group, data = sleep), Welch by default.
		const group1 = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0];
		const group2 = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4];
		const result = welchInterval(moments(stateOf(group1)), moments(stateOf(group2)), 0.95)!;
		expect(result.difference).toBeCloseTo(-1.58, 12);
		expect(Number((result.difference / result.standardError).toFixed(4))).toBe(-1.8608);
		expect(Number(result.degreesOfFreedom.toFixed(3))).toBe(17.776);
		expect(Number(result.pValue.toFixed(5))).toBe(0.07939);
		expect(Number(result.lower.toFixed(7))).toBe(-3.3654832);
		expect(Number(result.upper.toFixed(7))).toBe(0.2054832);
	});

	it('needs 64 customers per group to detect half a standard deviation 80% of the time at 5% (Cohen 1988, Table 2.4.1)', () => {
		// Groups of n with sample variance 1: the mean's MDE is (t(df, 0.975) + t(df, 0.8)) · √(2/n), df = 2n − 2.
		const group = (n: number) => ({ n, sum: [], sumOfSquares: [n - 1] });
		const mde = (n: number) => measureOutcome('mean', group(n), group(n), { level: 0.95, costPerContact: 0, margin: 1 }).minimumDetectableEffect!;
		expect(mde(64)).toBeLessThanOrEqual(0.5);
		expect(mde(63)).toBeGreaterThan(0.5);
	});
});
