import { ConfigError, InputError, isEmpty, PLAUSIBLE } from '../input';
import { RATING_SCALE_LIMIT } from '../satisfaction/scale';
import { roundedSum } from './exactSum';
import type { Group } from './assignment';
import { addValue, cubedSpreadAbout, emptyMoments, mergeMoments, spreadAbout, type MomentState } from './sufficient';
import type { OutcomeKind } from './uplift';
import { parseKey } from './values';

export interface StratumState {
	treatment: MomentState;
	holdout: MomentState;
}

/**
 * Everything Measure Uplift needs from one page of customers: per outcome and stratum, the sufficient
 * statistics of each group. JSON-safe; pages merge exactly in any order.
 */
export interface UpliftState {
	/**
	 * The pages the state counts, by identity (pageIdentity of each page run's input items): one for a page
	 * run, all of them for a merge. Absent in states written before pages had identities.
	 */
	pages?: string[];
	outcomes: Record<string, { kind: OutcomeKind; strata: Record<string, StratumState> }>;
}

/** The stratum key of an unstratified measurement. */
export const ALL = '';

export const emptyStratum = (): StratumState => ({ treatment: emptyMoments(), holdout: emptyMoments() });

export function newState(outcomes: Array<{ key: string; kind: OutcomeKind }>): UpliftState {
	const state: UpliftState = { outcomes: {} };
	for (const { key, kind } of outcomes) state.outcomes[key] = { kind, strata: {} };
	return state;
}

/**
 * The entry of `key` in a record keyed by customer data (a stratum, an outcome of a page state), made by
 * `make` when missing. Own properties only: a stratum "constructor" or "toString" is not Object's method,
 * and "__proto__" is a key like any other, not the record's prototype.
 */
export function entryOf<T>(record: Record<string, T>, key: string, make: () => T): T {
	if (Object.hasOwn(record, key)) return record[key];
	const value = make();
	Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
	return value;
}

/** The cell of a stratum, made empty when it is new. */
export const cellOf = (strata: Record<string, StratumState>, stratum: string): StratumState => entryOf(strata, stratum, emptyStratum);

/** Adds one customer's value of one outcome. */
export function addObservation(state: UpliftState, outcome: string, stratum: string, group: Group, value: number): void {
	addValue(cellOf(state.outcomes[outcome].strata, stratum)[group], value);
}

function mergeStratum(into: StratumState, other: StratumState): void {
	mergeMoments(into.treatment, other.treatment);
	mergeMoments(into.holdout, other.holdout);
}

/** Merges a page's state into `into` (which is changed). */
export function mergeState(into: UpliftState, page: UpliftState): void {
	for (const [key, outcome] of Object.entries(page.outcomes)) {
		const target = entryOf(into.outcomes, key, () => ({ kind: outcome.kind, strata: {} }));
		if (target.kind !== outcome.kind) {
			throw new ConfigError(`Outcome "${key}" is measured as a ${outcome.kind} in one page and as a ${target.kind} in another (expected each outcome of the same kind in every page)`);
		}
		for (const [stratum, cell] of Object.entries(outcome.strata)) mergeStratum(cellOf(target.strata, stratum), cell);
	}
}

/** All strata of an outcome merged into one. */
export function overall(strata: Record<string, StratumState>): StratumState {
	const total = emptyStratum();
	for (const key of Object.keys(strata).sort()) mergeStratum(total, strata[key]);
	return total;
}

/**
 * The largest size of one customer's value of each mean outcome, as Measure Uplift reads it: revenue is money
 * within PLAUSIBLE.money, a satisfaction score within the ends a rating scale may have. A state whose sums
 * only money could make gave a satisfaction mean of 5,000,000,000,000.
 */
const LARGEST_VALUE: ReadonlyMap<string, number> = new Map([
	['revenue', PLAUSIBLE.money],
	['satisfaction', RATING_SCALE_LIMIT],
]);

/**
 * No page counts more customers in a group than this (more than the world's population): a count of 1e300
 * or 2^60 is a state no run made, whose spread underflowed into "every customer has the same value" and
 * whose customer count was printed with lost digits.
 */
const LARGEST_GROUP = PLAUSIBLE.customers;

/** Products of values near 1e-160 and below underflow: their spread may come out a few 1e-324 below 0. */
const UNDERFLOW = 1e-300;

/**
 * Statistics some page could have made: at most LARGEST_GROUP customers, finite partials whose sums n
 * values of at most `largest` in size could give, so means, variances and intervals stay finite after
 * merging. A yes/no outcome's values are 0 or 1: a whole number of successes from 0 to n, with the sum of
 * squares equal to the sum. Any
 * values' sum of squares is at least sum² / n (their spread about the mean is not negative). The sum of
 * cubes is optional (states written before it was kept have none).
 */
const isMoments = (v: unknown, kind: OutcomeKind, largest: number): v is MomentState => {
	const m = v as MomentState;
	if (!m || !Number.isInteger(m.n) || m.n < 0 || m.n > LARGEST_GROUP || !Array.isArray(m.sum) || !Array.isArray(m.sumOfSquares)) return false;
	if (![...m.sum, ...m.sumOfSquares].every(Number.isFinite)) return false;
	const sum = roundedSum(m.sum);
	const squares = roundedSum(m.sumOfSquares);
	if (!(Math.abs(sum) <= m.n * largest && squares >= 0 && squares <= m.n * largest * largest)) return false;
	if (m.sumOfCubes !== undefined && !(Array.isArray(m.sumOfCubes) && m.sumOfCubes.every(Number.isFinite))) return false;
	if (kind === 'proportion') return Number.isInteger(sum) && sum >= 0 && sum <= m.n && squares === sum && (m.sumOfCubes === undefined || roundedSum(m.sumOfCubes) === sum);
	if (m.n === 0) return true;
	const spread = spreadAbout(m, sum / m.n);
	if (!(spread >= -UNDERFLOW)) return false;
	// Values' Σ|x − m|³ is at most (Σ(x − m)²)^1.5, so their third moment is too (and a skewness at most √n).
	const cubed = cubedSpreadAbout(m, sum / m.n);
	return cubed === null || Math.abs(cubed) <= Math.max(0, spread) ** 1.5 * (1 + 1e-9) + UNDERFLOW;
};

/**
 * The outcomes Measure Uplift measures, each always of one kind. A page state is checked against it: an
 * outcome of another name or kind (a state edited by hand, outcomes given as a list) was merged as given,
 * and a "conversion" measured as a mean in one page stopped the whole merge.
 */
export const OUTCOME_KINDS: ReadonlyMap<string, OutcomeKind> = new Map([
	['conversion', 'proportion'],
	['revenue', 'mean'],
	['retention', 'proportion'],
	['satisfaction', 'mean'],
]);

const PAGE_ID = /^[0-9a-f]{32}$/;

const isRecord = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/** Checks a state read from an item (an earlier page's result); throws a message naming what is wrong. */
export function checkState(value: unknown): UpliftState {
	const state = value as UpliftState;
	if (!isRecord(state) || !isRecord(state.outcomes)) throw new Error('has no "outcomes"');
	if (state.pages !== undefined && !(Array.isArray(state.pages) && state.pages.every((page) => typeof page === 'string' && PAGE_ID.test(page)))) {
		throw new Error('has "pages" that are not the page IDs its runs wrote (a list of 32 hexadecimal digits each)');
	}
	// Every run measures at least one outcome; a state without any would give no result to pair its item with.
	if (Object.keys(state.outcomes).length === 0) throw new Error('has no outcome in "outcomes"');
	for (const [key, outcome] of Object.entries(state.outcomes)) {
		const kind = OUTCOME_KINDS.get(key);
		if (kind === undefined) throw new Error(`has an outcome "${key}", which is none of ${[...OUTCOME_KINDS.keys()].join(', ')}`);
		if (!isRecord(outcome) || outcome.kind !== kind) throw new Error(`outcome "${key}" has no kind "${kind}"`);
		if (!isRecord(outcome.strata)) throw new Error(`outcome "${key}" has no "strata"`);
		const strata = Object.keys(outcome.strata);
		// One run is stratified or not: the cell of an unstratified run among strata was reported as a stratum "".
		if (strata.length > 1 && strata.includes(ALL)) throw new Error(`outcome "${key}" has the cell of all customers ("") among its strata`);
		for (const [stratum, cell] of Object.entries(outcome.strata)) {
			const largest = LARGEST_VALUE.get(key) ?? 1;
			if (!isMoments(cell?.treatment, kind, largest) || !isMoments(cell?.holdout, kind, largest)) throw new Error(`outcome "${key}", stratum "${stratum}" has no valid treatment and holdout statistics`);
		}
	}
	return state;
}

/**
 * The state of an earlier page read from its state item, or an item error naming what is wrong. The state
 * may be its JSON text, as a text or JSON column of a database gives it back.
 */
export function readPageState(value: unknown): UpliftState {
	try {
		return checkState(typeof value === 'string' ? parseJson(value) : value);
	} catch (error) {
		throw new InputError('state', value, (error as Error).message, 'the state item of a Measure Uplift run with Include Page State on');
	}
}

function parseJson(text: string): unknown {
	try {
		return JSON.parse(text) as unknown;
	} catch {
		throw new Error('is text that is not JSON');
	}
}

/**
 * The campaign of a page's state item, which must be the run's: `expected` is the Campaign parameter, or
 * else the first page's campaign ('' while none is known). Pages of two campaigns merged without a word
 * into one result, as one campaign's customers. A page without a campaign name fits any run; a number is
 * the name in digits (a campaign "2026" read back from a numeric column), as for the Campaign parameter,
 * and anything else (true, an object) is an item error, not a page without a name.
 */
export function pageCampaign(value: unknown, expected: string): string {
	const campaign = isEmpty(value) ? '' : parseKey(value, 'campaign', 'a campaign name', 'the name of the campaign the page was measured under');
	if (campaign !== '' && expected !== '' && campaign !== expected) {
		throw new InputError('campaign', value, `is another campaign than "${expected}"`, `the state items of campaign "${expected}" only`);
	}
	return campaign;
}
