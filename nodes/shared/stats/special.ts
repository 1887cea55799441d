const LANCZOS_G = 7;
const LANCZOS = [
	0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
	12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];
const HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

/** ln Γ(x) for x > 0 (Lanczos, g = 7; relative error about 1e-15). */
export function lnGamma(x: number): number {
	if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - lnGamma(1 - x);
	const z = x - 1;
	let sum = LANCZOS[0];
	for (let i = 1; i < LANCZOS.length; i++) sum += LANCZOS[i] / (z + i);
	const t = z + LANCZOS_G + 0.5;
	return HALF_LOG_TWO_PI + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b). */
export function lnBeta(a: number, b: number): number {
	return lnGamma(a) + lnGamma(b) - lnGamma(a + b);
}

const MAX_SERIES_TERMS = 200_000;

/**
 * Gauss hypergeometric 2F1(a, b; c; z) for 0 <= z < 1 by its power series. When the series would
 * converge slowly (c − a − b < 0, where terms shrink only like z^n times a growing factor) the Euler
 * transformation 2F1(a,b;c;z) = (1−z)^(c−a−b) 2F1(c−a, c−b; c; z) is used first, so the summed terms
 * are those of a series whose coefficients decay. Throws when the series does not converge (z → 1),
 * rather than returning an inaccurate number.
 */
export function hyp2f1(a: number, b: number, c: number, z: number): number {
	if (!(z >= 0 && z < 1)) throw new RangeError(`hyp2f1 needs 0 <= z < 1, got ${z}`);
	if (z === 0) return 1;
	if (c - a - b < 0) return Math.pow(1 - z, c - a - b) * series(c - a, c - b, c, z);
	return series(a, b, c, z);
}

function series(a: number, b: number, c: number, z: number): number {
	let term = 1;
	let sum = 1;
	for (let n = 0; n < MAX_SERIES_TERMS; n++) {
		term *= ((a + n) * (b + n) * z) / ((c + n) * (n + 1));
		sum += term;
		if (Math.abs(term) <= 1e-16 * Math.abs(sum)) return sum;
	}
	throw new RangeError(`hyp2f1(${a}, ${b}; ${c}; ${z}) did not converge in ${MAX_SERIES_TERMS} terms`);
}

/** Digamma ψ(x) = d/dx ln Γ(x) for x > 0: recurrence up to x >= 6, then the asymptotic series. */
export function digamma(x: number): number {
	let result = 0;
	while (x < 6) {
		result -= 1 / x;
		x += 1;
	}
	const inv = 1 / x;
	const inv2 = inv * inv;
	return result + Math.log(x) - 0.5 * inv - inv2 * (1 / 12 - inv2 * (1 / 120 - inv2 * (1 / 252 - inv2 * (1 / 240 - inv2 / 132))));
}
