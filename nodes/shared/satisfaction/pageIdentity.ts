import { createHash } from 'node:crypto';

/**
 * A page's identity, written into its report state so that Combine Page Reports can refuse a page given
 * twice (connected twice, or run again and both rows kept): its responses would count twice without a word.
 *
 * It is a digest (SHA-256, 128 bits kept) of the page's input items, every field, in input order. What a
 * page run cannot know (which execution, when, which page number) is left out, so a re-run of the same
 * page, the same rows of the same query, has the same identity; any difference in the items (another row,
 * another value, another order) gives another: a page query that also reads a column the page's own
 * write-back changes gives the re-run another identity, so write results to columns the query does not
 * read. Two different pages cannot collide, unless their items are
 * identical field for field, which only happens for rows without any ID: such pages cannot be told from one
 * page given twice, and the error says to give the rows their ID column.
 */
export function pageIdentity(records: ArrayLike<unknown>): string {
	const hash = createHash('sha256');
	// JSON text holds no raw line break, so one separates the items unambiguously.
	for (let i = 0; i < records.length; i++) hash.update(recordText(records[i], i)).update('\n');
	return hash.digest('hex').slice(0, 32);
}

/**
 * An item as JSON text. Plain JSON is the fast way and what n8n stores; it writes NaN and Infinity as null,
 * which only a Code node's items hold (and such an answer is the item's error anyway). A BigInt, which
 * plain JSON refuses, is written as its digits and "n".
 */
function recordText(record: unknown, index: number): string {
	try {
		return JSON.stringify(record) ?? '';
	} catch {
		try {
			return JSON.stringify(record, (_key, value: unknown) => (typeof value === 'bigint' ? `${value}n` : value));
		} catch {
			// A circular item: nothing stable to write; its place still counts in the digest of the page's items.
			return `(item ${index} cannot be written as JSON)`;
		}
	}
}
