import { checkNormality, KOHAVI_FACTOR } from '../../nodes/shared/impact/normality';
import { checkState } from '../../nodes/shared/impact/state';
import { addValue, cubedSpreadAbout, emptyMoments, mergeMoments, type MomentState } from '../../nodes/shared/impact/sufficient';
import { seededRandom } from './simulate';

const stateOf = (values: number[]): MomentState => {
	const state = emptyMoments();
	for (const x of values) addValue(state, x);
	return state;
};

describe('the sum of cubes', () => {
	it('gives Σ(x − mean)³ without cancellation when the mean dwarfs the spread', () => {
		// Offsets from 1,000,000 that are exact in doubles: the third central moment of the offsets, by two passes.
		const offsets = [0.25, 0.5, 2, 0, 0, 0, 7.75, 0.125];
		const values = offsets.map((d) => 1e6 + d);
		const mean = offsets.reduce((s, d) => s + d, 0) / offsets.length;
		const expected = offsets.reduce((s, d) => s + (d - mean) ** 3, 0);
		const state = stateOf(values);
		expect(cubedSpreadAbout(state, 1e6 + mean)).toBeCloseTo(expected, 9);
		// Summed as plain doubles, Σx³ − 3mΣx² + 3m²Σx − n·m³ loses every digit (values³ near 1e18 · 8).
		const plain = (k: number) => values.reduce((s, x) => s + x ** k, 0);
		const m = 1e6 + mean;
		expect(Math.abs(plain(3) - 3 * m * plain(2) + 3 * m * m * plain(1) - values.length * m ** 3 - expected)).toBeGreaterThan(1);
	});

	it('merges into the one-run state in any order and any split into pages', () => {
		const random = seededRandom(41);
		const values = Array.from({ length: 3000 }, () => (random() < 0.1 ? Math.round(random() * 40000) / 100 : 0));
		const one = stateOf(values);
		for (const cuts of [[0, 1, 1500, 3000], [0, 2999, 3000], [0, 700, 701, 2222, 3000]]) {
			const pages = cuts.slice(1).map((end, i) => stateOf(values.slice(cuts[i], end))).reverse();
			const merged = emptyMoments();
			for (const page of pages) mergeMoments(merged, page);
			expect(cubedSpreadAbout(merged, 19.5)).toBe(cubedSpreadAbout(one, 19.5));
		}
	});

	it('is dropped when a page without it (written before it was kept) is merged; an empty old page changes nothing', () => {
		const merged = stateOf([1, 2, 30]);
		mergeMoments(merged, { n: 0, sum: [], sumOfSquares: [] });
		expect(merged.sumOfCubes).toBeDefined();
		mergeMoments(merged, { n: 1, sum: [4], sumOfSquares: [16] });
		expect(merged.sumOfCubes).toBeUndefined();
		mergeMoments(merged, stateOf([5]));
		expect(merged.sumOfCubes).toBeUndefined();
		expect(checkNormality(merged, stateOf([1, 2, 3])).reliable).toBeNull();
	});
});

describe("Kohavi's rule on the difference of two means", () => {
	const zerosAnd = (n: number, buyers: number[]) => [...Array(n - buyers.length).fill(0), ...buyers];

	it('flags a small skewed holdout and names each group failing the rule with the customers it asks for', () => {
		// Two-valued groups (0 or 100) with a share p of buyers have skewness (1 − 2p) / √(p(1 − p)): 4.129 for the
		// holdout's 5 buyers of 100 (the rule asks for 6,054), 2.667 for the treatment's 190 of 1,900 (asks for 2,525).
		const holdout = stateOf(zerosAnd(100, Array(5).fill(100)));
		const treatment = stateOf(zerosAnd(1900, Array(190).fill(100)));
		const check = checkNormality(treatment, holdout);
		expect(check.reliable).toBe(false);
		const named = (group: string, customers: number, p: number) => {
			const skewness = (1 - 2 * p) / Math.sqrt(p * (1 - p));
			return { group, customers, skewness: expect.closeTo(skewness, 12), required: Math.floor(KOHAVI_FACTOR * skewness ** 2) + 1 };
		};
		expect(check.skewed).toEqual([named('treatment', 1900, 0.1), named('holdout', 100, 0.05)]);
		expect(check.skewed.map((g) => g.required)).toEqual([2525, 6054]);
	});

	it('passes balanced alike groups (their skews cancel) and groups with no skew', () => {
		const buyers = zerosAnd(1000, Array(100).fill(100));
		expect(checkNormality(stateOf(buyers), stateOf(buyers)).reliable).toBe(true);
		const symmetric = Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? 10 : 20));
		expect(checkNormality(stateOf(symmetric), stateOf(symmetric.slice(0, 4)))).toEqual({ reliable: true, skewed: [] });
	});

	it('passes balanced groups whose own third moments differ by chance (one big buyer in one group): pooled, they cancel exactly', () => {
		// Fails with each group's own third moment alone (the rule before the pooled estimate was added).
		const treatment = stateOf(zerosAnd(1000, [...Array(99).fill(100), 3000]));
		const holdout = stateOf(zerosAnd(1000, Array(100).fill(120)));
		expect(checkNormality(treatment, holdout)).toEqual({ reliable: true, skewed: [] });
	});

	it('passes a small holdout of symmetric values when the campaign made only the treated customers\' values skewed (the pooled moment alone would flag it)', () => {
		// Subscribers paying 150 or 250; 10% of the 2,000 treated also bought an upsell (60, or 900 for one in ten of them).
		const subscribers = (n: number) => Array.from({ length: n }, (_, i) => (i % 2 ? 150 : 250));
		const treatment = stateOf(subscribers(2000).map((x, i) => (i % 10 === 0 ? x + (i % 100 === 0 ? 900 : 60) : x)));
		expect(checkNormality(treatment, stateOf(subscribers(200)))).toEqual({ reliable: true, skewed: [] });
	});

	it('says nothing was checked (reliable null, not true) for a group under two customers or groups without variation', () => {
		// A single buyer of 10,000 held out: no interval, and nothing that says it would be trustworthy.
		const skewedTreatment = stateOf(zerosAnd(1000, [10000]));
		expect(checkNormality(skewedTreatment, stateOf([10000]))).toEqual({ reliable: null, skewed: [] });
		expect(checkNormality(stateOf([5]), stateOf([0, 0, 9]))).toEqual({ reliable: null, skewed: [] });
		expect(checkNormality(stateOf([]), stateOf([1, 2]))).toEqual({ reliable: null, skewed: [] });
		expect(checkNormality(stateOf([3, 3, 3]), stateOf([7, 7]))).toEqual({ reliable: null, skewed: [] });
	});

	it('checks groups whose spread is so small that the variance of the difference underflows unscaled (Welch still gives an interval)', () => {
		// Σ(x − mean)² / n / n of [0, 3.85e-162] is below the smallest double: unscaled, the check read "no variation".
		const tiny = 3.85e-162;
		expect(checkNormality(stateOf([0, tiny]), stateOf([0, tiny]))).toEqual({ reliable: true, skewed: [] });
		expect(checkNormality(stateOf([0, tiny, 0]), stateOf([tiny, 0]))).toEqual({ reliable: true, skewed: [] });
	});

	it('names as required the smallest whole number of customers above 355 × skewness²', () => {
		const holdout = stateOf([0, 0, 9]);
		const check = checkNormality(stateOf(zerosAnd(1000, Array(100).fill(9))), holdout);
		const h = check.skewed.find((g) => g.group === 'holdout')!;
		expect(h.required).toBeGreaterThan(KOHAVI_FACTOR * h.skewness ** 2);
		expect(h.required - 1).toBeLessThanOrEqual(KOHAVI_FACTOR * h.skewness ** 2);
	});
});

describe('a page state\'s sum of cubes is checked', () => {
	const page = (group: Partial<MomentState>, kind: 'revenue' | 'conversion' = 'revenue') => ({
		outcomes: { [kind]: { kind: kind === 'revenue' ? 'mean' : 'proportion', strata: { '': { treatment: { n: 3, sum: [3], sumOfSquares: [5], sumOfCubes: [9], ...group }, holdout: stateOf(kind === 'revenue' ? [0, 1, 2] : [0, 1, 1]) } } } },
	});

	it('accepts a state without it, and values\' cubes', () => {
		expect(() => checkState(page({ sumOfCubes: undefined }))).not.toThrow();
		expect(() => checkState(page({}))).not.toThrow();
	});

	it.each([
		['not finite', { sumOfCubes: [Infinity] }],
		['not numbers', { sumOfCubes: ['9'] as unknown as number[] }],
		['a third moment no values give (beyond (Σ(x − m)²)^1.5)', { sumOfCubes: [1e6] }],
	])('refuses cubes %s', (_name, group) => {
		expect(() => checkState(page(group))).toThrow('has no valid treatment and holdout statistics');
	});

	it("refuses a rate's cubes other than its count", () => {
		expect(() => checkState(page({ n: 3, sum: [2], sumOfSquares: [2], sumOfCubes: [2] }, 'conversion'))).not.toThrow();
		expect(() => checkState(page({ n: 3, sum: [2], sumOfSquares: [2], sumOfCubes: [3] }, 'conversion'))).toThrow('has no valid treatment and holdout statistics');
	});
});
