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
}

export type ClaimResult = { claimed: true; token: string } | { claimed: false; existing: LedgerEntry };

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
	claim(request: ClaimRequest): Promise<ClaimResult>;
	/** Records the outcome of a claim; only the holder of the token may. */
	record(key: string, customerId: string, token: string, outcome: LedgerOutcome): Promise<void>;
	close(): Promise<void>;
}

/** The ledger could not be reached or answered wrongly; nothing was sent for the item. */
export class LedgerError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'LedgerError';
	}
}

/** A driver error as a LedgerError that names what failed but carries no connection secrets. */
export function ledgerError(action: string, error: unknown): LedgerError {
	const reason = (error instanceof Error ? error.message : String(error)).replace(/^Error: /, '');
	return new LedgerError(`Ledger ${action} failed: ${reason}`);
}
