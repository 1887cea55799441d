import { NODE_UNDER_TEST, PARAMETER_ISSUES, runNode } from '../helpers/runWorkflow';

const TYPE = 'scoreSatisfaction';

describe('ScoreSatisfaction node: gap, Kano and per-customer aggregation', () => {
	it('scores the expectation-perception gap from flat columns with weights and zh-CN labels', async () => {
		const result = await runNode({
			type: TYPE,
			parameters: {
				metrics: ['gap'],
				gapDimensions: '响应速度, 专业程度',
				expectationColumnPattern: 'E_{dimension}',
				perceptionColumnPattern: 'P_{dimension}',
				gapScaleMin: 1,
				gapScaleMax: 7,
				gapWeights: '3, 1',
				gapTolerance: 0.5,
				language: 'zh-CN',
			},
			items: [
				{ E_响应速度: 6, P_响应速度: 4, E_专业程度: 5, P_专业程度: 6 },
				{ E_响应速度: 5, P_响应速度: 6.5, E_专业程度: 5, P_专业程度: 5 },
			],
		});
		const [a, b] = result.json(NODE_UNDER_TEST, 0).map((j) => j.satisfaction as Record<string, any>);
		// (3 * -2 + 1 * 1) / 4 = -1.25: below; on 0-100 (-1.25 + 6) / 12 = 39.58
		expect(a.gap).toEqual({
			dimensions: {
				响应速度: { expectation: 6, perception: 4, gap: -2, level: 'belowExpectations', label: '不满意' },
				专业程度: { expectation: 5, perception: 6, gap: 1, level: 'exceedsExpectations', label: '非常满意' },
			},
			gap: -1.25,
			level: 'belowExpectations',
			label: '不满意',
			outOf100: 39.58,
			answeredDimensions: 2,
		});
		expect(a.index).toBe(39.58);
		// (3 * 1.5 + 0) / 4 = 1.125: exceeds
		expect(b.gap).toMatchObject({ gap: 1.125, level: 'exceedsExpectations', label: '非常满意' });
		const [overall] = result.json(NODE_UNDER_TEST, 1);
		expect(overall.gap).toEqual({
			overall: { responses: 2, meanGap: -0.0625, level: 'meetsExpectations', label: '满意' },
			dimensions: {
				响应速度: { responses: 2, meanExpectation: 5.5, meanPerception: 5.25, meanGap: -0.25, level: 'meetsExpectations', label: '满意' },
				专业程度: { responses: 2, meanExpectation: 5, meanPerception: 5.5, meanGap: 0.5, level: 'meetsExpectations', label: '满意' },
			},
		});
	});

	it('an expectation without its perception is an item error', async () => {
		const result = await runNode({
			type: TYPE,
			parameters: { metrics: ['gap'], gapDimensions: 'speed', options: { skipMissing: true } },
			onError: 'continueErrorOutput',
			items: [{ expectation: { speed: 6 }, perception: {} }],
		});
		expect(result.json(NODE_UNDER_TEST, 2)).toEqual([
			{
				error:
					'Item 0: field "perception.speed" is missing, which is empty while "expectation.speed" is answered (expected a perception rating from 1 to 7 for dimension "speed")',
			},
		]);
	});

	it('classifies Kano answers per feature and reports shares, the dominant category and better/worse', async () => {
		const answers = [
			['like', 'dislike'], // O
			['喜欢', '不喜欢'], // O
			['理所当然', '不喜欢'], // M
			['1', '3'], // A
			[3, 3], // I
			['I like it that way', 'I can live with it that way'], // A
		];
		const result = await runNode({
			type: TYPE,
			parameters: { metrics: ['kano'], kanoFeatures: 'liveChat', functionalColumnPattern: '{feature}_present', dysfunctionalColumnPattern: '{feature}_absent' },
			items: answers.map(([f, d]) => ({ liveChat_present: f, liveChat_absent: d })),
		});
		const main = result.json(NODE_UNDER_TEST, 0);
		expect(main.map((j) => (j.satisfaction as any).kano.liveChat.category)).toEqual([
			'oneDimensional',
			'oneDimensional',
			'mustBe',
			'attractive',
			'indifferent',
			'attractive',
		]);
		// Kano is not a satisfaction rating: no index from it alone
		expect((main[0].satisfaction as any).index).toBeNull();
		const [overall] = result.json(NODE_UNDER_TEST, 1);
		// O 2, A 2, M 1, I 1: O and A tie, O wins; better (2 + 2) / 6, worse -(2 + 1) / 6
		expect((overall.kano as any).liveChat).toEqual({
			responses: 6,
			counts: { mustBe: 1, oneDimensional: 2, attractive: 2, indifferent: 1, reverse: 0, questionable: 0 },
			percent: { mustBe: 16.67, oneDimensional: 33.33, attractive: 33.33, indifferent: 16.67, reverse: 0, questionable: 0 },
			dominant: 'oneDimensional',
			dominantLabel: 'One-dimensional',
			tiedWith: ['oneDimensional', 'attractive'],
			better: 0.6667,
			worse: -0.5,
		});
	});

	it('rejects a Kano run without features and an answer it does not know', async () => {
		// An empty Features field is caught by n8n itself (required parameter); a list of only commas reaches the node.
		await expect(runNode({ type: TYPE, parameters: { metrics: ['kano'], kanoFeatures: '' }, items: [{}] })).rejects.toThrow(PARAMETER_ISSUES);
		const none = await runNode({ type: TYPE, parameters: { metrics: ['kano'], kanoFeatures: ' , ' }, items: [{}] });
		expect(none.error?.message).toBe('The Kano method has no feature ("Features" is empty) (expected at least one, such as "liveChat")');
		const unknown = await runNode({ type: TYPE, parameters: { metrics: ['kano'], kanoFeatures: 'app' }, items: [{ kano: { app: { functional: 'love it', dysfunctional: 'dislike' } } }] });
		expect(unknown.error?.message).toMatch(/^Item 0: field "kano.app.functional" is "love it", which is not a Kano answer \(expected like, expect/);
		const pattern = await runNode({ type: TYPE, parameters: { metrics: ['gap'], expectationColumnPattern: 'expected' }, items: [{}] });
		expect(pattern.error?.message).toBe(
			'Parameter "Expectation Column Pattern" is "expected", which does not contain {dimension} (expected a column pattern with {dimension}, for example "expectation.{dimension}")',
		);
		const weights = await runNode({ type: TYPE, parameters: { metrics: ['gap'], gapWeights: '1, 2' }, items: [{}] });
		expect(weights.error?.message).toBe(
			'Parameter "Importance Weights" is "1, 2", which lists 2 weights for 5 dimensions (expected one weight per dimension (5), in dimension order, or none for equal weights)',
		);
	});

	it('aggregates per customer: recency-weighted scores, trend and the declining flag, in the workflow time zone', async () => {
		const items = [
			{ customerId: 'C1', name: '王芳', respondedAt: '2024-06-29', nps: 4, email: 'new@example.com' },
			{ customerId: 'C2', name: 'Emily', respondedAt: '2024-05-01T10:00:00+08:00', nps: 9 },
			{ customerId: 'C1', name: '王芳', respondedAt: '2024-01-01', nps: 8, email: 'old@example.com' },
			{ customerId: 'C1', name: '王芳', respondedAt: '2024-03-31', nps: 6 },
			{ customerId: 'C2', name: 'Emily', respondedAt: '2024-06-01T10:00:00+08:00', nps: 10 },
		];
		const result = await runNode({
			type: TYPE,
			timezone: 'Asia/Shanghai',
			parameters: { metrics: ['nps'], aggregatePerCustomer: true, combineBy: 'recencyWeighted', halfLifeDays: 90, decliningDrop: 15 },
			items,
		});
		const main = result.items(NODE_UNDER_TEST, 0);
		expect(main.map((i) => i.json.customerId)).toEqual(['C1', 'C2']);
		expect(main[0].pairedItem).toEqual([{ item: 0 }, { item: 2 }, { item: 3 }]);
		expect(main[1].pairedItem).toEqual([{ item: 1 }, { item: 4 }]);
		// fields of the latest response
		expect(main[0].json).toMatchObject({ name: '王芳', respondedAt: '2024-06-29', email: 'new@example.com', nps: 4 });
		// weights 1/4, 1/2, 1 (90 days apart): nps (2 + 3 + 4) / 1.75 = 5.14; index 51.43; trend 60 -> 40
		expect(main[0].json.satisfaction).toEqual({
			responses: 3,
			firstResponseAt: '2024-01-01T00:00:00+08:00',
			lastResponseAt: '2024-06-29T00:00:00+08:00',
			combinedBy: 'recencyWeighted',
			nps: { score: 5.14, category: 'detractor', label: 'Detractor' },
			index: 51.43,
			trend: { last: 40, previous: 60, change: -20, declining: true },
		});
		// 31 days apart: weights 2^(-31/90) = 0.787566 and 1 -> (0.787566 * 9 + 10) / 1.787566 = 9.559
		expect(main[1].json.satisfaction).toMatchObject({
			nps: { score: 9.56, category: 'promoter' },
			trend: { last: 100, previous: 90, change: 10, declining: false },
			lastResponseAt: '2024-06-01T10:00:00+08:00',
		});
		// The report still counts responses: promoters 9, 10; detractors 4, 6; passive 8 -> 0
		expect(result.json(NODE_UNDER_TEST, 1)[0]).toMatchObject({ responses: 5, nps: { promoters: 2, passives: 1, detractors: 2, nps: 0 } });
	});

	it('aggregation errors per item: missing customer ID, bad date; a recency mean needs a date column', async () => {
		const result = await runNode({
			type: TYPE,
			parameters: { metrics: ['nps'], aggregatePerCustomer: true },
			onError: 'continueErrorOutput',
			items: [
				{ customerId: '', respondedAt: '2024-01-01', nps: 5 },
				{ customerId: 'C1', respondedAt: '2024-02-30', nps: 5 },
				{ customerId: 'C1', respondedAt: '2024-02-01', nps: 5 },
			],
		});
		expect(result.json(NODE_UNDER_TEST, 2).map((j) => j.error)).toEqual([
			'Item 0: field "customerId" is "", which is empty (expected a customer ID (text or number))',
			'Item 1: field "respondedAt" is "2024-02-30", which is not a date (expected a date from 1900-01-01 to 2199-12-31 (ISO 8601, YYYY-MM-DD, YYYY/MM/DD, YYYYMMDD or epoch seconds/milliseconds))',
		]);
		expect(result.json(NODE_UNDER_TEST, 0)).toHaveLength(1);
		expect(result.json(NODE_UNDER_TEST, 0)[0].satisfaction).toMatchObject({ responses: 1, combinedBy: 'latest', trend: { previous: null, declining: false } });

		const noDates = await runNode({
			type: TYPE,
			parameters: { metrics: ['nps'], aggregatePerCustomer: true, responseDateColumn: '', combineBy: 'recencyWeighted' },
			items: [{ customerId: 'C1', nps: 5 }],
		});
		expect(noDates.error?.message).toBe(
			'Parameter "Response Date Column" is "", which is empty, and a recency-weighted mean weighs responses by their dates (expected the column holding each response’s date)',
		);
	});

	it('without a date column, input order is time order', async () => {
		const result = await runNode({
			type: TYPE,
			parameters: { metrics: ['nps', 'csat'], aggregatePerCustomer: true, responseDateColumn: '', combineBy: 'mean' },
			items: [
				{ customerId: 7, nps: 10, csat: 5 },
				{ customerId: 7, nps: 6, csat: 3 },
			],
		});
		// index per response: (100 + 100) / 2 = 100, then (60 + 50) / 2 = 55; mean 77.5
		expect(result.json(NODE_UNDER_TEST, 0)).toEqual([
			{
				customerId: 7,
				nps: 6,
				csat: 3,
				satisfaction: {
					responses: 2,
					firstResponseAt: null,
					lastResponseAt: null,
					combinedBy: 'mean',
					nps: { score: 8, category: 'passive', label: 'Passive' },
					csat: { score: 4, satisfied: true },
					index: 77.5,
					trend: { last: 55, previous: 100, change: -45, declining: true },
				},
			},
		]);
	});
});
