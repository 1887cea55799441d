import type { Channel, OutgoingMessage } from '../channels/types';
import type { Ledger, LedgerEntry, LedgerOutcome } from '../ledger';
import type { Clock } from './clock';
import { deliver, type Delivery } from './deliver';
import { Pacer, type Rate } from './pacing';
import { runWithConcurrency } from './pool';
import type { RetryPolicy } from './retry';

export interface SendJob {
	key: string;
	customerId: string;
	careType: string;
	channel: string;
	message: OutgoingMessage;
}

export interface DispatchOptions {
	concurrency: number;
	/** Undefined: not paced. */
	rate?: Rate;
	retry: RetryPolicy;
	/** Time budget for the whole dispatch, from its start. */
	budgetMs: number;
	timeoutMs: number;
}

export interface DispatchDeps {
	channel: Channel;
	ledger: Ledger;
	clock: Clock;
	random: () => number;
}

/** Codes for failures that are ours, not the provider's. */
export const FAILURE_CODES = {
	budget: 'BUDGET_EXHAUSTED',
	ledger: 'LEDGER_UNAVAILABLE',
	unknown: 'OUTCOME_UNKNOWN',
} as const;

export type JobResult =
	| { kind: 'sent'; attempts: number; sentAt: number; providerMessageId?: string; providerCode?: string; ledgerWarning?: string }
	| { kind: 'duplicate'; existing: LedgerEntry }
	| {
			kind: 'failed';
			/** failed: the provider refused; unknown: it may have gone out; notSent: never reached the provider. */
			outcome: 'failed' | 'unknown' | 'notSent';
			code: string;
			message: string;
			retryable: boolean;
			attempts: number;
			optedOut?: boolean;
			budgetExhausted?: boolean;
			ledgerWarning?: string;
	  };

function ledgerOutcome(delivery: Delivery): LedgerOutcome {
	switch (delivery.result) {
		case 'sent':
			return { status: 'sent', providerMessageId: delivery.providerMessageId };
		case 'unknown':
			return { status: 'unknown', detail: delivery.message };
		case 'failed':
			return { status: 'failed', detail: `${delivery.providerCode}: ${delivery.message}` };
		case 'notAttempted':
			return { status: 'released' };
	}
}

function jobResult(delivery: Delivery, sentAt: number): JobResult {
	switch (delivery.result) {
		case 'sent':
			return {
				kind: 'sent',
				attempts: delivery.attempts,
				sentAt,
				...(delivery.providerMessageId ? { providerMessageId: delivery.providerMessageId } : {}),
				...(delivery.providerCode ? { providerCode: delivery.providerCode } : {}),
			};
		case 'unknown':
			return {
				kind: 'failed',
				outcome: 'unknown',
				code: FAILURE_CODES.unknown,
				message: `${delivery.message}. Delivery is not confirmed, so it is not re-sent automatically`,
				retryable: false,
				attempts: delivery.attempts,
			};
		case 'failed':
			return {
				kind: 'failed',
				outcome: 'failed',
				code: delivery.providerCode,
				message: delivery.budgetExhausted ? `${delivery.message} (no time left in the budget to retry)` : delivery.message,
				retryable: delivery.retryable,
				attempts: delivery.attempts,
				...(delivery.optedOut ? { optedOut: true } : {}),
				...(delivery.budgetExhausted ? { budgetExhausted: true } : {}),
			};
		case 'notAttempted':
			return notSent(FAILURE_CODES.budget, delivery.message, true);
	}
}

function notSent(code: string, message: string, budgetExhausted = false): JobResult {
	return { kind: 'failed', outcome: 'notSent', code, message, retryable: true, attempts: 0, ...(budgetExhausted ? { budgetExhausted } : {}) };
}

/**
 * Sends each job at most once across every execution sharing the ledger: claim the key, deliver,
 * record the outcome. A claim that fails (ledger down) sends nothing; a key someone else holds is a
 * duplicate. Results are in job order.
 */
export async function dispatch(jobs: SendJob[], deps: DispatchDeps, options: DispatchOptions): Promise<JobResult[]> {
	const { clock, ledger } = deps;
	const deadline = clock.now() + options.budgetMs;
	const pacer = new Pacer(options.rate, clock);
	const results: JobResult[] = new Array(jobs.length);
	const context = { channel: deps.channel, pacer, clock, random: deps.random, retry: options.retry, deadline, timeoutMs: options.timeoutMs };

	await runWithConcurrency(jobs.length, options.concurrency, async (i) => {
		const job = jobs[i];
		if (clock.now() >= deadline) {
			results[i] = notSent(FAILURE_CODES.budget, 'The time budget ran out before this message could be sent', true);
			return;
		}
		let token: string;
		try {
			const claim = await ledger.claim({
				key: job.key,
				customerId: job.customerId,
				careType: job.careType,
				channel: job.channel,
				claimedAt: new Date(clock.now()),
			});
			if (!claim.claimed) {
				results[i] = { kind: 'duplicate', existing: claim.existing };
				return;
			}
			token = claim.token;
		} catch (error) {
			results[i] = notSent(FAILURE_CODES.ledger, `${(error as Error).message}; nothing was sent`);
			return;
		}
		const delivery = await deliver(job.message, context);
		const result = jobResult(delivery, clock.now());
		try {
			await ledger.record(job.key, job.customerId, token, ledgerOutcome(delivery));
		} catch (error) {
			// The key stays claimed (pending), which blocks a re-send: the safe side.
			if (result.kind !== 'duplicate') result.ledgerWarning = `${(error as Error).message}; the key stays claimed`;
		}
		results[i] = result;
	});
	return results;
}
