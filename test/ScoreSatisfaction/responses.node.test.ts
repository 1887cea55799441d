import { NODE_UNDER_TEST, runNode } from '../helpers/runWorkflow';

const TYPE = 'scoreSatisfaction';

const survey = [
	{ responseId: 'r1', store: 'Shanghai', nps: 10, csat: 5, ces: 7 },
	{ responseId: 'r2', store: 'Beijing', nps: 7, csat: 3, ces: 4 },
	{ responseId: 'r3', store: 'Shanghai', nps: '9', csat: 4, ces: 6 },
	{ responseId: 'r4', store: 'Shanghai', nps: 3, csat: 1, ces: 2 },
	{ responseId: 'r5', store: 'Beijing', nps: 8, csat: 4, ces: 5 },
];

describe('Score Satisfaction node: responses and report', () => {
	it('scores each response under `satisfaction`, keeping its fields, and reports per group', async () => {
		const result = await runNode({
			type: TYPE,
			parameters: { metrics: ['nps', 'csat', 'ces'], groupByColumn: 'store' },
			items: survey,
		});
		expect(result.error).toBeUndefined();
		const main = result.items(NODE_UNDER_TEST, 0);
		expect(main.map((i) => i.pairedItem)).toEqual([0, 1, 2, 3, 4].map((item) => ({ item })));
		// r1: 100, 100, 100 -> 100. r4: nps 3 -> 30, csat 1 -> 0, ces 2 -> 16.67; (30 + 0 + 16.67) / 3 = 15.56
		expect(main[0].json).toEqual({
			...survey[0],
			satisfaction: {
				nps: { score: 10, category: 'promoter', label: 'Promoter', outOf100: 100 },
				csat: { score: 5, satisfied: true, outOf100: 100 },
				ces: { score: 7, easy: true, version: '2.0', outOf100: 100 },
				index: 100,
			},
		});
		expect(main[3].json.satisfaction).toMatchObject({ nps: { category: 'detractor' }, csat: { satisfied: false }, ces: { easy: false, outOf100: 16.67 }, index: 15.56 });
		expect(main[2].json.nps).toBe('9'); // input kept as given

		const report = result.items(NODE_UNDER_TEST, 1);
		expect(report.map((r) => [r.json.scope, r.json.group, r.json.responses])).toEqual([
			['overall', null, 5],
			['group', 'Shanghai', 3],
			['group', 'Beijing', 2],
		]);
		// Overall: promoters r1 r3, detractor r4 -> (2 - 1) / 5 = 20. Shanghai: (2 - 1) / 3 = 33.33. Beijing: passives only -> 0.
		expect(report.map((r) => (r.json.nps as { nps: number }).nps)).toEqual([20, 33.33, 0]);
		// CSAT overall: 5, 4, 4 in the top two boxes of 5 answers; mean 17 / 5. CES 2.0 easy: 7, 6, 5.
		expect(report[0].json.csat).toMatchObject({ satisfied: 3, csatPercent: 60, mean: 3.4 });
		expect(report[0].json.ces).toMatchObject({ easy: 3, easyPercent: 60, mean: 4.8, direction: 'higherIsEasier' });
		expect(report[0].json.nps).toMatchObject({ marginOfError: null, marginNote: 'Too few responses for a meaningful margin of error (5 < 30)' });
		expect(report[0].json.rejectedItems).toBe(0);
		expect(report[1].pairedItem).toEqual([{ item: 0 }, { item: 2 }, { item: 3 }]);
		expect(report[2].pairedItem).toEqual([{ item: 1 }, { item: 4 }]);
		expect((report[0].pairedItem as unknown[]).length).toBe(5);
	});

	it('stops at the first bad answer by default, naming item, field, value and range', async () => {
		const result = await runNode({
			type: TYPE,
			parameters: { metrics: ['nps'] },
			items: [{ nps: 9 }, { nps: 11 }],
		});
		expect(result.error?.message).toBe('Item 1: field "nps" is 11, which is above 10 (expected a whole number from 0 to 10)');
	});

	it('routes bad items to the error output under continue-on-fail and counts them in the report', async () => {
		const result = await runNode({
			type: TYPE,
			parameters: { metrics: ['nps', 'csat'], csatScaleMin: 1, csatScaleMax: 5 },
			onError: 'continueErrorOutput',
			items: [{ nps: 9, csat: 5 }, { nps: 'ten', csat: 5 }, { nps: 6, csat: 0 }, { nps: 10, csat: '' }, { nps: 8, csat: 4 }],
		});
		expect(result.json(NODE_UNDER_TEST, 0).map((j) => (j.satisfaction as { nps: { score: number } }).nps.score)).toEqual([9, 8]);
		expect(result.json(NODE_UNDER_TEST, 2)).toEqual([
			{ error: 'Item 1: field "nps" is "ten", which is not a number (expected a whole number from 0 to 10)' },
			{ error: 'Item 2: field "csat" is 0, which is below 1 (expected a whole number from 1 to 5)' },
			{ error: 'Item 3: field "csat" is "", which is empty (expected a whole number from 1 to 5)' },
		]);
		expect(result.items(NODE_UNDER_TEST, 2).map((i) => i.pairedItem)).toEqual([{ item: 1 }, { item: 2 }, { item: 3 }]);
		const [overall] = result.json(NODE_UNDER_TEST, 1);
		expect(overall).toMatchObject({ responses: 2, rejectedItems: 3, nps: { promoters: 1, passives: 1, nps: 50 } });
	});

	it('keeps error items on the main output with continue (regular output)', async () => {
		const result = await runNode({
			type: TYPE,
			parameters: { metrics: ['nps'] },
			onError: 'continueRegularOutput',
			items: [{ nps: '' }, { nps: 0 }],
		});
		expect(result.json(NODE_UNDER_TEST, 0)).toEqual([
			{ error: 'Item 0: field "nps" is "", which is empty (expected a whole number from 0 to 10)' },
			{ nps: 0, satisfaction: { nps: { score: 0, category: 'detractor', label: 'Detractor', outOf100: 0 }, index: 0 } },
		]);
	});

	it('skip missing metrics: empty answers are null, listed, and left out of the index and report', async () => {
		const result = await runNode({
			type: TYPE,
			parameters: { metrics: ['nps', 'csat'], options: { skipMissing: true } },
			items: [{ nps: '', csat: 4 }, { nps: 10, csat: null }, { nps: 9 }],
		});
		const main = result.json(NODE_UNDER_TEST, 0).map((j) => j.satisfaction);
		expect(main[0]).toEqual({ nps: null, csat: { score: 4, satisfied: true, outOf100: 75 }, index: 75, notAnswered: ['nps'] });
		expect(main[2]).toMatchObject({ csat: null, index: 90, notAnswered: ['csat'] });
		const [overall] = result.json(NODE_UNDER_TEST, 1);
		expect(overall).toMatchObject({ responses: 3, nps: { responses: 2, nps: 100 }, csat: { responses: 1, csatPercent: 100 }, index: { responses: 3, mean: 88.33 } });
	});

	it('takes a sentiment score and the index weights from the options; CES 1.0 reads low as easy', async () => {
		const result = await runNode({
			type: TYPE,
			parameters: {
				metrics: ['ces', 'nps'],
				cesVersion: '1.0',
				npsColumn: 'survey.recommend',
				options: { sentimentColumn: 'ai.sentiment', npsWeight: 2, cesWeight: 1, sentimentWeight: 1 },
			},
			items: [{ survey: { recommend: 8 }, ces: 2, ai: { sentiment: -0.5 } }],
		});
		// nps 80 x 2, ces 1.0 score 2 -> 75, sentiment -0.5 -> 25: (160 + 75 + 25) / 4 = 65
		expect(result.json(NODE_UNDER_TEST, 0)[0].satisfaction).toEqual({
			nps: { score: 8, category: 'passive', label: 'Passive', outOf100: 80 },
			ces: { score: 2, easy: true, version: '1.0', outOf100: 75 },
			sentiment: -0.5,
			index: 65,
		});
		expect(result.json(NODE_UNDER_TEST, 1)[0]).toMatchObject({ ces: { version: '1.0', direction: 'lowerIsEasier', easyPercent: 100 }, sentiment: { responses: 1, mean: -0.5 } });
	});

	it('writes to a configurable field and refuses to overwrite an input field', async () => {
		const ok = await runNode({ type: TYPE, parameters: { metrics: ['nps'], outputField: 'survey' }, items: [{ nps: 9, satisfaction: 'kept' }] });
		expect(ok.json(NODE_UNDER_TEST, 0)[0]).toMatchObject({ satisfaction: 'kept', survey: { nps: { category: 'promoter' } } });
		const clash = await runNode({ type: TYPE, parameters: { metrics: ['nps'] }, items: [{ nps: 9, satisfaction: 'old' }] });
		expect(clash.error?.message).toBe(
			'Item 0: field "satisfaction" is "old", which already exists in the item (expected a free output field: change "Output Field")',
		);
	});

	it('rejects parameters that cannot work as a node error', async () => {
		const noMetric = await runNode({ type: TYPE, parameters: { metrics: [] }, items: [{ nps: 1 }] });
		expect(noMetric.error?.message).toBe('Parameter "Metrics" is "[]", which is empty (expected at least one metric to score)');
		const badScale = await runNode({ type: TYPE, parameters: { metrics: ['csat'], csatScaleMin: 1, csatScaleMax: 2 }, items: [{ csat: 1 }] });
		expect(badScale.error?.message).toBe('CSAT scale 1 to 2 ("CSAT Scale From" to "CSAT Scale To") has fewer than 3 points (expected at least 3, such as 1 to 3)');
		const zeroWeights = await runNode({ type: TYPE, parameters: { metrics: ['nps'], options: { npsWeight: 0 } }, items: [{ nps: 1 }] });
		expect(zeroWeights.error?.message).toBe('The index weights of the metrics in use (nps) are all 0 (expected at least one above 0)');
	});
});
