import { buildCalendar } from './ics';
import type { Channel, Language, Priority } from './labels';
import type { Owner } from './owners';
import type { RevisitRequest } from './request';
import type { RevisitResult } from './revisitResult';

export interface AgendaEntry {
	customerId: string;
	name: string | null;
	slotStart: string;
	slotEnd: string | null;
	timeZone: string;
	priority: Priority;
	priorityLabel: string;
	channel: Channel;
	channelLabel: string;
	reason: string;
	/** Planned before this run (from the item's next-revisit field), not by this schedule. */
	alreadyScheduled: boolean;
}

/** One owner's revisits on one local date, ready to send to the owner. */
export interface OwnerAgenda {
	owner: string;
	date: string;
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

function messageFor(agenda: Omit<OwnerAgenda, 'message' | 'ics'>, language: Language): string {
	const zh = language === 'zh-CN';
	const head = zh
		? `${agenda.owner} ${agenda.date} 回访安排（共 ${agenda.count} 位客户）：`
		: `Revisits for ${agenda.owner} on ${agenda.date} (${agenda.count}):`;
	const lines = agenda.customers.map((entry) => {
		const time = entry.slotStart.slice(11, 16);
		const who = entry.name ? (zh ? `${entry.name}（${entry.customerId}）` : `${entry.name} (${entry.customerId})`) : entry.customerId;
		const planned = entry.alreadyScheduled ? (zh ? '［已有安排］' : ' [planned earlier]') : '';
		return zh
			? `${time} ${entry.channelLabel} — ${who}，${entry.priorityLabel}：${entry.reason}${planned}`
			: `${time} ${entry.channelLabel} — ${who}, ${entry.priorityLabel}: ${entry.reason}${planned}`;
	});
	return [head, ...lines].join('\n');
}

interface AgendaGroup {
	owner: string;
	date: string;
	// One column per field (no object per row): a schedule's groups hold 100,000 rows until sorted.
	entries: AgendaEntry[];
	indices: number[];
	times: number[];
	events: Array<string | null>;
}

/**
 * Groups scheduled (and already planned) revisits by owner and local date: pool order, then date,
 * then appointment time. Owners outside the pool (already planned revisits only) come last, by name.
 */
export function buildOwnerAgendas(requests: RevisitRequest[], results: RevisitResult[], owners: Owner[], language: Language): OwnerAgenda[] {
	const byOwner = new Map<string, Map<string, AgendaGroup>>();
	const groups: AgendaGroup[] = [];
	// Customers in one zone share each slot's start text: parse each text once.
	const instants = new Map<string, number>();
	for (let r = 0; r < results.length; r++) {
		const result = results[r];
		if (result.owner === null || result.dueDate === null || result.slotStart === null) continue;
		let dates = byOwner.get(result.owner);
		if (!dates) byOwner.set(result.owner, (dates = new Map()));
		let group = dates.get(result.dueDate);
		if (!group) {
			group = { owner: result.owner, date: result.dueDate, entries: [], indices: [], times: [], events: [] };
			dates.set(result.dueDate, group);
			groups.push(group);
		}
		group.indices.push(requests[r].index);
		let at = instants.get(result.slotStart);
		if (at === undefined) instants.set(result.slotStart, (at = Date.parse(result.slotStart)));
		group.times.push(at);
		group.events.push(result.vevent);
		group.entries.push({
			customerId: result.customerId,
			name: requests[r].name ?? null,
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
	return groups.map((group) => {
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
			count: customers.length,
			dailyCapacity: capacity.get(group.owner) ?? null,
			customers,
			itemIndices: order.map((row) => indices[row]),
			message: '',
			ics: buildCalendar(events, calendarName),
		};
		agenda.message = messageFor(agenda, language);
		return agenda;
	});
}
