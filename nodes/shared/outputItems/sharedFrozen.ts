/**
 * Output parts that many customers have in common (a score's result, a rule's reference, a closed
 * day's explanation) are one frozen object shared by all of them: on a million customers that saves
 * millions of objects, most of a node's time. A later node that changes one in place fails instead of
 * changing it for every customer that shares it. See README, Limits. Lives with withField.ts: both are
 * how output items are made cheaply on large runs (nodes/shared/outputItems).
 */

/** Keys remembered by default; past them a value is still made and frozen, just not shared. */
const DEFAULT_LIMIT = 1024;

/** Values by key, made by `make` the first time a key is asked for, frozen, and shared from then on. */
export function sharedFrozen<K, T extends object>(make: (key: K) => T, limit = DEFAULT_LIMIT): (key: K) => Readonly<T> {
	const byKey = new Map<K, Readonly<T>>();
	return (key) => {
		let value = byKey.get(key);
		if (value === undefined) {
			value = Object.freeze(make(key));
			if (byKey.size < limit) byKey.set(key, value);
		}
		return value;
	};
}

/** The same by a pair of keys (numbers or texts), `limit` pairs in all. */
export function sharedFrozenByPair<A, B, T extends object>(make: (a: A, b: B) => T, limit = DEFAULT_LIMIT): (a: A, b: B) => Readonly<T> {
	const byFirst = new Map<A, Map<B, Readonly<T>>>();
	let size = 0;
	return (a, b) => {
		let bySecond = byFirst.get(a);
		let value = bySecond?.get(b);
		if (value === undefined) {
			value = Object.freeze(make(a, b));
			if (size < limit) {
				if (bySecond === undefined) byFirst.set(a, (bySecond = new Map()));
				bySecond.set(b, value);
				size++;
			}
		}
		return value;
	};
}
