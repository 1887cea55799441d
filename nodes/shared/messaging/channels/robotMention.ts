/**
 * Robots can @-mention a group member by mobile number, read as the phone channels read one (spaces, dashes,
 * dots and parentheses are layout); anything else in `to` (an email, a name) is not mentioned.
 */
export function mentionableMobile(to: string): string | undefined {
	const compact = to.replace(/[\s\-().]/g, '');
	return /^\+?\d{5,15}$/.test(compact) ? compact : undefined;
}
