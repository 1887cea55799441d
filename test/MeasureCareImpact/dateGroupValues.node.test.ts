import { DateTime } from 'luxon';
import type { IDataObject } from 'n8n-workflow';
import { NODE_UNDER_TEST, runNode } from '../helpers/runWorkflow';
import { setGeneratedItems } from '../helpers/testNodes';

/**
 * A week or month from a Date & Time node (or an expression's luxon DateTime) as a stratum or KPI Report's Group By
 * value is read as the ISO instant it names, the text Score Satisfaction's report groups it by: a date and its ISO
 * text are one group, and the two nodes name the same week the same. Before, Measure Care Impact refused the date
 * ("is not a group value") while Score Satisfaction grouped by it. Dates are handed over as objects, as a Code node
 * does within one execution (a generated source).
 */
const WEEK = new Date('2026-03-02T00:00:00Z');
const NEXT_WEEK = DateTime.fromISO('2026-03-09T08:00:00+08:00', { setZone: true });
const WEEK_TEXT = WEEK.toISOString();
const NEXT_WEEK_TEXT = NEXT_WEEK.toJSDate().toISOString();

let runs = 0;
async function run(type: string, parameters: IDataObject, items: Array<Record<string, unknown>>) {
	const key = `dateGroupValues-${runs++}`;
	setGeneratedItems(key, items);
	const result = await runNode({ type, parameters, items: [], generatedKey: key, onError: 'continueErrorOutput' });
	expect(result.error).toBeUndefined();
	return result;
}

const weeks = [WEEK, NEXT_WEEK, WEEK_TEXT, WEEK, NEXT_WEEK_TEXT, NEXT_WEEK];

describe('Measure Care Impact: a date as a stratum or group value is its ISO instant, as in Score Satisfaction', () => {
	it('KPI Report groups by the same names as Score Satisfaction\'s report, a date and its ISO text together', async () => {
		const customers = weeks.map((week, i) => ({ week, churn: { churnProbability: i / 10, expectedValue: 100, riskLevel: 'high' } }));
		const kpis = await run('measureCareImpact', { operation: 'kpiReport', source: 'customers', groupByColumn: 'week' }, customers);
		expect(kpis.json(NODE_UNDER_TEST, 1)).toEqual([]);
		const rows = kpis.json(NODE_UNDER_TEST, 0);
		expect(rows.map((r) => [r.group, r.customers])).toEqual([
			[null, 6],
			[WEEK_TEXT, 3],
			[NEXT_WEEK_TEXT, 3],
		]);

		const responses = weeks.map((week, i) => ({ customerId: `C${i}`, nps: 9, week }));
		const satisfaction = await run('scoreSatisfaction', { metrics: ['nps'], groupByColumn: 'week' }, responses);
		const report = satisfaction.json(NODE_UNDER_TEST, 1);
		const named = report.filter((r) => r.group !== null && r.group !== undefined && r.group !== '').map((r) => r.group);
		expect(named).toEqual(rows.slice(1).map((r) => r.group));
	});

	it('Assign Holdout records a date stratum as its ISO instant, and Measure Uplift measures a date and its text as one stratum', async () => {
		const assigned = await run('measureCareImpact', { operation: 'assignHoldout', campaign: 'win-back', stratumColumn: 'week' }, weeks.map((week, i) => ({ customerId: `C${i}`, week })));
		const impacts = [...assigned.json(NODE_UNDER_TEST, 0), ...assigned.json(NODE_UNDER_TEST, 1)].map((j) => j.impact as IDataObject);
		expect(impacts.map((x) => x.stratum).sort()).toEqual([WEEK_TEXT, WEEK_TEXT, WEEK_TEXT, NEXT_WEEK_TEXT, NEXT_WEEK_TEXT, NEXT_WEEK_TEXT].sort());

		const customers = weeks.map((week, i) => ({ customerId: `C${i}`, impact: { group: i % 2 === 0 ? 'holdout' : 'treatment', stratum: week }, converted: i % 3 === 0 ? 'yes' : 'no' }));
		const measured = await run('measureCareImpact', { operation: 'measureUplift', campaign: 'win-back', stratumColumn: 'impact.stratum', revenueColumn: '' }, customers);
		expect(measured.json(NODE_UNDER_TEST, 1)).toEqual([]);
		const results = measured.json(NODE_UNDER_TEST, 0);
		expect(results.map((r) => [r.stratum, (r.treatment as IDataObject).customers, (r.holdout as IDataObject).customers])).toEqual([
			[null, 3, 3],
			[WEEK_TEXT, 1, 2],
			[NEXT_WEEK_TEXT, 2, 1],
		]);
	});

	it('refuses an invalid date, naming the field and saying so', async () => {
		const customers = [{ week: new Date(NaN), churn: { churnProbability: 0.1, expectedValue: 100, riskLevel: 'high' } }];
		const kpis = await run('measureCareImpact', { operation: 'kpiReport', source: 'customers', groupByColumn: 'week' }, customers);
		expect(kpis.json(NODE_UNDER_TEST, 1).map((e) => e.error)).toEqual(['Item 0: field "week" is "Invalid Date", which is an invalid date (expected a text, number or date value)']);
	});
});
