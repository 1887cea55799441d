import { checkKeyNumber, ConfigError, describeValue, InputError, luxonDate } from '../input';
import { CES_SCALES, isCesEasy, summariseCes, type CesSummary } from './ces';
import { summariseCsat, type CsatSummary } from './csat';
import { GAP_LABELS, gapLevel, type GapLevel } from './gap';
import { KANO_CATEGORIES, KANO_INDEX, summariseKanoFeature, type KanoFeatureSummary } from './kano';
import { noSpreadNote, tooFewResponsesNote } from './labels';
import { summariseNps, type NpsSummary } from './nps';
import type { SatisfactionConfig, SatisfactionResult } from './response';
import { addTallyJson, measuresOf, parseReportState, tallyToJson, type ReportState } from './reportState';
import { round2, roundTo } from './rounding';

/** Below this many answers a margin of error is not reported (the normal approximation is poor). */
export const DEFAULT_MIN_RESPONSES_FOR_MARGIN = 30;

export interface ReportOptions {
	minResponsesForMargin: number;
	/** Name of the column responses are grouped by; undefined for one overall row only. */
	groupBy?: string;
}

type WithNote<T> = T & { marginNote: string | null };

export interface GapDimensionSummary {
	responses: number;
	meanExpectation: number | null;
	meanPerception: number | null;
	meanGap: number | null;
	level: GapLevel | null;
	label: string | null;
}

export type GapOverallSummary = Omit<GapDimensionSummary, 'meanExpectation' | 'meanPerception'>;

export interface ReportRow {
	scope: 'overall' | 'group';
	groupBy: string | null;
	group: string | null;
	responses: number;
	nps?: WithNote<NpsSummary>;
	csat?: WithNote<CsatSummary>;
	ces?: WithNote<CesSummary>;
	gap?: { overall: GapOverallSummary; dimensions: Record<string, GapDimensionSummary> };
	kano?: Record<string, KanoFeatureSummary>;
	sentiment?: { responses: number; mean: number | null };
	index: { responses: number; mean: number | null };
}

/** Counts and sums of one group: plain numbers and typed arrays, so adding a response allocates nothing. */
class GroupTally {
	responses = 0;
	promoters = 0;
	passives = 0;
	detractors = 0;
	csatN = 0;
	csatSatisfied = 0;
	csatSum = 0;
	cesN = 0;
	cesEasy = 0;
	cesSum = 0;
	cesSumOfSquares = 0;
	gapOverallN = 0;
	gapOverallSum = 0;
	/** Per dimension d: [n, sum expectation, sum perception, sum gap] at 4d..4d+3. */
	readonly gapDims: Float64Array;
	/** Per feature f: counts at 6f..6f+5 in KANO_CATEGORIES order. */
	readonly kano: Float64Array;
	sentimentN = 0;
	sentimentSum = 0;
	indexN = 0;
	indexSum = 0;

	constructor(dimensions: number, features: number) {
		this.gapDims = new Float64Array(dimensions * 4);
		this.kano = new Float64Array(features * 6);
	}

	merge(other: GroupTally): void {
		for (const key of Object.keys(this) as Array<keyof GroupTally>) {
			const value = this[key];
			if (typeof value === 'number') (this as unknown as Record<string, number>)[key] = value + (other[key] as number);
		}
		for (let i = 0; i < this.gapDims.length; i++) this.gapDims[i] += other.gapDims[i];
		for (let i = 0; i < this.kano.length; i++) this.kano[i] += other.kano[i];
	}
}

/** Responses one page run can have reported: far more than n8n holds in one execution. */
export const MAX_PAGE_RESPONSES = 1e12;

/** Where some answers lie: `count` of them, each from `low` to `high`. */
type AnswerRange = { count: number; low: number; high: number; what: string };

/** The whole-number points of a small scale that pass `test`, as the range they span. */
function pointsWhere(scale: { min: number; max: number }, test: (point: number) => boolean): { low: number; high: number } {
	const points: number[] = [];
	for (let point = scale.min; point <= scale.max; point++) if (test(point)) points.push(point);
	return { low: Math.min(...points), high: Math.max(...points) };
}

/**
 * A page's tally must be one that answers on this node's scales can add up to: no more of a kind than
 * there are responses, each sum between its answers all at their lowest and all at their highest (a
 * satisfied CSAT answer is one of the top two points, an easy CES answer one of the easy points), and a
 * sum of squares no smaller than its sum's square over the answers. Otherwise one hand-edited or foreign
 * state (a count of 1e308, more satisfied than CSAT answers, a CSAT mean of −3 on a 1-5 scale, "All 30
 * answers are 3.83" from a sum of squares too small for its sum) would put Infinity, NaN, a share above
 * 100% or a figure no answers give into the combined report.
 */
function checkPageTally(t: GroupTally, config: SatisfactionConfig, where: string): void {
	const fail = (name: string, value: number, problem: string, expected: string): never => {
		throw new ConfigError(`Report state ${where}: ${name} is ${describeValue(value)}, which ${problem} (expected ${expected})`);
	};
	if (t.responses > MAX_PAGE_RESPONSES) fail('responses', t.responses, `is more than ${MAX_PAGE_RESPONSES}`, `at most ${MAX_PAGE_RESPONSES}`);
	const atMost = (name: string, count: number, limit: number, limitName: string) => {
		if (count > limit) fail(name, count, `is more than ${limitName} (${limit})`, `at most ${limitName}`);
	};
	atMost('promoters + passives + detractors', t.promoters + t.passives + t.detractors, t.responses, 'responses');
	for (const name of ['csatN', 'cesN', 'gapOverallN', 'sentimentN', 'indexN'] as const) atMost(name, t[name], t.responses, 'responses');
	atMost('csatSatisfied', t.csatSatisfied, t.csatN, 'csatN');
	atMost('cesEasy', t.cesEasy, t.cesN, 'cesN');
	for (let d = 0; d < t.gapDims.length; d += 4) atMost(`gapDims[${d}]`, t.gapDims[d], t.responses, 'responses');
	for (let f = 0; f < t.kano.length; f += 6) atMost(`kano[${f}..${f + 5}]`, t.kano.subarray(f, f + 6).reduce((a, b) => a + b, 0), t.responses, 'responses');
	// The slack covers rounding in sums of decimals.
	const between = (name: string, sum: number, answers: number, ranges: AnswerRange[], atLeast = -Infinity) => {
		let low = 0;
		let high = 0;
		for (const r of ranges) {
			low += r.count * r.low;
			high += r.count * r.high;
		}
		low = Math.max(low, atLeast);
		const slack = 1e-9 * Math.max(Math.abs(low), Math.abs(high));
		if (!(sum >= low - slack && sum <= high + slack)) {
			const parts = ranges.filter((r) => r.count > 0).map((r) => `${r.count} ${r.what} from ${r.low} to ${r.high}`);
			fail(name, sum, `is not what ${answers} answers can add up to`, `from ${low} to ${high}: ${parts.join(' and ') || 'no answers'}`);
		}
	};
	const all = (count: number, low: number, high: number, what = 'answers'): AnswerRange[] => [{ count, low, high, what }];
	if (config.csat) {
		const { min, max } = config.csat.scale;
		between('csatSum', t.csatSum, t.csatN, [
			{ count: t.csatSatisfied, low: max - 1, high: max, what: 'satisfied answers' },
			{ count: t.csatN - t.csatSatisfied, low: min, high: max - 2, what: 'other answers' },
		]);
	}
	if (config.ces) {
		const { version } = config.ces;
		const scale = CES_SCALES[version];
		const easy = pointsWhere(scale, (point) => isCesEasy(point, version));
		const other = pointsWhere(scale, (point) => !isCesEasy(point, version));
		const answers = (square: (x: number) => number): AnswerRange[] => [
			{ count: t.cesEasy, low: square(easy.low), high: square(easy.high), what: 'easy answers' },
			{ count: t.cesN - t.cesEasy, low: square(other.low), high: square(other.high), what: 'other answers' },
		];
		between('cesSum', t.cesSum, t.cesN, answers((x) => x));
		// Σx² ≥ (Σx)² / n: the answers' spread about their mean is not negative.
		between('cesSumOfSquares', t.cesSumOfSquares, t.cesN, answers((x) => x * x), t.cesN > 0 ? (t.cesSum * t.cesSum) / t.cesN : 0);
	}
	if (config.gap) {
		const { min, max } = config.gap.scale;
		// Gaps as rounded when scored (rounding keeps order, so never past the rounded width).
		const width = roundTo(max - min, 4);
		const dimensionWidth = roundTo(max - min, 6);
		between('gapOverallSum', t.gapOverallSum, t.gapOverallN, all(t.gapOverallN, -width, width, 'gaps'));
		for (let d = 0; d < t.gapDims.length; d += 4) {
			between(`gapDims[${d + 1}]`, t.gapDims[d + 1], t.gapDims[d], all(t.gapDims[d], min, max, 'expectations'));
			between(`gapDims[${d + 2}]`, t.gapDims[d + 2], t.gapDims[d], all(t.gapDims[d], min, max, 'perceptions'));
			between(`gapDims[${d + 3}]`, t.gapDims[d + 3], t.gapDims[d], all(t.gapDims[d], -dimensionWidth, dimensionWidth, 'gaps'));
		}
	}
	between('sentimentSum', t.sentimentSum, t.sentimentN, all(t.sentimentN, -1, 1, 'sentiments'));
	between('indexSum', t.indexSum, t.indexN, all(t.indexN, 0, 100, 'indexes'));
}

/**
 * Accumulates scored responses into one report row per group plus an overall row. Responses are
 * counted, not customers, so a customer who answered twice counts twice (as NPS is usually reported).
 */
export class SatisfactionReport {
	private readonly groups = new Map<string, GroupTally>();
	/** The pages combined by addState, by identity: where each came from. */
	private readonly pages = new Map<string, number>();
	private unidentified = 0;
	private readonly dimensionKeys: string[];
	private readonly featureKeys: string[];

	constructor(
		private readonly config: SatisfactionConfig,
		private readonly options: ReportOptions,
	) {
		this.dimensionKeys = config.gap ? config.gap.dimensions.map((d) => d.key) : [];
		this.featureKeys = config.kano ? config.kano.features.map((f) => f.key) : [];
	}

	/** Adds one scored response to its group ('' when not grouping). */
	add(result: SatisfactionResult, group = ''): void {
		let t = this.groups.get(group);
		if (!t) {
			t = new GroupTally(this.dimensionKeys.length, this.featureKeys.length);
			this.groups.set(group, t);
		}
		t.responses++;
		const nps = result.nps;
		if (nps) {
			if (nps.category === 'promoter') t.promoters++;
			else if (nps.category === 'passive') t.passives++;
			else t.detractors++;
		}
		const csat = result.csat;
		if (csat) {
			t.csatN++;
			t.csatSum += csat.score;
			if (csat.satisfied) t.csatSatisfied++;
		}
		const ces = result.ces;
		if (ces) {
			t.cesN++;
			t.cesSum += ces.score;
			t.cesSumOfSquares += ces.score * ces.score;
			if (ces.easy) t.cesEasy++;
		}
		const gap = result.gap;
		if (gap) {
			t.gapOverallN++;
			t.gapOverallSum += gap.gap;
			const keys = this.dimensionKeys;
			for (let d = 0; d < keys.length; d++) {
				const dim = gap.dimensions[keys[d]];
				if (!dim) continue;
				t.gapDims[4 * d]++;
				t.gapDims[4 * d + 1] += dim.expectation;
				t.gapDims[4 * d + 2] += dim.perception;
				t.gapDims[4 * d + 3] += dim.gap;
			}
		}
		const kano = result.kano;
		if (kano) {
			const keys = this.featureKeys;
			for (let f = 0; f < keys.length; f++) {
				const feature = kano[keys[f]];
				if (feature) t.kano[6 * f + KANO_INDEX[feature.category]]++;
			}
		}
		if (typeof result.sentiment === 'number') {
			t.sentimentN++;
			t.sentimentSum += result.sentiment;
		}
		if (result.index !== null) {
			t.indexN++;
			t.indexSum += result.index;
		}
	}

	/**
	 * The counts and sums behind rows(), to combine this page's report with other pages' (see reportState.ts).
	 * `page`: the page's identity (pageIdentity of its input items).
	 */
	state(page?: string): ReportState {
		return {
			kind: 'satisfactionReportState',
			measures: measuresOf(this.config),
			groupBy: this.options.groupBy ?? null,
			groups: [...this.groups].map(([group, tally]) => ({ group, tally: tallyToJson(tally) })),
			...(page === undefined ? {} : { page }),
		};
	}

	/**
	 * Adds another page's report state (an object or JSON text); rows() then report both as one run.
	 * All or nothing: a malformed state, or a page already added, throws before anything is added.
	 * Returns the state's groups.
	 */
	addState(raw: unknown, index = 0): string[] {
		const state = parseReportState(raw, measuresOf(this.config), this.options.groupBy ?? null, index);
		const read = state.groups.map(({ group, tally }) => {
			const t = new GroupTally(this.dimensionKeys.length, this.featureKeys.length);
			const where = `${index}, group ${describeValue(group)}`;
			addTallyJson(t, tally ?? {}, where);
			checkPageTally(t, this.config, where);
			return { group, t };
		});
		const earlier = state.page === undefined ? undefined : this.pages.get(state.page);
		if (earlier !== undefined) {
			throw new ConfigError(
				`Report state ${index} is page ${state.page} again, already combined from report state ${earlier}: combined twice, its responses would count twice ` +
					'(expected each page’s overall row once: a page run again replaces its earlier row; pages whose rows are identical field for field need an ID column)',
			);
		}
		for (const { group, t } of read) {
			const existing = this.groups.get(group);
			if (existing) existing.merge(t);
			else this.groups.set(group, t);
		}
		if (state.page === undefined) this.unidentified++;
		else this.pages.set(state.page, index);
		return read.map(({ group }) => group);
	}

	/** Pages combined whose state carries no identity (written before it was added): a repeat among them goes unnoticed. */
	get unidentifiedPages(): number {
		return this.unidentified;
	}

	/** The overall row first, then one row per group in order of first appearance. */
	rows(): ReportRow[] {
		const overall = new GroupTally(this.dimensionKeys.length, this.featureKeys.length);
		for (const t of this.groups.values()) overall.merge(t);
		const { groupBy } = this.options;
		const rows = [this.row(overall, 'overall', null)];
		if (groupBy !== undefined) for (const [group, t] of this.groups) rows.push(this.row(t, 'group', group));
		return rows;
	}

	private row(t: GroupTally, scope: 'overall' | 'group', group: string | null): ReportRow {
		const { config } = this;
		const { minResponsesForMargin } = this.options;
		const language = config.language;
		const note = (n: number) => (n > 0 && n < minResponsesForMargin ? tooFewResponsesNote(n, minResponsesForMargin, language) : null);
		const row: ReportRow = { scope, groupBy: this.options.groupBy ?? null, group, responses: t.responses, index: { responses: 0, mean: null } };
		if (config.nps) {
			const nps = summariseNps(t, minResponsesForMargin);
			row.nps = { ...nps, marginNote: note(nps.responses) };
		}
		if (config.csat) {
			const csat = summariseCsat({ responses: t.csatN, satisfied: t.csatSatisfied, sum: t.csatSum }, config.csat.scale, minResponsesForMargin);
			row.csat = { ...csat, marginNote: note(csat.responses) };
		}
		if (config.ces) {
			const ces = summariseCes({ responses: t.cesN, easy: t.cesEasy, sum: t.cesSum, sumOfSquares: t.cesSumOfSquares }, config.ces.version, minResponsesForMargin);
			// Enough answers and still no margin: they are all alike.
			const spreadNote = ces.responses > 0 && ces.responses >= minResponsesForMargin && ces.marginOfError === null ? noSpreadNote(ces.responses, ces.mean!, language) : null;
			row.ces = { ...ces, marginNote: note(ces.responses) ?? spreadNote };
		}
		if (config.gap) {
			const tolerance = config.gap.tolerance;
			const level = (meanGap: number | null) => (meanGap === null ? null : gapLevel(meanGap, tolerance));
			const summary = (n: number, e: number | null, p: number | null, g: number | null): GapDimensionSummary => {
				const meanGap = n === 0 || g === null ? null : roundTo(g / n, 4);
				const lvl = level(meanGap);
				return {
					responses: n,
					meanExpectation: n === 0 || e === null ? null : roundTo(e / n, 4),
					meanPerception: n === 0 || p === null ? null : roundTo(p / n, 4),
					meanGap,
					level: lvl,
					label: lvl ? GAP_LABELS[lvl][language] : null,
				};
			};
			// fromEntries defines own fields: assigning would make a dimension "__proto__" the prototype.
			const dimensions: Record<string, GapDimensionSummary> = Object.fromEntries(
				this.dimensionKeys.map((key, d) => [key, summary(t.gapDims[4 * d], t.gapDims[4 * d + 1], t.gapDims[4 * d + 2], t.gapDims[4 * d + 3])]),
			);
			const { responses, meanGap, level: overallLevel, label } = summary(t.gapOverallN, null, null, t.gapOverallSum);
			row.gap = { overall: { responses, meanGap, level: overallLevel, label }, dimensions };
		}
		if (config.kano) {
			row.kano = Object.fromEntries(this.featureKeys.map((key, f) => [key, summariseKanoFeature(t.kano.subarray(6 * f, 6 * f + KANO_CATEGORIES.length), language)]));
		}
		if (config.sentiment) row.sentiment = { responses: t.sentimentN, mean: t.sentimentN ? roundTo(t.sentimentSum / t.sentimentN, 4) : null };
		row.index = { responses: t.indexN, mean: t.indexN ? round2(t.indexSum / t.indexN) : null };
		return row;
	}
}

/**
 * The report group of a response's group-by value: a text (trimmed; empty ones together as "(empty)"), a
 * number or a date (as its ISO instant). Anything else (true/false, an invalid date, NaN, a number that
 * lost digits, a list or an object) is an item error naming the column, never a group of its own.
 */
export function groupKeyOf(value: unknown, field = 'group'): string {
	if (value === undefined || value === null) return EMPTY_GROUP;
	if (typeof value === 'string') {
		// "Shanghai " from a padded export is the store "Shanghai", as customer IDs are read trimmed.
		const text = value.trim();
		if (text === '') return EMPTY_GROUP;
		// The row of empty values is named "(empty)": a value written so would be counted with them, unseen.
		if (text === EMPTY_GROUP) throw new InputError(field, value, 'is the name of the report row of empty values', `a value other than "${EMPTY_GROUP}" (empty values are reported together as "${EMPTY_GROUP}")`);
		return text;
	}
	// A BigInt from a Code node is a 64-bit ID kept exact, as customer IDs read it.
	if (typeof value === 'bigint') return String(value);
	if (typeof value === 'number') {
		if (!Number.isFinite(value)) throw new InputError(field, value, 'is not a finite number', GROUP_VALUE);
		// A 64-bit store or agent ID has lost digits as a JSON number: two stores would be one group named after neither.
		checkKeyNumber(value, field, 'groups', 'values');
		return String(value);
	}
	// Group values are keys, read as every node reads keys (the team's rule: customer IDs, Measure Care
	// Impact's groups and strata): true/false is none, and would be grouped with the text "true", unseen.
	if (typeof value === 'boolean') throw new InputError(field, value, 'is true/false, not a group value', GROUP_VALUE);
	// A date (a week from a Date & Time node) is the instant it names, as its ISO text is: both one group.
	const date = value instanceof Date ? value : luxonDate(value);
	if (date) {
		if (Number.isNaN(date.getTime())) throw new InputError(field, value, 'is an invalid date', GROUP_VALUE);
		return date.toISOString();
	}
	// A list or an object names no group: a row named '["SH"]' or '{"id":3}' means the column mapped holds
	// the value to group by inside it (store.name).
	throw new InputError(field, value, Array.isArray(value) ? 'is a list, not one value' : 'is an object, not one value', `${GROUP_VALUE}; map the column inside it`);
}

const GROUP_VALUE = 'a text, a number or a valid date to group the report by';

export const EMPTY_GROUP = '(empty)';
