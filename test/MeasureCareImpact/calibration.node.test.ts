import type { IDataObject } from 'n8n-workflow';
import { measureOutcome } from '../../nodes/shared/impact/uplift';
import { runNode, NODE_UNDER_TEST } from '../helpers/runWorkflow';
import { band, countState, seededRandom } from '../impact/simulate';

/**
 * End to end: a simulated campaign through the engine, Assign Holdout (stratified, 5% holdout) then Measure
 * Uplift on outcomes drawn with a known effect from each customer's assigned group. The holdout shares are the
 * requested share within binomial limits, and each result is the domain function's on the same counts, the
 * function whose coverage test/impact/calibration.test.ts checks against 2,000 simulated campaigns.
 */
const STRATA: Array<[string, number, number, number]> = [
	// stratum, customers, holdout rate, treated rate
	['low', 4000, 0.02, 0.03],
	['high', 1500, 0.1, 0.16],
	['critical', 500, 0.3, 0.25],
];
const SHARE = 0.05;

describe('Measure Care Impact: a simulated campaign from Assign Holdout to Measure Uplift', () => {
	it('holds out 5% in every stratum and measures each stratum and all customers as the domain function does', async () => {
		const customers = STRATA.flatMap(([stratum, n]) => Array.from({ length: n }, (_, i) => ({ customerId: `${stratum}-${i}`, churn: { riskLevel: stratum } })));
		const assigned = await runNode({
			type: 'measureCareImpact',
			parameters: { operation: 'assignHoldout', campaign: 'win-back-2026-03', holdoutPercent: SHARE * 100, stratumColumn: 'churn.riskLevel' },
			items: customers,
		});
		expect(assigned.error).toBeUndefined();
		const groups = [...assigned.json(NODE_UNDER_TEST, 0), ...assigned.json(NODE_UNDER_TEST, 1)];
		expect(groups).toHaveLength(customers.length);

		const random = seededRandom(16_401);
		const rateOf = new Map(STRATA.map(([stratum, , held, treated]) => [stratum, { held, treated }]));
		const counts = new Map<string, { nT: number; xT: number; nH: number; xH: number }>();
		const measured: IDataObject[] = groups.map((json) => {
			const { group, stratum } = json.impact as { group: string; stratum: string };
			const rates = rateOf.get(stratum)!;
			const converted = random() < (group === 'holdout' ? rates.held : rates.treated);
			const c = counts.get(stratum) ?? { nT: 0, xT: 0, nH: 0, xH: 0 };
			if (group === 'holdout') [c.nH, c.xH] = [c.nH + 1, c.xH + Number(converted)];
			else [c.nT, c.xT] = [c.nT + 1, c.xT + Number(converted)];
			counts.set(stratum, c);
			return { ...json, converted };
		});
		for (const [stratum, n] of STRATA) {
			const c = counts.get(stratum)!;
			expect(c.nT + c.nH).toBe(n);
			expect(c.nH / n).toBeGreaterThanOrEqual(band(SHARE, n)[0]);
			expect(c.nH / n).toBeLessThanOrEqual(band(SHARE, n)[1]);
		}

		const result = await runNode({
			type: 'measureCareImpact',
			parameters: { operation: 'measureUplift', campaign: 'win-back-2026-03', stratumColumn: 'impact.stratum', revenueColumn: '' },
			items: measured,
		});
		expect(result.error).toBeUndefined();
		const rows = result.json(NODE_UNDER_TEST, 0) as Array<IDataObject & { stratum: string | null; uplift: IDataObject }>;
		const all = [...counts.values()].reduce((s, c) => ({ nT: s.nT + c.nT, xT: s.xT + c.xT, nH: s.nH + c.nH, xH: s.xH + c.xH }));
		const expected = [[null, all] as const, ...[...counts.entries()].sort(([a], [b]) => (a < b ? -1 : 1))];
		expect(rows.map((r) => r.stratum)).toEqual(expected.map(([s]) => s));
		expected.forEach(([, c], i) => {
			const m = measureOutcome('proportion', countState(c.nT, c.xT), countState(c.nH, c.xH), { level: 0.95, costPerContact: 0, margin: 1 });
			expect(rows[i].uplift).toEqual(expect.objectContaining({ absolute: m.absolute, lower: m.lower, upper: m.upper, pValue: m.pValue }));
			expect(rows[i].minimumDetectableEffect).toBe(m.minimumDetectableEffect);
			expect(rows[i].verdict).toBe(m.verdict);
		});
	});
});
