import { createHash } from 'node:crypto';

/** UTF-8 bytes of one code point; a lone surrogate gets the same 3-byte form as any BMP code point (WTF-8). */
function utf8Bytes(codePoint: number): number[] {
	if (codePoint < 0x80) return [codePoint];
	if (codePoint < 0x800) return [0xc0 | (codePoint >> 6), 0x80 | (codePoint & 0x3f)];
	if (codePoint < 0x10000) return [0xe0 | (codePoint >> 12), 0x80 | ((codePoint >> 6) & 0x3f), 0x80 | (codePoint & 0x3f)];
	return [0xf0 | (codePoint >> 18), 0x80 | ((codePoint >> 12) & 0x3f), 0x80 | ((codePoint >> 6) & 0x3f), 0x80 | (codePoint & 0x3f)];
}

const hex = (byte: number) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;

/**
 * An idempotency key as an HTTP header value: visible ASCII stays as is, "%" and every other character
 * are percent-encoded as UTF-8 bytes (a lone surrogate as its 3-byte WTF-8 form). One-to-one, so
 * `客户001` and `顾客001` stay different keys; `decodeURIComponent` restores any well-formed key.
 */
export function headerSafeKey(key: string): string {
	let out = '';
	for (const char of key) {
		const codePoint = char.codePointAt(0) as number;
		out += codePoint > 0x20 && codePoint < 0x7f && codePoint !== 0x25 ? char : utf8Bytes(codePoint).map(hex).join('');
	}
	return out;
}

/**
 * The longest Idempotency-Key a receiver is expected to take. The header's draft (IETF httpapi) sets none;
 * 255 is the most widely documented one (Stripe: "Idempotency keys can be up to 255 characters long"), and
 * any receiver's header buffer (Node's 16 KiB, nginx's 8 KiB a line) takes it.
 */
export const MAX_HEADER_KEY_LENGTH = 255;

/**
 * The Idempotency-Key header's value: headerSafeKey's form when it fits MAX_HEADER_KEY_LENGTH, else
 * `sha256 ` + the hex SHA-256 of that form (71 characters). An encoded key never holds a space, so a
 * digest can never equal a key sent as is; the same key always gives the same digest.
 */
export function boundedHeaderKey(key: string): string {
	const encoded = headerSafeKey(key);
	return encoded.length <= MAX_HEADER_KEY_LENGTH ? encoded : `sha256 ${createHash('sha256').update(encoded).digest('hex')}`;
}
