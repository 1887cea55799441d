import {
	createResponseScorer,
	DEFAULT_INDEX_WEIGHTS,
	groupKeyOf,
	SatisfactionReport,
	SERVQUAL_DIMENSIONS,
	type SatisfactionConfig,
} from '../../nodes/shared/satisfaction';

const config: SatisfactionConfig = {
	nps: { field: 'nps' },
	csat: { field: 'csat', scale: { min: 1, max: 5 } },
	ces: { field: 'ces', version: '1.0' },
	indexWeights: DEFAULT_INDEX_WEIGHTS,
	skipMissing: true,
	language: 'en',
};

function report(rows: Array<Record<string, unknown>>, groupBy?: string, minResponsesForMargin = 30, cfg = config) {
	const score = createResponseScorer(cfg);
	const r = new SatisfactionReport(cfg, { minResponsesForMargin, groupBy });
	for (const row of rows) r.add(score(row), groupBy ? groupKeyOf(row[groupBy]) : undefined);
	return r.rows();
}

describe('Satisfaction report', () => {
	const responses = [
		{ store: 'S1', nps: 10, csat: 5, ces: 1 },
		{ store: 'S2', nps: 7, csat: 3, ces: 3 },
		{ store: 'S1', nps: 9, csat: 4, ces: 2 },
		{ store: 'S1', nps: 6, csat: 2, ces: '' },
		{ store: 'S2', nps: 8, csat: 4, ces: 5 },
	];

	it('one overall row and one row per group, in order of first appearance', () => {
		const rows = report(responses, 'store');
		expect(rows.map((r) => [r.scope, r.groupBy, r.group, r.responses])).toEqual([
			['overall', 'store', null, 5],
			['group', 'store', 'S1', 3],
			['group', 'store', 'S2', 2],
		]);
		// S1: promoters 10, 9; detractor 6 -> (2 - 1) / 3 = 33.33. S2: two passives -> 0. All: (2 - 1) / 5 = 20.
		expect(rows.map((r) => r.nps!.nps)).toEqual([20, 33.33, 0]);
		expect(rows[1].nps).toEqual({
			responses: 3,
			promoters: 2,
			passives: 0,
			detractors: 1,
			promotersPercent: 66.67,
			passivesPercent: 0,
			detractorsPercent: 33.33,
			nps: 33.33,
			marginOfError: null,
			lower: null,
			upper: null,
			marginNote: 'Too few responses for a meaningful margin of error (3 < 30)',
		});
		// CSAT overall: 5 4 4 satisfied of 5, mean 18 / 5. CES 1.0: 1 2 3 5 answered (one skipped), easy 1 and 2.
		expect(rows[0].csat).toMatchObject({ responses: 5, satisfied: 3, csatPercent: 60, mean: 3.6, scale: '1-5' });
		expect(rows[0].ces).toMatchObject({ version: '1.0', direction: 'lowerIsEasier', responses: 4, easy: 2, easyPercent: 50, mean: 2.75 });
		expect(rows[2].ces).toMatchObject({ responses: 2, easy: 0, easyPercent: 0, mean: 4 });
	});

	it('reports margins from the chosen minimum number of responses', () => {
		const rows = report(responses, undefined, 5);
		expect(rows).toHaveLength(1);
		expect(rows[0]).toMatchObject({ scope: 'overall', groupBy: null, group: null });
		// NPS 2 promoters, 1 detractor of 5, adjusted Wald: p' = 2.75 / 8, d' = 1.75 / 8,
		// var = (.5625 - .015625) / 8 = .068359; 1.96 * sqrt(.068359) = 0.512454
		expect(rows[0].nps).toMatchObject({ nps: 20, marginOfError: 51.25, marginNote: null });
		// CSAT 3 of 5, Agresti–Coull: p = 4.9208 / 8.8416 = .556551; 1.96 * sqrt(.556551 * .443449 / 8.8416) = 0.327465
		expect(rows[0].csat).toMatchObject({ marginOfError: 32.75, marginNote: null });
		// CES only 4 answers: still too few
		expect(rows[0].ces).toMatchObject({ marginOfError: null, marginNote: 'Too few responses for a meaningful margin of error (4 < 5)' });
	});

	it('all promoters across 30 responses: NPS 100 with a margin that is not 0; zh-CN notes for small groups', () => {
		const many = Array.from({ length: 30 }, (_, i) => ({ team: i < 29 ? 'A' : 'B', nps: 9 + (i % 2), csat: 5, ces: 1 }));
		const rows = report(many, 'team', 30, { ...config, language: 'zh-CN' });
		expect(rows[0].nps).toMatchObject({ responses: 30, nps: 100, marginOfError: 12.21, marginNote: null });
		expect(rows[2].nps).toMatchObject({ responses: 1, nps: 100, marginOfError: null, marginNote: '回复数过少，无法给出有意义的误差范围（1 < 30）' });
	});

	// Rows print "NPS 100 ± 9.4" as the interval's half-width about the adjusted NPS: its ends are given.
	it('rows give the ends of each interval: NPS within −100..100, the CSAT share within 0..100, the CES mean on its scale', () => {
		const many = Array.from({ length: 40 }, () => ({ nps: 10, csat: 5, ces: 1 }));
		const [row] = report(many);
		expect(row.nps).toMatchObject({ nps: 100, marginOfError: 9.44, lower: 83.58, upper: 100 });
		expect(row.csat).toMatchObject({ csatPercent: 100, marginOfError: 6.06, lower: 89.56, upper: 100 });
		expect(row.ces).toMatchObject({ mean: 1, marginOfError: null, lower: null, upper: null });
	});

	it('a CES mean whose answers are all alike has no margin and a note saying why (not "± 0")', () => {
		const alike = Array.from({ length: 30 }, (_, i) => ({ team: i < 28 ? 'A' : 'B', nps: 9, csat: 4, ces: 2 }));
		const rows = report(alike, 'team', 2);
		expect(rows[0].ces).toMatchObject({ responses: 30, mean: 2, marginOfError: null, marginNote: 'All 30 answers are 2: with no spread among them a margin of error cannot be estimated' });
		expect(rows[2].ces).toMatchObject({ responses: 2, marginOfError: null, marginNote: 'All 2 answers are 2: with no spread among them a margin of error cannot be estimated' });
		const zh = report(alike, undefined, 2, { ...config, language: 'zh-CN' });
		expect(zh[0].ces!.marginNote).toBe('全部 30 份回答都是 2，无法估计离散程度，因此没有误差范围');
		// Too few still says too few.
		expect(report(alike.slice(0, 3), undefined, 30)[0].ces!.marginNote).toBe('Too few responses for a meaningful margin of error (3 < 30)');
	});

	it('the index mean, and groups whose answers were all skipped have nulls, not NaN', () => {
		const rows = report([{ g: 'x', nps: '', csat: '', ces: '' }, { g: 'y', nps: 10, csat: 5, ces: 1 }], 'g');
		expect(rows[1]).toMatchObject({
			responses: 1,
			nps: { responses: 0, nps: null, marginOfError: null, marginNote: null },
			csat: { responses: 0, csatPercent: null, mean: null },
			ces: { responses: 0, easyPercent: null, mean: null },
			index: { responses: 0, mean: null },
		});
		expect(rows[2].index).toEqual({ responses: 1, mean: 100 });
	});

	it('gap means per dimension and overall; Kano shares per feature', () => {
		const cfg: SatisfactionConfig = {
			gap: {
				dimensions: SERVQUAL_DIMENSIONS.slice(0, 2).map((key) => ({ key, expectationField: `e_${key}`, perceptionField: `p_${key}`, weight: 1 })),
				scale: { min: 1, max: 7 },
				tolerance: 0.5,
			},
			kano: { features: [{ key: 'app', functionalField: 'f', dysfunctionalField: 'd' }] },
			indexWeights: DEFAULT_INDEX_WEIGHTS,
			skipMissing: true,
			language: 'en',
		};
		const rows = report(
			[
				{ e_tangibles: 6, p_tangibles: 5, e_reliability: 7, p_reliability: 6, f: 'like', d: 'dislike' },
				{ e_tangibles: 5, p_tangibles: 5, e_reliability: '', p_reliability: '', f: 'expect', d: 'dislike' },
				{ e_tangibles: 4, p_tangibles: 6, e_reliability: 6, p_reliability: 7, f: 'like', d: 'neutral' },
			],
			undefined,
			30,
			cfg,
		);
		expect(rows[0].gap).toEqual({
			// response gaps: (-1 - 1) / 2 = -1; 0; (2 + 1) / 2 = 1.5 -> mean 0.1667
			overall: { responses: 3, meanGap: 0.1667, level: 'meetsExpectations', label: 'Meets expectations' },
			dimensions: {
				tangibles: { responses: 3, meanExpectation: 5, meanPerception: 5.3333, meanGap: 0.3333, level: 'meetsExpectations', label: 'Meets expectations' },
				reliability: { responses: 2, meanExpectation: 6.5, meanPerception: 6.5, meanGap: 0, level: 'meetsExpectations', label: 'Meets expectations' },
			},
		});
		expect(rows[0].kano!.app).toMatchObject({
			responses: 3,
			counts: { oneDimensional: 1, mustBe: 1, attractive: 1, indifferent: 0 },
			dominant: 'mustBe', // three-way tie, M > O > A
			tiedWith: ['mustBe', 'oneDimensional', 'attractive'],
			better: 0.6667,
			worse: -0.6667,
		});
	});

	it('group keys: text as given, numbers as text, empty as "(empty)"', () => {
		expect([groupKeyOf('Shanghai'), groupKeyOf(12), groupKeyOf(''), groupKeyOf(null), groupKeyOf(undefined)]).toEqual(['Shanghai', '12', '(empty)', '(empty)', '(empty)']);
	});

	// Keys are text or numbers, as in every node: true would be one group with the text "true", unseen.
	it('true/false is no group key', () => {
		expect(() => groupKeyOf(true, 'vip')).toThrow('field "vip" is true, which is true/false, not a group value (expected a text, a number or a valid date to group the report by)');
	});
});
