import { MoneySum } from '../customers/moneySum';

/** The key of the summary row that counts rejected items; no segment may have it. */
export const REJECTED_KEY = 'rejected';

export interface SegmentSummary {
	key: string;
	label: string;
	customers: number;
	customerShare: number;
	revenue: number | null;
	revenueShare: number | null;
	meanRecencyDays: number | null;
	meanFrequency: number | null;
}

interface Group {
	label: string;
	n: number;
	revenue: MoneySum;
	revenueN: number;
	recencySum: number;
	recencyN: number;
	frequencySum: number;
	frequencyN: number;
}

/**
 * Per-segment totals, added one customer at a time (no per-customer rows kept). Rows come out in
 * order of first appearance; means skip customers without the value, and so do revenue sums: a group
 * none of whose customers has a revenue (a method whose spend column is optional) has revenue null, not 0.
 * Revenues are summed as the decimals they are (MoneySum): added as doubles, a report total read
 * 54277.22000000004 where the database's SUM is 54277.22, and depended on the order of the customers.
 */
export class SegmentTally {
	private readonly groups = new Map<string, Group>();
	private customers = 0;
	private readonly revenue = new MoneySum();

	add(key: string, label: string, revenue: number | undefined, recencyDays?: number, frequency?: number): void {
		let g = this.groups.get(key);
		if (!g) {
			g = { label, n: 0, revenue: new MoneySum(), revenueN: 0, recencySum: 0, recencyN: 0, frequencySum: 0, frequencyN: 0 };
			this.groups.set(key, g);
		}
		g.n++;
		this.customers++;
		if (revenue !== undefined) {
			g.revenue.add(revenue);
			g.revenueN++;
			this.revenue.add(revenue);
		}
		if (recencyDays !== undefined) {
			g.recencySum += recencyDays;
			g.recencyN++;
		}
		if (frequency !== undefined) {
			g.frequencySum += frequency;
			g.frequencyN++;
		}
	}

	rows(): SegmentSummary[] {
		const total = this.revenue.value();
		return [...this.groups].map(([key, g]) => ({
			key,
			label: g.label,
			customers: g.n,
			customerShare: this.customers ? g.n / this.customers : 0,
			revenue: g.revenueN ? g.revenue.value() : null,
			revenueShare: g.revenueN ? (total > 0 ? g.revenue.value() / total : 0) : null,
			meanRecencyDays: g.recencyN ? g.recencySum / g.recencyN : null,
			meanFrequency: g.frequencyN ? g.frequencySum / g.frequencyN : null,
		}));
	}
}
