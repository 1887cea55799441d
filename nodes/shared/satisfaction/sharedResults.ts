/**
 * A metric's result for one answer depends on the answer alone (an NPS of 9 is always a promoter, an
 * expectation of 6 against a perception of 4 always falls short), so responses with the same answers
 * share one frozen result object: on a million responses that saves millions of objects, most of the
 * node's time. A later node that changes one in place fails instead of changing it for every response
 * that shares it.
 */

/** Distinct answers remembered per metric; ratings have a handful, averages or fine scales can have more. */
const MAX_SHARED = 1024;

/** Results by one number (a score), made by `make` the first time and frozen. */
export function sharedByScore<T extends object>(make: (score: number) => T): (score: number) => Readonly<T> {
	const byScore = new Map<number, Readonly<T>>();
	return (score) => {
		let result = byScore.get(score);
		if (result === undefined) {
			result = Object.freeze(make(score));
			if (byScore.size < MAX_SHARED) byScore.set(score, result);
		}
		return result;
	};
}

/** Results by a pair of answers (numbers or texts), made by `make` the first time and frozen. */
export function sharedByPair<A, B, T extends object>(make: (a: A, b: B) => T): (a: A, b: B) => Readonly<T> {
	const byFirst = new Map<A, Map<B, Readonly<T>>>();
	let size = 0;
	return (a, b) => {
		let bySecond = byFirst.get(a);
		let result = bySecond?.get(b);
		if (result === undefined) {
			result = Object.freeze(make(a, b));
			if (size < MAX_SHARED) {
				if (bySecond === undefined) byFirst.set(a, (bySecond = new Map()));
				bySecond.set(b, result);
				size++;
			}
		}
		return result;
	};
}
