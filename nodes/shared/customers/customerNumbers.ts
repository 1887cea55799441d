/** Slots to start with (a power of two); the table doubles when half full. */
const INITIAL_BITS = 10;

/**
 * Customer IDs numbered 0, 1, 2, ... in order of first appearance: the intern table that groups a
 * batch's transactions by customer. An open-addressing table keeps each key next to its number, so a
 * lookup touches one slot of the table and the key's text instead of a Map's bucket, entry and stored
 * key, which on millions of rows of random customers is most of the reading time. An integer ID
 * (from a numeric SQL column) is looked up by its value, without writing it as text per row; it is the
 * same customer as its decimal text ("1042" and 1042 alike, as String() makes them the same ID).
 */
export class CustomerNumbers {
	/** IDs as texts, by customer number. */
	readonly ids: string[] = [];
	/** IDs of up to 12 one-byte characters, held in the table itself: a lookup touches no string. */
	private readonly short = new ShortTexts();
	/** Key at 2s, number at 2s + 1; a key is an ID text or an integer ID. */
	private slots: Array<string | number | undefined>;
	private mask: number;
	private used = 0;
	/**
	 * Per key of a batch (numberAll), and in the last place for ofText: a short text's three packed words
	 * and its length (0: not a short text), then its hash in the table it belongs to.
	 */
	private readonly keys = new Int32Array(KEY_WORDS * (BATCH + 1));
	/** What numberAll's early reads found, kept so that the reads are not left out as unused. */
	private touched = 0;

	constructor() {
		this.mask = (1 << INITIAL_BITS) - 1;
		this.slots = new Array<undefined>(2 << INITIAL_BITS).fill(undefined);
	}

	/** The number of the customer with this ID text (already trimmed). */
	ofText(text: string): number {
		this.pack(text, BATCH);
		return this.textNumber(text, BATCH);
	}

	/** The number of the customer with this integer ID (a safe integer). */
	ofInteger(value: number): number {
		const found = this.find(value, hashInteger(value));
		if (found >= 0) return found;
		return this.ofText(String(value)); // registers the integer too
	}

	/**
	 * ofText or ofInteger for `count` IDs (at most BATCH), their numbers written to `out` from `at`.
	 * On millions of rows of random customers the table is far larger than the processor's caches and
	 * each lookup waits for its slot from memory; here every ID's slot is read first, in a loop that
	 * has nothing else to do, so those waits overlap instead of following one another, and then the
	 * IDs are numbered in order as one by one.
	 */
	numberAll(ids: ReadonlyArray<string | number>, count: number, out: number[], at: number): void {
		const { keys } = this;
		for (let k = 0; k < count; k++) {
			const id = ids[k];
			if (typeof id === 'string') this.pack(id, k);
			else {
				keys[k * KEY_WORDS + 3] = 0;
				keys[k * KEY_WORDS + 4] = hashInteger(id);
			}
		}
		const shortSlots = this.short.slots;
		const shortMask = this.short.mask;
		const { slots, mask } = this;
		let touched = 0;
		for (let k = 0; k < count; k++) {
			const hash = keys[k * KEY_WORDS + 4];
			touched |= keys[k * KEY_WORDS + 3] !== 0 ? shortSlots[((hash & shortMask) << 2) + 3] : slots[2 * (hash & mask)] === undefined ? 0 : 1;
		}
		this.touched |= touched;
		for (let k = 0; k < count; k++) {
			const id = ids[k];
			if (typeof id === 'string') out[at + k] = this.textNumber(id, k);
			else {
				const found = this.find(id, keys[k * KEY_WORDS + 4]);
				out[at + k] = found >= 0 ? found : this.ofText(String(id));
			}
		}
	}

	/** Packs a text into key place k: its words if it is a short text, and its hash. */
	private pack(text: string, k: number): void {
		const at = k * KEY_WORDS;
		const { keys } = this;
		if (packShort(text, keys, at)) keys[at + 4] = shortHash(keys[at], keys[at + 1], keys[at + 2], keys[at + 3]);
		else keys[at + 4] = hashText(text);
	}

	/** The number of a text packed into key place k, given one if it is new. */
	private textNumber(text: string, k: number): number {
		const at = k * KEY_WORDS;
		const { keys } = this;
		const length = keys[at + 3];
		if (length !== 0) {
			const found = this.short.find(keys[at], keys[at + 1], keys[at + 2], length, keys[at + 4]);
			if (found >= 0) return found;
		}
		// Past the numbers a short slot can hold, every new text goes to the general table.
		const short = length !== 0 && this.ids.length < MAX_SHORT_NUMBER;
		let hash = 0;
		if (!short) {
			hash = length !== 0 ? hashText(text) : keys[at + 4];
			const found = this.find(text, hash);
			if (found >= 0) return found;
		}
		const number = this.ids.length;
		this.ids.push(text);
		if (short) this.short.insert(number);
		else this.insert(text, hash, number);
		// The decimal text of an integer is also found by the integer.
		const value = Number(text);
		if (Number.isSafeInteger(value) && String(value) === text) this.insert(value, hashInteger(value), number);
		return number;
	}

	private find(key: string | number, hash: number): number {
		const { slots, mask } = this;
		for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
			const stored = slots[2 * slot];
			if (stored === undefined) return -1;
			if (stored === key) return slots[2 * slot + 1] as number;
		}
	}

	private insert(key: string | number, hash: number, number: number): void {
		const { slots, mask } = this;
		let slot = hash & mask;
		while (slots[2 * slot] !== undefined) slot = (slot + 1) & mask;
		slots[2 * slot] = key;
		slots[2 * slot + 1] = number;
		if (++this.used * 2 > mask) this.grow();
	}

	private grow(): void {
		const old = this.slots;
		this.mask = this.mask * 2 + 1;
		this.slots = new Array<undefined>(2 * (this.mask + 1)).fill(undefined);
		this.used = 0;
		for (let s = 0; s < old.length; s += 2) {
			const key = old[s];
			if (key !== undefined) this.insert(key, typeof key === 'string' ? hashText(key) : hashInteger(key), old[s + 1] as number);
		}
	}
}

/** IDs numbered together by numberAll at the most. */
export const BATCH = 256;
/** Int32 words per key place: three packed words, the length, the hash. */
const KEY_WORDS = 5;
/** A short slot keeps number * 16 + length in 32 bits. */
const MAX_SHORT_NUMBER = 2 ** 27;

function shortHash(w0: number, w1: number, w2: number, length: number): number {
	return mix(Math.imul(w0, 0x9e3779b1) ^ Math.imul(w1, 0x85ebca6b) ^ Math.imul(w2 ^ length, 0xc2b2ae35));
}

/**
 * A text of 1 to 12 characters below 256 packed into three 32-bit words at `into[at..at+2]` and its
 * length at `into[at+3]`; false (and length 0) for any other text.
 */
function packShort(text: string, into: Int32Array, at: number): boolean {
	const length = text.length;
	into[at + 3] = 0;
	if (length === 0 || length > 12) return false;
	let w0 = 0;
	let w1 = 0;
	let w2 = 0;
	for (let i = 0; i < length; i++) {
		const c = text.charCodeAt(i);
		if (c > 255) return false;
		const shift = (i & 3) << 3;
		if (i < 4) w0 |= c << shift;
		else if (i < 8) w1 |= c << shift;
		else w2 |= c << shift;
	}
	into[at] = w0;
	into[at + 1] = w1;
	into[at + 2] = w2;
	into[at + 3] = length;
	return true;
}

/**
 * Packed short texts (see packShort), with the customer number and length in a fourth word: a slot
 * compares whole keys by value. `find` leaves the key it missed, and where it belongs, for `insert`.
 */
class ShortTexts {
	slots = new Int32Array(4 << INITIAL_BITS);
	mask = (1 << INITIAL_BITS) - 1;
	private used = 0;
	private w0 = 0;
	private w1 = 0;
	private w2 = 0;
	private length = 0;
	private freeSlot = 0;

	/** The number of a packed text held, -1 when it is not held. */
	find(w0: number, w1: number, w2: number, length: number, hash: number): number {
		this.w0 = w0;
		this.w1 = w1;
		this.w2 = w2;
		this.length = length;
		const { slots, mask } = this;
		for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
			const at = slot << 2;
			const last = slots[at + 3];
			// The fourth word is number * 16 + length; a held text has length 1 or more, so 0 is a free slot.
			if (last === 0) {
				this.freeSlot = slot;
				return -1;
			}
			if ((last & 15) === length && slots[at] === w0 && slots[at + 1] === w1 && slots[at + 2] === w2) return last >>> 4;
		}
	}

	/** Holds the text `find` last missed, with this number (below MAX_SHORT_NUMBER). */
	insert(number: number): void {
		const at = this.freeSlot << 2;
		this.slots[at] = this.w0;
		this.slots[at + 1] = this.w1;
		this.slots[at + 2] = this.w2;
		this.slots[at + 3] = number * 16 + this.length;
		if (++this.used * 2 > this.mask) this.grow();
	}

	private grow(): void {
		const old = this.slots;
		const mask = this.mask * 2 + 1;
		const slots = new Int32Array(4 * (mask + 1));
		for (let from = 0; from < old.length; from += 4) {
			const last = old[from + 3];
			if (last === 0) continue;
			let slot = shortHash(old[from], old[from + 1], old[from + 2], last & 15) & mask;
			while (slots[(slot << 2) + 3] !== 0) slot = (slot + 1) & mask;
			const to = slot << 2;
			slots[to] = old[from];
			slots[to + 1] = old[from + 1];
			slots[to + 2] = old[from + 2];
			slots[to + 3] = last;
		}
		this.slots = slots;
		this.mask = mask;
	}
}

/** FNV-1a over the UTF-16 code units, with a final mix so the low bits (the slot) depend on every unit. */
function hashText(text: string): number {
	let h = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
	return mix(h);
}

function hashInteger(value: number): number {
	return mix(Math.imul(value | 0, 0x9e3779b1) ^ ((value / 4294967296) | 0));
}

function mix(h: number): number {
	h ^= h >>> 16;
	h = Math.imul(h, 0x85ebca6b);
	return (h ^ (h >>> 13)) >>> 0;
}
