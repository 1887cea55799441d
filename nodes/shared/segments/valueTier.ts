import { MoneySum, moneySum } from '../customers/moneySum';
import type { LabelTable } from '../format/language';
import LABELS from '../format/labels.json';
import type { Labelled, Language } from './labels';

export interface TierThresholds {
	/** Cumulative share of revenue (0-1) covered by tier A; default 0.8. */
	a: number;
	/** Cumulative share covered by tiers A and B together; default 0.95. */
	b: number;
}

export interface TierResult {
	tier: Labelled;
	/** 1 = highest revenue; tied revenues share the rank (1, 2, 2, 4). */
	rank: number;
	/** This customer's share of total revenue, 0-1. */
	revenueShare: number;
	/** Share of total revenue of all customers ranked at or above this one, 0-1. */
	cumulativeShare: number;
}

export type ValueTier = 'A' | 'B' | 'C';

export const TIER_LABELS: LabelTable<ValueTier> = LABELS.valueTier;

/**
 * ABC / Pareto tiers. Customers are ranked by revenue; a customer belongs to A while the revenue ranked
 * above it is still below threshold `a` (so the customer who crosses 80% is in A), likewise B. Tied
 * revenues form one group that takes the tier of its first member, so equal revenue means equal tier.
 * Customers with no revenue are C.
 */
export function valueTiers(revenues: number[], thresholds: TierThresholds, language: Language): TierResult[] {
	const n = revenues.length;
	const total = moneySum(revenues);
	const order = Array.from({ length: n }, (_, i) => i).sort((x, y) => revenues[y] - revenues[x] || x - y);
	const results: TierResult[] = new Array(n);
	// The revenue ranked above a group, summed as decimals (MoneySum): the same in any order of the
	// customers, and the same as a histogram's count × revenue, so pages and histograms agree at a tie.
	const above = new MoneySum();
	let i = 0;
	while (i < n) {
		const value = revenues[order[i]];
		let j = i;
		while (j < n && revenues[order[j]] === value) j++;
		const shareBefore = total > 0 ? above.value() / total : 1;
		const key = value <= 0 ? 'C' : shareBefore < thresholds.a ? 'A' : shareBefore < thresholds.b ? 'B' : 'C';
		const tier = { key, label: TIER_LABELS[key][language] };
		above.add(value, j - i);
		const cumulative = total > 0 ? above.value() / total : 0;
		for (let g = i; g < j; g++) {
			results[order[g]] = { tier, rank: i + 1, revenueShare: total > 0 ? value / total : 0, cumulativeShare: cumulative };
		}
		i = j;
	}
	return results;
}
