import { formatDayNumber } from '../calendar/civilDate';
import { formatOffset, localDayAndMinute, uniformDayOffset, zonedInstant } from '../calendar/timeZone';
import { formatMinute, type TimeWindow } from '../calendar/workingHours';
import { toIsoWithOffset } from '../format/isoDate';
import { icsUtc } from './ics';
import { eventTimeLines } from './revisitEvent';

/** One appointment slot on one local day of one time zone, as results and calendar events write it. */
export interface SlotTimes {
	/** false when the slot's start time does not exist that day (skipped by a DST change). */
	exists: boolean;
	start: string;
	end: string;
	/** The same start and end in epoch milliseconds. */
	startMs: number;
	endMs: number;
	/** The event's DTSTART and DTEND lines. */
	timeLines: string;
	/** The local date without dashes, for the event UID. */
	compactDate: string;
}

/**
 * The appointment slots of one time zone, by day number and slot index: the as-of day and its first
 * slot still ahead, and each slot's texts, worked out once per day and slot of the zone (many
 * customers share them).
 */
export class ZoneSlots {
	readonly asOfDay: number;
	/** The first slot of the as-of day that starts at or after the as-of time (slots.length when none does). */
	readonly firstSlotToday: number;
	/** Per local day: the texts of each slot, filled as slots are booked. */
	private readonly days = new Map<number, Array<SlotTimes | undefined>>();
	/** Per local day: the zone's offset when constant that day, null on a DST-change day. */
	private readonly offsets = new Map<number, number | null>();
	/** Per DST-change day: each slot's start and end instant (slot s at 2s and 2s + 1), worked out once. */
	private readonly changeDayInstants = new Map<number, Float64Array>();

	constructor(
		private readonly timeZone: string,
		asOf: Date,
		private readonly slots: readonly TimeWindow[],
	) {
		const { dayNumber, minute } = localDayAndMinute(asOf, timeZone);
		// On a DST-change day a wall-clock minute is no measure of time (after the clocks go back, 01:30
		// EDT lies before 01:00 EST): the slot's start instant is compared with the as-of minute instead.
		const asOfMinute = Math.floor(asOf.getTime() / 60_000) * 60_000;
		// A slot inside a spring-forward gap does not exist (02:30 would read as 03:30 EDT, later than the
		// 03:00 slot after it): only slots that exist count, and those keep their order in time.
		const startsInTime =
			uniformDayOffset(dayNumber, timeZone) === undefined
				? (slot: TimeWindow) => {
						const start = zonedInstant(dayNumber, slot.start, timeZone);
						const local = localDayAndMinute(start, timeZone);
						return start.getTime() >= asOfMinute && local.dayNumber === dayNumber && local.minute === slot.start;
					}
				: (slot: TimeWindow) => slot.start >= minute;
		const first = slots.findIndex(startsInTime);
		this.asOfDay = dayNumber;
		this.firstSlotToday = first < 0 ? slots.length : first;
	}

	/** The first slot a customer may get on `day`: later today, any slot on a later day. */
	firstSlot(day: number): number {
		return day === this.asOfDay ? this.firstSlotToday : 0;
	}

	times(day: number, slot: number): SlotTimes {
		let daySlots = this.days.get(day);
		if (!daySlots) this.days.set(day, (daySlots = new Array(this.slots.length)));
		return (daySlots[slot] ??= this.compute(day, this.slots[slot]));
	}

	/**
	 * The slots of `day` that a revisit planned earlier, over [from, to) in epoch ms, overlaps in time
	 * (after the clocks go back, 01:45 EST does not overlap the 01:30 EDT slot).
	 */
	overlappedBy(from: number, to: number, day: number): number[] {
		const { slots } = this;
		const offset = this.offset(day);
		const overlapped: number[] = [];
		if (offset === null) {
			const instants = this.instantsOf(day);
			for (let s = 0; s < slots.length; s++) if (instants[2 * s] < to && instants[2 * s + 1] > from) overlapped.push(s);
			return overlapped;
		}
		// A uniform day: wall-clock minutes of that day, and the slots (in order) found by bisection.
		const fromMinute = from / 60_000 + offset - day * 1440;
		const toMinute = to / 60_000 + offset - day * 1440;
		let lo = 0;
		let hi = slots.length;
		while (lo < hi) {
			const mid = (lo + hi) >>> 1;
			if (slots[mid].end > fromMinute) hi = mid;
			else lo = mid + 1;
		}
		for (let s = lo; s < slots.length && slots[s].start < toMinute; s++) overlapped.push(s);
		return overlapped;
	}

	/** The slots' instants on a DST-change day: once per day, not per revisit planned earlier on it. */
	private instantsOf(day: number): Float64Array {
		let instants = this.changeDayInstants.get(day);
		if (!instants) {
			instants = new Float64Array(this.slots.length * 2);
			for (let s = 0; s < this.slots.length; s++) {
				instants[2 * s] = zonedInstant(day, this.slots[s].start, this.timeZone).getTime();
				instants[2 * s + 1] = zonedInstant(day, this.slots[s].end, this.timeZone).getTime();
			}
			this.changeDayInstants.set(day, instants);
		}
		return instants;
	}

	private offset(day: number): number | null {
		let offset = this.offsets.get(day);
		if (offset === undefined) {
			offset = uniformDayOffset(day, this.timeZone) ?? null;
			this.offsets.set(day, offset);
		}
		return offset;
	}

	private compute(day: number, { start: startMinute, end: endMinute }: TimeWindow): SlotTimes {
		const offset = this.offset(day);
		if (offset !== null) {
			// No DST change that day: wall clock minus the offset, and the offset as written.
			const date = formatDayNumber(day);
			const suffix = `:00${formatOffset(offset)}`;
			const start = new Date((day * 1440 + startMinute - offset) * 60_000);
			const end = new Date((day * 1440 + endMinute - offset) * 60_000);
			return {
				exists: true,
				start: `${date}T${formatMinute(startMinute)}${suffix}`,
				end: endMinute < 1440 ? `${date}T${formatMinute(endMinute)}${suffix}` : toIsoWithOffset(end, this.timeZone),
				startMs: start.getTime(),
				endMs: end.getTime(),
				timeLines: eventTimeLines(icsUtc(start), icsUtc(end)),
				compactDate: date.replace(/-/g, ''),
			};
		}
		const start = zonedInstant(day, startMinute, this.timeZone);
		const end = zonedInstant(day, endMinute, this.timeZone);
		const local = localDayAndMinute(start, this.timeZone);
		return {
			exists: local.dayNumber === day && local.minute === startMinute,
			start: toIsoWithOffset(start, this.timeZone),
			end: toIsoWithOffset(end, this.timeZone),
			startMs: start.getTime(),
			endMs: end.getTime(),
			timeLines: eventTimeLines(icsUtc(start), icsUtc(end)),
			compactDate: formatDayNumber(day).replace(/-/g, ''),
		};
	}
}
