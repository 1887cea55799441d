/**
 * A phone number as CRM exports write it, read one way for sending and for robots' @-mentions.
 * Spaces, dashes, dots and brackets are layout. Two forms would lose their meaning if they were simply
 * removed: a number a spreadsheet exported as a decimal ("13800138000.0") would gain a digit, and the
 * "(0)" of "+44 (0)20 7946 0958" is the trunk prefix, not dialled after the country code.
 */
export function isDecimalExport(text: string): boolean {
	return /^\+?\d{5,}\.0+$/.test(text.trim());
}

/** The number without its layout and without the "(0)" after a country code. */
export function compactPhone(text: string): string {
	const trimmed = text.trim();
	return (trimmed.startsWith('+') ? trimmed.replace(/\(\s*0\s*\)/, '') : trimmed).replace(/[\s\-().]/g, '');
}
