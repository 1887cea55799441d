import type { IDataObject, IExecuteFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { batchParameter, parameterNumber, propertyNamed, readAsOf, readChoice, readColumn, readColumns, readLanguage, readNumber, readOutputField } from '../common';
import {
	CHURN_MODELS,
	DEFAULT_RISK_THRESHOLDS,
	DEFAULT_SIGNAL_THRESHOLDS,
	type ChurnModel,
	type ModelMethod,
	type RiskLevel,
	type RiskThresholds,
	type ScoreOptions,
	type SignalThresholds,
} from '../shared/churn';
import { checkOutputFieldBesideCustomerFields } from '../shared/customers';
import type { Language } from '../shared/format/language';
import { ConfigError, describeExpected, describeValue, parameterError, PLAUSIBLE, rangeProblem } from '../shared/input';
import { properties } from './description';

export type InputShape = 'customer' | 'summary' | 'subscriber' | 'transaction';

/** Every parameter of a run, read and checked once. */
export interface RunSettings {
	method: ModelMethod | 'rules';
	/** The model, or undefined for Rules Only. */
	model?: ChurnModel;
	/** Supplied parameters (raw JSON; Rules Only: its learned typical interval), or undefined to fit on the batch. */
	supplied?: unknown;
	shape: InputShape;
	columns: Record<string, string>;
	signalColumns: Record<string, string>;
	scoreOptions: ScoreOptions;
	riskThresholds: RiskThresholds;
	signalThresholds: SignalThresholds;
	atRiskFrom: RiskLevel;
	spendWindowDays: number;
	language: Language;
	outputField: string;
	asOf: Date;
	timeZone: string;
}

const COLUMNS = {
	customerIdColumn: 'customerId',
	firstPurchaseColumn: 'firstPurchaseAt',
	lastPurchaseColumn: 'lastPurchaseAt',
	purchaseCountColumn: 'orderCount',
	totalSpendColumn: 'totalSpend',
	xColumn: 'x',
	txColumn: 'tx',
	ageColumn: 'T',
	monetaryColumn: 'monetary',
	countColumn: '',
	dateColumn: 'orderDate',
	amountColumn: 'amount',
	tenureColumn: 'tenure',
	activeColumn: 'active',
	periodValueColumn: 'periodValue',
};

/** Optional columns: cleared, they switch their estimate off instead of falling back to the default. */
const OPTIONAL_COLUMNS = ['totalSpendColumn', 'monetaryColumn', 'periodValueColumn', 'countColumn'];

const described = (name: string): INodeProperties => propertyNamed(properties, name);
/** The column parameters' labels, for the messages that name them. */
const COLUMN_LABELS = Object.fromEntries(Object.keys(COLUMNS).map((name) => [name, described(name).displayName])) as Record<keyof typeof COLUMNS, string>;
/** A collection's entries' labels, by name, for the errors that name them. */
const entryLabels = (collection: string) => new Map(((described(collection).options ?? []) as INodeProperties[]).map((o) => [o.name, o.displayName]));
const THRESHOLD_LABELS = entryLabels('thresholds');
const SIGNAL_LABELS = entryLabels('signals');

/**
 * The Rule Signals columns. Over transactions the customer items are built from the orders (the spend
 * trend computed from them) and carry none of these columns: a signal mapped there was off for every
 * customer without a word, so it stops the run instead.
 */
function readSignalColumns(ctx: IExecuteFunctions, shape: InputShape): Record<string, string> {
	// Each signal read as a column name (text or a number's digits) by its label, like any column; unset is ''.
	const columns: Record<string, string> = {};
	for (const [name, label] of SIGNAL_LABELS) columns[name] = readColumn(ctx, `signals.${name}`, '', `Rule Signals › ${label}`);
	const mapped = Object.entries(columns).filter(([, column]) => column !== '');
	if (shape === 'transaction' && mapped.length > 0) {
		const names = mapped.map(([name, column]) => `"${SIGNAL_LABELS.get(name) ?? name}" (${column})`).join(', ');
		throw new ConfigError(
			`Rule Signals ${names} cannot be read over transactions: the customer items built from the orders have no such columns, and the spend trend is computed from the orders (expected Input Shape "One Item per Customer" for these signals, or remove them)`,
		);
	}
	return columns;
}

/**
 * Thresholds on a 0-100 scale (a score, a percentage): above 100 a Spend Drop (%) of 150 turned its
 * signal off, a Critical From of 120 the level, and Low Satisfaction Below 150 fired for everyone, without a word.
 */
const UP_TO_100 = new Set(['spendDropPercent', 'lowSatisfaction', 'satisfactionDrop', 'medium', 'high', 'critical']);

/**
 * The Thresholds collection over its defaults. Each threshold set must be a number of at least 0: a
 * cleared field (null) is not read as 0, which would fire its signal for every customer.
 */
function readThresholds(ctx: IExecuteFunctions): Record<string, number> {
	const t: Record<string, number> = { ...DEFAULT_SIGNAL_THRESHOLDS, ...DEFAULT_RISK_THRESHOLDS, spendDropPercent: 30 };
	const thresholds = described('thresholds');
	for (const [name, raw] of Object.entries(batchParameter(ctx, 'thresholds', {}, thresholds) as IDataObject)) {
		const label = `${thresholds.displayName} › ${THRESHOLD_LABELS.get(name) ?? name}`;
		const rules = UP_TO_100.has(name) ? { min: 0, max: 100 } : { min: 0 };
		const expected = describeExpected('number', rules) + (UP_TO_100.has(name) ? ': a score or a percentage, as the signal or level it sets' : '');
		const value = parameterNumber(raw);
		const problem = value === undefined ? 'is not a number' : rangeProblem(value, rules);
		if (problem !== undefined) throw parameterError(label, raw, problem, expected);
		t[name] = value as number;
	}
	// Levels are tried from critical down: out of order, one level is never given (medium 60 over high 50
	// made a score of 55 high and 45 low).
	if (!(t.medium <= t.high && t.high <= t.critical)) {
		const label = (name: string) => `"${THRESHOLD_LABELS.get(name)}"`;
		const given = ['medium', 'high', 'critical'].map((name) => `${label(name)} ${describeValue(t[name])}`);
		throw new ConfigError(
			`Risk level thresholds ${given.join(', ')} do not grow, so a level would never be given (expected ${label('medium')} <= ${label('high')} <= ${label('critical')})`,
		);
	}
	return t;
}

/** An options parameter against its description's choices ("High" for At Risk From Level ran as another choice). */
const choice = <T extends string>(ctx: IExecuteFunctions, name: string): T => readChoice<T>(ctx, described(name));

/** An Input Shape as the panel names it. */
const shapeName = (shape: InputShape): string => (described('inputShape').options as INodePropertyOptions[]).find((o) => o.value === shape)?.name ?? shape;

/**
 * Parameters JSON: the Model item of an earlier run or its JSON. Anything else an expression gives (5,
 * true, null, a list) would be read as a state of no parameters, naming neither the parameter nor the value.
 */
function readSupplied(ctx: IExecuteFunctions): unknown {
	const raw = batchParameter<unknown>(ctx, 'suppliedParameters', '{}', 'Parameters JSON');
	if (typeof raw === 'string' || (raw !== null && typeof raw === 'object' && !Array.isArray(raw))) return raw;
	throw new ConfigError(`Parameter "Parameters JSON" is ${describeValue(raw)}, which is not a model's parameters (expected the Model output item of an earlier run, or its "parameters" object)`);
}

/** Annual Discount Rate (%) as a rate: a number of at least 0 (%). */
function readDiscountRate(ctx: IExecuteFunctions): number {
	const percent = readNumber(ctx, 'annualDiscountRate', 10, 'Annual Discount Rate (%)');
	if (!(percent >= 0)) throw parameterError('Annual Discount Rate (%)', percent, 'is below 0', describeExpected('number', { min: 0 }));
	return percent / 100;
}

/** Spend Window (Days): more than 0 and at most 200 years (a cleared field or 0 is not read as 90). */
function readSpendWindow(ctx: IExecuteFunctions): number {
	const days = readNumber(ctx, 'spendWindowDays', 90, 'Spend Window (Days)');
	if (!(days > 0) || days > PLAUSIBLE.spanDays) {
		throw parameterError('Spend Window (Days)', days, days > 0 ? `is above ${PLAUSIBLE.spanDays}` : 'is not more than 0', `a number of days more than 0 and at most ${PLAUSIBLE.spanDays}`);
	}
	return days;
}

export function readSettings(ctx: IExecuteFunctions): RunSettings {
	const method = choice<ModelMethod | 'rules'>(ctx, 'method');
	const model = method === 'rules' ? undefined : CHURN_MODELS[method];
	const shape = choice<InputShape>(ctx, 'inputShape');
	if (model?.input === 'subscribers' && shape !== 'subscriber') {
		throw parameterError('Input Shape', shapeName(shape), `${model.name} cannot score: it scores subscribers`, '"One Item per Subscriber", with tenure and active columns');
	}
	if (model?.input === 'purchases' && shape === 'subscriber') {
		throw parameterError('Input Shape', shapeName(shape), `${model.name} cannot score: it needs purchase histories`, `another Input Shape for ${model.name}, or Method sBG or Rules Only for subscribers`);
	}
	const columns = readColumns(ctx, COLUMNS, COLUMN_LABELS);
	for (const name of OPTIONAL_COLUMNS) columns[name as keyof typeof COLUMNS] = readColumn(ctx, name, '', COLUMN_LABELS[name as keyof typeof COLUMNS]);
	const outputField = readOutputField(ctx, 'churn');
	if (shape === 'transaction') checkOutputFieldBesideCustomerFields(outputField, columns.customerIdColumn);
	const t = readThresholds(ctx);
	const scoreOptions: ScoreOptions = {
		horizon: model?.input === 'purchases' ? readNumber(ctx, 'horizon', 26, 'Horizon') : 26,
		unit: choice<ScoreOptions['unit']>(ctx, 'timeUnit'),
		annualDiscountRate: model ? readDiscountRate(ctx) : 0.1,
		renewalPeriod: choice<ScoreOptions['renewalPeriod']>(ctx, 'renewalPeriod'),
	};
	model?.checkOptions(scoreOptions);
	return {
		method,
		model,
		supplied: choice<'fit' | 'supplied'>(ctx, 'modelSource') === 'supplied' ? readSupplied(ctx) : undefined,
		shape,
		columns,
		signalColumns: readSignalColumns(ctx, shape),
		scoreOptions,
		riskThresholds: { medium: t.medium, high: t.high, critical: t.critical },
		signalThresholds: { ...DEFAULT_SIGNAL_THRESHOLDS, ...t, spendDrop: t.spendDropPercent / 100 },
		atRiskFrom: choice<RiskLevel>(ctx, 'atRiskFrom'),
		spendWindowDays: shape === 'transaction' ? readSpendWindow(ctx) : 90,
		language: readLanguage(ctx),
		outputField,
		asOf: readAsOf(ctx),
		timeZone: ctx.getTimezone(),
	};
}
