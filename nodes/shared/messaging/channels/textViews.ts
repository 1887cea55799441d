/**
 * Readings of a text in which an escaped or wrapped secret reads as itself: the text as is, then decoded
 * once and twice (JSON `\u0041` and `\/` escapes, percent-encoding in either case, HTML character
 * references), each without its line breaks (a wrapped line, a folded header), and looked at as written
 * and case-folded. Every character of a reading remembers the stretch of the original text it stands for,
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
const NAMED_REFERENCES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
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

/** What the escape starting at `i` stands for, and how many characters of the reading it takes. */
function escapeAt(chars: string[], i: number): { text: string; taken: number } | undefined {
	const c = chars[i];
	if (c === '\\') {
		const next = chars[i + 1];
		if (next === 'u') {
			const code = hexAt(chars, i + 2, 4);
			return code === undefined ? undefined : { text: String.fromCharCode(code), taken: 6 };
		}
		return next !== undefined && next in SIMPLE_ESCAPES ? { text: SIMPLE_ESCAPES[next], taken: 2 } : undefined;
	}
	if (c === '%') {
		const lead = hexAt(chars, i + 1, 2);
		const length = lead === undefined ? 0 : utf8Length(lead);
		if (lead === undefined || length === 0) return undefined;
		const bytes = [lead];
		for (let k = 1; k < length; k++) {
			const byte = chars[i + 3 * k] === '%' ? hexAt(chars, i + 3 * k + 1, 2) : undefined;
			if (byte === undefined || byte >> 6 !== 0b10) return undefined;
			bytes.push(byte);
		}
		return { text: Buffer.from(bytes).toString('utf8'), taken: 3 * length };
	}
	if (c === '&') {
		let close = i + 1;
		while (close < chars.length && close - i <= 10 && chars[close] !== ';') close++;
		if (chars[close] !== ';') return undefined;
		const name = chars.slice(i + 1, close).join('');
		const numeric = /^#(?:[xX]([0-9a-fA-F]+)|([0-9]+))$/.exec(name);
		const code = numeric ? parseInt(numeric[1] ?? numeric[2], numeric[1] ? 16 : 10) : undefined;
		if (code !== undefined && code <= 0x10ffff) return { text: String.fromCodePoint(code), taken: close - i + 1 };
		const named = NAMED_REFERENCES[name.toLowerCase()];
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
	const escaped = /[\\%&]/.test(text);
	if (plain && !escaped) return [{ text }];
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

/** What to look for: texts as written (`exact`), and case-folded texts in the folded readings (`anyCase`). */
export interface SecretPatterns {
	exact?: RegExp;
	anyCase?: RegExp;
}

/**
 * The stretches [start, end) of `text`, sorted and merged, that show a pattern in any of its readings.
 * Overlapping matches join, so a long secret cut or split anywhere is hidden in every run-long piece.
 */
export function secretStretches(text: string, patterns: SecretPatterns): Array<[number, number]> {
	if (!patterns.exact && !patterns.anyCase) return [];
	const found: Array<[number, number]> = [];
	const collect = (shown: string, origin: Reading | undefined, pattern: RegExp) => {
		pattern.lastIndex = 0;
		for (let match = pattern.exec(shown); match; match = pattern.exec(shown)) {
			const at = match.index;
			const length = match[0].length;
			found.push(origin ? [origin.start[at], origin.end[at + length - 1]] : [at, at + length]);
			pattern.lastIndex = at + 1;
		}
	};
	for (const { text: shown, from: origin } of readings(text)) {
		if (patterns.exact) collect(shown, origin, patterns.exact);
		if (patterns.anyCase) collect(fold(shown), origin, patterns.anyCase);
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
