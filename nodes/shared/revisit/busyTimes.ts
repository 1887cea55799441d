/**
 * The times each owner is already taken, in absolute time (epoch ms, end exclusive). The capacity
 * ledger hands out slots on each customer's local day; when an owner's customers live in zones with
 * different offsets, slots of different grids can overlap (09:30 in Tokyo is 08:30 in Shanghai), so a
 * slot is also checked here before it is booked.
 */
export class OwnerBusyTimes {
	/** Per owner: the starts of the taken times, sorted. */
	private readonly starts: number[][];
	/** Per owner, by the same index: the latest end among the times starting up to there. */
	private readonly reach: number[][];

	constructor(ownerCount: number) {
		this.starts = Array.from({ length: ownerCount }, () => []);
		this.reach = Array.from({ length: ownerCount }, () => []);
	}

	/** Whether [start, end) meets a time `owner` is already taken. */
	overlaps(owner: number, start: number, end: number): boolean {
		// Of the times starting before `end`, does any last beyond `start`?
		const before = firstAtOrAfter(this.starts[owner], end);
		return before > 0 && this.reach[owner][before - 1] > start;
	}

	/** Marks [start, end) taken. */
	add(owner: number, start: number, end: number): void {
		const starts = this.starts[owner];
		const reach = this.reach[owner];
		const i = firstAtOrAfter(starts, start);
		const value = i > 0 ? Math.max(end, reach[i - 1]) : end;
		starts.splice(i, 0, start);
		reach.splice(i, 0, value);
		for (let k = i + 1; k < reach.length && reach[k] < value; k++) reach[k] = value;
	}
}

function firstAtOrAfter(sorted: number[], value: number): number {
	let lo = 0;
	let hi = sorted.length;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		if (sorted[mid] < value) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}
