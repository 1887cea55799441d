/** Terms summed at most; the transformations below keep real uses far below this. */
const MAX_TERMS = 1_000_000;

/**
 * Gauss hypergeometric 2F1(a, b; c; z) for real z < 1.
 * - z < 0: the Pfaff transformation 2F1(a,b;c;z) = (1−z)^−a 2F1(a, c−b; c; z/(z−1)) moves the argument
 *   into [0, 1), so the series never has to alternate its way to convergence for z <= −1.
 * - 0 <= z < 1 with c − a − b < 0: the Euler transformation 2F1(a,b;c;z) = (1−z)^(c−a−b) 2F1(c−a, c−b; c; z)
 *   sums a series whose terms shrink at least like z^n instead of one that grows towards z = 1.
 * Throws a RangeError rather than returning an inaccurate number when the series does not converge.
 */
export function hyp2f1(a: number, b: number, c: number, z: number): number {
	if (!(z < 1)) throw new RangeError(`hyp2f1: z is ${z} (expected z < 1)`);
	if (z === 0) return 1;
	if (z < 0) return Math.pow(1 - z, -a) * hyp2f1(a, c - b, c, z / (z - 1));
	if (c - a - b < 0) return Math.pow(1 - z, c - a - b) * series(c - a, c - b, c, z);
	return series(a, b, c, z);
}

/** The power series of 2F1 for 0 <= z < 1. */
export function series(a: number, b: number, c: number, z: number): number {
	const sum = seriesOrNaN(a, b, c, z);
	if (Number.isNaN(sum)) throw new RangeError(`hyp2f1(${a}, ${b}; ${c}; ${z}) did not converge in ${MAX_TERMS} terms`);
	return sum;
}

/**
 * The same series, NaN when it does not converge within MAX_TERMS: for a caller with another way to the
 * value, on a per-customer path where a try/catch around the call costs about 10 % of the scoring time.
 */
export function seriesOrNaN(a: number, b: number, c: number, z: number): number {
	let term = 1;
	let sum = 1;
	for (let n = 0; n < MAX_TERMS; n++) {
		term *= ((a + n) * (b + n) * z) / ((c + n) * (n + 1));
		sum += term;
		if (Math.abs(term) <= 1e-16 * Math.abs(sum)) return sum;
	}
	return Number.NaN;
}

/**
 * H(a; c; z) = 2F1(1, a; c; z) = Σ_n (a)_n/(c)_n z^n for 0 <= z < 1 and c > a > 0, with its partial
 * derivatives in a, c and z. Every term is positive and each is at most z times the previous one, so
 * the sum has no cancellation and stops after about ln(1e-16)/ln(z) terms. Writes [H, ∂H/∂a, ∂H/∂c,
 * ∂H/∂z] into `out` (no allocation); returns false when it did not converge.
 */
export function hyp2f1OneWithDerivatives(a: number, c: number, z: number, out: Float64Array): boolean {
	let term = 1;
	let sum = 1;
	let sumA = 0;
	let sumC = 0;
	let sumZ = 0;
	let harmonicA = 0;
	let harmonicC = 0;
	for (let n = 0; n < MAX_TERMS; n++) {
		harmonicA += 1 / (a + n);
		harmonicC += 1 / (c + n);
		term *= ((a + n) / (c + n)) * z;
		sum += term;
		sumA += term * harmonicA;
		sumC += term * harmonicC;
		sumZ += (n + 1) * term;
		if (term * (n + 2) * (1 + harmonicA + harmonicC) <= 1e-17 * sum) {
			out[0] = sum;
			out[1] = sumA;
			out[2] = -sumC;
			out[3] = z > 0 ? sumZ / z : a / c;
			return true;
		}
	}
	return false;
}
