/**
 * Quantile scores 1..k from each value's mid-rank percentile p = (below + equal / 2) / n, where `below`
 * counts values strictly smaller and `equal` the values tied with it: score = 1 + floor(k * p).
 * - Equal values always share a score (they share p).
 * - n distinct values in n = k bins score 1..k; larger batches fill the bins evenly.
 * - With fewer customers than bins the scores spread symmetrically by rank: one customer (or a batch
 *   where everyone is equal) scores the middle, ceil(k / 2) for odd k; two customers with k = 5 score 2 and 4.
 */
export function quantileScores(values: ArrayLike<number>, k: number): Uint8Array {
	const n = values.length;
	const scores = new Uint8Array(n);
	if (n === 0) return scores;
	const sorted = Float64Array.from(values).sort();
	for (let i = 0; i < n; i++) {
		const below = lowerBound(sorted, values[i]);
		const equal = upperBound(sorted, values[i], below) - below;
		scores[i] = Math.min(k, 1 + Math.floor((k * (below + equal / 2)) / n));
	}
	return scores;
}

/** Index of the first entry >= value in an ascending array. */
function lowerBound(sorted: Float64Array, value: number): number {
	let lo = 0;
	let hi = sorted.length;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		if (sorted[mid] < value) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}

/** Index of the first entry > value, searching from `from`. */
function upperBound(sorted: Float64Array, value: number, from: number): number {
	let lo = from;
	let hi = sorted.length;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		if (sorted[mid] <= value) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}
