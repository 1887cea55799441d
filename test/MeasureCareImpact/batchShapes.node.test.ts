import type { IDataObject } from 'n8n-workflow';
import { expectInvariants, runBatch } from '../helpers/batchShapes';

/**
 * The batch-shapes audit of Measure Care Impact: one customer, two, an empty holdout or treatment group,
 * a group of one, outcomes all zero or all the same, every item refused, every item the same customer,
 * 100,000 customers alike; Assign Holdout on one, on duplicates and on 100,000; KPI Report on one order,
 * zero revenue, 10,000 orders of one customer, every NPS answer 10 or 0. Each run keeps the invariants of
 * test/helpers/batchShapes.ts (Assign Holdout: one output per item; the reports: every item summarised
 * or refused, never both), and a result that cannot be measured says so with null bounds, never NaN.
 */

const many = (n: number, f: (k: number) => IDataObject | IDataObject[]) => Array.from({ length: n }, (_, k) => f(k)).flat();
const UPLIFT = { operation: 'measureUplift', campaign: 'win-back', costPerContact: 2, marginPercent: 40, retainedColumn: 'retained', satisfactionColumn: 'csat', stratumColumn: 'impact.stratum', upliftOptions: { includeState: true } };
const outcome = (id: string, group: string, converted: boolean, revenue: number, stratum = 'gold'): IDataObject => ({ customerId: id, impact: { group, stratum }, converted: converted ? 'yes' : 'no', revenue, retained: converted, csat: converted ? 5 : 2 });
const CASES: Array<[string, IDataObject, IDataObject[]]> = [
	['uplift one', UPLIFT, [outcome('a', 'treatment', true, 10)]],
	['uplift two', UPLIFT, [outcome('a', 'treatment', true, 10), outcome('b', 'holdout', false, 0)]],
	['uplift empty holdout', UPLIFT, many(30, (k) => outcome(`c${k}`, 'treatment', k % 2 === 0, k))],
	['uplift empty treatment', UPLIFT, many(30, (k) => outcome(`c${k}`, 'holdout', k % 2 === 0, k))],
	['uplift one holdout', UPLIFT, [...many(30, (k) => outcome(`c${k}`, 'treatment', k % 2 === 0, k)), outcome('h', 'holdout', true, 5)]],
	['uplift outcomes all zero', UPLIFT, many(60, (k) => outcome(`c${k}`, k % 3 === 0 ? 'holdout' : 'treatment', false, 0))],
	['uplift all converted same revenue', UPLIFT, many(60, (k) => outcome(`c${k}`, k % 3 === 0 ? 'holdout' : 'treatment', true, 50))],
	['uplift all refused', UPLIFT, many(10, (k) => ({ ...outcome(`c${k}`, 'x', true, 1) }))],
	['uplift identical', UPLIFT, many(10, () => outcome('same', 'treatment', true, 1))],
	['uplift 100000 same', UPLIFT, many(100000, (k) => outcome(`c${k}`, k % 2 ? 'treatment' : 'holdout', true, 10))],
	['assign one', { operation: 'assignHoldout', campaign: 'win-back', stratumColumn: 'tier' }, [{ customerId: 'a', tier: 'gold' }]],
	['assign identical', { operation: 'assignHoldout', campaign: 'win-back', stratumColumn: 'tier' }, many(10, () => ({ customerId: 'a', tier: 'gold' }))],
	['assign all refused', { operation: 'assignHoldout', campaign: 'win-back', stratumColumn: 'tier' }, many(10, () => ({ customerId: null, tier: 'gold' }))],
	['assign 100000', { operation: 'assignHoldout', campaign: 'win-back', stratumColumn: 'tier' }, many(100000, (k) => ({ customerId: `c${k}`, tier: 'gold' }))],
	['kpi orders one', { operation: 'kpiReport', source: 'orders', asOf: '2024-06-10T00:00:00Z', months: 4 }, [{ customerId: 'a', orderDate: '2024-02-15', amount: 100 }]],
	['kpi orders all zero', { operation: 'kpiReport', source: 'orders', asOf: '2024-06-10T00:00:00Z', months: 4 }, many(20, (k) => ({ customerId: `c${k}`, orderDate: '2024-05-15', amount: 0 }))],
	['kpi orders all refused', { operation: 'kpiReport', source: 'orders', asOf: '2024-06-10T00:00:00Z', months: 4 }, many(5, (k) => ({ customerId: `c${k}`, orderDate: 'x', amount: 0 }))],
	['kpi orders 10000 one customer', { operation: 'kpiReport', source: 'orders', asOf: '2024-06-10T00:00:00Z', months: 4 }, many(10000, (k) => ({ customerId: 'big', orderDate: new Date(Date.UTC(2024, 1, 1) + k * 3_600_000).toISOString(), amount: 1 }))],
	['kpi customers one', { operation: 'kpiReport', source: 'customers', groupByColumn: 'tier' }, [{ tier: 'gold', churn: { churnProbability: 0.5, expectedValue: 100, riskLevel: 'high' } }]],
	['kpi customers all zero', { operation: 'kpiReport', source: 'customers', groupByColumn: 'tier' }, many(10, () => ({ tier: 'gold', churn: { churnProbability: 0, expectedValue: 0, riskLevel: 'low' } }))],
	['kpi responses one', { operation: 'kpiReport', source: 'responses', asOf: '2024-06-10T00:00:00Z', months: 4 }, [{ respondedAt: '2024-03-01', nps: 9 }]],
	['kpi responses all 10', { operation: 'kpiReport', source: 'responses', asOf: '2024-06-10T00:00:00Z', months: 4 }, many(40, (k) => ({ respondedAt: `2024-0${2 + (k % 4)}-01`, nps: 10 }))],
	['kpi responses all 0', { operation: 'kpiReport', source: 'responses', asOf: '2024-06-10T00:00:00Z', months: 4 }, many(40, (k) => ({ respondedAt: `2024-0${2 + (k % 4)}-01`, nps: 0 }))],
];
interface Uplift {
	verdict: string;
	sentence: string;
	reliable: boolean | null;
	caution: string | null;
	incremental: unknown;
	roi: unknown;
	treatment: { customers: number };
	holdout: { customers: number };
	uplift: { absolute: number | null; lower: number | null; upper: number | null };
}

describe('Measure Care Impact: batch shapes', () => {
	it.each(CASES.map((c) => [c[0], c] as const))('%s', async (_name, [, parameters, items]) => {
		const operation = parameters.operation as string;
		const run = await runBatch({ type: 'measureCareImpact', parameters }, items);
		expectInvariants(run, items.length, { itemOutputs: operation === 'assignHoldout' ? [0, 1] : [] });
		if (operation !== 'measureUplift') return;
		for (const result of run.outputs[0].map((i) => i.json).filter((j) => j.kind === 'uplift') as unknown as Uplift[]) {
			const { lower, upper, absolute } = result.uplift;
			// Bounds come together, around the estimate, or not at all.
			expect(lower === null).toBe(upper === null);
			if (lower !== null && upper !== null && absolute !== null) expect(lower <= absolute && absolute <= upper).toBe(true);
			if (result.treatment.customers === 0 || result.holdout.customers === 0) {
				expect(result.verdict).toBe('notMeasurable');
				expect(result.sentence).toMatch(/cannot be measured: \d+ treatment and \d+ holdout customers/);
			}
			// Nothing measured claims no reliability and no money, and says why.
			if (result.verdict === 'notMeasurable') {
				expect(result).toMatchObject({ reliable: null, incremental: null, roi: null, caution: expect.stringMatching(/^Not measurable, so no interval/) });
			} else expect(lower).not.toBeNull();
		}
	}, 120_000);
});
