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

	constructor() {
		this.mask = (1 << INITIAL_BITS) - 1;
		this.slots = new Array<undefined>(2 << INITIAL_BITS).fill(undefined);
	}

	/** The number of the customer with this ID text (already trimmed). */
	ofText(text: string): number {
		let short = this.short.find(text);
		if (short >= 0) return short;
		// Past the numbers a short slot can hold, every new text goes to the general table.
		if (this.ids.length >= MAX_SHORT_NUMBER) short = NOT_SHORT;
		if (short === NOT_SHORT) {
			const found = this.find(text, hashText(text));
			if (found >= 0) return found;
		}
		const number = this.ids.length;
		this.ids.push(text);
		if (short === NOT_SHORT) this.insert(text, hashText(text), number);
		else this.short.insert(number);
		// The decimal text of an integer is also found by the integer.
		const value = Number(text);
		if (Number.isSafeInteger(value) && String(value) === text) this.insert(value, hashInteger(value), number);
		return number;
	}

	/** The number of the customer with this integer ID (a safe integer). */
	ofInteger(value: number): number {
		const found = this.find(value, hashInteger(value));
		if (found >= 0) return found;
		return this.ofText(String(value)); // registers the integer too
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

/** ShortTexts.find's answer for a text it cannot hold. */
const NOT_SHORT = -2;
/** A short slot keeps number * 16 + length in 32 bits. */
const MAX_SHORT_NUMBER = 2 ** 27;

function shortHash(w0: number, w1: number, w2: number, length: number): number {
	return mix(Math.imul(w0, 0x9e3779b1) ^ Math.imul(w1, 0x85ebca6b) ^ Math.imul(w2 ^ length, 0xc2b2ae35));
}

/**
 * Texts of 1 to 12 characters below 256 packed into three 32-bit words, with the customer number and
 * length in a fourth: a slot compares whole keys by value. `find` leaves the packed key of the text it
 * looked for, and where it belongs, for `insert`.
 */
class ShortTexts {
	private slots = new Int32Array(4 << INITIAL_BITS);
	private mask = (1 << INITIAL_BITS) - 1;
	private used = 0;
	private w0 = 0;
	private w1 = 0;
	private w2 = 0;
	private length = 0;
	private freeSlot = 0;

	/** The number of a text held, -1 when it is not held, NOT_SHORT when it cannot be. */
	find(text: string): number {
		const length = text.length;
		if (length > 12) return NOT_SHORT;
		let w0 = 0;
		let w1 = 0;
		let w2 = 0;
		for (let i = 0; i < length; i++) {
			const c = text.charCodeAt(i);
			if (c > 255) return NOT_SHORT;
			const shift = (i & 3) << 3;
			if (i < 4) w0 |= c << shift;
			else if (i < 8) w1 |= c << shift;
			else w2 |= c << shift;
		}
		this.w0 = w0;
		this.w1 = w1;
		this.w2 = w2;
		this.length = length;
		const { slots, mask } = this;
		for (let slot = shortHash(w0, w1, w2, length) & mask; ; slot = (slot + 1) & mask) {
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
		this.mask = this.mask * 2 + 1;
		this.slots = new Int32Array(4 * (this.mask + 1));
		for (let at = 0; at < old.length; at += 4) {
			if (old[at + 3] === 0) continue;
			let slot = shortHash(old[at], old[at + 1], old[at + 2], old[at + 3] & 15) & this.mask;
			while (this.slots[(slot << 2) + 3] !== 0) slot = (slot + 1) & this.mask;
			this.slots.set(old.subarray(at, at + 4), slot << 2);
		}
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
