import type { BusinessCalendar, DayKind } from '../calendar/businessCalendar';
import { formatDayNumber } from '../calendar/civilDate';
import { sharedFrozen } from '../outputItems/sharedFrozen';
import { CHANNEL_LABELS, PRIORITY_LABELS, type Channel, type Language, type Priority, type RevisitStatus } from './labels';
import type { RevisitRequest } from './request';

export type OwnerSource = 'accountManager' | 'roundRobin' | 'leastLoaded' | 'existing';
export type MoveReason = 'closedDay' | 'noSlotLeftToday' | 'ownerCapacity';
export type UnschedulableReason = 'noOpenDay' | 'ownersFull';

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

const NONE: readonly never[] = Object.freeze([]);

/**
 * Parts of results that many customers have in common, made once per run and shared: the day texts,
 * each rule's reference, "counted from", closed-day explanations and the empty lists. A schedule keeps
 * 100,000 results, and what is not allocated per customer is neither built nor traced by the garbage
 * collector. Shared objects are frozen, so a later node that changes one in place fails instead of
 * changing it for every customer.
 */
export class SharedParts {
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
export function addNote(result: RevisitResult, note: string): void {
	result.notes = [...result.notes, note];
}

/** A customer's result before booking: not scheduled yet, with the cadence's dates. */
export function unscheduledResult(request: RevisitRequest, shared: SharedParts, language: Language, countedFrom: number, target: number, overdue: boolean): RevisitResult {
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

/** The reasons in their fixed order, in an array of just that length (a schedule keeps 100,000). */
export function moveReasons(closedDay: boolean, noSlotLeftToday: boolean, ownerCapacity: boolean): readonly MoveReason[] {
	if (!closedDay && !noSlotLeftToday && !ownerCapacity) return NONE;
	const reasons: MoveReason[] = new Array(Number(closedDay) + Number(noSlotLeftToday) + Number(ownerCapacity));
	let i = 0;
	if (closedDay) reasons[i++] = 'closedDay';
	if (noSlotLeftToday) reasons[i++] = 'noSlotLeftToday';
	if (ownerCapacity) reasons[i++] = 'ownerCapacity';
	return reasons;
}
