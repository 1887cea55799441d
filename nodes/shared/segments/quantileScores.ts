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
	// The score never falls as the value rises, so it is fixed by k - 1 cut points: cuts[s] is the
	// smallest value scoring above s. One sort finds them; then each value needs at most k - 1
	// comparisons instead of two binary searches over a million entries.
	const cuts = scoreCuts(Float64Array.from(values).sort(), k);
	for (let i = 0; i < n; i++) {
		const value = values[i];
		let score = 1;
		while (score < k && value >= cuts[score]) score++;
		scores[i] = score;
	}
	return scores;
}

/** cuts[s] (s = 1..k-1): the smallest value whose score exceeds s; Infinity if no value does. */
function scoreCuts(sorted: Float64Array, k: number): Float64Array {
	const n = sorted.length;
	const cuts = new Float64Array(k).fill(Infinity);
	let score = 1;
	for (let below = 0; below < n && score < k; ) {
		let end = below + 1;
		while (end < n && sorted[end] === sorted[below]) end++;
		const runScore = Math.min(k, 1 + Math.floor((k * (below + (end - below) / 2)) / n));
		for (; score < runScore; score++) cuts[score] = sorted[below];
		below = end;
	}
	return cuts;
}
