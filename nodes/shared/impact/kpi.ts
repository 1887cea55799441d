import { addExact, roundedSum, type Partials } from './exactSum';
import { monthLabel, ratio, round } from './periods';

export interface Order {
	customerId: string;
	month: number;
	amount: number;
	/** Input item the order came from. */
	item: number;
}

export interface PeriodKpis {
	period: string;
	activeCustomers: number;
	newCustomers: number;
	returningCustomers: number;
	orders: number;
	revenue: number;
	averageOrderValue: number | null;
	/** Share of the period's buyers who had bought before the period. */
	repeatPurchaseRate: number | null;
	/** Share of the previous period's buyers who bought again in this period. */
	retentionRate: number | null;
	churnRate: number | null;
	change: Record<string, number | null> | null;
	items: number[];
}

export interface CohortRow {
	cohort: string;
	customers: number;
	/** Share of the cohort buying in its first month, one month later, … up to the last report month. */
	retention: number[];
	items: number[];
}

export interface OrderReport {
	periods: PeriodKpis[];
	cohorts: CohortRow[];
	totals: { customers: number; orders: number; revenue: number; averageOrderValue: number | null; repeatCustomerRate: number | null };
}

interface CustomerMonths {
	first: number;
	months: Set<number>;
	orders: number;
	items: number[];
}

const CHANGED: Array<keyof PeriodKpis> = ['activeCustomers', 'newCustomers', 'orders', 'revenue', 'averageOrderValue', 'repeatPurchaseRate', 'retentionRate', 'churnRate'];

/**
 * Customer-care KPIs per calendar month from one item per order: buyers, new and returning buyers,
 * orders, revenue, average order value, repeat-purchase, retention and churn rates, each with its change
 * from the month before, a cohort retention table (first-purchase month × months since) and totals.
 * Orders before the first report month count as history (first purchase, last month's buyers).
 */
export function orderReport(orders: Order[], months: number[]): OrderReport {
	const customers = new Map<string, CustomerMonths>();
	const byMonth = new Map<number, { orders: number; revenue: Partials; items: number[] }>();
	const total: Partials = [];
	for (const o of orders) {
		let c = customers.get(o.customerId);
		if (!c) customers.set(o.customerId, (c = { first: o.month, months: new Set(), orders: 0, items: [] }));
		c.first = Math.min(c.first, o.month);
		c.months.add(o.month);
		c.orders++;
		c.items.push(o.item);
		let m = byMonth.get(o.month);
		if (!m) byMonth.set(o.month, (m = { orders: 0, revenue: [], items: [] }));
		m.orders++;
		addExact(m.revenue, o.amount);
		m.items.push(o.item);
		addExact(total, o.amount);
	}
	const kpisOf = (month: number): Omit<PeriodKpis, 'change' | 'items'> => {
		let active = 0;
		let fresh = 0;
		let previous = 0;
		let retained = 0;
		for (const c of customers.values()) {
			const now = c.months.has(month);
			const before = c.months.has(month - 1);
			if (now) active++;
			if (now && c.first === month) fresh++;
			if (before) previous++;
			if (now && before) retained++;
		}
		const m = byMonth.get(month);
		const revenue = m ? roundedSum(m.revenue) : 0;
		const retentionRate = ratio(retained, previous);
		return {
			period: monthLabel(month),
			activeCustomers: active,
			newCustomers: fresh,
			returningCustomers: active - fresh,
			orders: m?.orders ?? 0,
			revenue: round(revenue, 2),
			averageOrderValue: m ? round(revenue / m.orders, 2) : null,
			repeatPurchaseRate: ratio(active - fresh, active),
			retentionRate,
			churnRate: ratio(previous - retained, previous),
		};
	};
	let before = months.length > 0 ? kpisOf(months[0] - 1) : undefined;
	const periods: PeriodKpis[] = [];
	for (const month of months) {
		const now = kpisOf(month);
		const change: Record<string, number | null> = {};
		for (const key of CHANGED) {
			const a = now[key as keyof typeof now] as number | null;
			const b = before?.[key as keyof typeof before] as number | null | undefined;
			change[key] = a === null || b === null || b === undefined ? null : round(a - b, 6);
		}
		periods.push({ ...now, change, items: byMonth.get(month)?.items ?? [] });
		before = now;
	}
	const last = months[months.length - 1];
	const cohorts: CohortRow[] = [];
	for (const cohort of months) {
		const members = [...customers.values()].filter((c) => c.first === cohort);
		if (members.length === 0) continue;
		const retention: number[] = [];
		for (let k = 0; cohort + k <= last; k++) retention.push(members.filter((c) => c.months.has(cohort + k)).length / members.length);
		cohorts.push({ cohort: monthLabel(cohort), customers: members.length, retention, items: members.flatMap((c) => c.items) });
	}
	let repeaters = 0;
	for (const c of customers.values()) if (c.orders > 1) repeaters++;
	const revenue = roundedSum(total);
	return {
		periods,
		cohorts,
		totals: {
			customers: customers.size,
			orders: orders.length,
			revenue: round(revenue, 2),
			averageOrderValue: orders.length ? round(revenue / orders.length, 2) : null,
			repeatCustomerRate: ratio(repeaters, customers.size),
		},
	};
}
