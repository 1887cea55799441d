import { addExact, roundedSum } from '../../nodes/shared/impact/exactSum';
import { seededRandom } from './simulate';

const sumOf = (values: number[]) => {
	const partials: number[] = [];
	for (const v of values) addExact(partials, v);
	return roundedSum(partials);
};

describe('exact sums', () => {
	it('round the exact sum once, where adding in turn drifts', () => {
		const tenths = Array(10).fill(0.1);
		expect(tenths.reduce((a, b) => a + b, 0)).not.toBe(1);
		expect(sumOf(tenths)).toBe(1);
		expect(sumOf([1e16, 1, -1e16])).toBe(1);
		expect(sumOf([1e100, 1, -1e100, 1e-100])).toBe(1);
	});

	it('give the same bits in any order and any split into pages', () => {
		const random = seededRandom(5);
		const values = Array.from({ length: 5000 }, () => Math.round((random() - 0.3) * 1e7) / 100 * (random() < 0.01 ? 1e9 : 1));
		const reference = sumOf(values);
		for (let trial = 0; trial < 5; trial++) {
			const shuffled = [...values].sort(() => random() - 0.5);
			const pages: number[][] = [[], [], []];
			for (const v of shuffled) addExact(pages[Math.floor(random() * 3)], v);
			const merged: number[] = [];
			for (const page of pages) for (const p of page) addExact(merged, p);
			expect(roundedSum(merged)).toBe(reference);
			expect(sumOf(shuffled)).toBe(reference);
		}
	});
});
