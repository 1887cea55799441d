import type { IDataObject } from 'n8n-workflow';
import { addObservation, measureOutcome, newState, overall } from '../../nodes/shared/impact';
import { collectGarbage, PASS_THROUGH, runInEngine, seconds } from './engineTiming';
import type { Report } from './run';

const MEASURE = {
	operation: 'measureUplift',
	campaign: 'win-back',
	groupColumn: 'impact.group',
	stratumColumn: 'impact.stratum',
	conversionColumn: 'converted',
	revenueColumn: 'revenue',
	costPerContact: 0.5,
	marginPercent: 40,
};

/** Customers of a measured campaign: 10% holdout, two strata, 12% vs 8% repurchase, revenue with cents. */
function customers(n: number): Array<Record<string, unknown>> {
	let seed = 11;
	const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
	return Array.from({ length: n }, (_, i) => {
		const holdout = next() < 0.1;
		const converted = next() < (holdout ? 0.08 : 0.12);
		return {
			customerId: `C${i}`,
			impact: { campaign: 'win-back', group: holdout ? 'holdout' : 'treatment', stratum: i % 3 === 0 ? 'lapsed' : 'lapsing' },
			converted,
			revenue: converted ? Math.round(next() * 40000) / 100 : 0,
		};
	});
}

const runNodeOn = (type: string, items: Array<Record<string, unknown>>, parameters: IDataObject, timezone?: string) =>
	runInEngine({ type, className: type === PASS_THROUGH ? undefined : 'MeasureCareImpact', parameters, items, timezone });

const NPS_AS_OF_MS = Date.UTC(2025, 8, 16);
const NPS_REPORT = { operation: 'kpiReport', source: 'responses', months: 24, asOf: new Date(NPS_AS_OF_MS).toISOString() };

/** NPS answers with a date-time without offset (as exports write it) over the two years before the as-of date. */
function npsAnswers(n: number): Array<Record<string, unknown>> {
	let seed = 13;
	const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
	return Array.from({ length: n }, () => ({
		respondedAt: new Date(NPS_AS_OF_MS - 86_400_000 - Math.floor(next() * 700 * 1440) * 60_000).toISOString().slice(0, 19),
		nps: Math.floor(next() * 11),
	}));
}

export async function run(report: Report): Promise<void> {
	await runNodeOn('measureCareImpact', customers(20_000), MEASURE);
	await runNodeOn(PASS_THROUGH, customers(20_000), {});
	for (const n of [100_000, 1_000_000]) {
		const items = customers(n);
		const count = n.toLocaleString('en');
		const node = await runNodeOn('measureCareImpact', items, MEASURE);
		if (node.outputs[0] !== 6) throw new Error(`expected 6 results, got ${node.outputs[0]}`);
		const engine = await runNodeOn(PASS_THROUGH, items, {});
		report(`Measure Uplift (conversion + revenue, 2 strata), node time in the engine, ${count} customers`, node.seconds, {
			...(n === 1_000_000 ? { budgetSeconds: 2 } : {}),
			inExecute: Number(node.executeSeconds.toFixed(3)),
			inExecuteCpu: Number(node.executeCpuSeconds.toFixed(3)),
			peakRssMb: Math.round(node.peakRssMb),
		});
		report(`pass-through node on the same ${count} items (n8n engine alone)`, engine.seconds, { peakRssMb: Math.round(engine.peakRssMb) });
	}
	const assign = customers(1_000_000).map(({ customerId }) => ({ customerId }));
	const node = await runNodeOn('measureCareImpact', assign, { operation: 'assignHoldout', campaign: 'win-back', holdoutPercent: 10 });
	report('Assign Holdout (SHA-256 per customer), node time in the engine, 1,000,000 customers', node.seconds, { inExecute: Number(node.executeSeconds.toFixed(3)) });
	await npsReportByZone(report);

	// The statistics alone: sufficient statistics of 1M customers and the six results.
	const values = customers(1_000_000);
	collectGarbage();
	const started = process.hrtime.bigint();
	const state = newState([
		{ key: 'conversion', kind: 'proportion' },
		{ key: 'revenue', kind: 'mean' },
	]);
	for (const c of values) {
		const impact = c.impact as { group: 'treatment' | 'holdout'; stratum: string };
		addObservation(state, 'conversion', impact.stratum, impact.group, c.converted ? 1 : 0);
		addObservation(state, 'revenue', impact.stratum, impact.group, c.revenue as number);
	}
	for (const { kind, strata } of Object.values(state.outcomes)) {
		const all = overall(strata);
		measureOutcome(kind, all.treatment, all.holdout, { level: 0.95, costPerContact: 0.5, margin: 0.4 });
	}
	report('uplift statistics alone (nodes/shared), 1,000,000 customers', seconds(started));
}

/** The NPS report in UTC and in Asia/Shanghai. */
export async function npsReportByZone(report: Report): Promise<void> {
	// Months are counted on the zone's calendar, and date-times without offset read on its wall clock: UTC and Asia/Shanghai.
	const answers = npsAnswers(300_000);
	for (const timezone of ['UTC', 'Asia/Shanghai']) {
		await runNodeOn('measureCareImpact', answers.slice(0, 20_000), NPS_REPORT, timezone);
		collectGarbage();
		const kpi = await runNodeOn('measureCareImpact', answers, NPS_REPORT, timezone);
		if (kpi.outputs[0] !== 24) throw new Error(`expected 24 months, got ${kpi.outputs[0]}`);
		report(`KPI report, NPS by month (24 months) from 300,000 answers in ${timezone}, node time in the engine`, kpi.seconds, {
			inExecute: Number(kpi.executeSeconds.toFixed(3)),
			inExecuteCpu: Number(kpi.executeCpuSeconds.toFixed(3)),
		});
	}
}
