import { BATCH, CustomerNumbers } from '../../nodes/shared/customers/customerNumbers';
import { seededRandom } from '../helpers/random';

/** The rule the table must keep: one number per distinct ID text (an integer ID is its decimal text), in order of first appearance. */
function reference(ids: Array<string | number>): { numbers: number[]; texts: string[] } {
	const numberOf = new Map<string, number>();
	const texts: string[] = [];
	const numbers = ids.map((id) => {
		const text = String(id);
		let n = numberOf.get(text);
		if (n === undefined) {
			numberOf.set(text, (n = texts.length));
			texts.push(text);
		}
		return n;
	});
	return { numbers, texts };
}

function intern(ids: Array<string | number>): { numbers: number[]; texts: string[] } {
	const table = new CustomerNumbers();
	const numbers = ids.map((id) => (typeof id === 'number' ? table.ofInteger(id) : table.ofText(id)));
	return { numbers, texts: table.ids };
}

/** The same through numberAll, in batches of uneven sizes (a full batch among them), one by one in between. */
function internInBatches(ids: Array<string | number>): { numbers: number[]; texts: string[] } {
	const table = new CustomerNumbers();
	const out = new Array<number>(ids.length).fill(0);
	const sizes = [1, BATCH, 7, BATCH - 1, 0, 100];
	for (let at = 0, b = 0; at < ids.length; b++) {
		const size = Math.min(sizes[b % sizes.length], ids.length - at);
		if (b % 5 === 4) {
			const id = ids[at];
			out[at++] = typeof id === 'number' ? table.ofInteger(id) : table.ofText(id);
			continue;
		}
		table.numberAll(ids.slice(at, at + size), size, out, at);
		at += size;
	}
	return { numbers: Array.from(out), texts: table.ids };
}

describe('CustomerNumbers', () => {
	it('numbers IDs like a Map of their texts: short and long texts, non-Latin text, integers and their decimal texts', () => {
		const next = seededRandom(14);
		const pick = <T>(values: T[]) => values[Math.floor(next() * values.length)];
		const ids: Array<string | number> = [];
		for (let i = 0; i < 60_000; i++) {
			const k = Math.floor(next() * 3000);
			const form = pick([
				() => `C${k}`,
				() => k,
				() => String(k),
				() => `0${k}`, // not the text of an integer: a different customer from k
				() => -k,
				() => 2 ** 40 + k, // beyond 32 bits, 13 digits
				() => String(2 ** 40 + k),
				() => `customer-${k}@example.com`, // longer than a short slot holds
				() => `客户${k}`, // characters above 255
				() => `é${k}`,
				() => `${k}`.padStart(12, 'x'), // exactly 12 characters
				() => `${k}`.padStart(13, 'x'),
				() => 'a\u0000b'.repeat(k % 4 + 1), // NUL characters pack like any other
			]);
			ids.push(form());
		}
		ids.push(-0, '0', 0);
		const want = reference(ids);
		for (const got of [intern(ids), internInBatches(ids)]) {
			expect(got.texts).toEqual(want.texts);
			expect(got.numbers).toEqual(want.numbers);
		}
		expect(want.texts.length).toBeGreaterThan(20_000); // the tables grew many times
	});

	it('tells apart short texts that differ only in length or in the last word', () => {
		const ids = ['a', 'a\u0000', 'a\u0000\u0000', 'abcd', 'abcde', 'abcdefgh', 'abcdefghi', 'abcdefghijkl', 'abcdefghijkk', '1', 1, '01', 'a'];
		const got = intern(ids);
		expect(got).toEqual(reference(ids));
		expect(internInBatches(ids)).toEqual(got);
		expect(got.texts).toHaveLength(11);
	});
});
