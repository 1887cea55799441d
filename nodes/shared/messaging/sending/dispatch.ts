import { randomUUID } from 'node:crypto';
import type { Channel, OutgoingMessage, Rate } from '../channels/types';
import { LedgerError, type Ledger, type LedgerEntry, type LedgerOutcome } from '../ledger';
import type { Clock } from './clock';
import { deliver, type Delivery } from './deliver';
import { Pacer } from './pacing';
import { runWithConcurrency } from './pool';
import type { RetryPolicy } from './retry';

export interface SendJob {
	key: string;
	customerId: string;
	careType: string;
	channel: string;
	message: OutgoingMessage;
	/** The frequency cap the claim checks atomically, when the cap is counted from the ledger. */
	cap?: { since: Date; maxMessages: number };
}

export interface DispatchOptions {
	concurrency: number;
	/** Undefined: not paced. */
	rate?: Rate;
	retry: RetryPolicy;
	/** Time budget for the whole dispatch, from its start. */
	budgetMs: number;
	timeoutMs: number;
	/**
	 * Send again a key whose earlier claim is this old and still unconfirmed (pending: the run stopped or
	 * lost the ledger's reply; unknown: the provider's answer was lost). Only for channels that drop a
	 * repeated idempotency key on their side. Undefined: never; such keys come out as failed.
	 */
	resendUnconfirmedAfterMs?: number;
}

/** The instant before which an unconfirmed claim may be taken over, or undefined. */
export function takeOverBefore(options: DispatchOptions, nowMs: number): Date | undefined {
	// A lease reaching back before 1970 takes over no claim: its instant is 1970, not a date before any
	// date can be (1e12 minutes or 1e308 give no date at all, which a ledger cannot compare with).
	return options.resendUnconfirmedAfterMs === undefined ? undefined : new Date(Math.max(nowMs - options.resendUnconfirmedAfterMs, 0));
}

export interface DispatchDeps {
	channel: Channel;
	ledger: Ledger;
	/** Its sleep should end early when `cancel` fires (n8n's execution cancel signal). */
	clock: Clock;
	random: () => number;
	/** Stop: messages not yet under way are not sent (Failed, CANCELLED, key released). */
	cancel?: AbortSignal;
}

/** Codes for failures that are ours, not the provider's. */
export const FAILURE_CODES = {
	budget: 'BUDGET_EXHAUSTED',
	cancelled: 'CANCELLED',
	ledger: 'LEDGER_UNAVAILABLE',
	ledgerConfig: 'LEDGER_NOT_CONFIGURED',
	/** The claim may have been stored although its reply was lost, and could not be released. */
	claimUncertain: 'LEDGER_CLAIM_UNCERTAIN',
	/** An earlier claim of the key never recorded an outcome (crash, stop, lost ledger reply). */
	unresolved: 'CLAIM_UNRESOLVED',
	unknown: 'OUTCOME_UNKNOWN',
} as const;

export type JobResult =
	| { kind: 'sent'; attempts: number; sentAt: number; providerMessageId?: string; providerCode?: string; ledgerWarning?: string }
	| { kind: 'duplicate'; existing: LedgerEntry }
	/** The claim found the customer's window full: another execution sent to them since the batch counted. */
	| { kind: 'capped'; inWindow: number }
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
			/** When an earlier, unconfirmed claim of the key was made. */
			unknownSince?: string;
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
				outcome: delivery.neverSent ? 'notSent' : 'failed',
				code: delivery.providerCode,
				message: delivery.budgetExhausted ? `${delivery.message} (no time left in the budget to retry)` : delivery.message,
				retryable: delivery.retryable,
				attempts: delivery.attempts,
				...(delivery.optedOut ? { optedOut: true } : {}),
				...(delivery.budgetExhausted ? { budgetExhausted: true } : {}),
			};
		case 'notAttempted':
			return delivery.cancelled ? notSent(FAILURE_CODES.cancelled, delivery.message) : notSent(FAILURE_CODES.budget, delivery.message, true);
	}
}

function notSent(code: string, message: string, budgetExhausted = false): JobResult {
	return { kind: 'failed', outcome: 'notSent', code, message, retryable: true, attempts: 0, ...(budgetExhausted ? { budgetExhausted } : {}) };
}

/**
 * A ledger command the ledger refused for its settings (wrong table shape, permission, password: a
 * LedgerError that is not retryable) was refused before it took effect, and a rerun cannot fix it.
 */
export function isLedgerConfigError(error: unknown): boolean {
	return error instanceof LedgerError && !error.retryable;
}

/** Every item of a batch whose ledger failed before anything was sent: not configured (not retryable) or unavailable. */
export function ledgerNotSent(error: unknown): JobResult {
	const message = `${error instanceof Error ? error.message : String(error)}; nothing was sent`;
	return isLedgerConfigError(error)
		? { kind: 'failed', outcome: 'notSent', code: FAILURE_CODES.ledgerConfig, message, retryable: false, attempts: 0 }
		: notSent(FAILURE_CODES.ledger, message);
}

/**
 * A claim whose reply never came may still have been stored, where it would block every rerun. It is
 * released with our token; only if that fails too is the item reported as stuck rather than retryable
 * (as not configured, when the ledger refused the claim for its settings).
 */
async function claimFailed(ledger: Ledger, job: SendJob, token: string, error: unknown): Promise<JobResult> {
	const reason = (error as Error).message;
	// A script refused for a permission part-way may have stored the claim: released in any case.
	const configuration = isLedgerConfigError(error);
	try {
		await ledger.record(job.key, job.customerId, token, { status: 'released' });
		return ledgerNotSent(error);
	} catch {
		return {
			kind: 'failed',
			outcome: 'notSent',
			code: configuration ? FAILURE_CODES.ledgerConfig : FAILURE_CODES.claimUncertain,
			message: `${reason}; nothing was sent, but the claim may have been stored and could not be released, so a rerun may report this key as ${FAILURE_CODES.unresolved} (nothing was sent for it)`,
			retryable: false,
			attempts: 0,
		};
	}
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
	const { cancel } = deps;
	const context = { channel: deps.channel, pacer, clock, random: deps.random, retry: options.retry, deadline, timeoutMs: options.timeoutMs, cancel };

	await runWithConcurrency(jobs.length, options.concurrency, async (i) => {
		const job = jobs[i];
		if (cancel?.aborted) {
			results[i] = notSent(FAILURE_CODES.cancelled, 'The execution was stopped before this message was sent');
			return;
		}
		if (clock.now() >= deadline) {
			results[i] = notSent(FAILURE_CODES.budget, 'The time budget ran out before this message could be sent', true);
			return;
		}
		const token = randomUUID();
		try {
			const claim = await ledger.claim({
				key: job.key,
				customerId: job.customerId,
				careType: job.careType,
				channel: job.channel,
				claimedAt: new Date(clock.now()),
				token,
				takeOverBefore: takeOverBefore(options, clock.now()),
				...(job.cap ? { cap: job.cap } : {}),
			});
			if (!claim.claimed) {
				results[i] = 'existing' in claim ? { kind: 'duplicate', existing: claim.existing } : { kind: 'capped', inWindow: claim.capped.inWindow };
				return;
			}
		} catch (error) {
			results[i] = await claimFailed(ledger, job, token, error);
			return;
		}
		const delivery = await deliver(job.message, context);
		const result = jobResult(delivery, clock.now());
		try {
			await ledger.record(job.key, job.customerId, token, ledgerOutcome(delivery));
		} catch (error) {
			// The key stays claimed (pending), which blocks a re-send: the safe side.
			if (result.kind === 'sent' || result.kind === 'failed') result.ledgerWarning = `${(error as Error).message}; the key stays claimed`;
		}
		results[i] = result;
	});
	return results;
}
