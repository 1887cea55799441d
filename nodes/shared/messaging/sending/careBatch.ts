import type { ChannelKind } from '../channels/registry';
import type { Channel, OutgoingMessage } from '../channels/types';
import type { Ledger, LedgerEntry } from '../ledger';
import {
	isCapped,
	type FrequencyCap,
	type SendingWindow,
	type SkipReason,
} from '../policy';
import { capWindowStarts, sendingWindowsAt } from '../perZone';
import type { Clock } from './clock';
import { dispatch, FAILURE_CODES, ledgerNotSent, takeOverBefore, type DispatchOptions, type JobResult } from './dispatch';

/** An item that passed its own checks (fields readable, message rendered, consent given). */
export interface CareCandidate {
	customerId: string;
	careType: string;
	key: string;
	timeZone: string;
	message: OutgoingMessage;
	/** Contacts inside the cap window recorded on the item itself, when the cap reads a field. */
	fieldContacts?: number;
}

export interface CareBatchOptions extends DispatchOptions {
	/** The instant policy is judged at: quiet hours, cap window. */
	asOf: Date;
	channelKind: ChannelKind;
	/** Undefined: no quiet hours. */
	sendingWindow?: SendingWindow;
	/** Undefined: no frequency cap. */
	cap?: { limit: FrequencyCap; source: 'field' | 'ledger' };
	dryRun: boolean;
}

export interface CareBatchDeps {
	ledger: Ledger;
	/** Needed unless it is a dry run. */
	channel?: Channel;
	clock: Clock;
	random: () => number;
	/** n8n's execution cancel signal (Stop). */
	cancel?: AbortSignal;
}

type SentJob = Extract<JobResult, { kind: 'sent' }>;
type FailedJob = Extract<JobResult, { kind: 'failed' }>;

export type CareResult =
	| (Omit<SentJob, 'kind'> & { output: 'sent' })
	| {
			output: 'skipped';
			reason: SkipReason;
			detail: string;
			deferUntil?: Date;
			previous?: { status: LedgerEntry['status']; claimedAt: Date };
	  }
	| (Omit<FailedJob, 'kind'> & { output: 'failed' });

/**
 * A key already in the ledger. Sent: a duplicate, skipped. Pending or unknown: an earlier send was never
 * confirmed (the run crashed or stopped, a ledger or provider reply was lost), so the customer may never
 * have had it: that is a failure to look into, never a silent skip.
 */
function duplicate(existing: LedgerEntry): CareResult {
	if (existing.status === 'pending' || existing.status === 'unknown') {
		const since = existing.claimedAt.toISOString();
		const what =
			existing.status === 'pending'
				? 'was claimed but its outcome was never recorded (the run stopped or crashed, or a ledger reply was lost, or it is being sent right now)'
				: 'got no answer from the provider';
		return {
			output: 'failed',
			outcome: 'unknown',
			code: existing.status === 'pending' ? FAILURE_CODES.unresolved : FAILURE_CODES.unknown,
			message: `Outcome unknown since ${since}: an earlier send of this key ${what}, so it may or may not have been delivered. It is not sent again unless Options › Resend Unconfirmed After allows it`,
			retryable: false,
			attempts: 0,
			unknownSince: since,
		};
	}
	return {
		output: 'skipped',
		reason: 'duplicate',
		detail: `This key was already sent (claimed at ${existing.claimedAt.toISOString()})`,
		previous: { status: existing.status, claimedAt: existing.claimedAt },
	};
}

function withoutKind<T extends { kind: string }>(result: T): Omit<T, 'kind'> {
	const copy: Partial<T> = { ...result };
	delete copy.kind;
	return copy as Omit<T, 'kind'>;
}

function capped(inWindow: number, limit: FrequencyCap): CareResult {
	return {
		output: 'skipped',
		reason: 'capped',
		detail: `${inWindow} care message(s) in the last ${limit.windowDays} day(s) reach the cap of ${limit.maxMessages}`,
	};
}

function fromJob(result: JobResult, limit: FrequencyCap | undefined): CareResult {
	if (result.kind === 'duplicate') return duplicate(result.existing);
	if (result.kind === 'capped') {
		if (!limit) throw new Error('a claim given no cap was refused for one');
		return capped(result.inWindow, limit);
	}
	if (result.kind === 'sent') return { ...withoutKind(result), output: 'sent' };
	return { ...withoutKind(result), output: 'failed' };
}

function mayTakeOver(existing: LedgerEntry, before: Date | undefined): boolean {
	return before !== undefined && existing.status !== 'sent' && existing.claimedAt.getTime() < before.getTime();
}

/**
 * Ledger contacts per recipient zone and customer, each inside the window on the recipient's calendar.
 * Zones whose windows start at the same instant share one query: a batch costs a query per distinct
 * window start, never one per customer.
 */
async function countInWindows(candidates: CareCandidate[], windowStart: (timeZone: string) => Date, ledger: Ledger): Promise<Map<string, Map<string, number>>> {
	const bySince = new Map<number, { zones: string[]; customerIds: Set<string> }>();
	const zoneSeen = new Set<string>();
	for (const { timeZone, customerId } of candidates) {
		const since = windowStart(timeZone).getTime();
		let group = bySince.get(since);
		if (!group) {
			group = { zones: [], customerIds: new Set() };
			bySince.set(since, group);
		}
		if (!zoneSeen.has(timeZone)) {
			zoneSeen.add(timeZone);
			group.zones.push(timeZone);
		}
		group.customerIds.add(customerId);
	}
	const byZone = new Map<string, Map<string, number>>();
	for (const [since, group] of bySince) {
		const counts = await ledger.countSince([...group.customerIds], new Date(since));
		for (const zone of group.zones) byZone.set(zone, counts);
	}
	return byZone;
}

/**
 * Decides and sends a batch. In order, per candidate: the same key earlier in this batch or already in
 * the ledger -> duplicate; the frequency cap -> capped; outside the recipient's sending hours -> quiet
 * hours with deferUntil; dry run -> not sent; otherwise claimed and sent. Results follow candidate order.
 */
export async function runCareBatch(candidates: CareCandidate[], options: CareBatchOptions, deps: CareBatchDeps): Promise<CareResult[]> {
	const results: CareResult[] = new Array(candidates.length);
	let claimed: Map<string, LedgerEntry>;
	let ledgerCounts = new Map<string, Map<string, number>>();
	const ledgerCap = options.cap?.source === 'ledger' ? { limit: options.cap.limit, windowStart: capWindowStarts(options.asOf, options.cap.limit) } : undefined;
	try {
		claimed = await deps.ledger.findClaimed([...new Set(candidates.map((c) => c.key))]);
		if (ledgerCap) ledgerCounts = await countInWindows(candidates, ledgerCap.windowStart, deps.ledger);
	} catch (error) {
		return candidates.map(() => fromJob(ledgerNotSent(error), undefined));
	}

	const sendingWindowIn = options.sendingWindow ? sendingWindowsAt(options.asOf, options.sendingWindow) : undefined;
	const takeOver = takeOverBefore(options, deps.clock.now());
	const firstWithKey = new Map<string, number>();
	const allocated = new Map<string, number>();
	const toSend: number[] = [];
	candidates.forEach((candidate, i) => {
		const earlier = firstWithKey.get(candidate.key);
		if (earlier !== undefined) {
			results[i] = { output: 'skipped', reason: 'duplicate', detail: `Same key as candidate ${earlier} of this batch` };
			return;
		}
		firstWithKey.set(candidate.key, i);
		const existing = claimed.get(candidate.key);
		if (existing && !mayTakeOver(existing, takeOver)) {
			results[i] = duplicate(existing);
			return;
		}
		if (options.cap) {
			const { limit, source } = options.cap;
			const prior = source === 'field' ? candidate.fieldContacts ?? 0 : ledgerCounts.get(candidate.timeZone)?.get(candidate.customerId) ?? 0;
			const inWindow = prior + (allocated.get(candidate.customerId) ?? 0);
			if (isCapped(inWindow, limit)) {
				results[i] = capped(inWindow, limit);
				return;
			}
		}
		if (sendingWindowIn) {
			const window = sendingWindowIn(candidate.timeZone);
			if (!window.allowed) {
				results[i] = {
					output: 'skipped',
					reason: 'quietHours',
					detail: `Outside the sending hours in ${candidate.timeZone}`,
					deferUntil: window.deferUntil,
				};
				return;
			}
		}
		allocated.set(candidate.customerId, (allocated.get(candidate.customerId) ?? 0) + 1);
		if (options.dryRun) {
			results[i] = { output: 'skipped', reason: 'dryRun', detail: 'Dry run: rendered and checked, not sent' };
			return;
		}
		toSend.push(i);
	});

	if (toSend.length > 0) {
		if (!deps.channel) throw new Error('runCareBatch needs a channel unless it is a dry run');
		const jobs = toSend.map((i) => ({
			key: candidates[i].key,
			customerId: candidates[i].customerId,
			careType: candidates[i].careType,
			channel: options.channelKind,
			message: candidates[i].message,
			// Counted at the start, checked again in the claim: another execution may have sent since.
			...(ledgerCap ? { cap: { since: ledgerCap.windowStart(candidates[i].timeZone), maxMessages: ledgerCap.limit.maxMessages } } : {}),
		}));
		const sent = await dispatch(jobs, { channel: deps.channel, ledger: deps.ledger, clock: deps.clock, random: deps.random, cancel: deps.cancel }, options);
		sent.forEach((result, j) => {
			results[toSend[j]] = fromJob(result, options.cap?.limit);
		});
	}
	return results;
}
