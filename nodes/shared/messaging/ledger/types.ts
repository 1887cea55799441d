/**
 * pending: claimed, outcome not yet recorded (or the worker died before recording it);
 * sent: the provider accepted it; unknown: it may have gone out (timeout, reset) and is never re-sent
 * automatically; failed: the provider refused it, so the key may be claimed again by a later run.
 */
export type LedgerStatus = 'pending' | 'sent' | 'unknown' | 'failed';

export interface LedgerEntry {
	key: string;
	customerId: string;
	status: LedgerStatus;
	claimedAt: Date;
	providerMessageId?: string;
}

export interface ClaimRequest {
	key: string;
	customerId: string;
	careType: string;
	channel: string;
	claimedAt: Date;
	/**
	 * Chosen by the caller, so that after a lost reply it can tell its own claim from another's (a claim
	 * found holding this token is ours) and release it.
	 */
	token: string;
	/**
	 * A pending or unknown claim made before this instant is taken over (sent again): set only when the
	 * user chose to resend unconfirmed messages after a lease. Undefined: never taken over.
	 */
	takeOverBefore?: Date;
	/**
	 * With a frequency cap counted from the ledger: refused when the customer already has `maxMessages`
	 * claimed-and-not-failed messages under other keys since `since`, checked in the same atomic step as
	 * the claim, so two executions that both counted the customer as free cannot both send.
	 */
	cap?: { since: Date; maxMessages: number };
}

export type ClaimResult =
	| { claimed: true; token: string }
	| { claimed: false; existing: LedgerEntry }
	/** Refused by `cap`: the customer's messages in the window under other keys. */
	| { claimed: false; capped: { inWindow: number } };

/** What happened after a claim: `released` gives the key back (nothing reached the provider). */
export type LedgerOutcome =
	| { status: 'sent'; providerMessageId?: string }
	| { status: 'unknown'; detail: string }
	| { status: 'failed'; detail: string }
	| { status: 'released' };

export type LedgerBackend = 'none' | 'redis' | 'postgres';

/**
 * Where idempotency keys are claimed. `claim` is atomic across processes: of two executions claiming
 * the same key at once, exactly one gets `claimed: true`.
 */
export interface Ledger {
	readonly backend: LedgerBackend;
	/** Entries that block a new send (everything except failed), by key. */
	findClaimed(keys: string[]): Promise<Map<string, LedgerEntry>>;
	/** Claimed-and-not-failed messages per customer since the given instant. */
	countSince(customerIds: string[], since: Date): Promise<Map<string, number>>;
	/**
	 * Atomic; a pending or unknown claim is given up only to `takeOverBefore`, a failed one to anyone. A
	 * key held by someone else is reported as `existing` before the cap is looked at.
	 */
	claim(request: ClaimRequest): Promise<ClaimResult>;
	/** Records the outcome of a claim; only the holder of the token may. */
	record(key: string, customerId: string, token: string, outcome: LedgerOutcome): Promise<void>;
	close(): Promise<void>;
}

export { LedgerError, ledgerError } from './errors';
