import { addExact, exactProduct, roundedSum, type Partials } from './exactSum';

/**
 * Sufficient statistics of one outcome in one group: the count, the exact sum, the exact sum of squares
 * and the exact sum of cubes (each power split into doubles, so nothing is rounded until the end). They
 * merge by concatenating partials, so pages measured on different workers merge into exactly the one-run
 * state. The cubes give the skewness the normality check needs; states written before they were kept
 * have none, and a merge with such a state (with customers) has none either.
 */
export interface MomentState {
	n: number;
	sum: Partials;
	sumOfSquares: Partials;
	sumOfCubes?: Partials;
}

export const emptyMoments = (): MomentState => ({ n: 0, sum: [], sumOfSquares: [], sumOfCubes: [] });

function addNonZero(partials: Partials, x: number): void {
	if (x !== 0) addExact(partials, x);
}

export function addValue(state: MomentState, x: number): void {
	state.n++;
	// A 0 (most customers' revenue) adds nothing to any sum.
	if (x === 0) return;
	addExact(state.sum, x);
	const [square, error] = exactProduct(x, x);
	addExact(state.sumOfSquares, square);
	addNonZero(state.sumOfSquares, error);
	const cubes = state.sumOfCubes;
	if (!cubes) return;
	// x³ = (square + error) · x, each product exactly two doubles.
	const [cube, cubeError] = exactProduct(square, x);
	addExact(cubes, cube);
	addNonZero(cubes, cubeError);
	if (error === 0) return;
	const [hi, lo] = exactProduct(error, x);
	addNonZero(cubes, hi);
	addNonZero(cubes, lo);
}

export function mergeMoments(into: MomentState, other: MomentState): void {
	into.n += other.n;
	for (const x of other.sum) addExact(into.sum, x);
	for (const x of other.sumOfSquares) addExact(into.sumOfSquares, x);
	if (other.sumOfCubes === undefined && other.n > 0) delete into.sumOfCubes;
	else if (into.sumOfCubes && other.sumOfCubes) for (const x of other.sumOfCubes) addExact(into.sumOfCubes, x);
}

export interface Moments {
	n: number;
	mean: number;
	/** Sample variance (n − 1 in the denominator); 0 for fewer than two values. */
	variance: number;
}

/**
 * Mean and sample variance from the exact sums. Σ(x − m)² = Σx² − 2mΣx + n·m² is formed from exact
 * products and summed exactly, so there is no cancellation even when the mean dwarfs the spread.
 */
export function moments(state: MomentState): Moments {
	const { n } = state;
	if (n === 0) return { n, mean: 0, variance: 0 };
	const mean = roundedSum(state.sum) / n;
	if (n < 2) return { n, mean, variance: 0 };
	return { n, mean, variance: Math.max(0, spreadAbout(state, mean)) / (n - 1) };
}

/**
 * Σ(x − m)² = Σx² − 2mΣx + n·m², from exact products summed exactly: an identity for any m, so it is
 * never negative for statistics that values made (a state that says otherwise was made by no values).
 */
export function spreadAbout(state: MomentState, m: number): number {
	const terms: Partials = [];
	for (const x of state.sumOfSquares) addExact(terms, x);
	for (const x of state.sum) {
		const [hi, lo] = exactProduct(-2 * m, x);
		addExact(terms, hi);
		addExact(terms, lo);
	}
	const [a, b] = exactProduct(state.n, m);
	for (const part of [...exactProduct(a, m), ...exactProduct(b, m)]) addExact(terms, part);
	return roundedSum(terms);
}

/**
 * Σ(x − m)³ = Σx³ − 3mΣx² + 3m²Σx − n·m³, from exact products summed exactly (as spreadAbout), or null
 * for a state without the sum of cubes.
 */
export function cubedSpreadAbout(state: MomentState, m: number): number | null {
	if (!state.sumOfCubes) return null;
	const terms: Partials = [];
	const add = (parts: number[], times: number) => {
		for (const part of parts) for (let i = 0; i < times; i++) addNonZero(terms, part);
	};
	add(state.sumOfCubes, 1);
	for (const x of state.sumOfSquares) add(exactProduct(-m, x), 3);
	const [mm, mmError] = exactProduct(m, m);
	for (const x of state.sum) add([...exactProduct(mm, x), ...exactProduct(mmError, x)], 3);
	const nm = exactProduct(-state.n, m);
	const nmm = nm.flatMap((part) => exactProduct(part, m));
	add(nmm.flatMap((part) => exactProduct(part, m)), 1);
	return roundedSum(terms);
}

/** The sum of the values, rounded once (for 0/1 outcomes: the exact count of successes). */
export function roundedSumOf(state: MomentState): number {
	return roundedSum(state.sum);
}
