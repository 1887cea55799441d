/**
 * Exact sums of doubles (Shewchuk's non-overlapping partials, as Python's math.fsum keeps them). The
 * partials hold the exact sum of everything added, so the rounded total does not depend on the order
 * of the values or on how they were split into pages: merged page states equal one run bit for bit.
 */
export type Partials = number[];

/** Adds x to the partials in place. */
export function addExact(partials: Partials, x: number): void {
	if (partials.length === 1) {
		// The common case (counts, whole amounts): one partial and a sum without rounding error.
		const p = partials[0];
		const hi = p + x;
		const virtual = hi - p;
		if (p - (hi - virtual) + (x - virtual) === 0) {
			partials[0] = hi;
			return;
		}
	}
	let count = 0;
	for (let i = 0; i < partials.length; i++) {
		let y = partials[i];
		if (Math.abs(x) < Math.abs(y)) {
			const swap = x;
			x = y;
			y = swap;
		}
		const hi = x + y;
		const lo = y - (hi - x);
		if (lo !== 0) partials[count++] = lo;
		x = hi;
	}
	partials.length = count;
	partials.push(x);
}

/** The exact sum of the partials, rounded once to the nearest double (ties to even); a sum of zeros is 0, never -0. */
export function roundedSum(partials: Partials): number {
	let n = partials.length;
	if (n === 0) return 0;
	let hi = partials[--n];
	let lo = 0;
	while (n > 0) {
		const x = hi;
		const y = partials[--n];
		hi = x + y;
		lo = y - (hi - x);
		if (lo !== 0) break;
	}
	if (n > 0 && ((lo < 0 && partials[n - 1] < 0) || (lo > 0 && partials[n - 1] > 0))) {
		const y = lo * 2;
		const x = hi + y;
		if (y === x - hi) hi = x;
	}
	return hi === 0 ? 0 : hi;
}

const SPLITTER = 134217729; // 2^27 + 1 (Veltkamp)

/** a × b as hi + lo exactly (Dekker's product). */
export function exactProduct(a: number, b: number): [number, number] {
	const p = a * b;
	let t = SPLITTER * a;
	const aHi = t - (t - a);
	const aLo = a - aHi;
	t = SPLITTER * b;
	const bHi = t - (t - b);
	const bLo = b - bHi;
	const err = aLo * bLo - (((p - aHi * bHi) - aLo * bHi) - aHi * bLo);
	return [p, err];
}
