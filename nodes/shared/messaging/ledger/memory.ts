import type { ClaimRequest, ClaimResult, Ledger, LedgerEntry, LedgerOutcome } from './types';

interface Stored extends LedgerEntry {
	token: string;
}

function takenOver(entry: LedgerEntry, before: Date | undefined): boolean {
	return before !== undefined && (entry.status === 'pending' || entry.status === 'unknown') && entry.claimedAt.getTime() < before.getTime();
}

/**
 * The "none" backend: keys live only for this execution, so the same key twice in one batch is still
 * sent once. Across executions it remembers nothing; caps then come from input fields.
 */
export class MemoryLedger implements Ledger {
	readonly backend = 'none' as const;
	private readonly entries = new Map<string, Stored>();
	/** Keys per customer, so a claim checking the cap looks at its customer's entries only. */
	private readonly keysOf = new Map<string, Set<string>>();

	async findClaimed(keys: string[]) {
		const found = new Map<string, LedgerEntry>();
		for (const key of keys) {
			const entry = this.entries.get(key);
			if (entry && entry.status !== 'failed') found.set(key, this.public(entry));
		}
		return found;
	}

	private contactsSince(customerId: string, since: Date, exceptKey: string): number {
		let count = 0;
		for (const key of this.keysOf.get(customerId) ?? []) {
			const entry = this.entries.get(key);
			if (entry && key !== exceptKey && entry.status !== 'failed' && entry.claimedAt.getTime() >= since.getTime()) count++;
		}
		return count;
	}

	async countSince(customerIds: string[], since: Date) {
		const wanted = new Set(customerIds);
		const counts = new Map<string, number>();
		for (const entry of this.entries.values()) {
			if (!wanted.has(entry.customerId) || entry.status === 'failed') continue;
			if (entry.claimedAt.getTime() >= since.getTime()) counts.set(entry.customerId, (counts.get(entry.customerId) ?? 0) + 1);
		}
		return counts;
	}

	async claim(request: ClaimRequest): Promise<ClaimResult> {
		const existing = this.entries.get(request.key);
		if (existing && existing.status !== 'failed' && existing.token !== request.token && !takenOver(existing, request.takeOverBefore)) {
			return { claimed: false, existing: this.public(existing) };
		}
		if (request.cap) {
			const inWindow = this.contactsSince(request.customerId, request.cap.since, request.key);
			if (inWindow >= request.cap.maxMessages) return { claimed: false, capped: { inWindow } };
		}
		const { token } = request;
		if (existing) this.keysOf.get(existing.customerId)?.delete(request.key);
		const keys = this.keysOf.get(request.customerId) ?? new Set<string>();
		this.keysOf.set(request.customerId, keys.add(request.key));
		this.entries.set(request.key, {
			key: request.key,
			customerId: request.customerId,
			status: 'pending',
			claimedAt: request.claimedAt,
			token,
		});
		return { claimed: true, token };
	}

	async record(key: string, _customerId: string, token: string, outcome: LedgerOutcome) {
		const entry = this.entries.get(key);
		if (!entry || entry.token !== token) return;
		if (outcome.status === 'released') {
			this.entries.delete(key);
			this.keysOf.get(entry.customerId)?.delete(key);
		}
		else {
			entry.status = outcome.status;
			if (outcome.status === 'sent') entry.providerMessageId = outcome.providerMessageId;
		}
	}

	async close() {}

	private public(stored: Stored): LedgerEntry {
		const entry: LedgerEntry & { token?: string } = { ...stored };
		delete entry.token;
		return entry;
	}
}
