/** Characters per slab: 128 K, so even a slab of one-byte text is over V8's 128 KB large-object limit. */
const SLAB_CHARS = 1 << 17;

/**
 * Slices of one big string, for the many texts a run keeps to its end (a calendar event per customer).
 * Each text is a separate string of a few hundred bytes, and the garbage collector copies every young
 * object that is still alive, twice, before it reaches the old generation: for 100,000 events that is
 * most of what a schedule's collections copy. Texts are instead appended to a slab; when the slab
 * holds SLAB_CHARS characters it is flattened into one string (above 128 KB, so V8 allocates it in the
 * large-object space, which is promoted without copying) and each text becomes a slice of it (32
 * bytes that point into the slab). The texts are equal to the strings given; they are handed over
 * by `assign`, at the latest when `flush` is called.
 */
export class TextSlab<T> {
	private slab = '';
	private readonly owners: T[] = [];
	private readonly ends: number[] = [];

	constructor(private readonly assign: (owner: T, text: string) => void) {}

	add(owner: T, text: string): void {
		this.slab += text;
		this.owners.push(owner);
		this.ends.push(this.slab.length);
		if (this.slab.length >= SLAB_CHARS) this.flush();
	}

	/** Hands every text added so far to its owner. */
	flush(): void {
		const { slab, owners, ends } = this;
		// Reading a character flattens the slab: one copy of every text, then slices of it.
		if (slab.length > 0) slab.charCodeAt(0);
		let start = 0;
		for (let i = 0; i < owners.length; i++) {
			this.assign(owners[i], slab.slice(start, ends[i]));
			start = ends[i];
		}
		this.slab = '';
		owners.length = 0;
		ends.length = 0;
	}
}
