import type { IDataObject } from 'n8n-workflow';

const hasOwn = Object.prototype.hasOwnProperty;

/**
 * A shallow copy of an item's JSON with one more field, the same as `{ ...json, [field]: value }`.
 * Object.assign copies several times faster than a spread with a computed key (V8 takes a slow path
 * for that literal), which counts on a million items. Assignment would run the `__proto__` setter, so
 * a "__proto__" key, in the item or as the field name, takes the spread.
 */
export function withField(json: IDataObject, field: string, value: unknown): IDataObject {
	if (field === '__proto__' || hasOwn.call(json, '__proto__')) return { ...json, [field]: value as IDataObject };
	const copy = Object.assign({}, json);
	copy[field] = value as IDataObject;
	return copy;
}
