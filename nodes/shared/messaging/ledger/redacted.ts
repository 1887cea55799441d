import type { Ledger, LedgerOutcome } from './types';

/**
 * The ledger with every outcome detail it stores passed through `redact`, so no row carries a secret
 * whatever wrote the detail (a channel that threw, a provider echo its own channel did not know to hide).
 * Keys and customer IDs are stored as given: they are the item's identity, and a key hidden as *** would
 * make different customers one.
 */
export function withRedactedDetails(ledger: Ledger, redact: (text: string) => string): Ledger {
	const redacted = (outcome: LedgerOutcome): LedgerOutcome =>
		outcome.status === 'unknown' || outcome.status === 'failed' ? { ...outcome, detail: redact(outcome.detail) } : outcome;
	return {
		backend: ledger.backend,
		findClaimed: (keys) => ledger.findClaimed(keys),
		countSince: (customerIds, since) => ledger.countSince(customerIds, since),
		claim: (request) => ledger.claim(request),
		record: (key, customerId, token, outcome) => ledger.record(key, customerId, token, redacted(outcome)),
		close: () => ledger.close(),
	};
}
