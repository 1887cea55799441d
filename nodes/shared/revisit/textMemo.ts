import { InputError } from '../input/errors';

/** Distinct texts remembered: decades of dates fit; a column of something else cannot grow it without bound. */
const MAX_REMEMBERED = 100_000;

/**
 * A parse remembered per distinct text, its InputError included: a column of a million dates holds a
 * few thousand distinct texts. Values that are not text are parsed each time.
 */
export class TextMemo<T> {
	private readonly entries = new Map<string, T | InputError>();

	constructor(private readonly parse: (value: unknown) => T) {}

	read(value: unknown): T {
		if (typeof value !== 'string') return this.parse(value);
		let entry = this.entries.get(value);
		if (entry === undefined) {
			try {
				entry = this.parse(value);
			} catch (error) {
				if (!(error instanceof InputError)) throw error;
				entry = error;
			}
			if (this.entries.size < MAX_REMEMBERED) this.entries.set(value, entry);
		}
		if (entry instanceof InputError) throw entry;
		return entry;
	}
}
