import type { Clock } from '../../../nodes/shared/messaging/sending';
import { seededRandom as seededUniform } from '../../helpers/random';

/**
 * A clock whose time moves only when every runnable promise has settled and someone sleeps: it then
 * jumps to the earliest wake-up. Tests of pacing and backoff run instantly and deterministically, as
 * long as the code under test does no real I/O.
 */
export class VirtualClock implements Clock {
	private time: number;
	private sequence = 0;
	private readonly timers: Array<{ at: number; sequence: number; wake: () => void }> = [];
	private pending = false;

	constructor(start = Date.parse('2026-03-08T02:00:00Z')) {
		this.time = start;
	}

	now() {
		return this.time;
	}

	sleep(ms: number): Promise<void> {
		return new Promise((wake) => {
			this.timers.push({ at: this.time + Math.max(0, ms), sequence: this.sequence++, wake });
			this.schedule();
		});
	}

	private schedule() {
		if (this.pending) return;
		this.pending = true;
		setImmediate(() => {
			this.pending = false;
			this.timers.sort((a, b) => a.at - b.at || a.sequence - b.sequence);
			const next = this.timers.shift();
			if (!next) return;
			this.time = Math.max(this.time, next.at);
			next.wake();
			if (this.timers.length) this.schedule();
		});
	}
}

/** A seeded uniform random in [0, 1), for reproducible jitter. */
export const seededRandom = (seed = 42): (() => number) => seededUniform(seed);
