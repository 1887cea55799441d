import { InputError } from '../input/errors';

/** Distinct texts remembered: decades of dates fit; a column of something else cannot grow it without bound. */
const MAX_REMEMBERED = 100_000;

/**
 * A parse remembered per distinct text, its InputError included: a column of a million dates holds a
 * few thousand distinct texts. Values that are not text are parsed each time. Parsed values and errors
 * are kept apart, so the read of a known text is one lookup with nothing to tell apart (it runs once
 * per date of a million customers).
 */
export class TextMemo<T> {
	private readonly values = new Map<string, T>();
	private readonly errors = new Map<string, InputError>();

	constructor(private readonly parse: (value: unknown) => T) {}

	read(value: unknown): T {
		if (typeof value !== 'string') return this.parse(value);
		const known = this.values.get(value);
		return known !== undefined ? known : this.first(value);
	}

	/** A text not read before (or not remembered): parsed, or its error thrown again. */
	private first(value: string): T {
		const failed = this.errors.get(value);
		if (failed !== undefined) throw failed;
		const room = this.values.size + this.errors.size < MAX_REMEMBERED;
		let parsed: T;
		try {
			parsed = this.parse(value);
		} catch (error) {
			if (error instanceof InputError && room) this.errors.set(value, error);
			throw error;
		}
		if (room) this.values.set(value, parsed);
		return parsed;
	}
}
