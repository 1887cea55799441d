import type { BusinessCalendar } from '../calendar/businessCalendar';
import { formatDayNumber } from '../calendar/civilDate';
import type { CapacityLedger } from './capacity';
import type { Priority } from './labels';
import { OwnerRotation } from './ownerRotation';
import type { RevisitRequest } from './request';
import { addNote, moveReasons, type RevisitResult, type SharedParts } from './revisitResult';
import type { ScheduleOptions } from './scheduler';
import { SlotSearch, type SearchRange, type SlotChoice } from './slotSearch';
import type { SlotTimes } from './slotTimes';
import { RevisitEventWriter } from './revisitEvent';
import { TextSlab } from './textSlab';
import type { OwnerBusyTimes } from './busyTimes';

/** A customer waiting to be booked; all days are day numbers in the customer's zone. */
export interface PendingRevisit extends SearchRange {
	request: RevisitRequest;
	result: RevisitResult;
	/** The day the cadence asks for (not before the as-of day). */
	target: number;
	/** The rule's priority as its place in PRIORITIES (0 = urgent), read by the booking order. */
	priorityRank: number;
}

const ICS_PRIORITY: Record<Priority, number> = { urgent: 1, high: 3, normal: 5, low: 9 };

/** Books customers one by one (in booking order) into owners' slots and writes their results. */
export class Booker {
	private readonly rotation: OwnerRotation;
	private readonly search: SlotSearch;
	private readonly events: RevisitEventWriter;
	private readonly calendar: BusinessCalendar;
	/** Every result's calendar event, kept as slices of a few big strings (see TextSlab) until the run ends. */
	private readonly vevents = new TextSlab<RevisitResult>((result, vevent) => {
		result.vevent = vevent;
	});

	constructor(
		private readonly ledger: CapacityLedger,
		private readonly options: ScheduleOptions,
		private readonly shared: SharedParts,
		/** Set when customers live in more than one zone: slots of different zones may overlap in time. */
		private readonly busy?: OwnerBusyTimes,
	) {
		this.calendar = options.calendar;
		this.rotation = new OwnerRotation(options.owners.length);
		this.search = new SlotSearch(ledger, options.owners.length, options.assignment, this.rotation);
		this.events = new RevisitEventWriter(options.asOf, options.language);
	}

	/**
	 * The owner a customer must keep when owners wait for their next open day: the account manager, or
	 * under round-robin the owner whose turn it is (each customer takes a turn). -1: any owner may take it.
	 */
	private fixedOwner(item: PendingRevisit): number {
		const { overflow, assignment } = this.options;
		if (overflow !== 'nextOpenDay') return -1;
		if (item.preferred >= 0) return item.preferred;
		return assignment === 'roundRobin' ? this.rotation.take() : -1;
	}

	/**
	 * The earliest slot that exists on its day and is free in time: a slot inside a spring-forward gap,
	 * or one overlapping the owner's revisit with a customer of another zone, is used up and skipped.
	 */
	private findSlot(item: PendingRevisit, owner: number): { choice: SlotChoice; times: SlotTimes } | undefined {
		for (;;) {
			const choice = owner >= 0 ? this.search.forOwner(item, owner) : this.search.forAnyOwner(item);
			if (!choice) return undefined;
			const times = item.zone.times(choice.day, choice.slot);
			if (times.exists && !this.busy?.overlaps(choice.owner, times.startMs, times.endMs)) return { choice, times };
			this.ledger.skipSlot(choice.owner, choice.day, choice.slot);
		}
	}

	place(item: PendingRevisit): void {
		const { result, target, firstOpen, limit } = item;
		if (firstOpen > target) result.closedDay = this.shared.closedDay(target);
		if (firstOpen > limit) {
			result.unschedulableBecause = 'noOpenDay';
			addNote(result, `No open day between ${result.targetDate} and ${formatDayNumber(limit)}`);
			return;
		}
		const fixedOwner = this.fixedOwner(item);
		const found = this.findSlot(item, fixedOwner);
		if (!found) {
			result.unschedulableBecause = 'ownersFull';
			addNote(result, `Every eligible owner is fully booked from ${formatDayNumber(firstOpen)} to ${formatDayNumber(limit)}`);
			return;
		}
		const { choice, times } = found;
		this.ledger.book(choice.owner, choice.day, choice.slot);
		this.busy?.add(choice.owner, times.startMs, times.endMs);
		const byAccountManager = choice.owner === item.preferred;
		if (fixedOwner < 0 && !byAccountManager && this.options.assignment === 'roundRobin') this.rotation.servedBy(choice.owner);
		this.write(item, choice, times, byAccountManager);
	}

	private write(item: PendingRevisit, { owner, day }: SlotChoice, times: SlotTimes, byAccountManager: boolean): void {
		const { result, target, firstOpen, zone } = item;
		result.status = 'scheduled';
		result.dueAt = times.start;
		result.dueDate = this.shared.day(day);
		result.slotStart = times.start;
		result.slotEnd = times.end;
		result.owner = this.options.owners[owner].id;
		result.ownerSource = byAccountManager ? 'accountManager' : this.options.assignment;
		if (day > target) {
			result.movedFrom = result.targetDate;
			const noSlotToday = day > firstOpen && firstOpen === zone.asOfDay && zone.firstSlotToday >= this.options.slots.length;
			const ownerCapacity = day > firstOpen && (!noSlotToday || day > this.calendar.nextOpenDay(firstOpen + 1));
			result.movedBecause = moveReasons(firstOpen > target, noSlotToday, ownerCapacity);
		}
		if (this.calendar.lacksHolidayData(day)) {
			addNote(result, `No official China holiday data for ${result.dueDate.slice(0, 4)} yet: only working days and custom dates were applied`);
		}
		this.vevents.add(
			result,
			this.events.write({
				customerId: item.request.customerId,
				name: item.request.name,
				channelLabel: result.channelLabel,
				reason: result.reason,
				compactDate: times.compactDate,
				timeLines: times.timeLines,
				priority: ICS_PRIORITY[result.priority],
			}),
		);
	}

	/** Call after the last place(): results get their calendar events. */
	finish(): void {
		this.vevents.flush();
	}
}
