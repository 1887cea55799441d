const NEEDS_ESCAPE = /[\\\0\uD800-\uDFFF]/;

/**
 * Key and customer-ID text as the ledgers store it: one-to-one, NUL-free and well-formed UTF-16, so it
 * survives PostgreSQL text (which refuses NUL) and UTF-8 encoding (which turns every lone surrogate into
 * the same U+FFFD). "\" escapes: "\\" is a backslash, "\0" a NUL, "\uD800" a lone surrogate.
 */
export function toStoredText(text: string): string {
	if (!NEEDS_ESCAPE.test(text)) return text;
	let out = '';
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c === 0x5c) out += '\\\\';
		else if (c === 0) out += '\\0';
		else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
			out += text[i] + text[i + 1];
			i++;
		} else if (c >= 0xd800 && c <= 0xdfff) out += `\\u${c.toString(16).toUpperCase().padStart(4, '0')}`;
		else out += text[i];
	}
	return out;
}

/** The inverse of toStoredText. */
export function fromStoredText(stored: string): string {
	if (!stored.includes('\\')) return stored;
	return stored.replace(/\\(\\|0|u[0-9A-F]{4})/g, (_match, escape: string) =>
		escape === '\\' ? '\\' : escape === '0' ? '\0' : String.fromCharCode(parseInt(escape.slice(1), 16)),
	);
}

/**
 * The longest key or customer ID the PostgreSQL ledger takes, in UTF-8 bytes as stored: it indexes both,
 * and a btree index entry holds at most 2704 bytes (a longer one makes the claim fail).
 */
export const POSTGRES_STORED_TEXT_LIMIT = 2048;

/** UTF-8 bytes of a key or customer ID as the ledgers store it. */
export function storedTextBytes(text: string): number {
	return Buffer.byteLength(toStoredText(text), 'utf8');
}
