/**
 * THE rule for a choice an item holds (a group, a risk level, a channel, a yes/no answer): it is matched
 * trimmed, in any case, with full-width letters and digits as half-width (ＹＥＳ, ｈｏｌｄｏｕｔ, １, typed with
 * a Chinese input method), which NFKC does. Anything a table does not hold is the item's error, for the
 * caller to word: an unknown value, a number the table does not list, a list, an object, true/false
 * where the table holds none.
 */
export function choiceKey(text: string): string {
	return text.normalize('NFKC').trim().toLowerCase();
}

/**
 * The choices of a table, by key (see choiceKey), each to the value it stands for; a Map, so that
 * "constructor" or "__proto__" finds nothing.
 */
export function choiceTable<T>(entries: Iterable<readonly [string, T]>): ReadonlyMap<string, T> {
	const table = new Map<string, T>();
	for (const [text, value] of entries) table.set(choiceKey(text), value);
	return table;
}

/**
 * The value `given` stands for in `table`, or undefined. Text is looked up by the rule above; a finite
 * number by its digits (1 and 0 for a yes/no table that lists "1" and "0"); anything else finds nothing.
 * The cheap forms are tried first: NFKC costs more than the lookup, and most values need none.
 */
export function lookupChoice<T>(table: ReadonlyMap<string, T>, given: unknown): T | undefined {
	if (typeof given === 'number') return Number.isFinite(given) ? table.get(String(given)) : undefined;
	if (typeof given !== 'string') return undefined;
	return table.get(given) ?? table.get(given.trim().toLowerCase()) ?? table.get(choiceKey(given));
}

/** The words every yes/no field of an item takes, whatever else its node adds (active, 同意…). */
export const YES_WORDS: readonly string[] = ['true', 'yes', 'y', '1', '是'];
export const NO_WORDS: readonly string[] = ['false', 'no', 'n', '0', '否'];

/** A yes/no table: YES_WORDS and NO_WORDS, and a node's own words for each answer. */
export function yesNoTable(moreYes: readonly string[] = [], moreNo: readonly string[] = []): ReadonlyMap<string, boolean> {
	return choiceTable([...[...YES_WORDS, ...moreYes].map((w) => [w, true] as const), ...[...NO_WORDS, ...moreNo].map((w) => [w, false] as const)]);
}
