/** 10^digits for the digits roundTo is asked for. */
const POWERS = [1, 10, 100, 1000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000, 10_000_000_000];
const LARGEST_EXACT = 2 ** 53;

/**
 * Rounds half away from zero to `digits` decimals (0 to 10); -0 becomes 0. A number too large to carry
 * that many decimals (|value| × 10^digits beyond 2^53) has nothing to round and is returned as it is:
 * scaling it first would turn a finite 1e305 into Infinity.
 *
 * Written so that V8 keeps a whole-number result (a recency of 12 days) as a small integer: scaling by
 * a power looked up rather than computed, and the sign handled around Math.round, leave no heap number
 * behind per result (16 bytes each, 16 MB per million output items).
 */
export function roundTo(value: number, digits: number): number {
	const factor = POWERS[digits];
	const scaled = value * factor;
	if (!(scaled < LARGEST_EXACT && scaled > -LARGEST_EXACT)) return value;
	const rounded = scaled < 0 ? -Math.round(-scaled) : Math.round(scaled);
	return rounded === 0 ? 0 : rounded / factor;
}
