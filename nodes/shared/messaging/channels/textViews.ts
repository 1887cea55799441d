/**
 * Readings of a text in which an escaped or wrapped secret reads as itself: the text as is, then decoded
 * once and twice (JSON `\u0041` and `\/` escapes, ES6 `\u{41}`, Python `\U00000041`, C / Python /
 * PostgreSQL byte escapes `\x41` and `\101`, percent-encoding in either case, MIME quoted-printable `=41`
 * and its soft line breaks, JavaScript's old escape() `%u00E4`, HTML character references numeric and
 * named), each without its line breaks (a wrapped line, a folded header), and looked at as written and
 * case-folded; and the base64 / base64url blobs of those readings, decoded at each alignment. Every character of a reading remembers the stretch of the original text it stands for,
 * so a secret found in a reading is hidden in the original.
 */

/** One reading: its characters (one UTF-16 unit each) and the original stretch [start, end) of each. */
interface Reading {
	chars: string[];
	start: number[];
	end: number[];
}

/** A reading as text, with where each character came from (nothing: the original text itself). */
interface ReadingText {
	text: string;
	from?: Reading;
}

const HEX = /^[0-9a-fA-F]+$/;
const SIMPLE_ESCAPES: Record<string, string> = { '/': '/', '\\': '\\', '"': '"', "'": "'", n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' };
/** HTML's named references of the five markup characters, read in any case as browsers do. */
const MARKUP_REFERENCES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
/** HTML5's names for ASCII punctuation (an HTML escaper may name every one of them). */
const PUNCTUATION_REFERENCES: Record<string, string> = {
	excl: '!', num: '#', dollar: '$', percnt: '%', lpar: '(', rpar: ')', ast: '*', plus: '+', comma: ',', period: '.',
	sol: '/', colon: ':', semi: ';', equals: '=', quest: '?', commat: '@', lsqb: '[', lbrack: '[', bsol: '\\', rsqb: ']',
	rbrack: ']', Hat: '^', lowbar: '_', grave: '`', lcub: '{', lbrace: '{', verbar: '|', vert: '|', rcub: '}', rbrace: '}', tilde: '~',
	hyphen: '-', dash: '-', Tab: '\t', NewLine: '\n',
};
/** HTML's names for U+00A0 to U+00FF, in order (&auml; is ä): case matters (&Auml; is Ä). */
const LATIN1_NAMES =
	'nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest ' +
	'Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig ' +
	'agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml';
const NAMED_REFERENCES: Record<string, string> = {
	...PUNCTUATION_REFERENCES,
	...Object.fromEntries(LATIN1_NAMES.split(' ').map((name, i) => [name, String.fromCharCode(0xa0 + i)])),
};
const DECODINGS = 2;

/** Lower case, one UTF-16 unit for one (a letter whose lower case is longer stays as it is). */
function foldUnit(unit: string): string {
	const lower = unit.toLowerCase();
	return lower.length === 1 ? lower : unit;
}

/** Lower case, keeping every character's place. */
function fold(text: string): string {
	const lower = text.toLowerCase();
	return lower.length === text.length ? lower : text.split('').map(foldUnit).join('');
}

/** A secret or form as the readings show it: without line breaks. */
export function unwrapped(text: string): string {
	return text.replace(/[\r\n]/g, '');
}

/** The same, case-folded: how a form to be found in any letter case is looked for. */
export function folded(text: string): string {
	return fold(unwrapped(text));
}

/** What a wrapped or folded line starts with before the text it continues: indentation. */
const INDENT = /[ \t]*/y;
/**
 * What a line of a quoted reply or a multi-line reply starts with: indentation, quote marks ("> ") and an
 * SMTP reply code with its enhanced status ("535-5.7.8 "). A reading of its own, next to INDENT's, since
 * a wrapped secret may go on with digits.
 */
const REPLY_PREFIX = /[ \t]*(?:>[ \t]*)*(?:\d{3}[- ](?:[245]\.\d{1,3}\.\d{1,3}[ \t]+)?)?/y;

/** The reading without its line breaks and the prefix that starts each next line. */
function withoutLineBreaks(reading: Reading, prefix: RegExp): Reading {
	const out: Reading = { chars: [], start: [], end: [] };
	const text = reading.chars.join('');
	for (let i = 0; i < reading.chars.length; i++) {
		const c = reading.chars[i];
		if (c === '\r' || c === '\n') {
			if (reading.chars[i + 1] === '\r' || reading.chars[i + 1] === '\n') continue;
			prefix.lastIndex = i + 1;
			i += prefix.exec(text)?.[0].length ?? 0;
			continue;
		}
		out.chars.push(c);
		out.start.push(reading.start[i]);
		out.end.push(reading.end[i]);
	}
	return out;
}

function hexAt(chars: string[], from: number, length: number): number | undefined {
	const digits = chars.slice(from, from + length).join('');
	return digits.length === length && HEX.test(digits) ? parseInt(digits, 16) : undefined;
}

/** The length of the UTF-8 sequence a lead byte opens (0: not a lead byte). */
function utf8Length(lead: number): number {
	if (lead < 0x80) return 1;
	if (lead >> 5 === 0b110) return 2;
	if (lead >> 4 === 0b1110) return 3;
	if (lead >> 3 === 0b11110) return 4;
	return 0;
}

/** A byte escape at `i`: its marker, then its digits (`%E4`, `=E4`, `\\xe4`, `\\344`); undefined if none is there. */
type ByteAt = (chars: string[], i: number) => { byte: number; taken: number } | undefined;

const percentByte: ByteAt = (chars, i) => (chars[i] === '%' ? withTaken(hexAt(chars, i + 1, 2), 3) : undefined);
/** Quoted-printable (MIME, RFC 2045): "=" and two hex digits (upper case by the RFC; lower case as lenient encoders write it). */
const quotedPrintableByte: ByteAt = (chars, i) => {
	const digits = chars.slice(i + 1, i + 3).join('');
	return chars[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(digits) ? { byte: parseInt(digits, 16), taken: 3 } : undefined;
};
/** C, Python and PostgreSQL byte escapes: "\\x" and two hex digits, or "\\" and three octal digits. */
const backslashByte: ByteAt = (chars, i) => {
	if (chars[i] !== '\\') return undefined;
	if (chars[i + 1] === 'x') return withTaken(hexAt(chars, i + 2, 2), 4);
	const octal = chars.slice(i + 1, i + 4).join('');
	return /^[0-3][0-7]{2}$/.test(octal) ? { byte: parseInt(octal, 8), taken: 4 } : undefined;
};

function withTaken(byte: number | undefined, taken: number) {
	return byte === undefined ? undefined : { byte, taken };
}

/**
 * Bytes escaped one by one from `i`: a whole UTF-8 sequence as its character; else one byte as the
 * Latin-1 character it is (Python shows ä as \\xe4 in a text and \\xc3\\xa4 in bytes; escape() as %E4).
 */
function escapedBytes(chars: string[], i: number, byteAt: ByteAt): { text: string; taken: number } | undefined {
	const first = byteAt(chars, i);
	if (!first) return undefined;
	const length = utf8Length(first.byte);
	const bytes = [first.byte];
	let taken = first.taken;
	for (let k = 1; k < length; k++) {
		const next = byteAt(chars, i + taken);
		if (!next || next.byte >> 6 !== 0b10) break;
		bytes.push(next.byte);
		taken += next.taken;
	}
	if (length > 0 && bytes.length === length) return { text: Buffer.from(bytes).toString('utf8'), taken };
	return { text: String.fromCharCode(first.byte), taken: first.taken };
}

/** A code point written as hex digits, if it is one. */
function codePointText(digits: string): string | undefined {
	const code = /^[0-9a-fA-F]{1,8}$/.test(digits) ? parseInt(digits, 16) : Number.NaN;
	return code <= 0x10ffff ? String.fromCodePoint(code) : undefined;
}

/** What the escape starting at `i` stands for, and how many characters of the reading it takes. */
function escapeAt(chars: string[], i: number): { text: string; taken: number } | undefined {
	const c = chars[i];
	if (c === '\\') {
		const next = chars[i + 1];
		if (next === 'u' && chars[i + 2] === '{') {
			const close = chars.indexOf('}', i + 3);
			const text = close > i + 3 && close <= i + 9 ? codePointText(chars.slice(i + 3, close).join('')) : undefined;
			return text === undefined ? undefined : { text, taken: close - i + 1 };
		}
		if (next === 'u') {
			const code = hexAt(chars, i + 2, 4);
			return code === undefined ? undefined : { text: String.fromCharCode(code), taken: 6 };
		}
		if (next === 'U') {
			const text = hexAt(chars, i + 2, 8) === undefined ? undefined : codePointText(chars.slice(i + 2, i + 10).join(''));
			return text === undefined ? undefined : { text, taken: 10 };
		}
		const bytes = escapedBytes(chars, i, backslashByte);
		if (bytes) return bytes;
		return next !== undefined && next in SIMPLE_ESCAPES ? { text: SIMPLE_ESCAPES[next], taken: 2 } : undefined;
	}
	if (c === '%') {
		const unit = chars[i + 1] === 'u' ? hexAt(chars, i + 2, 4) : undefined;
		return unit === undefined ? escapedBytes(chars, i, percentByte) : { text: String.fromCharCode(unit), taken: 6 };
	}
	if (c === '=') {
		// A quoted-printable soft line break joins the line to the next.
		if (chars[i + 1] === '\n') return { text: '', taken: 2 };
		if (chars[i + 1] === '\r' && chars[i + 2] === '\n') return { text: '', taken: 3 };
		return escapedBytes(chars, i, quotedPrintableByte);
	}
	if (c === '&') {
		let close = i + 1;
		while (close < chars.length && close - i <= 10 && chars[close] !== ';') close++;
		if (chars[close] !== ';') return undefined;
		const name = chars.slice(i + 1, close).join('');
		const numeric = /^#(?:[xX]([0-9a-fA-F]+)|([0-9]+))$/.exec(name);
		const code = numeric ? parseInt(numeric[1] ?? numeric[2], numeric[1] ? 16 : 10) : undefined;
		if (code !== undefined && code <= 0x10ffff) return { text: String.fromCodePoint(code), taken: close - i + 1 };
		const named = NAMED_REFERENCES[name] ?? MARKUP_REFERENCES[name.toLowerCase()];
		return named === undefined ? undefined : { text: named, taken: close - i + 1 };
	}
	return undefined;
}

/** The reading with every escape it shows decoded once; undefined when it shows none. */
function decoded(reading: Reading): Reading | undefined {
	const out: Reading = { chars: [], start: [], end: [] };
	let changed = false;
	for (let i = 0; i < reading.chars.length; ) {
		const escape = escapeAt(reading.chars, i);
		if (!escape) {
			out.chars.push(reading.chars[i]);
			out.start.push(reading.start[i]);
			out.end.push(reading.end[i]);
			i++;
			continue;
		}
		changed = true;
		const last = i + escape.taken - 1;
		for (const unit of escape.text.split('')) {
			out.chars.push(unit);
			out.start.push(reading.start[i]);
			out.end.push(reading.end[last]);
		}
		i += escape.taken;
	}
	return changed ? out : undefined;
}

function asText(reading: Reading): ReadingText {
	return { text: reading.chars.join(''), from: reading };
}

/** The readings of `text`: as is, then decoded up to DECODINGS times while there is something to decode. */
function readings(text: string): ReadingText[] {
	const plain = !/[\r\n]/.test(text);
	const escaped = /[\\%&=]/.test(text);
	const blob = BASE64_BLOB.test(text);
	const dump = BYTE_DUMP.test(text);
	if (plain && !escaped && !dump) return blob ? [{ text }, ...base64Readings([{ text }])] : [{ text }];
	const raw: Reading = { chars: text.split(''), start: [], end: [] };
	for (let i = 0; i < text.length; i++) {
		raw.start.push(i);
		raw.end.push(i + 1);
	}
	const out: ReadingText[] = plain ? [{ text }] : unbroken(raw);
	let current: Reading | undefined = raw;
	for (let n = 0; n < DECODINGS && escaped; n++) {
		current = decoded(current);
		if (!current) break;
		out.push(...unbroken(current));
	}
	if (blob) out.push(...base64Readings(out));
	if (dump) out.push(byteDumpReading(text));
	return out;
}

/** Hex bytes apart (`54 6f`, `54:6f`, `546f 6b33`, `0x54, 0x6f`, `<Buffer 54 6f …>`) or decimal bytes in a list (`[84,111,…]`: a Buffer as JSON). */
const HEX_GROUP = '(?:0x)?(?:[0-9a-fA-F]{2})+';
const DECIMAL_BYTE = '(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])';
const BYTE_DUMP_SOURCE = `(?<![0-9A-Za-z])(?:${HEX_GROUP}(?:(?:, ?|[ :.-])${HEX_GROUP}){3,}|${DECIMAL_BYTE}(?:, ?${DECIMAL_BYTE}){3,})(?![0-9A-Za-z])`;
const BYTE_DUMP = new RegExp(BYTE_DUMP_SOURCE);
const BYTE_DUMP_RUN = new RegExp(BYTE_DUMP_SOURCE, 'g');

/**
 * The text's byte dumps read as bytes, one Latin-1 character each standing for its digits (a dump of
 * a request shows a secret so); dumps are apart in the reading, so no secret is read across two.
 */
function byteDumpReading(text: string): ReadingText {
	const reading: Reading = { chars: [], start: [], end: [] };
	const push = (byte: number, start: number, end: number) => {
		reading.chars.push(String.fromCharCode(byte));
		reading.start.push(start);
		reading.end.push(end);
	};
	for (const run of text.matchAll(BYTE_DUMP_RUN)) {
		const at = run.index as number;
		const decimal = !/[a-fA-Fx]/.test(run[0]) && /,/.test(run[0]);
		const numbers = decimal ? /[0-9]+/g : /(?:0x)?((?:[0-9a-fA-F]{2})+)/g;
		for (const group of run[0].matchAll(numbers)) {
			const from = at + (group.index as number);
			if (decimal) push(Number(group[0]), from, from + group[0].length);
			else {
				const digitsAt = from + group[0].length - group[1].length;
				for (let k = 0; k < group[1].length; k += 2) push(parseInt(group[1].slice(k, k + 2), 16), digitsAt + k, digitsAt + k + 2);
			}
		}
		push(0xffff, 0, 0);
	}
	return asText(reading);
}

/**
 * A stretch of base64 or base64url long enough to hold a secret among other bytes, with upper- and
 * lower-case letters, as all but about 1 in 2,000 stretches of 16 base64 characters have (fewer the
 * longer): lower-case paths, order numbers and words are not decoded.
 */
const BASE64_BLOB = /[A-Za-z0-9+/_-]{16,}/;
const BASE64_RUN = /[A-Za-z0-9+/_-]{16,}/g;
const isBase64Like = (run: string) => /[A-Z]/.test(run) && /[a-z]/.test(run);
const BASE64_DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const BASE64_VALUE: Record<string, number> = Object.fromEntries([...BASE64_DIGITS].map((c, i) => [c, i]));
BASE64_VALUE['-'] = 62;
BASE64_VALUE['_'] = 63;
/** Stands between decoded blobs, so no secret is read across two of them. */
const BLOB_GAP = '\uFFFF';

/**
 * The base64 blobs of the readings, decoded, once for each of the four places a blob's groups can start:
 * a short secret inside a longer blob (a request echoed as base64) shows no base64 of its own at some
 * alignments, but its bytes show here. A byte is one character (Latin-1), and stands for the two base64
 * characters it is made of; the decoded bytes are read once more for escapes (JSON or URL inside base64).
 */
function base64Readings(texts: readonly ReadingText[]): ReadingText[] {
	// A blob no escape or line break touched shows the same in every reading: decoded once.
	const blobs: Array<{ run: RegExpMatchArray; from?: Reading }> = [];
	const seen = new Set<string>();
	for (const { text, from } of texts) {
		for (const run of text.matchAll(BASE64_RUN)) {
			if (!isBase64Like(run[0])) continue;
			const at = run.index as number;
			const where = from ? `${from.start[at]}-${from.end[at + run[0].length - 1]}` : `${at}-${at + run[0].length}`;
			if (seen.has(`${where} ${run[0]}`)) continue;
			seen.add(`${where} ${run[0]}`);
			blobs.push({ run, from });
		}
	}
	const out: ReadingText[] = [];
	for (let skip = 0; skip < 4; skip++) {
		const reading: Reading = { chars: [], start: [], end: [] };
		for (const { run, from } of blobs) {
			const at = (run.index as number) + skip;
			const digits = run[0].slice(skip);
			const bytes = Math.floor((digits.length * 6) / 8);
			for (let k = 0; k < bytes; k++) {
				// Byte k is bits 8k..8k+7: the end of base64 digit i and the start of digit i + 1.
				const i = Math.floor((8 * k) / 6);
				const shift = (8 * k) % 6;
				const pair = (BASE64_VALUE[digits[i]] << 6) | BASE64_VALUE[digits[i + 1]];
				reading.chars.push(String.fromCharCode((pair >> (4 - shift)) & 0xff));
				reading.start.push(from ? from.start[at + i] : at + i);
				reading.end.push(from ? from.end[at + i + 1] : at + i + 2);
			}
			reading.chars.push(BLOB_GAP);
			reading.start.push(0);
			reading.end.push(0);
		}
		if (reading.chars.length === 0) continue;
		out.push(asText(reading));
		const again = decoded(reading);
		if (again) out.push(asText(again));
	}
	return out;
}

/** A reading's texts without its line breaks: as wrapped lines, and as the lines of a quoted or multi-line reply. */
function unbroken(reading: Reading): ReadingText[] {
	if (!reading.chars.some((c) => c === '\r' || c === '\n')) return [asText(reading)];
	return [asText(withoutLineBreaks(reading, INDENT)), asText(withoutLineBreaks(reading, REPLY_PREFIX))];
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** One pattern for texts hidden wherever they appear, tried at every position; undefined for none. */
export function secretPattern(texts: Iterable<string>): RegExp | undefined {
	// Longest first: at each position the longest text that matches there is taken (the shorter ones are inside it).
	const alternatives = [...new Set(texts)].sort((x, y) => y.length - x.length).map(escapeRegExp);
	return alternatives.length > 0 ? new RegExp(alternatives.join('|'), 'g') : undefined;
}

/**
 * What to look for: texts as written (`exact`), case-folded texts in the folded readings (`anyCase`), and
 * values after a credential's name (`asValue`: its first group is the name part, which stays readable).
 */
export interface SecretPatterns {
	exact?: RegExp;
	anyCase?: RegExp;
	asValue?: RegExp;
}

/**
 * The stretches [start, end) of `text`, sorted and merged, that show a pattern in any of its readings.
 * Overlapping matches join, so a long secret cut or split anywhere is hidden in every run-long piece.
 */
export function secretStretches(text: string, patterns: SecretPatterns): Array<[number, number]> {
	if (!patterns.exact && !patterns.anyCase && !patterns.asValue) return [];
	const found: Array<[number, number]> = [];
	const collect = (shown: string, origin: Reading | undefined, pattern: RegExp) => {
		pattern.lastIndex = 0;
		for (let match = pattern.exec(shown); match; match = pattern.exec(shown)) {
			const at = match.index + (match[1]?.length ?? 0);
			const length = match.index + match[0].length - at;
			if (length > 0) found.push(origin ? [origin.start[at], origin.end[at + length - 1]] : [at, at + length]);
			pattern.lastIndex = match.index + 1;
		}
	};
	for (const { text: shown, from: origin } of readings(text)) {
		if (patterns.exact) collect(shown, origin, patterns.exact);
		if (patterns.anyCase) collect(fold(shown), origin, patterns.anyCase);
		if (patterns.asValue) collect(shown, origin, patterns.asValue);
	}
	found.sort((a, b) => a[0] - b[0]);
	const merged: Array<[number, number]> = [];
	for (const [start, end] of found) {
		const last = merged[merged.length - 1];
		if (last && start <= last[1]) last[1] = Math.max(last[1], end);
		else merged.push([start, end]);
	}
	return merged;
}
