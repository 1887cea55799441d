import type { PendingRevisit } from './booker';
import type { RevisitRequest } from './request';

/**
 * Priority first, then target day, then customers tied to their account manager, then customer ID and
 * input position. A total order: no two customers compare equal (input positions differ).
 */
export function bookingOrder(a: PendingRevisit, b: PendingRevisit): number {
	return (
		a.priorityRank - b.priorityRank ||
		a.target - b.target ||
		Number(a.preferred < 0) - Number(b.preferred < 0) ||
		byCustomer(a.request, b.request)
	);
}

function byCustomer(a: RevisitRequest, b: RevisitRequest): number {
	return a.customerId < b.customerId ? -1 : a.customerId > b.customerId ? 1 : a.index - b.index;
}

function byCustomerOf(a: PendingRevisit, b: PendingRevisit): number {
	return byCustomer(a.request, b.request);
}

/** More buckets than this (per customer) and the comparison sort is used: a wide spread of target days. */
const MAX_BUCKETS_PER_ITEM = 4;

/**
 * The pending revisits in booking order (the same order as sorting with bookingOrder). Priority,
 * target day and the account-manager flag make one small whole number per customer, so a counting
 * sort puts 100,000 customers in order in two passes instead of 1.7 million calls of the comparator;
 * only customers sharing all three are then compared by customer ID, and a run of them already in
 * that order (as a table sorted by ID gives them) is checked, not sorted.
 */
export function sortForBooking(pending: PendingRevisit[]): PendingRevisit[] {
	const n = pending.length;
	if (n < 2) return pending.slice();
	let minTarget = Infinity;
	let maxTarget = -Infinity;
	let maxRank = 0;
	for (let i = 0; i < n; i++) {
		const { target, priorityRank } = pending[i];
		if (target < minTarget) minTarget = target;
		if (target > maxTarget) maxTarget = target;
		if (priorityRank > maxRank) maxRank = priorityRank;
	}
	const span = maxTarget - minTarget + 1;
	const buckets = (maxRank + 1) * span * 2;
	if (!Number.isSafeInteger(buckets) || buckets > Math.max(n * MAX_BUCKETS_PER_ITEM, 1024)) return pending.slice().sort(bookingOrder);

	const keys = new Int32Array(n);
	const starts = new Int32Array(buckets + 1);
	for (let i = 0; i < n; i++) {
		const p = pending[i];
		const key = (p.priorityRank * span + (p.target - minTarget)) * 2 + (p.preferred < 0 ? 1 : 0);
		keys[i] = key;
		starts[key + 1]++;
	}
	for (let k = 0; k < buckets; k++) starts[k + 1] += starts[k];
	const sorted: PendingRevisit[] = new Array(n);
	const next = starts.slice(0, buckets);
	for (let i = 0; i < n; i++) sorted[next[keys[i]]++] = pending[i];

	// Within a bucket the input order is kept; it is the booking order when IDs already ascend.
	for (let k = 0; k < buckets; k++) {
		const from = starts[k];
		const to = starts[k + 1];
		for (let i = from + 1; i < to; i++) {
			if (byCustomerOf(sorted[i - 1], sorted[i]) > 0) {
				const run = sorted.slice(from, to).sort(byCustomerOf);
				for (let j = 0; j < run.length; j++) sorted[from + j] = run[j];
				break;
			}
		}
	}
	return sorted;
}
