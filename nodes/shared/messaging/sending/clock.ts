/**
 * Time for the sending engine, injected so tests run on a virtual clock and node code uses n8n's
 * `sleep`. `now` is epoch milliseconds.
 */
export interface Clock {
	now(): number;
	sleep(ms: number): Promise<void>;
}

/** The longest wait one timer holds (2^31 - 1 ms, about 24.8 days): a longer setTimeout fires after 1 ms. */
export const LONGEST_TIMER_MS = 2_147_483_647;

/**
 * Wall-clock time; `sleep` should resolve early when the execution is stopped (`cancel`). A longer wait
 * than one timer holds is slept in steps, until its time or the stop.
 */
export function systemClock(sleep: (ms: number) => Promise<void>, cancel?: AbortSignal): Clock {
	const now = () => Date.now();
	return {
		now,
		sleep: async (ms) => {
			const until = now() + ms;
			for (let left = ms; left > 0 && !cancel?.aborted; left = until - now()) await sleep(Math.min(left, LONGEST_TIMER_MS));
		},
	};
}
