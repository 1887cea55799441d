import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties, IPairedItemData } from 'n8n-workflow';
import { booleanParameter, ItemRouter, labelsOf, numberParameter, optionsCollection, optionsParameter, readChoice, readColumns, readLanguage, readNumber, readTextParameter, textParameter } from '../../common';
import { ConfigError, describeExpected, parameterError, PLAUSIBLE, rangeProblem, type NumberRules } from '../../shared/input';
import { RATING_SCALE_LIMIT } from '../../shared/satisfaction/scale';
// The per-customer functions come from their own modules: a barrel's re-exports are getters, called on every use.
import { getField } from '../../shared/input/fields';
import { parseMoney, parseNumber } from '../../shared/input/numbers';
import { cautionSentence, measureOutcome, outcomeLabel, upliftSentence, type Language, type OutcomeKind } from '../../shared/impact';
import { checkStratification, MergedPages } from '../../shared/impact/pageMerge';
import { ALL, cellOf, mergeState, newState, OUTCOME_KINDS, overall, pageCampaign, readPageState, type StratumState, type UpliftState } from '../../shared/impact/state';
import { pageIdentity } from '../../shared/satisfaction/pageIdentity';
import { addValue } from '../../shared/impact/sufficient';
import { parseGroup, parseGroupingKey, parseYesNo, shareOfPercent } from '../../shared/impact/values';
import { readCampaign } from './assignHoldout';
import { countedCustomers } from './countedCustomers';
import { upliftJson } from './upliftJson';

const show = (extra: IDataObject = {}) => ({ show: { operation: ['measureUplift'], ...extra } });
const fromCustomers = show({ input: ['customers'] });

const conversionNameProperty = textParameter('conversionName', 'Conversion Name', '', 'How the sentences call the converted outcome (default "conversion" / 转化率)', { placeholder: 'repurchase' });
const includeStateProperty = booleanParameter(
	'includeState',
	'Include Page State',
	false,
	'Whether to add one item with the sufficient statistics of this page, for merging pages measured separately',
);

const inputProperty = optionsParameter(
	'input',
	'Input',
	[
		{ name: 'Customers', value: 'customers', description: 'One item per customer with its group and outcomes' },
		{
			name: 'Page States to Merge',
			value: 'pageStates',
			description: 'The state items of earlier runs on pages of customers (Include Page State on); gives the same result as one run on all of them',
		},
	],
	'customers',
	undefined,
	{ noDataExpression: true, displayOptions: show() },
);

export const measureUpliftProperties: INodeProperties[] = [
	inputProperty,
	textParameter('customerIdColumn', 'Customer ID Column', 'customerId', 'Column holding the customer ID: one item per customer, a customer in a second item is that item\'s error', {
		displayOptions: fromCustomers,
	}),
	textParameter('groupColumn', 'Group Column', 'impact.group', 'Column with "treatment" or "holdout", as Assign Holdout writes it', { displayOptions: fromCustomers }),
	textParameter(
		'stratumColumn',
		'Stratify By Column',
		'',
		'Optional column whose values get results of their own, next to the result for all customers',
		{ placeholder: 'impact.stratum', displayOptions: fromCustomers },
	),
	textParameter('conversionColumn', 'Converted Column', 'converted', 'Yes/no outcome (true/false, 1/0, yes/no); empty to skip', { displayOptions: fromCustomers }),
	textParameter('revenueColumn', 'Revenue Column', 'revenue', 'Revenue per customer in the window (0 for none); empty to skip', { displayOptions: fromCustomers }),
	textParameter('retainedColumn', 'Retained Column', '', 'Yes/no: still a customer at the end of the window; empty to skip', { displayOptions: fromCustomers }),
	textParameter('satisfactionColumn', 'Satisfaction Column', '', 'A satisfaction score per customer (e.g. CSAT or NPS answer); empty to skip', { displayOptions: fromCustomers }),
	numberParameter('windowDays', 'Window (Days)', 30, 'Days after the campaign over which the outcomes were observed (named in the sentences; 0 leaves it out)', { displayOptions: show() }),
	numberParameter('confidenceLevel', 'Confidence Level (%)', 95, undefined, { typeOptions: { minValue: 50, maxValue: 99.9 }, displayOptions: show() }),
	numberParameter('costPerContact', 'Cost per Contact', 0, 'Cost of the campaign per treated customer, for ROI (0: no ROI)', { typeOptions: { numberPrecision: 4 }, displayOptions: show() }),
	numberParameter('marginPercent', 'Margin (%)', 100, 'Share of revenue kept as profit, for ROI', { typeOptions: { minValue: 0, maxValue: 100 }, displayOptions: show() }),
	optionsCollection([conversionNameProperty, includeStateProperty], 'upliftOptions', { displayOptions: show() }),
];

const LABELS = labelsOf(measureUpliftProperties);

const OUTCOMES: Array<{ key: string; parameter: string; kind: OutcomeKind }> = [
	{ key: 'conversion', parameter: 'conversionColumn' },
	{ key: 'revenue', parameter: 'revenueColumn' },
	{ key: 'retention', parameter: 'retainedColumn' },
	{ key: 'satisfaction', parameter: 'satisfactionColumn' },
].map((o) => ({ ...o, kind: OUTCOME_KINDS.get(o.key)! }));

/**
 * Scores of any scale in use (NPS 0-10, CSAT 1-5, 0-100 indices) fit well inside the ends a rating scale
 * may have; beyond them a value is an upstream mistake whose square would overflow the variance into
 * Infinity or NaN.
 */
const SATISFACTION_RANGE = { min: -RATING_SCALE_LIMIT, max: RATING_SCALE_LIMIT };
/** Cost per contact, when given: from a hundredth of a cent (the field's precision) to PLAUSIBLE.money, so ROI = profit / cost stays finite. */
const COST_RANGE = { min: 1e-4, max: PLAUSIBLE.money };
const MAX_WINDOW_DAYS = 3660;

const READERS: Record<string, (value: unknown, field: string) => number> = {
	conversion: parseYesNo,
	retention: parseYesNo,
	revenue: (value, field) => parseMoney(value, field),
	satisfaction: (value, field) => parseNumber(value, field, SATISFACTION_RANGE),
};

interface Read {
	state: UpliftState;
	/** Input items per stratum (ALL when not stratified). */
	pairs: Map<string, IPairedItemData[]>;
	allPairs: IPairedItemData[];
}

function readCustomers(ctx: IExecuteFunctions, items: INodeExecutionData[], router: ItemRouter): Read {
	const columns = readColumns(ctx, { customerIdColumn: 'customerId', groupColumn: 'impact.group', stratumColumn: '', conversionColumn: '', revenueColumn: '', retainedColumn: '', satisfactionColumn: '' }, LABELS);
	const outcomes = OUTCOMES.filter((o) => columns[o.parameter as keyof typeof columns] !== '').map((o) => ({ ...o, column: columns[o.parameter as keyof typeof columns], read: READERS[o.key] }));
	if (outcomes.length === 0) {
		throw new ConfigError('No outcome to measure: Converted, Revenue, Retained and Satisfaction Column are all empty (expected at least one of them filled in)');
	}
	const state = newState(outcomes);
	const pairs = new Map<string, IPairedItemData[]>();
	const allPairs: IPairedItemData[] = [];
	const values = new Array<number>(outcomes.length);
	const { groupColumn, stratumColumn } = columns;
	const cellsByOutcome = outcomes.map((o) => state.outcomes[o.key].strata);
	const columnsOf = outcomes.map((o) => o.column);
	const readers = outcomes.map((o) => o.read);
	const countCustomer = countedCustomers(ctx, items, columns.customerIdColumn, LABELS.customerIdColumn, 'the uplift');
	for (let i = 0; i < items.length; i++) {
		const json = items[i].json;
		let stratum = ALL;
		let group;
		try {
			group = parseGroup(getField(json, groupColumn), groupColumn);
			if (stratumColumn) stratum = parseGroupingKey(getField(json, stratumColumn), stratumColumn, 'a stratum value', 'a stratum value (text, number or date)');
			// Every outcome is read before any is counted: a customer with one bad value counts nowhere.
			for (let o = 0; o < values.length; o++) values[o] = readers[o](getField(json, columnsOf[o]), columnsOf[o]);
			countCustomer?.(json, i);
		} catch (error) {
			router.reject(error, i);
			continue;
		}
		for (let o = 0; o < values.length; o++) {
			const strata = cellsByOutcome[o];
			const cell = cellOf(strata, stratum);
			addValue(cell[group], values[o]);
		}
		const pair = { item: i };
		allPairs.push(pair);
		if (stratumColumn) {
			const list = pairs.get(stratum);
			if (list) list.push(pair);
			else pairs.set(stratum, [pair]);
		}
	}
	return { state, pairs, allPairs };
}

/** The pages' states merged; the campaign is the Campaign parameter, or else the pages' own. */
function readPageStates(items: INodeExecutionData[], router: ItemRouter, campaign: string): Read & { campaign: string } {
	const state: UpliftState = { outcomes: {} };
	const merged = new MergedPages();
	const allPairs: IPairedItemData[] = [];
	let runCampaign = campaign;
	for (let i = 0; i < items.length; i++) {
		const page = router.attempt(i, () => {
			const pageName = pageCampaign(items[i].json.campaign, runCampaign);
			const pageState = readPageState(items[i].json.state);
			checkStratification(state, pageState);
			merged.check(pageState);
			return { campaign: pageName, state: pageState };
		});
		if (page === undefined) continue;
		if (runCampaign === '') runCampaign = page.campaign;
		mergeState(state, page.state);
		merged.add(page.state, i);
		allPairs.push({ item: i });
	}
	return { state: { pages: merged.pages(), ...state }, pairs: new Map(), allPairs, campaign: runCampaign };
}

/**
 * A number parameter within `rules`, also when an expression gives it (the editor's limits bind only typed
 * values): a confidence level of 99.99999999999999 left no tail for the quantile and stopped the node with
 * an internal message. `expected` defaults to "a percentage from … to …".
 */
function readNumberWithin(ctx: IExecuteFunctions, name: string, fallback: number, label: string, rules: NumberRules, expected = describeExpected('percentage', rules)): number {
	const value = readNumber(ctx, name, fallback, label);
	const problem = rangeProblem(value, rules);
	if (problem !== undefined) throw parameterError(label, value, problem, expected);
	return value;
}

/** One result per outcome for all customers, then one per outcome and stratum; optionally the page state. */
export function measureUplift(ctx: IExecuteFunctions): INodeExecutionData[][] {
	const items = ctx.getInputData();
	const router = new ItemRouter(ctx, items.length, 1);
	const percent = readNumberWithin(ctx, 'confidenceLevel', 95, 'Confidence Level (%)', { min: 50, max: 99.9 });
	const level = shareOfPercent(percent);
	const costPerContact = readNumber(ctx, 'costPerContact', 0, 'Cost per Contact');
	const marginPercent = readNumberWithin(ctx, 'marginPercent', 100, 'Margin (%)', { min: 0, max: 100 });
	if (costPerContact !== 0 && !(costPerContact >= COST_RANGE.min && costPerContact <= COST_RANGE.max)) {
		const problem = costPerContact < 0 ? 'is below 0' : costPerContact < COST_RANGE.min ? `is above 0 but below ${COST_RANGE.min}` : `is above ${COST_RANGE.max.toExponential()}`;
		throw parameterError('Cost per Contact', costPerContact, problem, `0 (no ROI) or a cost from ${COST_RANGE.min} to ${COST_RANGE.max.toExponential()}`);
	}
	const windowDays = readNumberWithin(ctx, 'windowDays', 30, 'Window (Days)', { integer: true, min: 0, max: MAX_WINDOW_DAYS }, `a whole number of days from 0 (left out of the sentences) to ${MAX_WINDOW_DAYS}`);

	const language = readLanguage(ctx) as Language;
	const conversionName = readTextParameter(ctx, 'upliftOptions.conversionName', '', `Options › ${conversionNameProperty.displayName}`, 'what the sentences call the converted outcome').trim();
	const includeState = readChoice<boolean>(ctx, includeStateProperty, 'upliftOptions.includeState', `Options › ${includeStateProperty.displayName}`);
	const mode = readChoice<string>(ctx, inputProperty);
	const named = readCampaign(ctx);
	const read = mode === 'pageStates' ? readPageStates(items, router, named) : { ...readCustomers(ctx, items, router), campaign: named };
	const { campaign } = read;

	const results: INodeExecutionData[] = [];
	const measureOptions = { level, costPerContact, margin: shareOfPercent(marginPercent) };
	// ROI is revenue's: a satisfaction score is a mean too, but no money to set against the cost.
	const noRoi = { ...measureOptions, costPerContact: 0 };
	const emit = (outcome: string, kind: OutcomeKind, cell: StratumState, stratum: string | undefined, pairs: IPairedItemData[]) => {
		const measure = measureOutcome(kind, cell.treatment, cell.holdout, outcome === 'revenue' ? measureOptions : noRoi);
		const label = outcomeLabel(outcome, language, windowDays, outcome === 'conversion' ? conversionName : undefined);
		const context = { language, campaign, outcomeLabel: label, stratum, level };
		const sentence = upliftSentence(measure, context);
		const caution = cautionSentence(measure, context);
		results.push({ json: upliftJson({ campaign, outcome, label, stratum: stratum ?? null, level, measure, sentence, caution }), pairedItem: pairs });
	};
	for (const [outcome, { kind, strata }] of Object.entries(read.state.outcomes)) {
		const keys = Object.keys(strata).sort();
		const stratified = keys.length > 1 || (keys.length === 1 && keys[0] !== ALL);
		emit(outcome, kind, overall(strata), undefined, read.allPairs);
		if (stratified) for (const key of keys) emit(outcome, kind, strata[key], key, read.pairs.get(key) ?? read.allPairs);
	}
	// A merge of page states that were all refused has no outcome: its state would be one no run accepts.
	if (includeState && Object.keys(read.state.outcomes).length > 0) {
		// A page run names its page by its input items (all of them: a re-run of the same rows is the same page).
		const pages = mode === 'pageStates' ? read.state.pages : [pageIdentity(items.map((item) => item.json))];
		results.push({ json: { kind: 'state', campaign, state: { pages, outcomes: read.state.outcomes } as unknown as IDataObject }, pairedItem: read.allPairs });
	}
	return router.outputs({ 0: results });
}
