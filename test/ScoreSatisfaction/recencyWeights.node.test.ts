import type { IDataObject } from 'n8n-workflow';
import { NODE_UNDER_TEST, runNode } from '../helpers/runWorkflow';

/**
 * Recency-weighted mean per customer: a weighted mean does not change when every weight is multiplied by
 * the same number, so a metric's weights count from the latest response that answered it. Counted from the
 * customer's latest response instead, 0.5^(age / half-life) of an answer many half-lives older underflowed:
 * to 0 (the answered metric came out null, as if never answered) or to a subnormal number with a few
 * bits left (CES answers 3 and 6 a day apart, weighed 0.5 : 1, came out 5.05 instead of 5).
 */
const run = (items: IDataObject[], metrics: string[]) =>
	runNode({
		type: 'scoreSatisfaction',
		parameters: { metrics, aggregatePerCustomer: true, combineBy: 'recencyWeighted', halfLifeDays: 1, options: { skipMissing: true } },
		items,
	});

describe('Score Satisfaction, Recency-Weighted Mean with answers many half-lives apart', () => {
	it('keeps an NPS answered only 3 years before a CSAT-only response (1,096 half-lives)', async () => {
		const result = await run(
			[
				{ customerId: 'C1', respondedAt: '2020-01-01', nps: 9, csat: '' },
				{ customerId: 'C1', respondedAt: '2023-01-01', nps: '', csat: 5 },
			],
			['nps', 'csat'],
		);
		expect(result.error).toBeUndefined();
		const [c1] = result.json(NODE_UNDER_TEST, 0);
		expect((c1.satisfaction as IDataObject).nps).toMatchObject({ score: 9, category: 'promoter' });
		expect((c1.satisfaction as IDataObject).csat).toMatchObject({ score: 5 });
	});

	it('weighs two old CES answers a day apart 1 : 0.5 however long before the latest response they were', async () => {
		// CES 2.0 scores 6 and 3 a day apart, both about 1,070.3 days before an NPS-only response:
		// (0.5 × 3 + 1 × 6) / 1.5 = 5 exactly, as it would be without the later response.
		const items = [
			{ customerId: 'C1', respondedAt: '2020-01-01', ces: 3, nps: '' },
			{ customerId: 'C1', respondedAt: '2020-01-02', ces: 6, nps: '' },
			{ customerId: 'C1', respondedAt: '2022-12-07T07:12:00Z', ces: '', nps: 10 },
		];
		const result = await run(items, ['nps', 'ces']);
		const alone = await run(items.slice(0, 2), ['nps', 'ces']);
		const ces = ((result.json(NODE_UNDER_TEST, 0)[0].satisfaction as IDataObject).ces as IDataObject).score;
		expect(ces).toBe(5);
		expect(ces).toBe(((alone.json(NODE_UNDER_TEST, 0)[0].satisfaction as IDataObject).ces as IDataObject).score);
	});

	it('with a half-life of 1e-310 days older answers keep their mean (each age is Infinity half-lives)', async () => {
		const result = await runNode({
			type: 'scoreSatisfaction',
			parameters: { metrics: ['nps', 'csat'], aggregatePerCustomer: true, combineBy: 'recencyWeighted', halfLifeDays: 1e-310, options: { skipMissing: true } },
			items: [
				{ customerId: 'C1', respondedAt: '2024-01-01', nps: 6, csat: '' },
				{ customerId: 'C1', respondedAt: '2024-01-02', nps: 8, csat: '' },
				{ customerId: 'C1', respondedAt: '2024-01-03', nps: '', csat: 4 },
			],
		});
		expect(result.error).toBeUndefined();
		const satisfaction = result.json(NODE_UNDER_TEST, 0)[0].satisfaction as IDataObject;
		// Both NPS answers are infinitely many half-lives old: neither weighs less, their mean is 7.
		expect(satisfaction.nps).toMatchObject({ score: 7, category: 'passive' });
		expect(satisfaction.csat).toMatchObject({ score: 4 });
		expect(satisfaction.index).toBe(75);
	});
});
