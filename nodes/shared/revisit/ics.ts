/**
 * RFC 5545 (iCalendar) text for revisit appointments: CRLF line ends, lines folded at 75 octets
 * without splitting a UTF-8 character, TEXT values escaped, times in UTC so no VTIMEZONE is needed.
 */

export const PRODUCT_ID = '-//n8n-nodes-customer-care//Schedule Revisit//EN';
const MAX_LINE_OCTETS = 75;
const CRLF = '\r\n';

/** Escapes a TEXT value: backslash, semicolon, comma and line breaks (RFC 5545 3.3.11). */
export function escapeText(value: string): string {
	let out = '';
	let start = 0;
	for (let i = 0; i < value.length; i++) {
		const c = value.charCodeAt(i);
		// \\ 92, ; 59, , 44, LF 10, CR 13
		if (c !== 92 && c !== 59 && c !== 44 && c !== 10 && c !== 13) continue;
		out += value.slice(start, i);
		if (c === 13) {
			if (value.charCodeAt(i + 1) === 10) i++;
			out += '\\n';
		} else out += c === 10 ? '\\n' : c === 92 ? '\\\\' : c === 59 ? '\\;' : '\\,';
		start = i + 1;
	}
	return start === 0 ? value : out + value.slice(start);
}

/** Folds one content line: at most 75 octets per line, continuation lines start with one space. */
export function foldLine(line: string): string {
	// A UTF-16 unit is at most 3 octets (a 4-octet character takes two units): short lines never fold.
	if (line.length * 3 <= MAX_LINE_OCTETS) return line;
	let out = '';
	let start = 0;
	let octets = 0;
	let limit = MAX_LINE_OCTETS;
	for (let i = 0; i < line.length; i++) {
		const c = line.charCodeAt(i);
		let size = c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
		// A surrogate pair is one 4-octet character; never split it.
		const pair = c >= 0xd800 && c <= 0xdbff && i + 1 < line.length;
		if (pair) size = 4;
		if (octets + size > limit) {
			out += start === 0 ? line.slice(0, i) : `${CRLF} ${line.slice(start, i)}`;
			start = i;
			octets = 0;
			// The leading space of a continuation line counts towards its 75 octets.
			limit = MAX_LINE_OCTETS - 1;
		}
		octets += size;
		if (pair) i++;
	}
	return start === 0 ? line : `${out}${CRLF} ${line.slice(start)}`;
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

let lastStamp = { ms: Number.NaN, text: '' };

/** DATE-TIME in UTC form: 20251009T013000Z. */
export function icsUtc(instant: Date): string {
	// A run stamps every event with the same instant; format it once.
	if (instant.getTime() === lastStamp.ms) return lastStamp.text;
	lastStamp = { ms: instant.getTime(), text: formatUtc(instant) };
	return lastStamp.text;
}

function formatUtc(instant: Date): string {
	return (
		`${instant.getUTCFullYear()}${pad2(instant.getUTCMonth() + 1)}${pad2(instant.getUTCDate())}` +
		`T${pad2(instant.getUTCHours())}${pad2(instant.getUTCMinutes())}${pad2(instant.getUTCSeconds())}Z`
	);
}

const PLAIN_ID = /^[A-Za-z0-9._-]*$/;
/** A lone surrogate (broken UTF-16 text), captured so that split keeps it. */
const LONE_SURROGATE = /([\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF])/;

const encodePart = (text: string) => encodeURIComponent(text).replace(/[!'()*%]/g, (c) => (c === '%' ? '=' : `=${c.charCodeAt(0).toString(16).toUpperCase()}`));

/**
 * The customer ID as a UID may carry it: letters, digits, ".", "_", "-" as they are, anything else
 * percent-encoded with "=" for "%". The result has no character TEXT escaping would change, and two IDs
 * never share it.
 */
export function uidSafeId(customerId: string): string {
	if (PLAIN_ID.test(customerId)) return customerId;
	// encodeURIComponent throws on a lone surrogate: it is written "=U" and its code ("=UD83D"), which no
	// encoded character is ("=" and two hex digits), so "C\uD83D1" and "C\uFFFD1" stay two customers' UIDs.
	const parts = customerId.split(LONE_SURROGATE);
	let safe = encodePart(parts[0]);
	for (let i = 1; i < parts.length; i += 2) safe += `=U${parts[i].charCodeAt(0).toString(16).toUpperCase()}${encodePart(parts[i + 1])}`;
	return safe;
}

/**
 * A UID that stays the same for the same customer and due date, so re-running a schedule updates
 * the event in the owner's calendar instead of adding a copy.
 */
export function revisitUid(customerId: string, dueDate: string): string {
	return `revisit-${uidSafeId(customerId)}-${dueDate.replace(/-/g, '')}@n8n-nodes-customer-care`;
}

export interface EventInput {
	uid: string;
	/** When the event text was produced; the as-of instant, so the same run gives the same text. */
	stamp: Date;
	/** Start and end as UTC DATE-TIME text (see icsUtc). */
	start: string;
	end: string;
	summary: string;
	/** Plain text; lines may be given as an array (joined with escaped line breaks). */
	description?: string | string[];
	/** 1 (highest) to 9 (lowest). */
	priority?: number;
	categories?: string[];
}

/** One VEVENT, each line folded, ending in CRLF. */
export function buildEvent(event: EventInput): string {
	// Only the lines with free text can exceed 75 octets; the others are fixed-width.
	let text =
		'BEGIN:VEVENT' +
		CRLF +
		foldLine(`UID:${escapeText(event.uid)}`) +
		CRLF +
		`DTSTAMP:${icsUtc(event.stamp)}${CRLF}DTSTART:${event.start}${CRLF}DTEND:${event.end}${CRLF}` +
		foldLine(`SUMMARY:${escapeText(event.summary)}`) +
		CRLF;
	const description = Array.isArray(event.description) ? event.description.map(escapeText).join('\\n') : event.description && escapeText(event.description);
	if (description) text += foldLine(`DESCRIPTION:${description}`) + CRLF;
	if (event.priority !== undefined) text += `PRIORITY:${event.priority}${CRLF}`;
	if (event.categories && event.categories.length > 0) text += foldLine(`CATEGORIES:${event.categories.map(escapeText).join(',')}`) + CRLF;
	const whole = `${text}STATUS:CONFIRMED${CRLF}END:VEVENT${CRLF}`;
	// Reading a character makes V8 flatten the concatenation now: a schedule keeps 100,000 of these,
	// and one flat string each is far less for the garbage collector to trace than a tree of pieces.
	whole.charCodeAt(0);
	return whole;
}

/** A VCALENDAR holding the given VEVENT texts. */
export function buildCalendar(events: string[], name?: string): string {
	const head = ['BEGIN:VCALENDAR', 'VERSION:2.0', `PRODID:${PRODUCT_ID}`, 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH'];
	if (name) head.push(`X-WR-CALNAME:${escapeText(name)}`);
	let text = head.map(foldLine).join(CRLF) + CRLF;
	// Appended, not joined: the calendar then points at the event texts the revisits already hold
	// instead of copying them (a schedule's agendas would otherwise copy every event once more).
	for (const event of events) text += event;
	return text + 'END:VCALENDAR' + CRLF;
}
