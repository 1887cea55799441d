import { compactPhone, isDecimalExport } from './phoneText';

/**
 * Robots can @-mention a group member by mobile number, read as the phone channels read one (see
 * phoneText.ts); anything else in `to` (an email, a name) is not mentioned. Send Care Message refuses a
 * decimal export before it gets here; a caller that does not is still not given an extra digit.
 */
export function mentionableMobile(to: string): string | undefined {
	if (isDecimalExport(to)) return undefined;
	const compact = compactPhone(to);
	return /^\+?\d{5,15}$/.test(compact) ? compact : undefined;
}
