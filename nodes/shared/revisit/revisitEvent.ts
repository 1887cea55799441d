import { escapeText, foldLine, icsUtc, uidSafeId } from './ics';
import type { Language } from './labels';

const CRLF = '\r\n';
const UID_DOMAIN = '@n8n-nodes-customer-care';
const MAX_LINE_OCTETS = 75;
/** "UID:revisit-" + ID + "-YYYYMMDD" + UID_DOMAIN: all ASCII, so its length is its size in octets. */
const UID_LINE_FIXED = 'UID:revisit--YYYYMMDD'.length + UID_DOMAIN.length;

/**
 * UTF-8 octets of a text as foldLine counts them, or -1 when the text ends in a lone high surrogate
 * (it would pair with whatever follows, so the pieces of a line cannot be counted apart).
 */
function octets(text: string): number {
	let size = 0;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c < 0x80) size += 1;
		else if (c < 0x800) size += 2;
		else if (c >= 0xd800 && c <= 0xdbff) {
			if (i + 1 >= text.length) return -1;
			size += 4;
			i++;
		} else size += 3;
	}
	return size;
}

/** A content line made of a head and a tail (with their sizes), folded only when it is too long. */
function line(head: string, headOctets: number, tail: string, tailOctets: number): string {
	if (headOctets >= 0 && tailOctets >= 0 && headOctets + tailOctets <= MAX_LINE_OCTETS) return head + tail;
	return foldLine(head + tail);
}

/** What one revisit's calendar event says. */
export interface RevisitEventInput {
	customerId: string;
	name?: string;
	channelLabel: string;
	reason: string;
	/** The local due date without dashes (20251009), as in the UID. */
	compactDate: string;
	/** "DTSTART:...\r\nDTEND:...\r\n" for the slot (see eventTimeLines). */
	timeLines: string;
	/** 1 (highest) to 9 (lowest). */
	priority: number;
}

/** The DTSTART and DTEND lines of an appointment, from UTC DATE-TIME texts (see icsUtc). */
export function eventTimeLines(icsStart: string, icsEnd: string): string {
	return `DTSTART:${icsStart}${CRLF}DTEND:${icsEnd}${CRLF}`;
}

/**
 * Writes the VEVENTs of one schedule run, the same text buildEvent gives for a summary
 * "<channel>: <name or ID>" and the description lines "Reason: ..." and "Customer: <name> (<ID>)".
 * The parts events share (time stamp, reason lines, priority and end lines) are escaped and
 * formatted once per run instead of once per customer.
 */
export class RevisitEventWriter {
	private readonly zh: boolean;
	private readonly stampLine: string;
	private readonly descriptionHeads = new Map<string, { text: string; octets: number }>();
	private readonly summaryHeads = new Map<string, { text: string; octets: number }>();
	private readonly tails = new Map<number, string>();

	constructor(stamp: Date, language: Language) {
		this.zh = language === 'zh-CN';
		this.stampLine = `DTSTAMP:${icsUtc(stamp)}${CRLF}`;
	}

	/** "DESCRIPTION:Reason: <reason>\nCustomer: " with the reason escaped (TEXT escaping is per character). */
	private descriptionHead(reason: string): { text: string; octets: number } {
		let head = this.descriptionHeads.get(reason);
		if (head === undefined) {
			const text = `DESCRIPTION:${escapeText(this.zh ? `原因：${reason}` : `Reason: ${reason}`)}\\n${this.zh ? '客户：' : 'Customer: '}`;
			head = { text, octets: octets(text) };
			this.descriptionHeads.set(reason, head);
		}
		return head;
	}

	private summaryHead(channelLabel: string): { text: string; octets: number } {
		let head = this.summaryHeads.get(channelLabel);
		if (head === undefined) {
			const text = `SUMMARY:${escapeText(channelLabel)}: `;
			head = { text, octets: octets(text) };
			this.summaryHeads.set(channelLabel, head);
		}
		return head;
	}

	private tail(priority: number): string {
		let tail = this.tails.get(priority);
		if (tail === undefined) {
			tail = `PRIORITY:${priority}${CRLF}STATUS:CONFIRMED${CRLF}END:VEVENT${CRLF}`;
			this.tails.set(priority, tail);
		}
		return tail;
	}

	write(event: RevisitEventInput): string {
		const id = escapeText(event.customerId);
		const idOctets = octets(id);
		const name = event.name === undefined ? undefined : escapeText(event.name);
		const nameOctets = name === undefined ? idOctets : octets(name);
		const who = name === undefined ? id : this.zh ? `${name}（${id}）` : `${name} (${id})`;
		// The brackets around the ID: "（" and "）" are 3 octets each, " (" and ")" 3 together.
		const whoOctets = name === undefined ? idOctets : nameOctets < 0 || idOctets < 0 ? -1 : nameOctets + idOctets + (this.zh ? 6 : 3);
		// The UID's characters need no escaping and are ASCII (see uidSafeId).
		const safeId = uidSafeId(event.customerId);
		const uid = `UID:revisit-${safeId}-${event.compactDate}${UID_DOMAIN}`;
		const summary = this.summaryHead(event.channelLabel);
		const description = this.descriptionHead(event.reason);
		const whole =
			'BEGIN:VEVENT' +
			CRLF +
			(UID_LINE_FIXED + safeId.length <= MAX_LINE_OCTETS ? uid : foldLine(uid)) +
			CRLF +
			this.stampLine +
			event.timeLines +
			line(summary.text, summary.octets, name ?? id, nameOctets) +
			CRLF +
			line(description.text, description.octets, who, whoOctets) +
			CRLF +
			this.tail(event.priority);
		return whole;
	}
}
