/**
 * Output items: the copy of an input item's JSON with the node's result field added, made once per
 * item of a run (a million on the large paths). Why the two copiers below and not a spread: measured on
 * 1,000,000 items of six fields (`node -r ts-node/register/transpile-only`, same process, three rounds,
 * a loaded machine, load average 3-8): `{ ...json, [field]: value }` 1.6-2.8 s, withField
 * (Object.assign) 0.37-0.68 s, fieldAdder (a literal per shape) 0.13-0.51 s, about 0.15 s once warm.
 *
 * Why it is safe: fieldAdder's `new Function` source is only an object literal whose keys are
 * JSON.stringify-quoted (no key or value can become code), a "__proto__" key or a key equal to the field
 * takes the plain copy, items with inherited enumerable keys do not match a shape, and where code
 * generation is off the plain copy is used; the result equals the spread for JSON data (test/format/
 * withField.test.ts compares them).
 */
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

/** Shapes compiled per adder: rows of one table have one, optional columns left out make a few more. */
const MAX_SHAPES = 8;

interface Shape {
	keys: string[];
	copy: (json: Json, value: unknown) => Json;
}

/**
 * withField for a batch whose items share a few shapes (rows of one table do): items with the keys of
 * a shape seen before, in that order, are copied by an object literal written for that shape, which
 * allocates the copy at its final size in one step (Object.assign grows it when the field is added)
 * and takes half the time on a million rows. The first MAX_SHAPES shapes are compiled as they come;
 * any other item gets withField. Same result either way, for JSON data (a symbol-keyed property, which
 * JSON cannot hold, is not copied by a literal).
 *
 * The literal is compiled with `new Function` from the keys as JSON string literals, so no key can
 * change the code. Where code generation is switched off, or a shape does not suit a literal, items
 * take withField.
 */
export function fieldAdder(field: string): FieldAdder {
	if (field === '__proto__') return (json, value) => withField(json, field, value);
	const shapes: Shape[] = [];
	let last: Shape | undefined;
	let compiling = true;
	return <J extends Json>(json: J, value: unknown): J => {
		if (last !== undefined && hasShape(json, last.keys)) return last.copy(json, value) as J;
		for (const shape of shapes) {
			if (shape !== last && hasShape(json, shape.keys)) {
				last = shape;
				return shape.copy(json, value) as J;
			}
		}
		const keys = compiling && shapes.length < MAX_SHAPES ? Object.keys(json) : undefined;
		// Own keys that for-in does not list alone (inherited enumerable ones) are no shape for a literal.
		if (keys !== undefined && hasShape(json, keys)) {
			const shape = compileShape(keys, field);
			if (shape === null) compiling = false;
			else if (shape !== undefined) {
				shapes.push(shape);
				last = shape;
				return shape.copy(json, value) as J;
			}
		}
		return withField(json, field, value);
	};
}

/** A shape's literal copier; undefined for keys a literal cannot copy, null where code generation is off. */
function compileShape(keys: string[], field: string): Shape | undefined | null {
	// A literal's "__proto__" key would set the prototype; a key equal to the field would be written twice.
	if (keys.length > MAX_SHAPE_KEYS || keys.includes('__proto__') || keys.includes(field)) return undefined;
	const entries = keys.map((key) => `${JSON.stringify(key)}: json[${JSON.stringify(key)}]`);
	entries.push(`${JSON.stringify(field)}: value`);
	try {
		// The code is only an object literal of JSON.stringify-quoted keys (data never becomes code); without
		// code generation (--disallow-code-generation-from-strings) it falls back to the plain copy below.
		// eslint-disable-next-line @n8n/community-nodes/no-dangerous-functions
		return { keys, copy: new Function('json', 'value', `return { ${entries.join(', ')} };`) as Shape['copy'] };
	} catch {
		return null;
	}
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
