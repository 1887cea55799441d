/**
 * Quantile scores 1..k from each value's mid-rank percentile p = (below + equal / 2) / n, where `below`
 * counts values strictly smaller and `equal` the values tied with it: score = 1 + floor(k * p).
 * - Equal values always share a score (they share p).
 * - n distinct values in n = k bins score 1..k; larger batches fill the bins evenly.
 * - With fewer customers than bins the scores spread symmetrically by rank: one customer (or a batch
 *   where everyone is equal) scores the middle, ceil(k / 2) for odd k; two customers with k = 5 score 2 and 4.
 */
export function quantileScores(values: ArrayLike<number>, k: number): Uint8Array {
	if (values.length === 0) return new Uint8Array(0);
	// The score never falls as the value rises, so it is fixed by k - 1 cut points: cuts[s] is the
	// smallest value scoring above s. One sort finds them; then each value needs at most k - 1
	// comparisons instead of two binary searches over a million entries.
	return scoresFromCuts(values, quantileCuts(values, k), k);
}

/**
 * The k - 1 cut points that quantileScores applies: cuts[s] (s = 1..k-1) is the smallest value scoring
 * above s, Infinity if none does. A learned state keeps them to score later batches against this one.
 */
export function quantileCuts(values: ArrayLike<number>, k: number): Float64Array {
	return steppedScoreCuts(values, k) ?? scoreCuts(Float64Array.from(values).sort(), k);
}

/** Scores 1..k from cut points: a value scores the number of cuts at or below it, plus one. */
export function scoresFromCuts(values: ArrayLike<number>, cuts: ArrayLike<number>, k: number): Uint8Array {
	const n = values.length;
	const scores = new Uint8Array(n);
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

/** Widest span counted per whole-number step instead of sorted (12 bytes per step in the span). */
const MAX_COUNTED_SPAN = 1 << 20;

/**
 * The same cut points without a sort when the values lie in a narrow span with at most one distinct
 * value per whole-number step from the smallest (to the nearest step), as purchase counts and day counts
 * do: whole days in UTC, whole days and one same fraction in a zone (a purchase at midnight is 12.333
 * days before an As Of at 08:00 there). The runs of equal values come from a count per step. Undefined
 * otherwise.
 */
function steppedScoreCuts(values: ArrayLike<number>, k: number): Float64Array | undefined {
	const n = values.length;
	let min = Infinity;
	let max = -Infinity;
	for (let i = 0; i < n; i++) {
		const value = values[i];
		if (!Number.isFinite(value)) return undefined;
		if (value < min) min = value;
		if (value > max) max = value;
	}
	if (max - min >= Math.min(MAX_COUNTED_SPAN, 4 * n)) return undefined;
	const counts = new Uint32Array(Math.round(max - min) + 1);
	// The one value of each step: a second, different value in a step leaves the values to the sort.
	const stepValues = new Float64Array(counts.length);
	for (let i = 0; i < n; i++) {
		const value = values[i];
		const step = Math.round(value - min);
		if (counts[step] === 0) stepValues[step] = value + 0; // -0 as 0
		else if (stepValues[step] !== value) return undefined;
		counts[step]++;
	}
	const cuts = new Float64Array(k).fill(Infinity);
	let score = 1;
	let below = 0;
	for (let step = 0; step < counts.length && score < k; step++) {
		const equal = counts[step];
		if (equal === 0) continue;
		const runScore = Math.min(k, 1 + Math.floor((k * (below + equal / 2)) / n));
		for (; score < runScore; score++) cuts[score] = stepValues[step];
		below += equal;
	}
	return cuts;
}
