import { escapeText, foldLine, icsUtc, uidSafeId } from './ics';
import type { Language } from './labels';

const CRLF = '\r\n';
const UID_DOMAIN = '@n8n-nodes-customer-care';

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
	private readonly descriptionHeads = new Map<string, string>();
	private readonly summaryHeads = new Map<string, string>();
	private readonly tails = new Map<number, string>();

	constructor(stamp: Date, language: Language) {
		this.zh = language === 'zh-CN';
		this.stampLine = `DTSTAMP:${icsUtc(stamp)}${CRLF}`;
	}

	/** "DESCRIPTION:Reason: <reason>\nCustomer: " with the reason escaped (TEXT escaping is per character). */
	private descriptionHead(reason: string): string {
		let head = this.descriptionHeads.get(reason);
		if (head === undefined) {
			head = `DESCRIPTION:${escapeText(this.zh ? `原因：${reason}` : `Reason: ${reason}`)}\\n${this.zh ? '客户：' : 'Customer: '}`;
			this.descriptionHeads.set(reason, head);
		}
		return head;
	}

	private summaryHead(channelLabel: string): string {
		let head = this.summaryHeads.get(channelLabel);
		if (head === undefined) {
			head = `SUMMARY:${escapeText(channelLabel)}: `;
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
		const name = event.name === undefined ? undefined : escapeText(event.name);
		const who = name === undefined ? id : this.zh ? `${name}（${id}）` : `${name} (${id})`;
		// The UID's characters need no escaping (see uidSafeId).
		const uid = `UID:revisit-${uidSafeId(event.customerId)}-${event.compactDate}${UID_DOMAIN}`;
		const whole =
			'BEGIN:VEVENT' +
			CRLF +
			foldLine(uid) +
			CRLF +
			this.stampLine +
			event.timeLines +
			foldLine(this.summaryHead(event.channelLabel) + (name ?? id)) +
			CRLF +
			foldLine(this.descriptionHead(event.reason) + who) +
			CRLF +
			this.tail(event.priority);
		// Flatten now: one flat string per event is far less for the garbage collector to trace than a
		// tree of pieces, and a schedule keeps 100,000 of them.
		whole.charCodeAt(0);
		return whole;
	}
}
