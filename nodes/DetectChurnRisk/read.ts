import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import { checkOutputFieldFree, type ItemRouter } from '../common';
import { RENEWAL_PERIOD_DAYS, UNIT_DAYS, type ModelSubject, type ScoreOptions, type SignalInput } from '../shared/churn';
import { weightedTypicalInterval, type BaseTypicalInterval } from '../shared/churn/typicalInterval';
import { OneItemPerCustomer, readCustomerId, summariseTransactions, type Transaction } from '../shared/customers';
import { toIsoWithOffset } from '../shared/format/isoDate';
import {
	calendarDaysCounter,
	dateMsReaderNotAfter,
	describeValue,
	fieldWriter,
	getField,
	InputError,
	isEmpty,
	lookupChoice,
	offsetMs,
	parseCount,
	parseCustomerCount,
	parseDate,
	parseMoney,
	parseNumber,
	PLAUSIBLE,
	wallClockInstant,
	yesNoTable,
} from '../shared/input';
import { summaryProblem, type RfmSummary } from '../shared/models';
import { roundTo } from '../shared/stats';
import type { RunSettings } from './settings';

const DAY_MS = 86_400_000;
export type TimeUnit = ScoreOptions['unit'];

export interface Columns {
	[name: string]: string;
}

/** One customer (or subscriber) ready for scoring: what the model reads, and the item it came from. */
export interface Subject extends ModelSubject {
	itemIndices: number[];
	json: Record<string, unknown>;
	signals: SignalInput;
}

export interface ReadContext {
	columns: Columns;
	readSignals: (item: Record<string, unknown>) => SignalInput;
	/** A date not after the as-of date, in epoch ms (see readContext). */
	readDateMs: (value: unknown, field: string) => number;
	asOf: Date;
	timeZone: string;
	/** Days from one instant to another on the zone's calendar (calendarDaysCounter). */
	days: (fromMs: number, toMs: number) => number;
	unit: TimeUnit;
	/** Time from one instant to another in the unit, for t_x and T (see unitsBetween). */
	unitsBetween: (fromMs: number, toMs: number) => number;
	/** Longest plausible tenure, in renewal periods. */
	maxTenure: number;
}

/** What the readers need for a run; date-only texts are parsed once per distinct day. */
export function readContext(columns: Columns, signalColumns: Columns, asOf: Date, timeZone: string, options: ScoreOptions): ReadContext {
	return {
		columns,
		readSignals: signalReader(signalColumns, asOf, timeZone),
		readDateMs: dateMsReaderNotAfter(asOf, { timeZone }),
		asOf,
		timeZone,
		days: calendarDaysCounter(timeZone),
		unit: options.unit,
		unitsBetween: unitsBetween(options.unit, timeZone),
		maxTenure: Math.floor(PLAUSIBLE.spanDays / RENEWAL_PERIOD_DAYS[options.renewalPeriod]),
	};
}

/**
 * t_x and T from dates on the zone's calendar, as every other day count and the transaction summaries
 * (summariseTransactions) count them: 2024-01-01 to 2024-06-01 in New York is 152 days, as a database's
 * `CURRENT_DATE - first_purchase` gives it, not the 151.958 elapsed. In UTC the elapsed time, as before.
 */
function unitsBetween(unit: TimeUnit, timeZone: string): (fromMs: number, toMs: number) => number {
	const unitMs = UNIT_DAYS[unit] * DAY_MS;
	if (timeZone === 'UTC') return (fromMs, toMs) => (toMs - fromMs) / unitMs;
	const days = calendarDaysCounter(timeZone);
	return (fromMs, toMs) => days(fromMs, toMs) / UNIT_DAYS[unit];
}

function optional<T>(item: Record<string, unknown>, column: string | undefined, parse: (raw: unknown, column: string) => T): T | undefined {
	if (!column) return undefined;
	const raw = getField(item, column);
	return isEmpty(raw) ? undefined : parse(raw, column);
}

/** Yes/no as every node reads it (shared/input/choices: any case or width), and a contract's own words. */
const YES_NO = yesNoTable(['active'], ['inactive', 'churned']);

function readBoolean(raw: unknown, column: string): boolean {
	if (typeof raw === 'boolean') return raw;
	// A list or an object is no yes/no: String() made ["yes"] "yes", read as true.
	const answer = lookupChoice(YES_NO, raw);
	if (answer === undefined) throw new InputError(column, raw, 'is not a yes/no value', 'true/false, 1/0 or yes/no');
	return answer;
}

/**
 * The reader of the rule-signal fields (each optional), built once per execution: only mapped columns
 * are read, and every customer's signal input has the same shape.
 */
export function signalReader(c: Columns, asOf: Date, timeZone: string): (item: Record<string, unknown>) => SignalInput {
	const money = (raw: unknown, column: string) => parseMoney(raw, column, { min: 0 });
	const score = (raw: unknown, column: string) => parseNumber(raw, column, { min: 0, max: 100 });
	const count = (raw: unknown, column: string) => parseCount(raw, column);
	const date = (raw: unknown, column: string) => parseDate(raw, column, { timeZone });
	const days = calendarDaysCounter(timeZone);
	const asOfMs = asOf.getTime();
	return (item) => {
		const contractEnd = optional(item, c.contractEndColumn, date);
		return {
			daysSinceLast: undefined,
			usualIntervalDays: undefined,
			typicalIntervalDays: undefined,
			recentSpend: optional(item, c.recentSpendColumn, money),
			previousSpend: optional(item, c.previousSpendColumn, money),
			satisfaction: optional(item, c.satisfactionColumn, score),
			previousSatisfaction: optional(item, c.previousSatisfactionColumn, score),
			satisfactionDeclining: optional(item, c.decliningColumn, readBoolean),
			complaints: optional(item, c.complaintsColumn, count),
			daysToContractEnd: contractEnd ? days(asOfMs, contractEnd.getTime()) : undefined,
		};
	};
}

/** Where each part of a summary was read from: its column, for the error that names the part at fault. */
type SummaryColumns = Record<keyof RfmSummary, string>;

/**
 * The summary, or an error naming the part at fault with its value as the item holds it: T for an age
 * that is no age, t_x for a recency below 0 or beyond T, otherwise x, whose purchases t_x contradicts.
 * Where two parts contradict each other the other one is named with its value too, since either may be
 * the wrong one ("1,000" repeat purchases with t_x 0 was an error of "tx" showing only 0).
 */
function checkedSummary(summary: RfmSummary, item: Record<string, unknown>, columns: SummaryColumns): RfmSummary {
	const problem = summaryProblem(summary);
	if (!problem) return summary;
	const { x, tx, T } = summary;
	const [part, other]: [keyof RfmSummary, keyof RfmSummary | undefined] =
		!Number.isInteger(x) || x < 0 ? ['x', undefined] : !(T >= 0 && Number.isFinite(T)) ? ['T', undefined] : !(tx >= 0) ? ['tx', undefined] : tx > T ? ['tx', 'T'] : ['x', 'tx'];
	const besides = other === undefined ? '' : ` with "${columns[other]}" ${describeValue(getField(item, columns[other]))}`;
	throw new InputError(columns[part], getField(item, columns[part]), `gives an impossible customer${besides}: ${problem}`, 'x >= 0 whole, 0 < t_x <= T when x > 0, T >= 0');
}

/** One item per customer with first/last purchase dates and an order count. */
export function readCustomerItem(item: Record<string, unknown>, index: number, ctx: ReadContext): Subject {
	const c = ctx.columns;
	const customerId = readCustomerId(item, c.customerIdColumn);
	const first = ctx.readDateMs(getField(item, c.firstPurchaseColumn), c.firstPurchaseColumn);
	const last = ctx.readDateMs(getField(item, c.lastPurchaseColumn), c.lastPurchaseColumn);
	const count = parseCount(getField(item, c.purchaseCountColumn), c.purchaseCountColumn, 1);
	if (last < first) {
		throw new InputError(c.lastPurchaseColumn, getField(item, c.lastPurchaseColumn), `lies before the first purchase (${new Date(first).toISOString()})`, 'a last purchase on or after the first');
	}
	const summary = checkedSummary({ x: count - 1, tx: ctx.unitsBetween(first, last), T: ctx.unitsBetween(first, ctx.asOf.getTime()) }, item, {
		x: c.purchaseCountColumn,
		tx: c.lastPurchaseColumn,
		T: c.firstPurchaseColumn,
	});
	const total = optional(item, c.totalSpendColumn, (raw, column) => parseMoney(raw, column, { min: 0 }));
	const signals = ctx.readSignals(item);
	signals.daysSinceLast = ctx.days(last, ctx.asOf.getTime());
	if (count >= 2) signals.usualIntervalDays = ctx.days(first, last) / (count - 1);
	return { itemIndices: [index], json: item, customerId, summary, meanSpend: total === undefined ? undefined : total / count, signals };
}

/**
 * t_x or T in the time unit: at most 200 years, and, when not 0, at least one millisecond, the finest a
 * date shows. A positive time below that (5e-324 weeks) is no customer's and would only meet the models
 * where their arithmetic under- or overflows.
 */
function parseSpan(raw: unknown, field: string, unit: TimeUnit): number {
	const maxSpan = PLAUSIBLE.spanDays / UNIT_DAYS[unit];
	const value = parseNumber(raw, field, { min: 0, max: maxSpan });
	const minSpan = 1 / (UNIT_DAYS[unit] * DAY_MS);
	if (value > 0 && value < minSpan) {
		throw new InputError(field, raw, `is shorter than 1 millisecond (${minSpan} ${unit}), finer than any date shows`, `0 or a number from ${minSpan} to ${maxSpan}`);
	}
	return value;
}

/** One item per customer with x, t_x, T (and optionally mean repeat spend) in the time unit. */
export function readSummaryItem(item: Record<string, unknown>, index: number, ctx: ReadContext): Subject {
	const c = ctx.columns;
	const customerId = readCustomerId(item, c.customerIdColumn);
	// Plausible sizes first: one absurd value (an epoch in the x column, 1e308) would run the whole fit off.
	const x = parseCount(getField(item, c.xColumn), c.xColumn);
	const tx = parseSpan(getField(item, c.txColumn), c.txColumn, ctx.unit);
	const T = parseSpan(getField(item, c.ageColumn), c.ageColumn, ctx.unit);
	const summary = checkedSummary({ x, tx, T }, item, { x: c.xColumn, tx: c.txColumn, T: c.ageColumn });
	const unitDays = UNIT_DAYS[ctx.unit];
	const signals = ctx.readSignals(item);
	signals.daysSinceLast = (T - tx) * unitDays;
	if (x >= 1) signals.usualIntervalDays = (tx * unitDays) / x;
	const meanSpend = optional(item, c.monetaryColumn, (raw, column) => parseMoney(raw, column, { min: 0 }));
	const count = optional(item, c.countColumn, (raw, column) => parseCustomerCount(raw, column));
	return { itemIndices: [index], json: item, customerId, summary, meanSpend, signals, ...(count === undefined ? {} : { count }) };
}

export function readSubscriberItem(item: Record<string, unknown>, index: number, ctx: ReadContext): Subject {
	const c = ctx.columns;
	const customerId = readCustomerId(item, c.customerIdColumn);
	const tenure = parseNumber(getField(item, c.tenureColumn), c.tenureColumn, { min: 0, max: ctx.maxTenure, integer: true });
	const active = readBoolean(getField(item, c.activeColumn), c.activeColumn);
	if (!active && tenure < 1) throw new InputError(c.tenureColumn, tenure, 'is 0 for a churned subscriber', 'at least 1 period for a churned subscriber');
	return {
		itemIndices: [index],
		json: item,
		customerId,
		subscriber: { tenure, active },
		periodValue: optional(item, c.periodValueColumn, (raw, column) => parseMoney(raw, column, { min: 0 })),
		signals: ctx.readSignals(item),
	};
}

export function readTransactionItem(item: Record<string, unknown>, index: number, ctx: ReadContext): Transaction {
	const c = ctx.columns;
	return {
		customerId: readCustomerId(item, c.customerIdColumn),
		date: new Date(ctx.readDateMs(getField(item, c.dateColumn), c.dateColumn)),
		amount: parseMoney(getField(item, c.amountColumn), c.amountColumn, { min: 0 }),
		itemIndex: index,
	};
}

/** Spend per customer in the recent window (asOf − days, asOf] and the one before it. */
function windowSpends(transactions: Transaction[], asOf: Date, days: number, timeZone: string): Map<string, { recent: number; previous: number }> {
	const end = asOf.getTime();
	// Days on the zone's calendar, as every other count of days: 30 days of 24 hours before New York's
	// April 1 began at 23:00 on March 1, and took March 2's orders into the recent window.
	const wallEnd = end + offsetMs(timeZone, end);
	const recentStart = wallClockInstant(wallEnd - days * DAY_MS, timeZone);
	const previousStart = wallClockInstant(wallEnd - 2 * days * DAY_MS, timeZone);
	const spends = new Map<string, { recent: number; previous: number }>();
	for (const t of transactions) {
		const time = t.date.getTime();
		let entry = spends.get(t.customerId);
		if (!entry) spends.set(t.customerId, (entry = { recent: 0, previous: 0 }));
		if (time > recentStart && time <= end) entry.recent += t.amount;
		else if (time > previousStart && time <= recentStart) entry.previous += t.amount;
	}
	return spends;
}

/**
 * Transactions -> one subject per customer (same-day orders collapsed, as the models expect). The item
 * carries the customer's summary; the spend-trend signal compares the last `spendWindowDays` with the
 * window before.
 */
export function subjectsFromTransactions(transactions: Transaction[], items: INodeExecutionData[], ctx: ReadContext, spendWindowDays: number): Subject[] {
	const spends = windowSpends(transactions, ctx.asOf, spendWindowDays, ctx.timeZone);
	// The ID where the customer's first transaction holds it: a dotted column nested when it is nested there.
	const writeId = fieldWriter(ctx.columns.customerIdColumn || 'customerId');
	return summariseTransactions(transactions, { asOf: ctx.asOf, unit: ctx.unit, collapseSameDay: true, timeZone: ctx.timeZone }).map((s) => {
		const spend = spends.get(s.customerId);
		const json: IDataObject = {};
		writeId(json, s.customerId, items[s.itemIndices[0]].json);
		json.firstPurchaseAt = toIsoWithOffset(s.firstPurchase, ctx.timeZone);
		json.lastPurchaseAt = toIsoWithOffset(s.lastPurchase, ctx.timeZone);
		json.orderCount = s.purchases;
		json.totalSpend = roundTo(s.totalSpend, 2);
		return {
			itemIndices: s.itemIndices,
			json,
			customerId: s.customerId,
			summary: { x: s.x, tx: s.tx, T: s.T },
			meanSpend: s.x > 0 ? s.meanRepeatSpend : undefined,
			signals: {
				daysSinceLast: ctx.days(s.lastPurchase.getTime(), ctx.asOf.getTime()),
				usualIntervalDays: s.x > 0 ? ctx.days(s.firstPurchase.getTime(), s.lastPurchase.getTime()) / s.x : undefined,
				recentSpend: spend?.recent,
				previousSpend: spend?.previous,
			},
		};
	});
}

/**
 * Every input item read into a subject (or rejected); one-time buyers measured against the typical
 * interval of the batch, or of the whole base when supplied parameters carry it (page runs).
 */
export function readSubjects(
	items: INodeExecutionData[],
	settings: RunSettings,
	router: ItemRouter,
	base: BaseTypicalInterval | undefined,
): { subjects: Subject[]; typicalIntervalDays: number | undefined } {
	const ctx = readContext(settings.columns, settings.signalColumns, settings.asOf, settings.timeZone, settings.scoreOptions);
	let subjects: Subject[] = [];
	if (settings.shape === 'transaction') {
		const transactions: Transaction[] = [];
		for (let i = 0; i < items.length; i++) {
			try {
				transactions.push(readTransactionItem(items[i].json, i, ctx));
			} catch (error) {
				router.reject(error, i);
			}
		}
		subjects = subjectsFromTransactions(transactions, items, ctx, settings.spendWindowDays);
	} else {
		const read = settings.shape === 'summary' ? readSummaryItem : settings.shape === 'subscriber' ? readSubscriberItem : readCustomerItem;
		const customers = new OneItemPerCustomer(ctx.columns.customerIdColumn);
		for (let i = 0; i < items.length; i++) {
			try {
				checkOutputFieldFree(items[i].json, settings.outputField);
				const subject = read(items[i].json, i, ctx);
				customers.add(subject.customerId, i, getField(items[i].json, ctx.columns.customerIdColumn));
				subjects.push(subject);
			} catch (error) {
				router.reject(error, i);
			}
		}
	}
	// One-time buyers have no interval of their own: measure their silence against the base's repeat customers, or the batch's.
	const typical = base ? base.days : batchTypicalInterval(subjects);
	for (const s of subjects) if (s.signals.usualIntervalDays === undefined) s.signals.typicalIntervalDays = typical;
	return { subjects, typicalIntervalDays: typical };
}

/** The typical interval of the batch's repeat customers, each GROUP BY row counted as its customers. */
function batchTypicalInterval(subjects: readonly Subject[]): number | undefined {
	const intervals: number[] = [];
	const counts: number[] = [];
	for (const s of subjects) {
		if (s.signals.usualIntervalDays === undefined) continue;
		intervals.push(s.signals.usualIntervalDays);
		counts.push(s.count ?? 1);
	}
	const grouped = subjects.some((s) => s.count !== undefined);
	return weightedTypicalInterval(intervals, grouped ? counts : undefined);
}
