import type { IDataObject } from 'n8n-workflow';
import { runNode, NODE_UNDER_TEST } from '../helpers/runWorkflow';

/**
 * KPI Report summaries write a number that rounds to zero without a minus sign: an NPS of −0.04 is
 * "NPS 0.0", and its change of −0.04 from a month at 0 is "(+0.0)", not "NPS -0.0 (−0.0)".
 */
describe('KPI Report summaries: values that round to zero', () => {
	it('writes NPS −0.04 and its change −0.04 as 0.0 and +0.0', async () => {
		const items: IDataObject[] = [
			...Array.from({ length: 10 }, () => ({ respondedAt: '2024-03-05', nps: 7 })),
			{ respondedAt: '2024-04-05', nps: 0 },
			...Array.from({ length: 2499 }, () => ({ respondedAt: '2024-04-06', nps: 8 })),
		];
		for (const language of ['en', 'zh-CN']) {
			const result = await runNode({ type: 'measureCareImpact', parameters: { operation: 'kpiReport', source: 'responses', asOf: '2024-05-10T00:00:00Z', months: 2, language }, items });
			expect(result.error).toBeUndefined();
			const april = result.json(NODE_UNDER_TEST, 0).find((r) => r.period === '2024-04')!;
			expect(april).toMatchObject({ nps: -0.04, change: -0.04 });
			expect(april.summary).toBe(language === 'en' ? '2024-04: NPS 0.0 (+0.0) from 2500 answers.' : '2024-04：NPS 0.0 (+0.0)，共 2500 份回答。');
		}
	});
});
