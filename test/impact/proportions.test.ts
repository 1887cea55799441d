import { normalQuantile } from '../../nodes/shared/impact/distributions';
import { newcombeInterval, newcombePValue, rateDetectableEffect, twoSidedZ, wilsonInterval } from '../../nodes/shared/impact/proportions';

/**
 * Newcombe RG (1998). Interval estimation for the difference between independent proportions:
 * comparison of eleven methods. Statistics in Medicine 17:873–890. Table II, method 10 (score method
 * incorporating Wilson's interval for each proportion, no continuity correction), 95% intervals for the
 * paper's eight examples (a)–(h), printed to four decimals.
 */
const TABLE_II_METHOD_10: Array<[string, number, number, number, number, number, number]> = [
	['(a) 56/70 − 48/80', 56, 70, 48, 80, 0.0524, 0.3339],
	['(b) 9/10 − 3/10', 9, 10, 3, 10, 0.1705, 0.809],
	// Row (c) of Table II, method 10, reads 0.0582 to 0.8062 (0.0342 to 0.8534 is not that row's method 10).
	['(c) 6/7 − 2/7', 6, 7, 2, 7, 0.0582, 0.8062],
	['(d) 5/56 − 0/29', 5, 56, 0, 29, -0.0381, 0.1926],
	['(e) 0/10 − 0/20', 0, 10, 0, 20, -0.1611, 0.2775],
	['(f) 0/10 − 0/10', 0, 10, 0, 10, -0.2775, 0.2775],
	['(g) 10/10 − 0/20', 10, 10, 0, 20, 0.6791, 1.0],
	['(h) 10/10 − 0/10', 10, 10, 0, 10, 0.6075, 1.0],
];

describe('Newcombe hybrid score interval for a difference of proportions', () => {
	const z = twoSidedZ(0.95);

	it.each(TABLE_II_METHOD_10)('%s gives the published interval', (_name, x1, n1, x2, n2, lower, upper) => {
		const ci = newcombeInterval(x1, n1, x2, n2, z);
		// Published to four decimals: the computed bounds must round to them.
		expect(Number(ci.lower.toFixed(4))).toBe(lower);
		expect(Number(ci.upper.toFixed(4))).toBe(upper);
	});

	it('builds on Wilson intervals that match Newcombe 1998 (single proportion) e.g. 81/263 -> 0.2553 to 0.3662', () => {
		// Newcombe RG (1998), Two-sided confidence intervals for the single proportion, Statistics in Medicine 17:857–872, Table I, method 3.
		const ci = wilsonInterval(81, 263, z);
		expect(Number(ci.lower.toFixed(4))).toBe(0.2553);
		expect(Number(ci.upper.toFixed(4))).toBe(0.3662);
		const zero = wilsonInterval(0, 20, z);
		expect(zero.lower).toBe(0);
		expect(Number(zero.upper.toFixed(4))).toBe(0.1611);
	});

	it('gives a p-value that agrees with the interval: below 0.05 exactly when the 95% interval excludes 0', () => {
		for (const [, x1, n1, x2, n2] of TABLE_II_METHOD_10) {
			const p = newcombePValue(x1, n1, x2, n2);
			const ci = newcombeInterval(x1, n1, x2, n2, z);
			expect(p < 0.05).toBe(ci.lower > 0 || ci.upper < 0);
			// At the p-value's own level the interval just touches zero.
			if (p > 1e-12 && p < 1) {
				const edge = newcombeInterval(x1, n1, x2, n2, twoSidedZ(1 - p));
				expect(Math.min(Math.abs(edge.lower), Math.abs(edge.upper))).toBeLessThan(1e-9);
			}
		}
		expect(newcombePValue(5, 10, 10, 20)).toBe(1);
	});
});

describe('the detectable rise of a rate: Fleiss\' formula, as R\'s power.prop.test computes it', () => {
	// R's documented examples (?power.prop.test): power.prop.test(n = 50, p1 = .50, p2 = .75) => power = 0.740, and
	// power.prop.test(p1 = .50, p2 = .75, power = .90) => n = 76.7. Both have the overall rate 0.625 and an effect of 0.25.
	const z = twoSidedZ(0.95);
	it('50 per group at power 0.740 detect 50% → 75%', () => {
		expect(rateDetectableEffect(0.625, 50, 50, z, normalQuantile(0.74))).toBeCloseTo(0.25, 3);
	});
	it('76.7 per group at power 0.90 detect 50% → 75%', () => {
		expect(rateDetectableEffect(0.625, 76.7, 76.7, z, normalQuantile(0.9))).toBeCloseTo(0.25, 3);
	});
	it('is null when every customer had the same outcome', () => {
		expect(rateDetectableEffect(0, 100, 100, z, normalQuantile(0.8))).toBeNull();
		expect(rateDetectableEffect(1, 100, 100, z, normalQuantile(0.8))).toBeNull();
	});
});
