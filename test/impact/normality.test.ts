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

	it('flags a small skewed holdout and names each group failing the rule with the skewness of both groups\' values', () => {
		// Two-valued groups (0 or 100) with a share p of buyers: Σ(x − mean)² / n = 100² p(1 − p) and Σ(x − mean)³ / n =
		// 100³ p(1 − p)(1 − 2p). Pooled over the holdout's 5 buyers of 100 and the treatment's 190 of 1,900, the skewness
		// is 2.708, for which the rule asks for 2,603 customers: both groups are too small.
		const holdout = stateOf(zerosAnd(100, Array(5).fill(100)));
		const treatment = stateOf(zerosAnd(1900, Array(190).fill(100)));
		const check = checkNormality(treatment, holdout);
		expect(check.reliable).toBe(false);
		const moment = (k: 2 | 3, p: number) => 100 ** k * p * (1 - p) * (k === 3 ? 1 - 2 * p : 1);
		const pooled = (k: 2 | 3) => 0.95 * moment(k, 0.1) + 0.05 * moment(k, 0.05);
		const skewness = pooled(3) / pooled(2) ** 1.5;
		expect(skewness).toBeCloseTo(2.708, 3);
		const required = Math.floor(KOHAVI_FACTOR * skewness ** 2) + 1;
		expect(required).toBe(2603);
		expect(check.skewed).toEqual([
			{ group: 'treatment', customers: 1900, skewness: expect.closeTo(skewness, 12), required },
			{ group: 'holdout', customers: 100, skewness: expect.closeTo(skewness, 12), required },
		]);
	});

	it('passes balanced alike groups (their skews cancel) and groups with no skew', () => {
		const buyers = zerosAnd(1000, Array(100).fill(100));
		expect(checkNormality(stateOf(buyers), stateOf(buyers)).reliable).toBe(true);
		const symmetric = Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? 10 : 20));
		expect(checkNormality(stateOf(symmetric), stateOf(symmetric.slice(0, 4)))).toEqual({ reliable: true, skewed: [] });
	});

	// The two cases below failed with each group's own third moment (the rule before it was pooled).
	it('passes balanced groups whose own third moments differ by chance: one big buyer in one group (their skews cancel in the base)', () => {
		const treatment = stateOf(zerosAnd(1000, [...Array(99).fill(100), 3000]));
		const holdout = stateOf(zerosAnd(1000, Array(100).fill(120)));
		expect(checkNormality(treatment, holdout)).toEqual({ reliable: true, skewed: [] });
	});

	it('flags a small holdout that missed the big buyer the treatment has, though the two groups\' own skews cancel', () => {
		// 10 buyers of 100 among 200 held out; among 2,000 treated 100 such buyers and one of 2,040. Own third moments over
		// n²: the holdout's cancels the treatment's; pooled, the big buyer is what a holdout of 200 usually misses.
		const treatment = stateOf(zerosAnd(2000, [...Array(100).fill(100), 2040]));
		const holdout = stateOf(zerosAnd(200, Array(10).fill(100)));
		const check = checkNormality(treatment, holdout);
		expect(check.reliable).toBe(false);
		expect(check.skewed.map((g) => g.group)).toEqual(['treatment', 'holdout']);
	});

	it('names as required the smallest whole number of customers above 355 × skewness²', () => {
		const check = checkNormality(stateOf(zerosAnd(1000, Array(100).fill(9))), stateOf([0, 0, 9]));
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
