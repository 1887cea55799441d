import { addExact, roundedSum, type Partials } from './exactSum';
import { ratio, round } from './periods';

export interface ChurnCustomer {
	group: string;
	churnProbability: number;
	/** Expected value over the horizon (CLV), when the input has it. */
	value: number | null;
	atRisk: boolean;
	item: number;
}

export interface CustomerKpis {
	group: string | null;
	customers: number;
	/** Mean churn probability: the share of customers expected to be lost. */
	expectedChurnRate: number;
	expectedRetentionRate: number;
	atRiskCustomers: number;
	atRiskShare: number;
	clvTotal: number | null;
	clvMean: number | null;
	/** CLV held by the at-risk customers. */
	clvAtRisk: number | null;
	items: number[];
}

function summarise(group: string | null, rows: ChurnCustomer[]): CustomerKpis {
	const churn: Partials = [];
	const clv: Partials = [];
	const clvRisk: Partials = [];
	let valued = 0;
	let atRisk = 0;
	for (const r of rows) {
		addExact(churn, r.churnProbability);
		if (r.atRisk) atRisk++;
		if (r.value !== null) {
			valued++;
			addExact(clv, r.value);
			if (r.atRisk) addExact(clvRisk, r.value);
		}
	}
	const n = rows.length;
	const churnRate = roundedSum(churn) / n;
	const clvTotal = roundedSum(clv);
	return {
		group,
		customers: n,
		expectedChurnRate: round(churnRate, 6),
		expectedRetentionRate: round(1 - churnRate, 6),
		atRiskCustomers: atRisk,
		atRiskShare: round(atRisk / n, 6),
		clvTotal: valued ? round(clvTotal, 2) : null,
		clvMean: valued ? round(ratio(clvTotal, valued)!, 2) : null,
		clvAtRisk: valued ? round(roundedSum(clvRisk), 2) : null,
		items: rows.map((r) => r.item),
	};
}

/** Churn and CLV KPIs from Detect Churn Risk results: all customers, then one row per group if grouped. */
export function customerKpis(rows: ChurnCustomer[], grouped: boolean): CustomerKpis[] {
	if (rows.length === 0) return [];
	const out = [summarise(null, rows)];
	if (!grouped) return out;
	const groups = new Map<string, ChurnCustomer[]>();
	for (const r of rows) {
		const list = groups.get(r.group);
		if (list) list.push(r);
		else groups.set(r.group, [r]);
	}
	for (const key of [...groups.keys()].sort()) out.push(summarise(key, groups.get(key)!));
	return out;
}
