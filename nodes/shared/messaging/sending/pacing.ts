import type { Rate } from '../channels/types';
import type { Clock } from './clock';

/**
 * Spaces sends evenly at the rate (no bursts: a burst of 20 is exactly what gets a robot muted for ten
 * minutes). Slots follow a fixed schedule, so timer lateness does not accumulate into a slower rate.
 */
export class Pacer {
	private readonly intervalMs: number;
	private nextSlot = Number.NEGATIVE_INFINITY;
	private pausedUntil = Number.NEGATIVE_INFINITY;

	constructor(
		rate: Rate | undefined,
		private readonly clock: Clock,
	) {
		this.intervalMs = rate ? rate.perMs / rate.count : 0;
	}

	/** Waits for the next slot. Resolves false at once, taking no slot, if that slot lies past `deadline`. */
	async acquire(deadline: number): Promise<boolean> {
		const now = this.clock.now();
		const slot = Math.max(now, this.nextSlot, this.pausedUntil);
		if (slot > deadline) return false;
		this.nextSlot = slot + this.intervalMs;
		if (slot > now) await this.clock.sleep(slot - now);
		return true;
	}

	/** A provider said "slow down until then" (Retry-After): no slot before that instant, for anyone. */
	pauseUntil(instant: number) {
		this.pausedUntil = Math.max(this.pausedUntil, instant);
	}
}
