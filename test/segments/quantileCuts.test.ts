import { quantileScores } from '../../nodes/shared/segments';

/** The rule as written in quantileScores' comment, computed the slow way: count below and equal. */
function byDefinition(values: number[], k: number): number[] {
	const n = values.length;
	return values.map((v) => {
		const below = values.filter((w) => w < v).length;
		const equal = values.filter((w) => w === v).length;
		return Math.min(k, 1 + Math.floor((k * (below + equal / 2)) / n));
	});
}

describe('quantileScores agrees with its definition', () => {
	let seed = 3;
	const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;

	it.each([3, 4, 5, 10])('on random batches with and without ties, %i bins', (k) => {
		for (const n of [1, 2, 3, 7, 10, 11, 50, 333]) {
			for (const distinct of [1, 2, 5, 1000]) {
				// Whole numbers in a narrow span (scored from counts), fractions and a wide span (scored after a sort).
				const whole = Array.from({ length: n }, () => Math.floor(next() * distinct) - Math.floor(distinct / 2));
				// Recency in days from a zone's midnight to an As Of at 08:00 there: whole days and one same fraction.
				const zoned = whole.map((v) => (v * 86_400_000 + 8 * 3_600_000) / 86_400_000);
				for (const values of [whole, zoned, whole.map((v) => v / 4), whole.map((v) => v * 1e7)]) {
					expect([...quantileScores(values, k)]).toEqual(byDefinition(values, k));
				}
			}
		}
	});

	it('treats -0 and 0 as equal, and handles large and fractional values', () => {
		const values = [-0, 0, 0.5, -0.25, 1e12, -1e12, 0.5, 3.75];
		for (const k of [3, 5, 10]) expect([...quantileScores(values, k)]).toEqual(byDefinition(values, k));
		const wholeWithNegativeZero = [-0, 0, 0, 3, -2, 7, -0];
		for (const k of [3, 5, 10]) expect([...quantileScores(wholeWithNegativeZero, k)]).toEqual(byDefinition(wholeWithNegativeZero, k));
	});
});
