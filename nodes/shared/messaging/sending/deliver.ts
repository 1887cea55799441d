import type { Channel, OutgoingMessage } from '../channels/types';
import type { Clock } from './clock';
import type { Pacer } from './pacing';
import { retryDelay, type RetryPolicy } from './retry';

export interface DeliveryContext {
	channel: Channel;
	pacer: Pacer;
	clock: Clock;
	random: () => number;
	retry: RetryPolicy;
	/** No attempt starts, and no retry wait ends, after this instant (epoch ms). */
	deadline: number;
	/** Per-attempt timeout handed to the channel. */
	timeoutMs: number;
	/**
	 * The execution was stopped: no new attempt starts and no retry wait goes on. A request already sent is
	 * left to finish (aborting it would make its outcome unknown).
	 */
	cancel?: AbortSignal;
}

export type Delivery =
	| { result: 'sent'; attempts: number; providerMessageId?: string; providerCode?: string }
	| {
			result: 'failed';
			attempts: number;
			retryable: boolean;
			providerCode: string;
			message: string;
			optedOut?: boolean;
			/** No attempt left this machine (see SendOutcome): the provider never saw the message. */
			neverSent?: boolean;
			/** Retryable, but the time budget ran out before the next attempt. */
			budgetExhausted: boolean;
	  }
	| { result: 'unknown'; attempts: number; message: string }
	/** The budget ran out (or the execution was stopped) before the first attempt: nothing reached the provider. */
	| { result: 'notAttempted'; attempts: 0; message: string; cancelled?: boolean };

const STOPPED = 'The execution was stopped before this message was sent';

/**
 * One message through the channel: paced, retried on retryable failures with backoff that honours
 * Retry-After, within the time budget. An unknown outcome (timeout, reset) ends the delivery: sending
 * again could deliver it twice.
 */
export async function deliver(message: OutgoingMessage, ctx: DeliveryContext): Promise<Delivery> {
	let attempts = 0;
	let reachedProvider = false;
	for (;;) {
		if (ctx.cancel?.aborted && attempts === 0) return { result: 'notAttempted', attempts: 0, message: STOPPED, cancelled: true };
		const slot = await ctx.pacer.acquire(ctx.deadline);
		if (ctx.cancel?.aborted && attempts === 0) return { result: 'notAttempted', attempts: 0, message: STOPPED, cancelled: true };
		if (!slot) {
			return { result: 'notAttempted', attempts: 0, message: 'The time budget ran out before this message could be sent' };
		}
		attempts++;
		let outcome;
		try {
			outcome = await ctx.channel.send(message, { timeoutMs: ctx.timeoutMs });
		} catch (error) {
			// The channel contract is to return outcomes; a throw could have happened after the request left.
			const reason = error instanceof Error ? error.message : String(error);
			return { result: 'unknown', attempts, message: `The channel failed unexpectedly: ${reason}` };
		}
		if (outcome.status === 'sent') {
			return { result: 'sent', attempts, providerMessageId: outcome.providerMessageId, providerCode: outcome.providerCode };
		}
		if (outcome.status === 'unknown') return { result: 'unknown', attempts, message: outcome.message };
		if (!outcome.neverSent) reachedProvider = true;
		const failure = {
			result: 'failed' as const,
			attempts,
			retryable: outcome.retryable,
			providerCode: outcome.providerCode,
			message: outcome.message,
			...(outcome.optedOut ? { optedOut: true } : {}),
			...(reachedProvider ? {} : { neverSent: true }),
		};
		if (!outcome.retryable || attempts >= ctx.retry.maxAttempts) return { ...failure, budgetExhausted: false };
		const now = ctx.clock.now();
		if (outcome.retryAfterMs) ctx.pacer.pauseUntil(now + outcome.retryAfterMs);
		const wait = retryDelay(attempts, ctx.retry, ctx.random, outcome.retryAfterMs);
		if (now + wait > ctx.deadline) return { ...failure, budgetExhausted: true };
		await ctx.clock.sleep(wait);
		if (ctx.cancel?.aborted) {
			return { ...failure, message: `${failure.message} (the execution was stopped before the next attempt)`, budgetExhausted: false };
		}
	}
}
