/**
 * A phone number as CRM exports write it, read one way for sending and for robots' @-mentions.
 * Spaces, dashes, dots and brackets are layout. Two forms would lose their meaning if they were simply
 * removed: a number a spreadsheet exported as a decimal ("13800138000.0") would gain a digit, and the
 * "(0)" of "+44 (0)20 7946 0958" is the trunk prefix, not dialled after the country code.
 */
export function isDecimalExport(text: string): boolean {
	return /^\+?\d{5,}\.0+$/.test(halfWidth(text).trim());
}

/** Full-width digits, signs, brackets and spaces (a Chinese keyboard's "＋８６ １３８") as their ASCII forms. */
function halfWidth(text: string): string {
	return text.normalize('NFKC');
}

/**
 * Dashes as layout: the ASCII hyphen and the Unicode dashes a word processor or spreadsheet puts in its
 * place (hyphen, non-breaking hyphen, figure dash, en and em dash, horizontal bar, minus sign), which
 * NFKC leaves as they are.
 */
const LAYOUT = /[\s\-\u2010-\u2015\u2212().]/g;

/** The number without its layout and without the "(0)" after a country code; full-width forms as ASCII. */
export function compactPhone(text: string): string {
	const trimmed = halfWidth(text).trim();
	return (trimmed.startsWith('+') ? trimmed.replace(/\(\s*0\s*\)/, '') : trimmed).replace(LAYOUT, '');
}
