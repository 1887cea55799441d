import { describeValue, looseJson, shortText } from '../input';

/**
 * A learned state's value for an error message: JSON (a number as written, a text quoted), cut to 80
 * characters; what JSON cannot hold as itself (NaN, Infinity, a BigInt, undefined in a list), as
 * describeValue shows it. JSON.stringify wrote [NaN] as [null], sending the user looking for a null.
 */
export function stateValueText(value: unknown): string {
	if (value === undefined) return 'missing';
	let text: string | undefined;
	try {
		text = looseJson(value);
	} catch {
		// A list or object that contains itself: describeValue names it.
		return describeValue(value);
	}
	return shortText(text ?? describeValue(value));
}
