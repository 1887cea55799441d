export interface SummaryInput {
	key: string;
	label: string;
	revenue: number;
	recencyDays?: number;
	frequency?: number;
}

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

/** One row per segment, in order of first appearance; means skip customers without the value. */
export function summariseSegments(rows: SummaryInput[]): SegmentSummary[] {
	const groups = new Map<string, { label: string; n: number; revenue: number; rSum: number; rN: number; fSum: number; fN: number }>();
	let totalRevenue = 0;
	for (const row of rows) {
		let g = groups.get(row.key);
		if (!g) {
			g = { label: row.label, n: 0, revenue: 0, rSum: 0, rN: 0, fSum: 0, fN: 0 };
			groups.set(row.key, g);
		}
		g.n++;
		g.revenue += row.revenue;
		totalRevenue += row.revenue;
		if (row.recencyDays !== undefined) {
			g.rSum += row.recencyDays;
			g.rN++;
		}
		if (row.frequency !== undefined) {
			g.fSum += row.frequency;
			g.fN++;
		}
	}
	return [...groups].map(([key, g]) => ({
		key,
		label: g.label,
		customers: g.n,
		customerShare: rows.length ? g.n / rows.length : 0,
		revenue: g.revenue,
		revenueShare: totalRevenue > 0 ? g.revenue / totalRevenue : 0,
		meanRecencyDays: g.rN ? g.rSum / g.rN : null,
		meanFrequency: g.fN ? g.fSum / g.fN : null,
	}));
}
