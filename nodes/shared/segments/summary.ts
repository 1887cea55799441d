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
	revenue: number;
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
 */
export class SegmentTally {
	private readonly groups = new Map<string, Group>();
	private customers = 0;
	private revenue = 0;

	add(key: string, label: string, revenue: number | undefined, recencyDays?: number, frequency?: number): void {
		let g = this.groups.get(key);
		if (!g) {
			g = { label, n: 0, revenue: 0, revenueN: 0, recencySum: 0, recencyN: 0, frequencySum: 0, frequencyN: 0 };
			this.groups.set(key, g);
		}
		g.n++;
		this.customers++;
		if (revenue !== undefined) {
			g.revenue += revenue;
			g.revenueN++;
			this.revenue += revenue;
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
		return [...this.groups].map(([key, g]) => ({
			key,
			label: g.label,
			customers: g.n,
			customerShare: this.customers ? g.n / this.customers : 0,
			revenue: g.revenueN ? g.revenue : null,
			revenueShare: g.revenueN ? (this.revenue > 0 ? g.revenue / this.revenue : 0) : null,
			meanRecencyDays: g.recencyN ? g.recencySum / g.recencyN : null,
			meanFrequency: g.frequencyN ? g.frequencySum / g.frequencyN : null,
		}));
	}
}
