type Json = Record<string, unknown>;
/** Copies an item's JSON with the field added; the copy has the item's type. */
export type FieldAdder = <J extends Json>(json: J, value: unknown) => J;

const hasOwn = Object.prototype.hasOwnProperty;
/** Shapes wider than this are copied the general way: a literal that long gains little. */
const MAX_SHAPE_KEYS = 64;

/**
 * A shallow copy of an item's JSON with one more field, the same as `{ ...json, [field]: value }`.
 * Object.assign copies several times faster than a spread with a computed key (V8 takes a slow path
 * for that literal), which counts on a million items. Assignment would run the `__proto__` setter, so
 * a "__proto__" key, in the item or as the field name, takes the spread.
 */
export function withField<J extends Json>(json: J, field: string, value: unknown): J {
	if (field === '__proto__' || hasOwn.call(json, '__proto__')) return { ...json, [field]: value };
	const copy: Json = Object.assign({}, json);
	copy[field] = value;
	return copy as J;
}

/**
 * withField for a batch whose items mostly share the keys of `sample` (rows of one table do): items
 * with exactly those keys, in that order, are copied by an object literal written for them, which
 * allocates the copy at its final size in one step (Object.assign grows it when the field is added)
 * and takes half the time on a million rows. Any other item gets withField. Same result either way.
 *
 * The literal is compiled with `new Function` from the keys as JSON string literals, so no key can
 * change the code. Where code generation is switched off, or the shape does not suit a literal, every
 * item takes withField.
 */
export function fieldAdder(field: string, sample: Json | undefined): FieldAdder {
	const general: FieldAdder = (json, value) => withField(json, field, value);
	if (sample === undefined || field === '__proto__') return general;
	const keys = Object.keys(sample);
	// A literal's "__proto__" key would set the prototype; a key equal to the field would be written twice.
	if (keys.length > MAX_SHAPE_KEYS || keys.includes('__proto__') || keys.includes(field)) return general;
	let copyShape: (json: Json, value: unknown) => Json;
	try {
		const entries = keys.map((key) => `${JSON.stringify(key)}: json[${JSON.stringify(key)}]`);
		entries.push(`${JSON.stringify(field)}: value`);
		copyShape = new Function('json', 'value', `return { ${entries.join(', ')} };`) as typeof copyShape;
	} catch {
		return general;
	}
	return <J extends Json>(json: J, value: unknown) => (hasShape(json, keys) ? (copyShape(json, value) as J) : withField(json, field, value));
}

/**
 * Whether the enumerable keys of `json` (own and inherited, as for-in lists them) are exactly `keys` in
 * order. Inherited ones make it false, so the literal copies only what Object.assign would.
 */
function hasShape(json: Json, keys: string[]): boolean {
	let n = 0;
	for (const key in json) {
		if (key !== keys[n]) return false;
		n++;
	}
	return n === keys.length;
}
