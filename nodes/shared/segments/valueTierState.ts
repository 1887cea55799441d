import { moneySum, MoneySum } from '../customers/moneySum';
import { ConfigError, describeValue, InputError } from '../input';
import type { Histogram } from './histogram';
import type { Labelled, Language } from './labels';
import { TIER_LABELS, type TierThresholds } from './valueTier';
import { noCustomersToLearnFrom } from './learnedCuts';
import { stateValueText } from './stateValue';

/**
 * Value-tier (ABC) thresholds learned from a whole customer base. A customer's tier depends only on its
 * revenue and falls as revenue falls, so two revenues fix it: `minimumA`, the smallest revenue of the
 * base in tier A, and `minimumAB`, the smallest in A or B (null: no customer of the base in that tier).
 * A page run scores revenue >= minimumA as A, >= minimumAB as B, else C (no revenue is always C), which
 * is the tier a full run gives every customer of the base; an unseen revenue between two of the base
 * takes the tier of the lower one. `totalRevenue` gives each customer's revenue share.
 * Rank and cumulative share place a customer among all others, which cut points cannot tell: page runs
 * leave them out (a database window function gives them: RANK() and SUM() OVER (ORDER BY revenue DESC)).
 */
export interface ValueTierState {
	kind: 'valueTierThresholds';
	customers: number;
	shares: TierThresholds;
	totalRevenue: number;
	minimumA: number | null;
	minimumAB: number | null;
}

/** The thresholds behind a full run's tiers (its revenues, and the tier keys valueTiers gave them). */
export function learnValueTierState(revenues: ArrayLike<number>, tierKeys: ArrayLike<string>, shares: TierThresholds): ValueTierState {
	if (revenues.length === 0) throw noCustomersToLearnFrom('Value-tier thresholds', false);
	const total = moneySum(revenues);
	let minimumA = Infinity;
	let minimumAB = Infinity;
	for (let i = 0; i < tierKeys.length; i++) {
		const key = tierKeys[i];
		if (key === 'A' && revenues[i] < minimumA) minimumA = revenues[i];
		if ((key === 'A' || key === 'B') && revenues[i] < minimumAB) minimumAB = revenues[i];
	}
	return state(revenues.length, shares, total, minimumA, minimumAB);
}

function state(customers: number, shares: TierThresholds, totalRevenue: number, minimumA: number, minimumAB: number): ValueTierState {
	return {
		kind: 'valueTierThresholds',
		customers,
		shares: { ...shares },
		totalRevenue,
		minimumA: minimumA === Infinity ? null : minimumA,
		minimumAB: minimumAB === Infinity ? null : minimumAB,
	};
}

/**
 * The thresholds from a revenue histogram (distinct revenues with counts), by the rule valueTiers
 * applies: a group of equal revenues is A while the revenue ranked above it is below share a of the
 * total, likewise B. Totals and the revenue above a group are exact decimal sums (MoneySum) of count ×
 * revenue, as valueTiers sums the customers one by one: the same state as a full run's.
 */
export function learnValueTierStateFromHistogram(histogram: Histogram, shares: TierThresholds): ValueTierState {
	const { values, counts } = histogram;
	if (histogram.total === 0) throw noCustomersToLearnFrom('Value-tier thresholds', true);
	const sum = new MoneySum();
	for (let i = values.length - 1; i >= 0; i--) sum.add(values[i], counts[i]);
	const total = sum.value();
	const above = sum.reset();
	let minimumA = Infinity;
	let minimumAB = Infinity;
	for (let i = values.length - 1; i >= 0 && values[i] > 0; i--) {
		const shareBefore = total > 0 ? above.value() / total : 1;
		if (shareBefore < shares.a) minimumA = values[i];
		if (shareBefore < shares.b) minimumAB = values[i];
		above.add(values[i], counts[i]);
	}
	return state(histogram.total, shares, total, minimumA, minimumAB);
}

export function parseValueTierState(raw: unknown): ValueTierState {
	let value = raw;
	if (typeof value === 'string') {
		try {
			value = JSON.parse(value);
		} catch {
			throw new ConfigError(`Learned value-tier state is ${describeValue(value)}, which is not valid JSON (expected the learned item of a Segment Customer run with Value Tier, or its JSON)`);
		}
	}
	const object = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
	const learned = object.learned;
	const s = object.kind === 'valueTierThresholds' || typeof learned !== 'object' || learned === null ? object : (learned as Record<string, unknown>);
	const refuse = (name: string, expected: string) => new ConfigError(`Learned value-tier state: ${name} is ${stateValueText(s[name])} (expected ${expected})`);
	if (s.kind !== 'valueTierThresholds') throw refuse('kind', '"valueTierThresholds": the learned item of a Segment Customer run with Value Tier');
	const total = s.totalRevenue;
	if (typeof total !== 'number' || !(total >= 0) || !Number.isFinite(total)) throw refuse('totalRevenue', "a finite number of at least 0: the whole base's revenue");
	for (const name of ['minimumA', 'minimumAB']) {
		const v = s[name];
		if (!(v === null || (typeof v === 'number' && Number.isFinite(v)))) throw refuse(name, 'a finite number, or null when no customer of the base is in that tier');
	}
	// Every customer of tier A is one of tiers A or B, so the smallest revenue in A or B is at most the smallest in A.
	const minimumA = s.minimumA as number | null;
	const minimumAB = s.minimumAB as number | null;
	if (minimumA !== null && (minimumAB === null || minimumAB > minimumA)) {
		throw refuse('minimumAB', `a number of at most minimumA (${minimumA}): the smallest revenue in tiers A or B, which tier A's customers are among`);
	}
	return s as unknown as ValueTierState;
}

/**
 * The error of a customer whose revenue is more than the whole base's in the learned state (a share
 * above 1, or Infinity against a total of 5e-324): the state is another base's. Names the field the
 * revenue was read from (`summedFrom`: the transaction column it is the sum of), the value and the limit.
 */
export function revenueBeyondLearnedTotal(revenue: number, learned: ValueTierState, customerId: string, field: string, summedFrom?: string): InputError | undefined {
	if (!(revenue > learned.totalRevenue)) return undefined;
	const beyond = `more than the whole base's revenue in the learned state (its totalRevenue, ${learned.totalRevenue})`;
	// The ID as every message shows a value: a long or odd one shortened, not written raw between quotes.
	const customer = describeValue(customerId);
	const problem = summedFrom === undefined ? `is ${beyond} for customer ${customer}` : `is the sum of field "${summedFrom}" over customer ${customer}'s transactions and ${beyond}`;
	return new InputError(field, revenue, problem, `a revenue of at most ${learned.totalRevenue}: apply the state learned from this customer's base`);
}

export interface AppliedTier {
	tier: Labelled;
	revenueShare: number;
}

/** One customer's tier and revenue share against learned thresholds. */
export function applyValueTier(revenue: number, learned: ValueTierState, language: Language): AppliedTier {
	const a = learned.minimumA ?? Infinity;
	const ab = learned.minimumAB ?? Infinity;
	const key = revenue <= 0 ? 'C' : revenue >= a ? 'A' : revenue >= ab ? 'B' : 'C';
	const total = learned.totalRevenue;
	return { tier: { key, label: TIER_LABELS[key][language] }, revenueShare: total > 0 ? revenue / total : 0 };
}
