import type { IDataObject } from 'n8n-workflow';
import { names, RAW_ERROR, valueForms } from '../helpers/runChecks';
import { NODE_UNDER_TEST, runNode } from '../helpers/runWorkflow';

/**
 * KPI Report, Customers With Churn Results: the risk level of each customer is one of Detect Churn Risk's
 * four levels, read from either column it writes: riskLevel ("high") or riskLabel, in the workflow's
 * language ("High", "高", "极高"), whatever the case or width. Before, a level no at-risk level matched was
 * "not at risk" without a word: the Chinese label 高 of a high-risk customer, a typo, a number or a list.
 * Now the labels count as their levels and anything else is that item's error, naming the field, the value
 * and the accepted levels; an At-Risk Levels entry that is no level stops the run.
 */
const report = (items: IDataObject[], parameters: IDataObject = {}) =>
	runNode({ type: 'measureCareImpact', parameters: { operation: 'kpiReport', source: 'customers', ...parameters }, items, onError: 'continueErrorOutput' });

const customer = (riskLevel: unknown, value = 100): IDataObject => ({ churn: { churnProbability: 0.5, expectedValue: value, riskLevel } as IDataObject });

describe('Measure Care Impact, KPI Report: risk levels', () => {
	it('reads the levels and labels Detect Churn Risk writes, in English and Chinese', async () => {
		const atRisk = ['high', 'critical', 'High', 'Critical', '高', '极高', ' ＨＩＧＨ '];
		const notAtRisk = ['low', 'medium', 'Low', 'Medium', '低', '中'];
		const result = await report([...atRisk, ...notAtRisk].map((level) => customer(level)));
		expect(result.json(NODE_UNDER_TEST, 1)).toEqual([]);
		expect(result.json(NODE_UNDER_TEST, 0)).toEqual([expect.objectContaining({ customers: 13, atRiskCustomers: atRisk.length, clvAtRisk: 100 * atRisk.length })]);
	});

	it('refuses any other value for its item, naming the field, the value and the accepted levels', async () => {
		const odd: unknown[] = ['severe', '高风险', 'highest', 'constructor', 3, true, ['high'], { level: 'high' }, '', null];
		const result = await report([customer('high'), ...odd.map((level) => customer(level)), customer('low')]);
		const errors = result.json(NODE_UNDER_TEST, 1).map((e) => e.error as string);
		expect(errors).toHaveLength(odd.length);
		errors.forEach((error, k) => {
			expect(error).toMatch(new RegExp(`^Item ${k + 1}: `));
			expect(error).not.toMatch(RAW_ERROR);
			expect(names(error, 'churn.riskLevel')).toBe(true);
			expect(valueForms(odd[k]).some((form) => error.includes(form))).toBe(true);
			expect(error).toContain('low, medium, high, critical');
		});
		expect(result.json(NODE_UNDER_TEST, 0)).toEqual([expect.objectContaining({ customers: 2, atRiskCustomers: 1 })]);
	});

	it('takes At-Risk Levels by label too, and stops on a name that is no level, or on none', async () => {
		const items = ['高', 'critical', 'medium', 'low'].map((level) => customer(level));
		const chinese = await report(items, { atRiskLevels: '高，极高' });
		expect(chinese.json(NODE_UNDER_TEST, 0)).toEqual([expect.objectContaining({ atRiskCustomers: 2 })]);
		const typo = await runNode({ type: 'measureCareImpact', parameters: { operation: 'kpiReport', source: 'customers', atRiskLevels: 'high, crtical' }, items });
		expect(typo.error?.message).toMatch(/^"At-Risk Levels" names "crtical", which is not a risk level \(expected low, medium, high, critical/);
		const cleared = await runNode({ type: 'measureCareImpact', parameters: { operation: 'kpiReport', source: 'customers', atRiskLevels: ' , ' }, items });
		expect(cleared.error?.message).toMatch(/^"At-Risk Levels" is empty: name the levels counted as at risk/);
	});
});
