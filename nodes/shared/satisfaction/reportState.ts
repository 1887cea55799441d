import { ConfigError, describeValue } from '../input';
import type { SatisfactionConfig } from './response';

/**
 * A report's counts and sums per group, written out so that reports made page by page combine into the
 * report of one run over every response: NPS, CSAT and CES are counts (and, for the CES spread, sums of
 * squares of whole-number answers), so the combined figures and margins are those of one run exactly.
 * Sums of fractional values (gap, sentiment, index) combine to the last binary digit of the sum.
 */
export interface ReportState {
	kind: 'satisfactionReportState';
	/** What the pages measured; pages made with other settings cannot be combined. */
	measures: MeasuresFingerprint;
	groupBy: string | null;
	/** In order of first appearance; each tally as the report keeps it. */
	groups: Array<{ group: string; tally: Record<string, number | number[]> }>;
	/**
	 * The identity of the page the state counts (pageIdentity of its input items), so that a page given
	 * twice to Combine Page Reports is refused. Absent in states written before it was added, and in the
	 * state of a report made outside a page run.
	 */
	page?: string;
}

export interface MeasuresFingerprint {
	nps: boolean;
	csat: string | null;
	ces: string | null;
	gapDimensions: string[];
	kanoFeatures: string[];
	sentiment: boolean;
	/**
	 * What each response's index and overall gap were computed with (they are summed per page): the
	 * index weights of the measured metrics, the gap scale and importance weights. Absent in states
	 * written before it was added; those are compared without it.
	 */
	scoring?: { indexWeights: Record<string, number>; gapScale: string | null; gapWeights: number[] };
}

export function measuresOf(config: SatisfactionConfig): MeasuresFingerprint {
	return {
		nps: config.nps !== undefined,
		csat: config.csat ? `${config.csat.scale.min}-${config.csat.scale.max}` : null,
		ces: config.ces ? config.ces.version : null,
		gapDimensions: config.gap ? config.gap.dimensions.map((d) => d.key) : [],
		kanoFeatures: config.kano ? config.kano.features.map((f) => f.key) : [],
		sentiment: config.sentiment !== undefined,
		scoring: {
			indexWeights: Object.fromEntries(INDEX_METRICS.filter((m) => config[m] !== undefined).map((m) => [m, config.indexWeights[m]])),
			gapScale: config.gap ? `${config.gap.scale.min}-${config.gap.scale.max}` : null,
			gapWeights: config.gap ? config.gap.dimensions.map((d) => d.weight) : [],
		},
	};
}

const INDEX_METRICS = ['nps', 'csat', 'ces', 'gap', 'sentiment'] as const;

/** A tally's own fields: numbers and typed arrays. */
type Tally = object;

export function tallyToJson(tally: Tally): Record<string, number | number[]> {
	const json: Record<string, number | number[]> = {};
	for (const [key, value] of Object.entries(tally)) json[key] = value instanceof Float64Array ? Array.from(value) : (value as number);
	return json;
}

/** Adds a tally written by tallyToJson into `into` (same shape), field by field. */
export function addTallyJson(into: Tally, json: Record<string, unknown>, where: string): void {
	const target = into as Record<string, number | Float64Array>;
	for (const key of Object.keys(target)) {
		const current = target[key];
		const value = json[key];
		if (current instanceof Float64Array) {
			if (!Array.isArray(value) || value.length !== current.length || !value.every((v) => typeof v === 'number' && Number.isFinite(v))) {
				throw new ConfigError(`Report state ${where}: ${key} is ${describeValue(value)}; expected a list of ${current.length} finite numbers`);
			}
			for (let i = 0; i < current.length; i++) current[i] += value[i] as number;
		} else {
			// Sums (gap, sentiment, index) may be negative; everything else is a count.
			const isSum = /Sum/.test(key);
			if (typeof value !== 'number' || !Number.isFinite(value) || (!isSum && !(Number.isInteger(value) && value >= 0))) {
				const expected = isSum ? 'a finite number' : 'a whole number >= 0';
				throw new ConfigError(`Report state ${where}: ${key} is ${describeValue(value)}; expected ${expected}`);
			}
			target[key] = current + value;
		}
	}
}

/** JSON text with the keys of every object sorted: the same value whatever order its keys were stored in. */
function canonicalJson(value: unknown): string {
	return JSON.stringify(value, (_key, v: unknown) =>
		v !== null && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
	);
}

const PAGE_ID = /^[0-9a-f]{32}$/;

/**
 * Reads a page's report state: the state object itself or a report row holding it under `reportState`,
 * either as an object or as JSON text (a state stored in a JSON column and read back: MySQL gives it as
 * text, PostgreSQL's jsonb with its keys in another order; both are the same state).
 */
export function parseReportState(raw: unknown, expected: MeasuresFingerprint, groupBy: string | null, index: number): ReportState {
	const object = (jsonValue(raw, index) ?? {}) as Record<string, unknown>;
	const state = (object.kind === 'satisfactionReportState' ? object : jsonValue(object.reportState, index)) as ReportState | undefined;
	if (!state || state.kind !== 'satisfactionReportState' || !Array.isArray(state.groups)) {
		throw new ConfigError(
			`Item ${index} is ${describeValue(raw)}, which holds no report state (expected the overall report row of a Score Satisfaction page run with Report State "Add to Overall Row", or its reportState)`,
		);
	}
	const measures = (state.measures ?? {}) as Partial<MeasuresFingerprint>;
	const compared = measures.scoring === undefined ? { ...expected, scoring: undefined } : expected;
	if (canonicalJson(state.measures) !== canonicalJson(compared)) {
		throw new ConfigError(
			`Report state ${index} measured ${measuresDifference(state.measures, compared)} (expected pages made with the same settings: metrics, scales, index and importance weights)`,
		);
	}
	if ((state.groupBy ?? null) !== groupBy) {
		throw new ConfigError(
			`Report state ${index} is grouped by ${describeValue(state.groupBy)}, but this node groups by ${describeValue(groupBy)} (expected pages made with the same Group By)`,
		);
	}
	if (state.page !== undefined && !(typeof state.page === 'string' && PAGE_ID.test(state.page))) {
		throw new ConfigError(`Report state ${index}: page is ${describeValue(state.page)}; expected the page ID its page run wrote (32 hexadecimal digits)`);
	}
	const seen = new Set<string>();
	for (const entry of state.groups) {
		const group = (entry as { group?: unknown } | null)?.group;
		if (typeof group !== 'string') throw new ConfigError(`Report state ${index}: a group is ${describeValue(entry)}; expected { group: text, tally }`);
		if (seen.has(group)) throw new ConfigError(`Report state ${index}: group ${describeValue(group)} is listed twice (expected each group once, as a page run lists them)`);
		seen.add(group);
	}
	return state;
}

/**
 * Where a state's measures differ from this node's, each setting by its path and value (describeValue):
 * "scoring.indexWeights.csat 1, but this node measures scoring.indexWeights.csat 0". Only what differs,
 * so the message does not bury it in two whole fingerprints cut short.
 */
function measuresDifference(measured: unknown, expected: MeasuresFingerprint): string {
	const paths: string[] = [];
	const compare = (given: unknown, wanted: unknown, path: string) => {
		if (isRecord(given) && isRecord(wanted)) {
			for (const key of new Set([...Object.keys(wanted), ...Object.keys(given)])) compare(given[key], wanted[key], path ? `${path}.${key}` : key);
		} else if (canonicalJson(given) !== canonicalJson(wanted)) paths.push(path);
	};
	compare(measured, expected, '');
	const side = (root: unknown) => paths.map((path) => (path ? `${path} ${describeValue(valueAtPath(root, path))}` : describeValue(root))).join(', ');
	return `${side(measured)}, but this node measures ${side(expected)}`;
}

const isRecord = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

const valueAtPath = (root: unknown, path: string): unknown => path.split('.').reduce<unknown>((value, key) => (isRecord(value) ? value[key] : undefined), root);

/** A value, or the value JSON text holds. */
function jsonValue(value: unknown, index: number): unknown {
	if (typeof value !== 'string') return value;
	try {
		return JSON.parse(value);
	} catch {
		throw new ConfigError(`Report state ${index}: ${describeValue(value)} is not valid JSON (expected the report state object or its JSON text)`);
	}
}
