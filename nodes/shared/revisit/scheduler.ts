import type { BusinessCalendar } from '../calendar/businessCalendar';
import type { TimeWindow } from '../calendar/workingHours';
import { toIsoWithOffset } from '../format/isoDate';
import { ConfigError, describeValue } from '../input';
import { localDayAndMinute, localDayNumber, zonedInstant } from '../calendar/timeZone';
import type { Booking } from './bookings';
import { Booker, type PendingRevisit } from './booker';
import { sortForBooking } from './bookingOrder';
import { CapacityLedger } from './capacity';
import { PRIORITIES, STATUS_LABELS, type Language, type Priority } from './labels';
import type { Owner } from './owners';
import type { RevisitRequest } from './request';
import { addNote, SharedParts, unscheduledResult, type RevisitResult } from './revisitResult';
import { ZoneSlots } from './slotTimes';
import { OwnerBusyTimes } from './busyTimes';


export type AssignmentStrategy = 'roundRobin' | 'leastLoaded';
/** When the chosen owner is full: wait for that owner's next open day, or give it to another owner. */
export type OverflowPolicy = 'nextOpenDay' | 'otherOwner';

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
	/**
	 * Revisits booked outside this run (earlier pages, earlier runs): each takes its owner's capacity on
	 * its day and holds its time, as a customer's own planned revisit does. Bookings of owners outside
	 * the pool and of customers in this run's input (whose own item says what they have) are left out.
	 */
	alreadyBooked?: readonly Booking[];
}

export const MAX_HORIZON_DAYS = 3660;
const PRIORITY_RANK: Record<Priority, number> = Object.fromEntries(PRIORITIES.map((p, i) => [p, i])) as Record<Priority, number>;

function checkOptions(options: ScheduleOptions): void {
	if (options.owners.length === 0) throw new ConfigError('The owner pool is empty (expected at least one owner with an ID and a daily capacity)');
	if (options.slots.length === 0) throw new ConfigError('There are no appointment slots in the working hours (expected working hours with room for at least one appointment)');
	if (!Number.isInteger(options.horizonDays) || options.horizonDays < 0 || options.horizonDays > MAX_HORIZON_DAYS) {
		throw new ConfigError(`Horizon ${describeValue(options.horizonDays)} is not valid (expected a whole number of days from 0 to ${MAX_HORIZON_DAYS})`);
	}
}

/** A revisit planned before this run: it stays, and it counts against its owner's capacity that day. */
function keepExisting(result: RevisitResult, request: RevisitRequest, at: Date, shared: SharedParts): number {
	const local = localDayAndMinute(at, request.timeZone);
	result.status = 'alreadyScheduled';
	result.dueAt = toIsoWithOffset(at, request.timeZone);
	result.dueDate = shared.day(local.dayNumber);
	result.slotStart = result.dueAt;
	result.owner = request.accountManager ?? null;
	result.ownerSource = request.accountManager === undefined ? null : 'existing';
	return local.dayNumber;
}

/**
 * Whether a revisit already planned is still to come. One at the start of the as-of day is a date without
 * a time ("2026-03-02" from a DATE column): planned for that whole day, so it is not over at 10:00 that
 * day, and booking another would contact the customer twice that day. The day's start is its midnight as
 * any local time is read, so where the clocks go forward at midnight (Santiago, Havana, Beirut) it is
 * 01:00, as the date was read.
 */
function stillPlanned(at: Date, timeZone: string, asOfDay: number, asOf: Date): boolean {
	return at.getTime() > asOf.getTime() || at.getTime() === zonedInstant(asOfDay, 0, timeZone).getTime();
}

/**
 * Plans one revisit per customer: the cadence rule gives a due date, the business calendar moves it
 * to an open day, and owners are booked slot by slot within their daily capacity. Urgent customers
 * are booked first; ties go by due date, then customers with an account manager in the pool, then
 * customer ID and input position, so the same input always gives the same schedule. Every day is a
 * day number in the customer's zone. Results come back in input order; nobody is dropped.
 */
export function scheduleRevisits(requests: RevisitRequest[], options: ScheduleOptions): RevisitResult[] {
	checkOptions(options);
	const { calendar, slots, owners, language, asOf } = options;
	const ownerIndex = new Map(owners.map((owner, i) => [owner.id, i]));
	const zones = new Map<string, ZoneSlots>();
	const shared = new SharedParts(calendar, language);
	const results: RevisitResult[] = new Array(requests.length);
	const pending: PendingRevisit[] = [];
	const length = (slots[0].end - slots[0].start) * 60_000;
	/** Revisits planned before this run, [from, to) in epoch ms, on `day` of `zone`. */
	const existing: Array<{ owner: number; day: number; zone: ZoneSlots; from: number; to: number }> = [];
	const zoneSlots = (timeZone: string): ZoneSlots => {
		let zone = zones.get(timeZone);
		if (!zone) zones.set(timeZone, (zone = new ZoneSlots(timeZone, asOf, slots)));
		return zone;
	};
	let firstDay = Number.POSITIVE_INFINITY;
	let lastDay = Number.NEGATIVE_INFINITY;

	for (let r = 0; r < requests.length; r++) {
		const request = requests[r];
		const zone = zoneSlots(request.timeZone);
		const { rule } = request;
		const base = request.lastContactDay ?? zone.asOfDay;
		const cadenceDay = rule.unit === 'businessDays' ? calendar.addOpenDays(base, rule.interval) : base + rule.interval;
		const target = Math.max(cadenceDay, zone.asOfDay);
		const result = unscheduledResult(request, shared, language, base, target, cadenceDay < zone.asOfDay);
		results[r] = result;
		const preferred = request.accountManager === undefined ? -1 : (ownerIndex.get(request.accountManager) ?? -1);

		if (request.existingRevisitAt && stillPlanned(request.existingRevisitAt, request.timeZone, zone.asOfDay, asOf) && !options.reschedule) {
			const day = keepExisting(result, request, request.existingRevisitAt, shared);
			const from = request.existingRevisitAt.getTime();
			if (preferred >= 0) existing.push({ owner: preferred, day, zone, from, to: from + length });
			continue;
		}
		if (request.accountManager !== undefined && preferred < 0) {
			addNote(result, `Account manager "${request.accountManager}" is not in the owner pool; assigned from the pool instead`);
		}
		const limit = target + options.horizonDays;
		firstDay = Math.min(firstDay, zone.asOfDay);
		lastDay = Math.max(lastDay, limit);
		pending.push({ request, result, zone, target, priorityRank: PRIORITY_RANK[rule.priority], firstOpen: calendar.nextOpenDay(target), limit, preferred });
	}

	if (pending.length > 0 && options.alreadyBooked?.length) {
		const customers = new Set(requests.map((request) => request.customerId));
		// One booking given twice (a database row and the agenda entry of the run that made it) is one booking.
		const seen = new Set<string>();
		for (const booking of options.alreadyBooked) {
			const owner = ownerIndex.get(booking.owner);
			if (owner === undefined || (booking.customerId !== undefined && customers.has(booking.customerId))) continue;
			const key = `${owner} ${booking.startMs} ${booking.customerId ?? ''}`;
			if (seen.has(key)) continue;
			seen.add(key);
			const zone = zoneSlots(booking.timeZone);
			const day = localDayNumber(new Date(booking.startMs), booking.timeZone);
			// One that ended before the as-of day takes nothing this run can book.
			if (day + 1 < zone.asOfDay) continue;
			existing.push({ owner, day, zone, from: booking.startMs, to: booking.endMs ?? booking.startMs + length });
		}
	}

	if (pending.length > 0) {
		const ledger = new CapacityLedger(owners, firstDay, lastDay, slots.length, (day) => calendar.isOpen(day));
		// Slot grids of zones with different offsets overlap in time: then every booking is also checked in time.
		const busy = zones.size > 1 ? new OwnerBusyTimes(owners.length) : undefined;
		for (const { owner, day, zone, from, to } of existing) {
			if (day >= zone.asOfDay) ledger.bookExisting(owner, day);
			// Its time may run past midnight into the next day's first slots.
			for (const d of [day, day + 1]) if (ledger.covers(d)) ledger.holdSlots(owner, d, zone.overlappedBy(from, to, d));
			busy?.add(owner, from, to);
		}
		const booker = new Booker(ledger, options, shared, busy);
		for (const item of sortForBooking(pending)) booker.place(item);
		booker.finish();
	}

	for (const result of results) result.statusLabel = STATUS_LABELS[result.status][language];
	return results;
}
