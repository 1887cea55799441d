import type { Owner } from './owners';

/**
 * Bookings per owner per local day, over a fixed range of days. "Next day with room" is answered by
 * union-find over day indices (closed or full days point past themselves), so filling 100,000
 * revisits into the calendar stays near-linear even when most early days are full.
 */
export class CapacityLedger {
	readonly firstDay: number;
	readonly dayCount: number;
	private readonly owners: Owner[];
	private readonly slotsPerDay: number;
	private readonly counts: Int32Array[];
	private readonly nextSlot: Int32Array[];
	private readonly ownerNext: Int32Array[];
	private readonly fullOwners: Int32Array;
	private readonly anyNext: Int32Array;
	readonly totals: number[];

	constructor(owners: Owner[], firstDay: number, lastDay: number, slotsPerDay: number, isOpen: (day: number) => boolean) {
		this.owners = owners;
		this.firstDay = firstDay;
		this.dayCount = lastDay - firstDay + 1;
		this.slotsPerDay = slotsPerDay;
		// One extra index past the end is the "nothing found" sentinel.
		const size = this.dayCount + 1;
		const open = new Uint8Array(this.dayCount);
		for (let i = 0; i < this.dayCount; i++) open[i] = isOpen(firstDay + i) ? 1 : 0;
		const initialNext = () => {
			const next = new Int32Array(size);
			for (let i = 0; i < size; i++) next[i] = i < this.dayCount && open[i] === 0 ? i + 1 : i;
			return next;
		};
		this.counts = owners.map(() => new Int32Array(this.dayCount));
		this.nextSlot = owners.map(() => new Int32Array(this.dayCount));
		this.ownerNext = owners.map(initialNext);
		this.fullOwners = new Int32Array(this.dayCount);
		this.anyNext = initialNext();
		this.totals = owners.map(() => 0);
	}

	private static find(next: Int32Array, index: number): number {
		let i = index;
		while (next[i] !== i) {
			next[i] = next[next[i]];
			i = next[i];
		}
		return i;
	}

	/** The first day index at or after `from` that is open and where `owner` is not full. */
	nextDayWithRoom(owner: number, from: number): number {
		return CapacityLedger.find(this.ownerNext[owner], Math.min(Math.max(from, 0), this.dayCount));
	}

	/** The first day index at or after `from` that is open and where some owner is not full. */
	nextDayWithAnyRoom(from: number): number {
		return CapacityLedger.find(this.anyNext, Math.min(Math.max(from, 0), this.dayCount));
	}

	count(owner: number, day: number): number {
		return this.counts[owner][day];
	}

	/** The slot index `owner` would get on day index `day`, not before `firstSlot`; -1 when none. */
	slotFor(owner: number, day: number, firstSlot: number): number {
		if (this.counts[owner][day] >= this.owners[owner].dailyCapacity) return -1;
		const slot = Math.max(this.nextSlot[owner][day], firstSlot);
		return slot < this.slotsPerDay ? slot : -1;
	}

	book(owner: number, day: number, slot: number): void {
		this.counts[owner][day]++;
		this.nextSlot[owner][day] = slot + 1;
		this.totals[owner]++;
		this.markIfFull(owner, day);
	}

	/** A slot that cannot be used (its time does not exist that day): later bookings start after it. */
	skipSlot(owner: number, day: number, slot: number): void {
		this.nextSlot[owner][day] = slot + 1;
		this.markIfFull(owner, day);
	}

	/** A revisit planned before this run: it uses capacity but no slot of ours. */
	bookExisting(owner: number, day: number): void {
		this.counts[owner][day]++;
		this.totals[owner]++;
		this.markIfFull(owner, day);
	}

	private markIfFull(owner: number, day: number): void {
		const full = this.counts[owner][day] >= this.owners[owner].dailyCapacity || this.nextSlot[owner][day] >= this.slotsPerDay;
		if (!full || this.ownerNext[owner][day] !== day) return;
		this.ownerNext[owner][day] = day + 1;
		this.fullOwners[day]++;
		if (this.fullOwners[day] === this.owners.length) this.anyNext[day] = day + 1;
	}
}
