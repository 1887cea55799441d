import type { Owner } from './owners';

/**
 * Bookings per owner per local day between `firstDay` and `lastDay` (day numbers, the one coordinate
 * every caller uses). "Next day with room" is answered by union-find over the days (closed or full
 * days point past themselves), so filling 100,000 revisits into the calendar stays near-linear even
 * when most early days are full. Arrays are indexed from `firstDay` inside this class only.
 */
export class CapacityLedger {
	/** Returned by the "next day" searches when no day up to `lastDay` has room. */
	readonly none: number;
	private readonly dayCount: number;
	private readonly counts: Int32Array[];
	private readonly nextSlot: Int32Array[];
	private readonly ownerNext: Int32Array[];
	private readonly fullOwners: Int32Array;
	private readonly anyNext: Int32Array;
	/** Per owner: slots of a day (by day index) held by revisits planned before this run; made on first use. */
	private taken?: Array<Map<number, Set<number>>>;
	readonly totals: number[];

	constructor(
		private readonly owners: readonly Owner[],
		private readonly firstDay: number,
		lastDay: number,
		private readonly slotsPerDay: number,
		isOpen: (day: number) => boolean,
	) {
		this.dayCount = lastDay - firstDay + 1;
		this.none = lastDay + 1;
		// One extra index past the end is the "nothing found" sentinel.
		const open = new Uint8Array(this.dayCount);
		for (let i = 0; i < this.dayCount; i++) open[i] = isOpen(firstDay + i) ? 1 : 0;
		const initialNext = () => {
			const next = new Int32Array(this.dayCount + 1);
			for (let i = 0; i <= this.dayCount; i++) next[i] = i < this.dayCount && open[i] === 0 ? i + 1 : i;
			return next;
		};
		this.counts = owners.map(() => new Int32Array(this.dayCount));
		this.nextSlot = owners.map(() => new Int32Array(this.dayCount));
		this.ownerNext = owners.map(initialNext);
		this.fullOwners = new Int32Array(this.dayCount);
		this.anyNext = initialNext();
		this.totals = owners.map(() => 0);
	}

	covers(day: number): boolean {
		return day >= this.firstDay && day < this.none;
	}

	private find(next: Int32Array, fromDay: number): number {
		let i = Math.min(Math.max(fromDay - this.firstDay, 0), this.dayCount);
		while (next[i] !== i) {
			next[i] = next[next[i]];
			i = next[i];
		}
		return i + this.firstDay;
	}

	/** The first open day at or after `fromDay` where `owner` is not full; `none` when there is none. */
	nextDayWithRoom(owner: number, fromDay: number): number {
		return this.find(this.ownerNext[owner], fromDay);
	}

	/** The first open day at or after `fromDay` where some owner is not full; `none` when there is none. */
	nextDayWithAnyRoom(fromDay: number): number {
		return this.find(this.anyNext, fromDay);
	}

	count(owner: number, day: number): number {
		return this.counts[owner][day - this.firstDay];
	}

	/** The slot index `owner` would get on `day`, not before `firstSlot`; -1 when none. */
	slotFor(owner: number, day: number, firstSlot: number): number {
		const i = day - this.firstDay;
		if (this.counts[owner][i] >= this.owners[owner].dailyCapacity) return -1;
		const slot = this.freeFrom(owner, i, Math.max(this.nextSlot[owner][i], firstSlot));
		return slot < this.slotsPerDay ? slot : -1;
	}

	/** The first slot from `slot` on that no earlier revisit holds. */
	private freeFrom(owner: number, i: number, slot: number): number {
		const held = this.taken?.[owner].get(i);
		if (held) while (held.has(slot)) slot++;
		return slot;
	}

	book(owner: number, day: number, slot: number): void {
		const i = day - this.firstDay;
		this.counts[owner][i]++;
		this.nextSlot[owner][i] = slot + 1;
		this.totals[owner]++;
		this.markIfFull(owner, i);
	}

	/** A slot that cannot be used (its time does not exist that day): later bookings start after it. */
	skipSlot(owner: number, day: number, slot: number): void {
		const i = day - this.firstDay;
		this.nextSlot[owner][i] = slot + 1;
		this.markIfFull(owner, i);
	}

	/**
	 * A revisit planned before this run: it uses the owner's capacity that day, and counts in the owner's
	 * total whatever its day (least loaded compares totals: a page's range of days is not the whole run's).
	 */
	bookExisting(owner: number, day: number): void {
		this.totals[owner]++;
		if (!this.covers(day)) return;
		const i = day - this.firstDay;
		this.counts[owner][i]++;
		this.markIfFull(owner, i);
	}

	/** Slots of `day` that a revisit planned before this run overlaps: they are given to no one else. */
	holdSlots(owner: number, day: number, slots: readonly number[]): void {
		if (slots.length === 0) return;
		const i = day - this.firstDay;
		this.taken ??= this.owners.map(() => new Map<number, Set<number>>());
		const held = this.taken[owner].get(i) ?? new Set<number>();
		for (const slot of slots) held.add(slot);
		this.taken[owner].set(i, held);
		this.markIfFull(owner, i);
	}

	private markIfFull(owner: number, i: number): void {
		const full = this.counts[owner][i] >= this.owners[owner].dailyCapacity || this.freeFrom(owner, i, this.nextSlot[owner][i]) >= this.slotsPerDay;
		if (!full || this.ownerNext[owner][i] !== i) return;
		this.ownerNext[owner][i] = i + 1;
		this.fullOwners[i]++;
		if (this.fullOwners[i] === this.owners.length) this.anyNext[i] = i + 1;
	}
}
