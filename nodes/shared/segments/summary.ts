export interface SegmentSummary {
	key: string;
	label: string;
	customers: number;
	customerShare: number;
	revenue: number;
	revenueShare: number;
	meanRecencyDays: number | null;
	meanFrequency: number | null;
}

interface Group {
	label: string;
	n: number;
	revenue: number;
	recencySum: number;
	recencyN: number;
	frequencySum: number;
	frequencyN: number;
}

/**
 * Per-segment totals, added one customer at a time (no per-customer rows kept). Rows come out in
 * order of first appearance; means skip customers without the value.
 */
export class SegmentTally {
	private readonly groups = new Map<string, Group>();
	private customers = 0;
	private revenue = 0;

	add(key: string, label: string, revenue: number, recencyDays?: number, frequency?: number): void {
		let g = this.groups.get(key);
		if (!g) {
			g = { label, n: 0, revenue: 0, recencySum: 0, recencyN: 0, frequencySum: 0, frequencyN: 0 };
			this.groups.set(key, g);
		}
		g.n++;
		g.revenue += revenue;
		this.customers++;
		this.revenue += revenue;
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
			revenue: g.revenue,
			revenueShare: this.revenue > 0 ? g.revenue / this.revenue : 0,
			meanRecencyDays: g.recencyN ? g.recencySum / g.recencyN : null,
			meanFrequency: g.frequencyN ? g.frequencySum / g.frequencyN : null,
		}));
	}
}
