import { calendarDays, parameterError } from '../input';
import { isCesEasy, type CesVersion } from './ces';
import { isCsatSatisfied } from './csat';
import { GAP_LABELS, gapLevel, type GapLevel } from './gap';
import type { Language } from './labels';
import { classifyNps, NPS_LABELS, type NpsCategory } from './nps';
import type { SatisfactionConfig, SatisfactionResult } from './response';
import { round2, roundTo } from './rounding';

export type CombineMode = 'latest' | 'mean' | 'recencyWeighted';

export interface AggregateOptions {
	combineBy: CombineMode;
	/** For recencyWeighted: a response this many days older than the customer's latest weighs half as much. */
	halfLifeDays: number;
	/** The index falling by at least this many points from the previous response to the last one is `declining`. */
	decliningDrop: number;
	/**
	 * The zone whose calendar counts a response's age in days (the workflow's): 90 days before a response
	 * is 90 days across a clock change too, as every day count of the package. UTC when not given.
	 */
	timeZone?: string;
}

export const DEFAULT_AGGREGATE_OPTIONS: AggregateOptions = { combineBy: 'latest', halfLifeDays: 90, decliningDrop: 10 };

export interface CustomerTrend {
	/** Index of the latest response that has one. */
	last: number | null;
	/** Index of the response before it. */
	previous: number | null;
	/** last - previous, in index points. */
	change: number | null;
	declining: boolean;
}

export interface CustomerSatisfaction {
	responses: number;
	firstResponseAt: Date | null;
	lastResponseAt: Date | null;
	combinedBy: CombineMode;
	nps?: { score: number; category: NpsCategory; label: string } | null;
	csat?: { score: number; satisfied: boolean } | null;
	ces?: { score: number; easy: boolean; version: CesVersion } | null;
	gap?: { gap: number; level: GapLevel; label: string } | null;
	sentiment?: number | null;
	index: number | null;
	trend: CustomerTrend;
}

export interface TimedResponse {
	/** When it was answered (epoch ms), or null when responses are taken in input order. */
	at: number | null;
	/** Position in the input; breaks ties between equal times (the later item is the later response). */
	order: number;
	result: SatisfactionResult;
}

/** The settings AggregateOptions come from, for messages to name them. */
export interface AggregateLabels {
	halfLifeDays: string;
	decliningDrop: string;
	dateColumn: string;
}

export function checkAggregateOptions(options: AggregateOptions, hasDates: boolean, labels?: AggregateLabels): void {
	const named = (key: keyof AggregateLabels, otherwise: string) => labels?.[key] ?? otherwise;
	const positive = (value: number) => (Number.isNaN(value) ? 'is not a number' : value > 0 ? 'is not finite' : 'is not more than 0');
	if (!['latest', 'mean', 'recencyWeighted'].includes(options.combineBy)) {
		throw parameterError('Combine By', options.combineBy, 'is not a way to combine responses', 'latest, mean or recencyWeighted');
	}
	if (options.combineBy === 'recencyWeighted') {
		if (!hasDates) {
			throw parameterError(named('dateColumn', 'Response Date Column'), '', 'is empty, and a recency-weighted mean weighs responses by their dates', 'the column holding each response’s date');
		}
		if (!(options.halfLifeDays > 0) || !Number.isFinite(options.halfLifeDays)) {
			throw parameterError(named('halfLifeDays', 'Half-life'), options.halfLifeDays, positive(options.halfLifeDays), 'a number of days more than 0');
		}
	}
	if (!(options.decliningDrop > 0) || !Number.isFinite(options.decliningDrop)) {
		throw parameterError(named('decliningDrop', 'Declining drop'), options.decliningDrop, positive(options.decliningDrop), 'a number of index points more than 0');
	}
}

/**
 * Combines one value per response (null = not answered) by the chosen mode. Responses are in
 * chronological order; `halfLives` is each response's age in half-lives (all 0 for the plain mean).
 * Weights are 0.5^(age), counted from the latest response that answered this value: the mean is the
 * same as counted from the customer's latest response, but a weight never underflows to 0 or to a
 * subnormal number (an answer 1,100 half-lives older than an unrelated later response kept its value).
 * Mode latest: only the latest answered value.
 */
function combine(values: ArrayLike<number | null>, halfLives: ArrayLike<number>, mode: CombineMode): number | null {
	if (mode === 'latest') {
		for (let i = values.length - 1; i >= 0; i--) if (values[i] !== null) return values[i];
		return null;
	}
	let youngest = Infinity;
	for (let i = 0; i < values.length; i++) if (values[i] !== null && halfLives[i] < youngest) youngest = halfLives[i];
	let sum = 0;
	let total = 0;
	for (let i = 0; i < values.length; i++) {
		const v = values[i];
		if (v === null) continue;
		// The youngest weigh 1, also when a half-life of 1e-310 days makes ages Infinity (∞ − ∞ is NaN).
		const weight = halfLives[i] === youngest ? 1 : 0.5 ** (halfLives[i] - youngest);
		sum += weight * v;
		total += weight;
	}
	return total === 0 ? null : sum / total;
}

/** Sort order of responses: by time, equal (or no) times by input position. */
export function chronological(a: TimedResponse, b: TimedResponse): number {
	if (a.at !== null && b.at !== null && a.at !== b.at) return a.at - b.at;
	return a.order - b.order;
}

/** The latest response and the earliest input position of one customer's responses. */
export function latestAndFirstPosition(responses: TimedResponse[]): { latest: TimedResponse; firstPosition: number } {
	let latest = responses[0];
	let firstPosition = responses[0].order;
	for (let i = 1; i < responses.length; i++) {
		const r = responses[i];
		if (chronological(r, latest) > 0) latest = r;
		if (r.order < firstPosition) firstPosition = r.order;
	}
	return { latest, firstPosition };
}

/**
 * One customer's responses combined into one satisfaction record. Categories (promoter, satisfied,
 * easy, level) are re-derived from the combined score with the same cut points as single answers, so a
 * mean NPS of 8.6 is passive. The trend compares the indexes of the last two responses that have one.
 */
export function combineCustomerResponses(
	responses: TimedResponse[],
	config: SatisfactionConfig,
	options: AggregateOptions,
): CustomerSatisfaction {
	const sorted = [...responses].sort(chronological);
	const n = sorted.length;
	const language: Language = config.language;
	const mode = options.combineBy;
	const halfLives = new Float64Array(n);
	if (mode === 'recencyWeighted') {
		const latest = sorted[n - 1].at!;
		for (let i = 0; i < n; i++) halfLives[i] = calendarDays(sorted[i].at!, latest, options.timeZone) / options.halfLifeDays;
	}
	const pick = (value: (r: SatisfactionResult) => number | null | undefined) =>
		combine(
			sorted.map((r) => value(r.result) ?? null),
			halfLives,
			mode,
		);

	const first = sorted[0].at;
	const last = sorted[n - 1].at;
	const out: CustomerSatisfaction = {
		responses: n,
		firstResponseAt: first === null ? null : new Date(first),
		lastResponseAt: last === null ? null : new Date(last),
		combinedBy: mode,
	} as CustomerSatisfaction;
	if (config.nps) {
		const v = pick((r) => r.nps?.score);
		if (v === null) out.nps = null;
		else {
			const score = round2(v);
			const category = classifyNps(score);
			out.nps = { score, category, label: NPS_LABELS[category][language] };
		}
	}
	if (config.csat) {
		const v = pick((r) => r.csat?.score);
		out.csat = v === null ? null : { score: round2(v), satisfied: isCsatSatisfied(round2(v), config.csat.scale) };
	}
	if (config.ces) {
		const version = config.ces.version;
		const v = pick((r) => r.ces?.score);
		out.ces = v === null ? null : { score: round2(v), easy: isCesEasy(round2(v), version), version };
	}
	if (config.gap) {
		const v = pick((r) => r.gap?.gap);
		if (v === null) out.gap = null;
		else {
			const gap = roundTo(v, 4);
			const level = gapLevel(gap, config.gap.tolerance);
			out.gap = { gap, level, label: GAP_LABELS[level][language] };
		}
	}
	if (config.sentiment) {
		const v = pick((r) => r.sentiment);
		out.sentiment = v === null ? null : roundTo(v, 4);
	}
	const index = pick((r) => r.index);
	out.index = index === null ? null : round2(index);
	out.trend = trendOf(sorted, options.decliningDrop);
	return out;
}

function trendOf(sorted: TimedResponse[], decliningDrop: number): CustomerTrend {
	let last: number | null = null;
	let previous: number | null = null;
	for (let i = sorted.length - 1; i >= 0 && previous === null; i--) {
		const index = sorted[i].result.index;
		if (index === null) continue;
		if (last === null) last = index;
		else previous = index;
	}
	if (last === null || previous === null) return { last, previous, change: null, declining: false };
	const change = round2(last - previous);
	return { last, previous, change, declining: change <= -decliningDrop };
}

/** Collects responses per customer, keeping customers in order of first appearance. */
export class CustomerResponses {
	private readonly byCustomer = new Map<string, { customerId: unknown; responses: TimedResponse[] }>();

	add(customerId: unknown, response: TimedResponse): void {
		const key = typeof customerId === 'string' ? customerId.trim() : String(customerId);
		let entry = this.byCustomer.get(key);
		if (!entry) {
			entry = { customerId: typeof customerId === 'string' ? customerId.trim() : customerId, responses: [] };
			this.byCustomer.set(key, entry);
		}
		entry.responses.push(response);
	}

	customers(): Array<{ customerId: unknown; responses: TimedResponse[] }> {
		return [...this.byCustomer.values()];
	}
}
