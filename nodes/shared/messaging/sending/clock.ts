/**
 * Time for the sending engine, injected so tests run on a virtual clock and node code uses n8n's
 * `sleep`. `now` is epoch milliseconds.
 */
export interface Clock {
	now(): number;
	sleep(ms: number): Promise<void>;
}

/** Wall-clock time; `sleep` should resolve early when the execution is stopped. */
export function systemClock(sleep: (ms: number) => Promise<void>): Clock {
	return { now: () => Date.now(), sleep };
}
