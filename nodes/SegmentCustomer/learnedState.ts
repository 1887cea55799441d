import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import type { SegmentOutcome, SegmentSubject } from './operations/types';
import { ConfigError, describeValue, parameterError, parseDate } from '../shared/input';
import {
	learnRfmCutPoints,
	learnRfmCutPointsFromHistograms,
	learnValueTierState,
	learnValueTierStateFromHistogram,
	parseRfmCutPoints,
	parseValueTierState,
	readHistogramRows,
	type RfmBins,
	type RfmColumns,
	type ScoreCuts,
	type TierThresholds,
	type ValueTierState,
} from '../shared/segments';
import { choice, columnOf } from './parameters';
import { batchParameter, booleanParameter, optionsParameter, readNumber } from '../common';

/**
 * Learn once, apply page by page: RFM cut points and value-tier thresholds learned from the whole base
 * (a full run, or GROUP BY value histograms), then supplied to runs over pages of that base. Lifecycle
 * and custom rules judge each customer alone and need no learned state.
 */
const relative = { method: ['rfm', 'valueTier'] };

export const learnedStateProperties: INodeProperties[] = [
	optionsParameter(
		'cutPoints',
		'Cut Points',
		[
			{
				name: 'Learn From These Customers',
				value: 'learn',
				description: 'Scores and tiers relative to the customers of this run',
			},
			{
				name: 'Learn From Value Histograms',
				value: 'histograms',
				description: 'Input items are value counts (one per distinct value, as GROUP BY returns); outputs the learned state only',
			},
			{
				name: 'Apply Learned State',
				value: 'apply',
				description: 'Score against cut points learned earlier from the whole customer base, e.g. one page of it',
			},
		],
		'learn',
		undefined,
		{ noDataExpression: true, displayOptions: { show: relative } },
	),
	booleanParameter(
		'outputLearnedState',
		'Add Learned State to Summary',
		false,
		'Whether the Summary output ends with an item holding the learned cut points, for later runs over pages of these customers',
		{ displayOptions: { show: { ...relative, cutPoints: ['learn'] } } },
	),
	{
		displayName: 'Learned State',
		name: 'learnedState',
		type: 'json',
		default: '{}',
		description:
			'The learned-state item of an earlier run: its Summary item "learnedState", or the output of a histogram run, usually as an expression. Recency is measured from its As Of.',
		displayOptions: { show: { ...relative, cutPoints: ['apply'] } },
	},
	...(
		[
			['Measure Column', 'histogramMeasureColumn', 'measure', 'Column naming the measure: recency (value: a last purchase date), frequency (an order count) or monetary (a total spend)'],
			['Value Column', 'histogramValueColumn', 'value', 'Column with the distinct value'],
			['Count Column', 'histogramCountColumn', 'count', 'Column with how many customers have that value'],
		] as const
	).map(
		([displayName, name, value, description]): INodeProperties => ({
			displayName,
			name,
			type: 'string',
			default: value,
			description,
			displayOptions: { show: { ...relative, cutPoints: ['histograms'] } },
		}),
	),
];

export type CutPointsMode = 'learn' | 'histograms' | 'apply';

export interface LearnedSettings {
	mode: CutPointsMode;
	/** Learn mode: end the Summary with the learned state. */
	output: boolean;
	rfmCuts?: ScoreCuts;
	valueTier?: ValueTierState;
	/** Apply mode: the As Of the state was learned at, when it says. */
	asOf?: Date;
}

export function tierShares(ctx: IExecuteFunctions): TierThresholds {
	const a = readNumber(ctx, 'tierAShare', 80, 'Tier A Revenue Share (%)');
	const b = readNumber(ctx, 'tierBShare', 95, 'Tier A+B Revenue Share (%)');
	if (!(a > 0 && a <= 100)) throw parameterError('Tier A Revenue Share (%)', a, a > 0 ? 'is above 100' : 'is not more than 0', 'a percentage more than 0 and at most 100');
	if (!(a <= b && b <= 100)) {
		const problem = b > 100 ? 'is above 100' : `is below Tier A Revenue Share (%) (${a})`;
		throw parameterError('Tier A+B Revenue Share (%)', b, problem, `a percentage from Tier A Revenue Share (%) (${a}) to 100`);
	}
	return { a: a / 100, b: b / 100 };
}

export function readLearnedSettings(ctx: IExecuteFunctions, methodName: string, bins: RfmBins): LearnedSettings {
	if (methodName !== 'rfm' && methodName !== 'valueTier') return { mode: 'learn', output: false };
	const mode = choice<CutPointsMode>(ctx, learnedStateProperties, 'cutPoints');
	if (mode === 'learn') return { mode, output: choice<boolean>(ctx, learnedStateProperties, 'outputLearnedState') };
	if (mode === 'histograms') return { mode, output: true };
	const raw = readLearnedStateObject(ctx);
	const settings: LearnedSettings = { mode, output: false };
	if (methodName === 'rfm') settings.rfmCuts = parseRfmCutPoints(raw, bins);
	else settings.valueTier = parseValueTierState(raw);
	const asOfText = stateObject(raw).asOf;
	if (asOfText !== undefined) settings.asOf = learnedAsOf(asOfText);
	return settings;
}

/**
 * The Learned State parameter as an object: the learned item itself or its JSON. An expression can give
 * anything else (5, true, a list, text that is no JSON), which the state's own checks would only report
 * as a state of no kind, without naming the parameter or showing the value.
 */
function readLearnedStateObject(ctx: IExecuteFunctions): object {
	const raw = batchParameter<unknown>(ctx, 'learnedState', {}, 'Learned State');
	const parsed = typeof raw === 'string' ? jsonOf(raw) : { value: raw };
	if (!parsed) throw parameterError('Learned State', raw, 'is not valid JSON', 'the learned-state item of an earlier run, or its JSON');
	const { value } = parsed;
	if (value === null || typeof value !== 'object' || Array.isArray(value)) {
		throw new ConfigError(`Parameter "Learned State" is ${describeValue(raw)}, which is not a learned state (expected the learned-state item of an earlier run, an object)`);
	}
	return value;
}

function jsonOf(text: string): { value: unknown } | undefined {
	try {
		return { value: JSON.parse(text) as unknown };
	} catch {
		return undefined;
	}
}

/**
 * The As Of a state was learned at, read as every date is (parseDate: a real date within the plausible
 * range, as text, an epoch number, a Date or luxon object): a state kept in a table and read back may
 * hold it as the database's date.
 */
function learnedAsOf(value: unknown): Date {
	let refused: Error;
	try {
		return parseDate(value, 'asOf');
	} catch (error) {
		refused = error as Error;
	}
	throw new ConfigError(`Learned state: ${refused.message}`);
}

function stateObject(raw: unknown): Record<string, unknown> {
	const value = typeof raw === 'string' ? (JSON.parse(raw) as unknown) : raw;
	const object = (value ?? {}) as Record<string, unknown>;
	return typeof object.learned === 'object' && object.learned !== null ? (object.learned as Record<string, unknown>) : object;
}

/** The Summary item holding a full run's learned state. */
export function learnedSummaryJson(methodName: string, learned: object, asOfText: string): IDataObject {
	return { key: 'learnedState', label: 'Learned state', method: methodName, asOf: asOfText, learned: { ...learned, asOf: asOfText } as IDataObject };
}

/** The same from the general path's subjects and outcomes (every subject of RFM and value tier is scored). */
export function learnFromSubjects(ctx: IExecuteFunctions, methodName: string, bins: RfmBins, subjects: SegmentSubject[], outcomes: Array<SegmentOutcome | Error>): object {
	const n = subjects.length;
	const columns = { recencyDays: new Float64Array(n), frequency: new Float64Array(n), monetary: new Float64Array(n) };
	const tierKeys: string[] = new Array(n);
	for (let i = 0; i < n; i++) {
		const { record, recencyDays } = subjects[i];
		columns.recencyDays[i] = recencyDays ?? Number.NaN;
		columns.frequency[i] = record.purchases ?? Number.NaN;
		columns.monetary[i] = record.revenue ?? 0;
		const outcome = outcomes[i];
		tierKeys[i] = outcome instanceof Error ? '' : outcome.key;
	}
	return learnFromRun(ctx, methodName, bins, columns, tierKeys);
}

/** A full run's learned state: RFM cut points from the scored columns, or tier thresholds from the tiers given. */
export function learnFromRun(ctx: IExecuteFunctions, methodName: string, bins: RfmBins, columns: RfmColumns, tierKeys: ArrayLike<string>): object {
	return methodName === 'rfm' ? learnRfmCutPoints(columns, bins) : learnValueTierState(columns.monetary, tierKeys, tierShares(ctx));
}

/**
 * Histogram mode: every input item is one distinct value of one measure with its count (see
 * readHistogramRows). Bad rows fail the run: a state learned from part of the histogram would score
 * every page wrongly.
 */
export function learnFromHistogramItems(
	ctx: IExecuteFunctions,
	items: INodeExecutionData[],
	methodName: string,
	bins: RfmBins,
	asOf: Date,
	timeZone: string,
	asOfText: string,
): INodeExecutionData[][] {
	const columns = {
		measure: columnOf(ctx, learnedStateProperties, 'histogramMeasureColumn'),
		value: columnOf(ctx, learnedStateProperties, 'histogramValueColumn'),
		count: columnOf(ctx, learnedStateProperties, 'histogramCountColumn'),
	};
	const histogram = readHistogramRows(
		items.map((item) => item.json),
		columns,
		{ asOf, timeZone },
	);
	const learned =
		methodName === 'rfm'
			? learnRfmCutPointsFromHistograms(histogram, bins)
			: learnValueTierStateFromHistogram(histogram.monetary, tierShares(ctx));
	const pairedItem = items.map((_, item) => ({ item }));
	return [[{ json: learnedSummaryJson(methodName, learned, asOfText), pairedItem }], []];
}
