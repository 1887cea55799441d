/** base64 -> base64url, without padding. */
const toBase64Url = (b64: string) => b64.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

function tryEncode(encode: (text: string) => string, text: string): string | undefined {
	try {
		return encode(text);
	} catch {
		return undefined; // a lone surrogate has no URL encoding; it cannot have been sent that way either
	}
}

/**
 * The stretch of base64 that any text containing `bytes` shows, for each of the three alignments the
 * bytes can start at: the bytes are cut to whole 3-byte groups, whose 4 characters depend on nothing
 * else. Cores under 8 characters are left out (too short to be told apart from other base64).
 */
function base64Cores(bytes: Buffer): string[] {
	const cores: string[] = [];
	for (let skip = 0; skip < 3; skip++) {
		const rest = bytes.subarray(skip);
		const whole = rest.subarray(0, rest.length - (rest.length % 3));
		const core = whole.toString('base64');
		if (core.length >= 8) cores.push(core, toBase64Url(core));
	}
	return cores;
}

/** Bytes in base64 / base64url, whole and as they show inside longer encoded text. */
function bytesInBase64(bytes: Buffer): string[] {
	const b64 = bytes.toString('base64');
	return [b64, b64.replace(/=+$/, ''), toBase64Url(b64), ...base64Cores(bytes)];
}

/** The secret's UTF-8 bytes in base64 / base64url, whole and as they show inside longer encoded text. */
export function base64Forms(secret: string): string[] {
	return [...new Set(bytesInBase64(Buffer.from(secret, 'utf8')))];
}

/** Text as the hex of its bytes. */
const hexOf = (text: string) => Buffer.from(text, 'utf8').toString('hex');

/**
 * Every form in which a secret can reappear in text a provider or library sends back: as is, URL-,
 * form- and double URL-encoded, JSON-escaped, hex, base64 / base64url of its UTF-8 and its UTF-16LE,
 * whole and inside longer text, and hex of that base64: a hex dump of a request shows an Authorization
 * header (Basic, AUTH PLAIN, which travel as base64) so. URL-encoded base64 needs no form of its own
 * (textViews.ts reads percent-encoding); other layerings (base64 of hex, a secret spaced or reversed)
 * are nothing a provider or library sends back.
 * (Escapes of other kinds, mixed escapes and any letter case are read by textViews.ts.)
 */
export function secretForms(secret: string): string[] {
	const base64 = base64Forms(secret);
	const forms = [
		secret,
		tryEncode(encodeURIComponent, secret),
		tryEncode((s) => encodeURIComponent(encodeURIComponent(s)), secret),
		tryEncode((s) => encodeURIComponent(s).replace(/%20/g, '+'), secret),
		JSON.stringify(secret).slice(1, -1),
		hexOf(secret),
		...base64,
		...base64.map(hexOf),
		// UTF-16LE, as Windows and PowerShell encode text before base64 (-EncodedCommand, some SOAP replies).
		...bytesInBase64(Buffer.from(secret, 'utf16le')),
	];
	return [...new Set(forms.filter((f): f is string => f !== undefined && f !== ''))];
}
