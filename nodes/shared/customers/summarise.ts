import { calendarDaysCounter, dayNumberReader } from '../input';
import { MoneySum } from './moneySum';

export type TimeUnit = 'days' | 'weeks';

export interface Transaction {
	customerId: string;
	date: Date;
	/** Monetary value; 0 when the data carries no amounts. */
	amount: number;
	/** Index of the input item this transaction came from. */
	itemIndex?: number;
}

export interface CustomerSummary {
	customerId: string;
	firstPurchase: Date;
	/** The last order, also when same-day orders are collapsed into one purchase. */
	lastPurchase: Date;
	/** Purchase occasions counted (transactions, or distinct days when same-day purchases are collapsed). */
	purchases: number;
	/** Repeat purchases: purchases after the first. */
	x: number;
	/** Recency: time from first to last purchase, in `unit` (on the zone's calendar: unitsBetween). */
	tx: number;
	/** Age: time from first purchase to the as-of date, in `unit` (likewise). */
	T: number;
	/** The amounts' exact decimal sum (MoneySum), as a database's SUM gives it. */
	totalSpend: number;
	/** Mean value of the repeat purchases (the first excluded, as the spend models expect); 0 when x = 0. */
	meanRepeatSpend: number;
	/** Input items that contributed, for pairing output items with their inputs. */
	itemIndices: number[];
}

export interface SummariseOptions {
	asOf: Date;
	unit: TimeUnit;
	/** Count purchases on the same calendar day as one occasion (amounts summed). */
	collapseSameDay: boolean;
	/** Zone whose calendar days are used for collapsing; default UTC. */
	timeZone?: string;
}

const DAY_MS = 86_400_000;
const UNIT_MS: Record<TimeUnit, number> = { days: DAY_MS, weeks: 7 * DAY_MS };
const UNIT_DAYS: Record<TimeUnit, number> = { days: 1, weeks: 7 };

/**
 * Time between two instants in the unit, counted on the zone's calendar as every other day count is
 * (calendarDays): across a clock change, 2024-01-01 to 2024-06-01 in New York is 152 days, not 151.958,
 * as a database's `CURRENT_DATE - first_purchase` gives it. In UTC the elapsed time, as before.
 */
function unitsBetween(unit: TimeUnit, timeZone: string | undefined): (fromMs: number, toMs: number) => number {
	if (!timeZone || timeZone === 'UTC') return (fromMs, toMs) => (toMs - fromMs) / UNIT_MS[unit];
	const days = calendarDaysCounter(timeZone);
	return (fromMs, toMs) => days(fromMs, toMs) / UNIT_DAYS[unit];
}

interface Occasion {
	time: number;
	amount: number;
}

/**
 * Transactions -> one summary per customer, in first-seen order. Transactions after `asOf` are outside
 * the calibration window and are ignored (the caller decides whether that is an error).
 */
export function summariseTransactions(transactions: Iterable<Transaction>, options: SummariseOptions): CustomerSummary[] {
	const byCustomer = new Map<string, { occasions: Occasion[]; items: number[] }>();
	const asOfMs = options.asOf.getTime();
	for (const t of transactions) {
		const time = t.date.getTime();
		if (time > asOfMs) continue;
		let entry = byCustomer.get(t.customerId);
		if (!entry) {
			entry = { occasions: [], items: [] };
			byCustomer.set(t.customerId, entry);
		}
		entry.occasions.push({ time, amount: t.amount });
		if (t.itemIndex !== undefined) entry.items.push(t.itemIndex);
	}
	const between = unitsBetween(options.unit, options.timeZone);
	const summaries: CustomerSummary[] = [];
	const total = new MoneySum();
	for (const [customerId, { occasions, items }] of byCustomer) {
		occasions.sort((a, b) => a.time - b.time);
		const counted = options.collapseSameDay ? collapseByDay(occasions, options.timeZone) : occasions;
		const first = counted[0];
		const last = counted[counted.length - 1];
		total.reset();
		for (const o of occasions) total.add(o.amount);
		const totalSpend = total.value();
		const x = counted.length - 1;
		summaries.push({
			customerId,
			firstPurchase: new Date(first.time),
			// The last order, also when same-day orders are collapsed into their day's first (as SQL's max() gives it).
			lastPurchase: new Date(occasions[occasions.length - 1].time),
			purchases: counted.length,
			x,
			tx: between(first.time, last.time),
			T: between(first.time, asOfMs),
			totalSpend,
			meanRepeatSpend: x > 0 ? (totalSpend - first.amount) / x : 0,
			itemIndices: items,
		});
	}
	return summaries;
}

/** One occasion per calendar day, at its first purchase, with the day's amounts summed as decimals (MoneySum). */
function collapseByDay(sorted: Occasion[], timeZone: string | undefined): Occasion[] {
	const days: Occasion[] = [];
	const amount = new MoneySum();
	let currentDay = Number.NaN;
	const dayOf = dayNumberReader(timeZone);
	for (const o of sorted) {
		const day = dayOf(o.time);
		if (day !== currentDay) {
			if (days.length > 0) days[days.length - 1].amount = amount.value();
			days.push({ time: o.time, amount: 0 });
			amount.reset();
			currentDay = day;
		}
		amount.add(o.amount);
	}
	if (days.length > 0) days[days.length - 1].amount = amount.value();
	return days;
}
