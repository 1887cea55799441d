import type { MomentState } from '../../nodes/shared/impact/sufficient';
import { seededRandom } from '../helpers/random';

export { seededRandom };

/** Revenue of one customer: with probability `p` a purchase worth Gamma(2, mean/2) (sum of two exponentials), else 0. */
export function revenueDraw(random: () => number, p: number, meanPurchase: number): number {
	if (random() >= p) return 0;
	const e = () => -Math.log(1 - random());
	return Math.round(((e() + e()) * meanPurchase) / 2 * 100) / 100;
}

/** Binomial(n, p) by geometric waiting times between successes: exact, in O(n · min(p, 1 − p)) draws. */
export function binomialDraw(random: () => number, n: number, p: number): number {
	if (p > 0.5) return n - binomialDraw(random, n, 1 - p);
	if (p <= 0) return 0;
	const logQ = Math.log1p(-p);
	let successes = 0;
	for (let trial = 0; ; successes++) {
		trial += Math.floor(Math.log(1 - random()) / logQ) + 1;
		if (trial > n) return successes;
	}
}

/** A standard normal draw (Box–Muller). */
export function normalDraw(random: () => number): number {
	return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

/** The state of a yes/no outcome with `successes` of `n` customers (values 0/1: the sums of squares and cubes are the sum). */
export const countState = (n: number, successes: number): MomentState => ({ n, sum: successes === 0 ? [] : [successes], sumOfSquares: successes === 0 ? [] : [successes], sumOfCubes: successes === 0 ? [] : [successes] });

/**
 * The state of `n` values with the given sum, sum of squares and (when given) sum of cubes (large simulated
 * groups, summed as doubles); without cubes, a state as written before they were kept.
 */
export const sumsState = (n: number, sum: number, sumOfSquares: number, sumOfCubes?: number): MomentState => ({
	n,
	sum: sum === 0 ? [] : [sum],
	sumOfSquares: sumOfSquares === 0 ? [] : [sumOfSquares],
	...(sumOfCubes === undefined ? {} : { sumOfCubes: sumOfCubes === 0 ? [] : [sumOfCubes] }),
});

/** The acceptance band of a share estimated from `runs` simulated campaigns: expected ± 3 binomial standard deviations. */
export function band(expected: number, runs: number): [number, number] {
	const sd = Math.sqrt((expected * (1 - expected)) / runs);
	return [expected - 3 * sd, expected + 3 * sd];
}
