export interface RetryPolicy {
	/** Attempts in all, the first included. */
	maxAttempts: number;
	baseDelayMs: number;
	maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 4, baseDelayMs: 1000, maxDelayMs: 30_000 };

/**
 * The wait after the n-th failed attempt: exponential (base, 2x base, 4x base ... up to the maximum),
 * with "equal jitter" (a random point in the upper half) so that workers hit by the same 429 do not
 * all come back at the same instant, and never shorter than the provider's Retry-After.
 */
export function retryDelay(failedAttempts: number, policy: RetryPolicy, random: () => number, retryAfterMs = 0): number {
	const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (failedAttempts - 1));
	const jittered = ceiling / 2 + random() * (ceiling / 2);
	return Math.max(jittered, retryAfterMs);
}
