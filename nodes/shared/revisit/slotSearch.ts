import type { CapacityLedger } from './capacity';
import type { OwnerRotation } from './ownerRotation';
import type { AssignmentStrategy } from './scheduler';
import type { ZoneSlots } from './slotTimes';

/** An owner's free slot on a day (day number, slot index in the working day). */
export interface SlotChoice {
	owner: number;
	day: number;
	slot: number;
}

/** What a search needs of one customer: the zone and the days it may be booked on. */
export interface SearchRange {
	zone: ZoneSlots;
	/** The first open day at or after the target day. */
	firstOpen: number;
	/** The last day it may be pushed to. */
	limit: number;
	/** The account manager's position in the pool, -1 when none is in it. */
	preferred: number;
}

/**
 * Finds the earliest free slot for a customer in the capacity ledger. Searching changes nothing: the
 * caller books the choice and passes the rotation's turn on.
 */
export class SlotSearch {
	constructor(
		private readonly ledger: CapacityLedger,
		private readonly ownerCount: number,
		private readonly assignment: AssignmentStrategy,
		private readonly rotation: OwnerRotation,
	) {}

	/** One fixed owner: the first day with room for them. */
	forOwner(range: SearchRange, owner: number): SlotChoice | undefined {
		const { ledger } = this;
		for (let day = ledger.nextDayWithRoom(owner, range.firstOpen); day <= range.limit && day < ledger.none; ) {
			const slot = ledger.slotFor(owner, day, range.zone.firstSlot(day));
			if (slot >= 0) return { owner, day, slot };
			day = ledger.nextDayWithRoom(owner, day + 1);
		}
		return undefined;
	}

	/** Any owner: the first day some owner has room, the account manager first, then by the assignment strategy. */
	forAnyOwner(range: SearchRange): SlotChoice | undefined {
		const { ledger } = this;
		for (let day = ledger.nextDayWithAnyRoom(range.firstOpen); day <= range.limit && day < ledger.none; ) {
			const first = range.zone.firstSlot(day);
			if (range.preferred >= 0) {
				const slot = ledger.slotFor(range.preferred, day, first);
				if (slot >= 0) return { owner: range.preferred, day, slot };
			}
			const found = this.assignment === 'roundRobin' ? this.nextInTurn(day, first) : this.leastLoaded(day, first);
			if (found) return found;
			day = ledger.nextDayWithAnyRoom(day + 1);
		}
		return undefined;
	}

	private nextInTurn(day: number, first: number): SlotChoice | undefined {
		for (let k = 0; k < this.ownerCount; k++) {
			const owner = this.rotation.inTurn(k);
			const slot = this.ledger.slotFor(owner, day, first);
			if (slot >= 0) return { owner, day, slot };
		}
		return undefined;
	}

	/** Fewer bookings that day, then fewer in total; pool order breaks the remaining ties. */
	private leastLoaded(day: number, first: number): SlotChoice | undefined {
		const { ledger } = this;
		// The best so far as plain numbers: one choice object per search, not one per better owner.
		let bestOwner = -1;
		let bestSlot = -1;
		for (let owner = 0; owner < this.ownerCount; owner++) {
			const slot = ledger.slotFor(owner, day, first);
			if (slot < 0) continue;
			const byDay = bestOwner < 0 ? -1 : ledger.count(owner, day) - ledger.count(bestOwner, day);
			if (byDay < 0 || (byDay === 0 && ledger.totals[owner] < ledger.totals[bestOwner])) {
				bestOwner = owner;
				bestSlot = slot;
			}
		}
		return bestOwner < 0 ? undefined : { owner: bestOwner, day, slot: bestSlot };
	}
}
