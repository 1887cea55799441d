/**
 * Rounds half away from zero to `digits` decimals; -0 becomes 0. A number too large to carry that
 * many decimals (|value| × 10^digits beyond 2^53) has nothing to round and is returned as it is:
 * scaling it first would turn a finite 1e305 into Infinity.
 */
export function roundTo(value: number, digits: number): number {
	const factor = 10 ** digits;
	const scaled = Math.abs(value) * factor;
	if (!(scaled < 2 ** 53)) return value;
	const rounded = (Math.sign(value) * Math.round(scaled)) / factor;
	return rounded === 0 ? 0 : rounded;
}
