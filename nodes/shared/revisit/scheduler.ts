import type { BusinessCalendar, DayKind } from '../calendar/businessCalendar';
import { formatDayNumber } from '../calendar/civilDate';
import { formatOffset, localDayAndMinute, uniformDayOffset, zonedInstant } from '../calendar/timeZone';
import { formatMinute, type TimeWindow } from '../calendar/workingHours';
import { toIsoWithOffset } from '../format/isoDate';
import { sharedFrozen } from '../format/sharedFrozen';
import { ConfigError } from '../input';
import { CapacityLedger } from './capacity';
import { icsUtc } from './ics';
import {
	CHANNEL_LABELS,
	PRIORITIES,
	PRIORITY_LABELS,
	STATUS_LABELS,
	type Channel,
	type Language,
	type Priority,
	type RevisitStatus,
} from './labels';
import type { Owner } from './owners';
import type { RevisitRequest } from './request';
import { eventTimeLines, RevisitEventWriter } from './revisitEvent';

export type AssignmentStrategy = 'roundRobin' | 'leastLoaded';
/** When the chosen owner is full: wait for that owner's next open day, or give it to another owner. */
export type OverflowPolicy = 'nextOpenDay' | 'otherOwner';
export type OwnerSource = 'accountManager' | 'roundRobin' | 'leastLoaded' | 'existing';
export type MoveReason = 'closedDay' | 'noSlotLeftToday' | 'ownerCapacity';
export type UnschedulableReason = 'noOpenDay' | 'ownersFull';

export interface ScheduleOptions {
	asOf: Date;
	calendar: BusinessCalendar;
	/** Appointment slots of a working day (see appointmentSlots), in local wall-clock minutes. */
	slots: TimeWindow[];
	owners: Owner[];
	assignment: AssignmentStrategy;
	overflow: OverflowPolicy;
	/** How many calendar days past its due date a revisit may be pushed before it is reported unschedulable. */
	horizonDays: number;
	/** Plan a new revisit even when the item already has one in the future. */
	reschedule: boolean;
	language: Language;
}

export interface RevisitResult {
	status: RevisitStatus;
	statusLabel: string;
	customerId: string;
	/** Start of the appointment, ISO 8601 with the customer's offset; null when not scheduled. */
	dueAt: string | null;
	/** The appointment's local date (YYYY-MM-DD). */
	dueDate: string | null;
	slotStart: string | null;
	slotEnd: string | null;
	timeZone: string;
	owner: string | null;
	ownerSource: OwnerSource | null;
	priority: Priority;
	priorityLabel: string;
	channel: Channel;
	channelLabel: string;
	reason: string;
	rule: Readonly<{ index: number; name: string }>;
	/** The date the cadence asks for, before closed days and capacity moved it. */
	targetDate: string;
	/** The day the interval was counted from: the last contact, or the as-of date. */
	countedFrom: Readonly<{ basis: 'lastContact' | 'asOf'; date: string }>;
	/** The cadence date had already passed: the revisit is due now. */
	overdue: boolean;
	movedFrom: string | null;
	movedBecause: readonly MoveReason[];
	/** For the first closed day the revisit was moved over: why it was closed. */
	closedDay: Readonly<{ date: string; kind: DayKind; holiday?: string }> | null;
	unschedulableBecause: UnschedulableReason | null;
	notes: readonly string[];
	/** The appointment as an RFC 5545 VEVENT (CRLF line ends), for calendar import. */
	vevent: string | null;
}

interface ZoneState {
	asOfDay: number;
	/** The first slot of the as-of day that starts at or after the as-of time. */
	firstSlotToday: number;
	slotCache: Map<number, SlotTimes>;
	/** Per local day: the zone's offset when constant that day, null on a DST-change day. */
	dayOffsets: Map<number, number | null>;
}

interface SlotTimes {
	/** false when the slot's start time does not exist that day (skipped by a DST change). */
	exists: boolean;
	start: string;
	end: string;
	/** The event's DTSTART and DTEND lines. */
	timeLines: string;
	/** The local date without dashes, for the event UID. */
	compactDate: string;
}

interface Pending {
	request: RevisitRequest;
	result: RevisitResult;
	/** Booking order before the customer ID: priority, then target day, then account manager first (see bookingOrder). */
	order: number;
	zone: ZoneState;
	target: number;
	firstOpen: number;
	limit: number;
	preferred: number;
}

const ICS_PRIORITY: Record<Priority, number> = { urgent: 1, high: 3, normal: 5, low: 9 };
const PRIORITY_RANK: Record<Priority, number> = Object.fromEntries(PRIORITIES.map((p, i) => [p, i])) as Record<Priority, number>;
const MAX_HORIZON_DAYS = 3660;

function zoneState(cache: Map<string, ZoneState>, timeZone: string, asOf: Date, slots: TimeWindow[]): ZoneState {
	let state = cache.get(timeZone);
	if (!state) {
		const { dayNumber, minute } = localDayAndMinute(asOf, timeZone);
		let firstSlotToday = slots.findIndex((slot) => slot.start >= minute);
		if (firstSlotToday < 0) firstSlotToday = slots.length;
		state = { asOfDay: dayNumber, firstSlotToday, slotCache: new Map(), dayOffsets: new Map() };
		cache.set(timeZone, state);
	}
	return state;
}

function slotTimes(zone: ZoneState, timeZone: string, day: number, slot: number, slots: TimeWindow[]): SlotTimes {
	const key = day * 1024 + slot;
	let times = zone.slotCache.get(key);
	if (!times) {
		let offset = zone.dayOffsets.get(day);
		if (offset === undefined) {
			offset = uniformDayOffset(day, timeZone) ?? null;
			zone.dayOffsets.set(day, offset);
		}
		const { start: startMinute, end: endMinute } = slots[slot];
		if (offset !== null) {
			// No DST change that day: wall clock minus the offset, and the offset as written.
			const date = formatDayNumber(day);
			const suffix = `:00${formatOffset(offset)}`;
			const start = new Date((day * 1440 + startMinute - offset) * 60_000);
			const end = new Date((day * 1440 + endMinute - offset) * 60_000);
			times = {
				exists: true,
				start: `${date}T${formatMinute(startMinute)}${suffix}`,
				end: endMinute < 1440 ? `${date}T${formatMinute(endMinute)}${suffix}` : toIsoWithOffset(end, timeZone),
				timeLines: eventTimeLines(icsUtc(start), icsUtc(end)),
				compactDate: date.replace(/-/g, ''),
			};
		} else {
			const start = zonedInstant(day, startMinute, timeZone);
			const end = zonedInstant(day, endMinute, timeZone);
			const local = localDayAndMinute(start, timeZone);
			times = {
				exists: local.dayNumber === day && local.minute === startMinute,
				start: toIsoWithOffset(start, timeZone),
				end: toIsoWithOffset(end, timeZone),
				timeLines: eventTimeLines(icsUtc(start), icsUtc(end)),
				compactDate: formatDayNumber(day).replace(/-/g, ''),
			};
		}
		zone.slotCache.set(key, times);
	}
	return times;
}

const NONE: readonly never[] = Object.freeze([]);

/**
 * Parts of results that many customers have in common, made once per run and shared: the day texts,
 * each rule's reference, "counted from", closed-day explanations and the empty lists. A schedule keeps
 * 100,000 results, and what is not allocated per customer is neither built nor traced by the garbage
 * collector. Shared objects are frozen, so a later node that changes one in place fails instead of
 * changing it for every customer.
 */
class SharedParts {
	private readonly days = new Map<number, string>();
	readonly rule = sharedFrozen((rule: RevisitRequest['rule']) => ({ index: rule.index, name: rule.name }), Infinity);
	private readonly fromLastContact = sharedFrozen((day: number) => ({ basis: 'lastContact' as const, date: this.day(day) }), Infinity);
	private readonly fromAsOf = sharedFrozen((day: number) => ({ basis: 'asOf' as const, date: this.day(day) }), Infinity);
	/** Why a closed day is closed, with the holiday's name in the run's language. */
	readonly closedDay = sharedFrozen((day: number) => {
		const status = this.calendar.dayStatus(day);
		const explained: { date: string; kind: DayKind; holiday?: string } = { date: this.day(day), kind: status.kind };
		if (status.holiday) explained.holiday = this.language === 'zh-CN' ? status.holiday.zh : status.holiday.en;
		return explained;
	}, Infinity);

	constructor(
		private readonly calendar: BusinessCalendar,
		private readonly language: Language,
	) {}

	day(dayNumber: number): string {
		let text = this.days.get(dayNumber);
		if (text === undefined) this.days.set(dayNumber, (text = formatDayNumber(dayNumber)));
		return text;
	}

	countedFrom(fromLastContact: boolean, dayNumber: number): RevisitResult['countedFrom'] {
		return fromLastContact ? this.fromLastContact(dayNumber) : this.fromAsOf(dayNumber);
	}
}

/** Adds a note: a result's list of notes is shared and empty until it gets one of its own. */
function addNote(result: RevisitResult, note: string): void {
	result.notes = [...result.notes, note];
}

/** A customer's result before booking: not scheduled yet, with the cadence's dates. */
function baseResult(request: RevisitRequest, shared: SharedParts, language: Language, countedFrom: number, target: number, overdue: boolean): RevisitResult {
	const { rule } = request;
	return {
		status: 'unschedulable',
		statusLabel: '',
		customerId: request.customerId,
		dueAt: null,
		dueDate: null,
		slotStart: null,
		slotEnd: null,
		timeZone: request.timeZone,
		owner: null,
		ownerSource: null,
		priority: rule.priority,
		priorityLabel: PRIORITY_LABELS[rule.priority][language],
		channel: rule.channel,
		channelLabel: CHANNEL_LABELS[rule.channel][language],
		reason: rule.reason,
		rule: shared.rule(rule),
		targetDate: shared.day(target),
		countedFrom: shared.countedFrom(request.lastContactDay !== undefined, countedFrom),
		overdue,
		movedFrom: null,
		movedBecause: NONE,
		closedDay: null,
		unschedulableBecause: null,
		notes: NONE,
		vevent: null,
	};
}

/** Day numbers stay far within this distance of 1970 (±5,400 years). */
const DAY_RANGE = 2_000_000;

/**
 * One number that sorts customers by priority, then target day, then those tied to their account
 * manager before those any owner can take (compared once per pair instead of three fields).
 */
function bookingOrder(priority: Priority, target: number, hasAccountManager: boolean): number {
	return ((PRIORITY_RANK[priority] * 2 + 1) * DAY_RANGE + target) * 2 + (hasAccountManager ? 0 : 1);
}

/** The reasons in their fixed order, in an array of just that length (a schedule keeps 100,000). */
function moveReasons(closedDay: boolean, noSlotLeftToday: boolean, ownerCapacity: boolean): readonly MoveReason[] {
	if (!closedDay && !noSlotLeftToday && !ownerCapacity) return NONE;
	const reasons: MoveReason[] = new Array(Number(closedDay) + Number(noSlotLeftToday) + Number(ownerCapacity));
	let i = 0;
	if (closedDay) reasons[i++] = 'closedDay';
	if (noSlotLeftToday) reasons[i++] = 'noSlotLeftToday';
	if (ownerCapacity) reasons[i++] = 'ownerCapacity';
	return reasons;
}

function checkOptions(options: ScheduleOptions): void {
	if (options.owners.length === 0) throw new ConfigError('The owner pool is empty (expected at least one owner with an ID and a daily capacity)');
	if (options.slots.length === 0) throw new ConfigError('There are no appointment slots in the working hours');
	if (!Number.isInteger(options.horizonDays) || options.horizonDays < 0 || options.horizonDays > MAX_HORIZON_DAYS) {
		throw new ConfigError(`Horizon ${options.horizonDays} is not valid (expected a whole number of days from 0 to ${MAX_HORIZON_DAYS})`);
	}
}

/**
 * Plans one revisit per customer: the cadence rule gives a due date, the business calendar moves it
 * to an open day, and owners are booked slot by slot within their daily capacity. Urgent customers
 * are booked first; ties go by due date, then customers with an account manager in the pool, then
 * customer ID and input position, so the same input always gives the same schedule. Results come back in input order; nobody is dropped.
 */
export function scheduleRevisits(requests: RevisitRequest[], options: ScheduleOptions): RevisitResult[] {
	checkOptions(options);
	const { calendar, slots, owners, language, asOf } = options;
	const ownerIndex = new Map(owners.map((owner, i) => [owner.id, i]));
	const zones = new Map<string, ZoneState>();
	const shared = new SharedParts(calendar, language);
	const results: RevisitResult[] = new Array(requests.length);
	const pending: Pending[] = [];
	const existing: Array<{ owner: number; day: number }> = [];
	let firstDay = Number.POSITIVE_INFINITY;
	let lastDay = Number.NEGATIVE_INFINITY;

	for (let r = 0; r < requests.length; r++) {
		const request = requests[r];
		const zone = zoneState(zones, request.timeZone, asOf, slots);
		const { rule } = request;
		const base = request.lastContactDay ?? zone.asOfDay;
		const cadenceDay = rule.unit === 'businessDays' ? calendar.addOpenDays(base, rule.interval) : base + rule.interval;
		const target = Math.max(cadenceDay, zone.asOfDay);
		const result = baseResult(request, shared, language, base, target, cadenceDay < zone.asOfDay);
		results[r] = result;
		const preferred = request.accountManager === undefined ? -1 : (ownerIndex.get(request.accountManager) ?? -1);

		if (request.existingRevisitAt && request.existingRevisitAt.getTime() > asOf.getTime() && !options.reschedule) {
			const local = localDayAndMinute(request.existingRevisitAt, request.timeZone);
			result.status = 'alreadyScheduled';
			result.dueAt = toIsoWithOffset(request.existingRevisitAt, request.timeZone);
			result.dueDate = shared.day(local.dayNumber);
			result.slotStart = result.dueAt;
			result.owner = request.accountManager ?? null;
			result.ownerSource = request.accountManager === undefined ? null : 'existing';
			if (preferred >= 0) existing.push({ owner: preferred, day: local.dayNumber });
			continue;
		}
		if (request.accountManager !== undefined && preferred < 0) {
			addNote(result, `Account manager "${request.accountManager}" is not in the owner pool; assigned from the pool instead`);
		}
		const firstOpen = calendar.nextOpenDay(target);
		const limit = target + options.horizonDays;
		firstDay = Math.min(firstDay, zone.asOfDay);
		lastDay = Math.max(lastDay, limit);
		pending.push({ request, result, order: bookingOrder(rule.priority, target, preferred >= 0), zone, target, firstOpen, limit, preferred });
	}

	if (pending.length > 0) {
		const ledger = new CapacityLedger(owners, firstDay, lastDay, slots.length, (day) => calendar.isOpen(day));
		for (const { owner, day } of existing) {
			if (day >= firstDay && day <= lastDay) ledger.bookExisting(owner, day - firstDay);
		}
		pending.sort(
			(a, b) =>
				a.order - b.order ||
				(a.request.customerId < b.request.customerId ? -1 : a.request.customerId > b.request.customerId ? 1 : 0) ||
				a.request.index - b.request.index,
		);
		const booker = new Booker(ledger, options, shared);
		for (const item of pending) booker.place(item);
	}

	for (const result of results) result.statusLabel = STATUS_LABELS[result.status][language];
	return results;
}

class Booker {
	private cursor = 0;
	private readonly events: RevisitEventWriter;

	constructor(
		private readonly ledger: CapacityLedger,
		private readonly options: ScheduleOptions,
		private readonly shared: SharedParts,
	) {
		this.events = new RevisitEventWriter(options.asOf, options.language);
	}

	place(item: Pending): void {
		const { result, zone, target, firstOpen, limit, preferred } = item;
		const { calendar } = this.options;
		if (firstOpen > target) result.closedDay = this.shared.closedDay(target);
		if (firstOpen > limit) {
			result.unschedulableBecause = 'noOpenDay';
			addNote(result, `No open day between ${result.targetDate} and ${formatDayNumber(limit)}`);
			return;
		}
		let found = this.search(item);
		let times: SlotTimes | undefined;
		while (found) {
			times = slotTimes(zone, item.request.timeZone, found.day + this.ledger.firstDay, found.slot, this.options.slots);
			if (times.exists) break;
			// A slot inside the spring-forward gap does not exist that day: use it up and look again.
			this.ledger.skipSlot(found.owner, found.day, found.slot);
			found = this.search(item, true);
		}
		if (!found || !times) {
			result.unschedulableBecause = 'ownersFull';
			addNote(result, `Every eligible owner is fully booked from ${formatDayNumber(firstOpen)} to ${formatDayNumber(limit)}`);
			return;
		}
		const day = found.day + this.ledger.firstDay;
		this.ledger.book(found.owner, found.day, found.slot);
		const owner = this.options.owners[found.owner];
		result.status = 'scheduled';
		result.dueAt = times.start;
		result.dueDate = this.shared.day(day);
		result.slotStart = times.start;
		result.slotEnd = times.end;
		result.owner = owner.id;
		result.ownerSource = found.owner === preferred ? 'accountManager' : this.options.assignment;
		if (day > target) {
			result.movedFrom = result.targetDate;
			const noSlotToday = day > firstOpen && firstOpen === zone.asOfDay && zone.firstSlotToday >= this.options.slots.length;
			const ownerCapacity = day > firstOpen && (!noSlotToday || day > calendar.nextOpenDay(firstOpen + 1));
			result.movedBecause = moveReasons(firstOpen > target, noSlotToday, ownerCapacity);
		}
		if (calendar.lacksHolidayData(day)) {
			const year = result.dueDate.slice(0, 4);
			addNote(result, `No official China holiday data for ${year} yet: only working days and custom dates were applied`);
		}
		result.vevent = this.events.write({
			customerId: item.request.customerId,
			name: item.request.name,
			channelLabel: result.channelLabel,
			reason: result.reason,
			compactDate: times.compactDate,
			timeLines: times.timeLines,
			priority: ICS_PRIORITY[result.priority],
		});
	}

	private firstSlot(item: Pending, day: number): number {
		return day + this.ledger.firstDay === item.zone.asOfDay ? item.zone.firstSlotToday : 0;
	}

	/** One fixed owner: the first day with room for them. */
	private searchOwner(item: Pending, owner: number): { owner: number; day: number; slot: number } | undefined {
		const limit = item.limit - this.ledger.firstDay;
		for (let day = this.ledger.nextDayWithRoom(owner, item.firstOpen - this.ledger.firstDay); day <= limit; ) {
			const slot = this.ledger.slotFor(owner, day, this.firstSlot(item, day));
			if (slot >= 0) return { owner, day, slot };
			day = this.ledger.nextDayWithRoom(owner, day + 1);
		}
		return undefined;
	}

	/** Any owner: the first day some owner has room, the preferred owner first, then by strategy. */
	private searchAny(item: Pending): { owner: number; day: number; slot: number } | undefined {
		const limit = item.limit - this.ledger.firstDay;
		const count = this.options.owners.length;
		for (let day = this.ledger.nextDayWithAnyRoom(item.firstOpen - this.ledger.firstDay); day <= limit; ) {
			const first = this.firstSlot(item, day);
			if (item.preferred >= 0) {
				const slot = this.ledger.slotFor(item.preferred, day, first);
				if (slot >= 0) return { owner: item.preferred, day, slot };
			}
			if (this.options.assignment === 'roundRobin') {
				for (let k = 0; k < count; k++) {
					const owner = (this.cursor + k) % count;
					const slot = this.ledger.slotFor(owner, day, first);
					if (slot >= 0) {
						this.cursor = (owner + 1) % count;
						return { owner, day, slot };
					}
				}
			} else {
				let best = -1;
				let bestSlot = -1;
				for (let owner = 0; owner < count; owner++) {
					const slot = this.ledger.slotFor(owner, day, first);
					if (slot < 0) continue;
					if (best < 0 || this.lessLoaded(owner, best, day)) {
						best = owner;
						bestSlot = slot;
					}
				}
				if (best >= 0) return { owner: best, day, slot: bestSlot };
			}
			day = this.ledger.nextDayWithAnyRoom(day + 1);
		}
		return undefined;
	}

	/** Fewer bookings that day, then fewer in total; pool order breaks the remaining ties. */
	private lessLoaded(a: number, b: number, day: number): boolean {
		const byDay = this.ledger.count(a, day) - this.ledger.count(b, day);
		if (byDay !== 0) return byDay < 0;
		return this.ledger.totals[a] < this.ledger.totals[b];
	}

	private rotationOwner = 0;

	/** `again`: a repeated search for the same customer, which must not advance the rotation. */
	private search(item: Pending, again = false): { owner: number; day: number; slot: number } | undefined {
		const { overflow, assignment, owners } = this.options;
		if (item.preferred >= 0 && overflow === 'nextOpenDay') return this.searchOwner(item, item.preferred);
		if (item.preferred < 0 && assignment === 'roundRobin' && overflow === 'nextOpenDay') {
			if (!again) {
				this.rotationOwner = this.cursor;
				this.cursor = (this.cursor + 1) % owners.length;
			}
			return this.searchOwner(item, this.rotationOwner);
		}
		return this.searchAny(item);
	}
}
