/** Just enough MIME reading for the loopback SMTP server to show what arrived (headers, text and HTML parts). */

export interface ParsedMail {
	headers: Map<string, string>;
	subject: string;
	messageId: string;
	text?: string;
	html?: string;
}

function splitHead(raw: string): [string, string] {
	const at = raw.search(/\r?\n\r?\n/);
	if (at === -1) return [raw, ''];
	const separator = raw.slice(at).match(/^\r?\n\r?\n/)![0];
	return [raw.slice(0, at), raw.slice(at + separator.length)];
}

function parseHeaders(head: string): Map<string, string> {
	const headers = new Map<string, string>();
	const unfolded = head.replace(/\r?\n[ \t]+/g, ' ');
	for (const line of unfolded.split(/\r?\n/)) {
		const colon = line.indexOf(':');
		if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
	}
	return headers;
}

/** RFC 2047 encoded words (=?UTF-8?B?…?= and =?UTF-8?Q?…?=). */
export function decodeWords(value: string): string {
	return value
		.replace(/\?=\s+=\?/g, '?==?')
		.replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_, _charset: string, encoding: string, text: string) => {
			if (encoding.toUpperCase() === 'B') return Buffer.from(text, 'base64').toString('utf8');
			const bytes = text.replace(/_/g, ' ').replace(/=([0-9A-Fa-f]{2})/g, (__, hex: string) => String.fromCharCode(parseInt(hex, 16)));
			return Buffer.from(bytes, 'latin1').toString('utf8');
		});
}

function decodeBody(body: string, encoding: string | undefined): string {
	const kind = (encoding ?? '7bit').toLowerCase();
	if (kind === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
	if (kind === 'quoted-printable') {
		const bytes = body.replace(/=\r?\n/g, '').replace(/=([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
		return Buffer.from(bytes, 'latin1').toString('utf8');
	}
	return body;
}

function collectParts(headers: Map<string, string>, body: string, out: { text?: string; html?: string }): void {
	const type = headers.get('content-type') ?? 'text/plain';
	const boundary = type.match(/boundary="?([^";]+)"?/i)?.[1];
	if (/^multipart\//i.test(type) && boundary) {
		for (const part of body.split(`--${boundary}`).slice(1)) {
			if (part.startsWith('--')) break;
			const [head, content] = splitHead(part.replace(/^\r?\n/, ''));
			collectParts(parseHeaders(head), content.replace(/\r?\n$/, ''), out);
		}
		return;
	}
	const decoded = decodeBody(body, headers.get('content-transfer-encoding'));
	if (/^text\/html/i.test(type)) out.html ??= decoded;
	else if (/^text\/plain/i.test(type)) out.text ??= decoded.replace(/\r\n/g, '\n');
}

export function parseMail(raw: string): ParsedMail {
	const [head, body] = splitHead(raw);
	const headers = parseHeaders(head);
	const parts: { text?: string; html?: string } = {};
	collectParts(headers, body, parts);
	return {
		headers,
		subject: decodeWords(headers.get('subject') ?? ''),
		messageId: headers.get('message-id') ?? '',
		...parts,
	};
}
