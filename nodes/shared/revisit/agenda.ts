import { toIsoWithOffset } from '../format/isoDate';
import { buildCalendar } from './ics';
import type { Channel, Language, Priority } from './labels';
import type { Owner } from './owners';
import type { RevisitRequest } from './request';
import type { RevisitResult } from './revisitResult';
import { TextSlab } from './textSlab';

export interface AgendaEntry {
	customerId: string;
	name: string | null;
	/** The appointment's start in the owner's time zone (ISO 8601 with offset). */
	ownerStart: string;
	/** The customer's local date and time ("YYYY-MM-DD HH:MM") when they differ from the owner's, else null. */
	customerLocalTime: string | null;
	/** Start and end as the customer's result has them, with the customer's offset. */
	slotStart: string;
	slotEnd: string | null;
	/** The customer's time zone. */
	timeZone: string;
	priority: Priority;
	priorityLabel: string;
	channel: Channel;
	channelLabel: string;
	reason: string;
	/** Planned before this run (from the item's next-revisit field), not by this schedule. */
	alreadyScheduled: boolean;
}

/** One owner's revisits on one date of the owner's time zone, ready to send to the owner. */
export interface OwnerAgenda {
	owner: string;
	/** The date in the owner's time zone. */
	date: string;
	/** The owner's time zone: every time in the message is in it. */
	timeZone: string;
	count: number;
	/** The owner's daily capacity, or null for an owner outside the pool (existing revisits only). */
	dailyCapacity: number | null;
	customers: AgendaEntry[];
	/** A plain-text summary for a chat or e-mail message. */
	message: string;
	/** An iCalendar file with the day's new appointments. */
	ics: string;
	/** The input items this agenda lists. */
	itemIndices: number[];
}

/**
 * The agenda as a message. Times are the owner's; a customer whose local time differs gets it next to
 * theirs, and the head names the owner's zone when any does, so nobody calls at 03:00 by mistake.
 */
function messageFor(agenda: Omit<OwnerAgenda, 'message' | 'ics'>, language: Language): string {
	const zh = language === 'zh-CN';
	const mixed = agenda.customers.some((entry) => entry.customerLocalTime !== null);
	const zone = mixed ? (zh ? `（时间为 ${agenda.timeZone} 时间）` : ` (times in ${agenda.timeZone})`) : '';
	const owner = oneLine(agenda.owner);
	const head = zh ? `${owner} ${agenda.date} 回访安排（共 ${agenda.count} 位客户）${zone}：` : `Revisits for ${owner} on ${agenda.date} (${agenda.count})${zone}:`;
	const lines = agenda.customers.map((entry) => {
		const time = entry.ownerStart.slice(11, 16);
		const [name, id] = [oneLine(entry.name), oneLine(entry.customerId)];
		const who = name ? (zh ? `${name}（${id}）` : `${name} (${id})`) : id;
		const planned = entry.alreadyScheduled ? (zh ? '［已有安排］' : ' [planned earlier]') : '';
		const local = entry.customerLocalTime === null ? '' : localTimeNote(entry.customerLocalTime, agenda.date, entry.timeZone, zh);
		return zh
			? `${time}${local} ${entry.channelLabel} — ${who}，${entry.priorityLabel}：${entry.reason}${planned}`
			: `${time}${local} ${entry.channelLabel} — ${who}, ${entry.priorityLabel}: ${entry.reason}${planned}`;
	});
	// Appended rather than joined: the slab the caller adds it to makes the one flat copy.
	let text = head;
	for (const line of lines) text += '\n' + line;
	return text;
}

const LINE_BREAKS = /\s*[\r\n\u0085\u2028\u2029]+\s*/g;

/**
 * A text from the items (a name, an ID, an account manager) on one line of the message: a name with a line
 * break ("Ann\n10:00 Phone call — …", from a CRM form) would otherwise add a line that reads as another
 * appointment.
 */
function oneLine<T extends string | null>(text: T): T {
	return text === null || !/[\r\n\u0085\u2028\u2029]/.test(text) ? text : (text.replace(LINE_BREAKS, ' ') as T);
}

/** "(customer 10:30 America/New_York)", with the customer's date when it is not the owner's. */
function localTimeNote(localTime: string, ownerDate: string, timeZone: string, zh: boolean): string {
	const when = localTime.startsWith(ownerDate) ? localTime.slice(11) : localTime.slice(5);
	return zh ? `（客户当地 ${when} ${timeZone}）` : ` (customer's time ${when} ${timeZone})`;
}

/** Where one appointment start falls for its owner. */
interface OwnerTime {
	/** The instant, epoch ms (the order within an agenda). */
	at: number;
	ownerStart: string;
	/** The date of `ownerStart`: the agenda it belongs to. */
	ownerDate: string;
	customerLocalTime: string | null;
}

/**
 * Owner-zone start and customer-local time of each start text, worked out once per text (customers
 * share slots). A start written in the owner's own zone already is the owner's time: it is used as it
 * is, without a zone conversion (the same text toIsoWithOffset would give).
 */
class OwnerClock {
	private readonly starts = new Map<string, OwnerTime>();

	constructor(readonly timeZone: string) {}

	read(slotStart: string, customerZone: string): OwnerTime {
		let found = this.starts.get(slotStart);
		if (!found) {
			const at = Date.parse(slotStart);
			const ownerStart = customerZone === this.timeZone ? slotStart : toIsoWithOffset(new Date(at), this.timeZone);
			// Same wall-clock date and time: the customer's local time adds nothing.
			const same = ownerStart.slice(0, 16) === slotStart.slice(0, 16);
			const customerLocalTime = same ? null : `${slotStart.slice(0, 10)} ${slotStart.slice(11, 16)}`;
			found = { at, ownerStart, ownerDate: ownerStart.slice(0, 10), customerLocalTime };
			this.starts.set(slotStart, found);
		}
		return found;
	}
}

interface AgendaGroup {
	owner: string;
	date: string;
	timeZone: string;
	// One column per field (no object per row): a schedule's groups hold 100,000 rows until sorted.
	entries: AgendaEntry[];
	indices: number[];
	times: number[];
	events: Array<string | null>;
}

/** One owner's clock and agendas by the owner's date, found with one lookup per revisit. */
interface OwnerDays {
	clock: OwnerClock;
	dates: Map<string, AgendaGroup>;
}

/**
 * Groups scheduled (and already planned) revisits by owner and the owner's local date: pool order,
 * then date, then appointment time. Owners outside the pool (already planned revisits only) come
 * last, by name. Times are written in the owner's time zone (`Owner.timeZone`, else `timeZone`).
 */
export function buildOwnerAgendas(
	requests: RevisitRequest[],
	results: RevisitResult[],
	owners: Owner[],
	language: Language,
	timeZone: string,
): OwnerAgenda[] {
	const byOwner = new Map<string, OwnerDays>();
	const groups: AgendaGroup[] = [];
	const zoneOf = new Map(owners.map((owner) => [owner.id, owner.timeZone ?? timeZone]));
	// Owners in one zone share its clock.
	const clocks = new Map<string, OwnerClock>();
	for (let r = 0; r < results.length; r++) {
		const result = results[r];
		if (result.owner === null || result.dueDate === null || result.slotStart === null) continue;
		let days = byOwner.get(result.owner);
		if (!days) {
			const ownerZone = zoneOf.get(result.owner) ?? timeZone;
			let clock = clocks.get(ownerZone);
			if (!clock) clocks.set(ownerZone, (clock = new OwnerClock(ownerZone)));
			byOwner.set(result.owner, (days = { clock, dates: new Map() }));
		}
		const { at, ownerStart, ownerDate, customerLocalTime } = days.clock.read(result.slotStart, result.timeZone);
		let group = days.dates.get(ownerDate);
		if (!group) {
			group = { owner: result.owner, date: ownerDate, timeZone: days.clock.timeZone, entries: [], indices: [], times: [], events: [] };
			days.dates.set(ownerDate, group);
			groups.push(group);
		}
		group.indices.push(requests[r].index);
		group.times.push(at);
		group.events.push(result.vevent);
		group.entries.push({
			customerId: result.customerId,
			name: requests[r].name ?? null,
			ownerStart,
			customerLocalTime,
			slotStart: result.slotStart,
			slotEnd: result.slotEnd,
			timeZone: result.timeZone,
			priority: result.priority,
			priorityLabel: result.priorityLabel,
			channel: result.channel,
			channelLabel: result.channelLabel,
			reason: result.reason,
			alreadyScheduled: result.status === 'alreadyScheduled',
		});
	}
	const position = new Map(owners.map((owner) => [owner.id, owner.position]));
	const capacity = new Map(owners.map((owner) => [owner.id, owner.dailyCapacity]));
	groups.sort((a, b) => {
		const pa = position.get(a.owner) ?? Number.MAX_SAFE_INTEGER;
		const pb = position.get(b.owner) ?? Number.MAX_SAFE_INTEGER;
		if (pa !== pb) return pa - pb;
		if (a.owner !== b.owner) return a.owner < b.owner ? -1 : 1;
		return a.date < b.date ? -1 : a.date > b.date ? 1 : 0;
	});
	// Messages are kept as slices of a few big strings until the run ends (see TextSlab).
	const messages = new TextSlab<{ message: string }>((agenda, message) => {
		agenda.message = message;
	});
	const agendas = groups.map((group) => {
		const { entries, indices, times } = group;
		const order = indices.map((_, row) => row);
		order.sort((a, b) => {
			if (times[a] !== times[b]) return times[a] - times[b];
			const idA = entries[a].customerId;
			const idB = entries[b].customerId;
			return idA < idB ? -1 : idA > idB ? 1 : indices[a] - indices[b];
		});
		const customers = order.map((row) => entries[row]);
		const events: string[] = [];
		for (const row of order) {
			const event = group.events[row];
			if (event !== null) events.push(event);
		}
		const calendarName = language === 'zh-CN' ? `${group.owner} ${group.date} 回访` : `Revisits ${group.owner} ${group.date}`;
		const agenda = {
			owner: group.owner,
			date: group.date,
			timeZone: group.timeZone,
			count: customers.length,
			dailyCapacity: capacity.get(group.owner) ?? null,
			customers,
			itemIndices: order.map((row) => indices[row]),
			message: '',
			ics: buildCalendar(events, calendarName),
		};
		messages.add(agenda, messageFor(agenda, language));
		return agenda;
	});
	messages.flush();
	return agendas;
}
