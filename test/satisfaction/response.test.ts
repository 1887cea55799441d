import { compositeIndex, createResponseScorer, DEFAULT_INDEX_WEIGHTS, type SatisfactionConfig } from '../../nodes/shared/satisfaction';

const base: SatisfactionConfig = {
	nps: { field: 'nps' },
	csat: { field: 'csat', scale: { min: 1, max: 5 } },
	ces: { field: 'ces', version: '2.0' },
	sentiment: { field: 'sentiment' },
	indexWeights: DEFAULT_INDEX_WEIGHTS,
	skipMissing: false,
	language: 'en',
};

describe('Scoring one response', () => {
	it('scores every configured metric and the composite index', () => {
		const result = createResponseScorer(base)({ nps: 9, csat: 4, ces: 6, sentiment: 0.5 });
		// out of 100: nps 9 -> 90, csat 4 on 1-5 -> 75, ces 6 on CES 2.0 -> 83.33, sentiment 0.5 -> 75; (90 + 75 + 83.33 + 75) / 4 = 80.8325
		expect(result).toEqual({
			nps: { score: 9, category: 'promoter', label: 'Promoter', outOf100: 90 },
			csat: { score: 4, satisfied: true, outOf100: 75 },
			ces: { score: 6, easy: true, version: '2.0', outOf100: 83.33 },
			sentiment: 0.5,
			index: 80.83,
		});
		// Without skip missing every metric is answered or the item is an error: no notAnswered list.
		expect(result).not.toHaveProperty('notAnswered');
	});

	it('weights the index parts', () => {
		// (2 * 90 + 75 + 83.33) / 4 = 84.5825; sentiment weighs 0
		const weights = { ...DEFAULT_INDEX_WEIGHTS, nps: 2, sentiment: 0 };
		expect(createResponseScorer({ ...base, indexWeights: weights })({ nps: 9, csat: 4, ces: 6, sentiment: 0.5 }).index).toBe(84.58);
		expect(compositeIndex({ nps: 90, csat: 75 }, weights)).toBe(85);
	});

	it('the index flips CES 1.0 so that low effort scores high', () => {
		const ces1 = createResponseScorer({ ...base, nps: undefined, csat: undefined, sentiment: undefined, ces: { field: 'ces', version: '1.0' } });
		expect(ces1({ ces: 1 })).toMatchObject({ ces: { score: 1, easy: true, version: '1.0' }, index: 100 });
		expect(ces1({ ces: 5 })).toMatchObject({ ces: { score: 5, easy: false }, index: 0 });
		expect(() => ces1({ ces: 6 })).toThrow('field "ces" is 6, which is above 5 (expected a whole number from 1 to 5)');
		const ces2 = createResponseScorer({ ...base, nps: undefined, csat: undefined, sentiment: undefined });
		expect(ces2({ ces: 1 })).toMatchObject({ ces: { score: 1, easy: false, version: '2.0' }, index: 0 });
		expect(ces2({ ces: 7 })).toMatchObject({ index: 100 });
	});

	it('accepts both ends of each scale and numeric text', () => {
		const score = createResponseScorer(base);
		expect(score({ nps: 0, csat: 1, ces: 1, sentiment: -1 })).toMatchObject({ index: 0 });
		expect(score({ nps: 10, csat: 5, ces: 7, sentiment: 1 })).toMatchObject({ index: 100 });
		expect(score({ nps: ' 8 ', csat: '3', ces: '4', sentiment: '-0.25' })).toMatchObject({
			nps: { score: 8, category: 'passive' },
			csat: { score: 3, satisfied: false },
			ces: { score: 4, easy: false },
			sentiment: -0.25,
		});
	});

	it.each([
		[{ nps: 11 }, 'field "nps" is 11, which is above 10 (expected a whole number from 0 to 10)'],
		[{ nps: -1 }, 'field "nps" is -1, which is below 0 (expected a whole number from 0 to 10)'],
		[{ nps: 8.5 }, 'field "nps" is 8.5, which is not a whole number (expected a whole number from 0 to 10)'],
		[{ nps: 'ten' }, 'field "nps" is "ten", which is not a number (expected a whole number from 0 to 10)'],
		[{ nps: '' }, 'field "nps" is "", which is empty (expected a whole number from 0 to 10)'],
		[{ nps: null }, 'field "nps" is null, which is empty (expected a whole number from 0 to 10)'],
		[{}, 'field "nps" is missing, which is empty (expected a whole number from 0 to 10)'],
		[{ nps: 9, csat: 0 }, 'field "csat" is 0, which is below 1 (expected a whole number from 1 to 5)'],
		[{ nps: 9, csat: 6 }, 'field "csat" is 6, which is above 5 (expected a whole number from 1 to 5)'],
		[{ nps: 9, csat: 5, ces: 8 }, 'field "ces" is 8, which is above 7 (expected a whole number from 1 to 7)'],
		[{ nps: 9, csat: 5, ces: 7, sentiment: 1.5 }, 'field "sentiment" is 1.5, which is above 1 (expected a number from -1 to 1)'],
		[{ nps: Number.NaN }, 'field "nps" is NaN, which is not a number (expected a whole number from 0 to 10)'],
	])('rejects %j', (record, message) => {
		expect(() => createResponseScorer(base)(record)).toThrow(message);
	});

	it('skip missing: empty answers are not answered, never 0, and leave the index', () => {
		const score = createResponseScorer({ ...base, skipMissing: true });
		expect(score({ nps: '', csat: 4, ces: null, sentiment: undefined })).toEqual({
			nps: null,
			csat: { score: 4, satisfied: true, outOf100: 75 },
			ces: null,
			sentiment: null,
			index: 75,
			notAnswered: ['nps', 'ces', 'sentiment'],
		});
		expect(score({})).toMatchObject({ index: null, notAnswered: ['nps', 'csat', 'ces', 'sentiment'] });
		// Skip missing does not excuse a bad answer.
		expect(() => score({ nps: 'n/a' })).toThrow('field "nps" is "n/a", which is not a number');
	});

	it('reads dot paths and keys that contain dots', () => {
		const score = createResponseScorer({ ...base, csat: undefined, ces: undefined, sentiment: undefined, nps: { field: 'survey.nps' } });
		expect(score({ survey: { nps: 3 } }).nps).toMatchObject({ score: 3, category: 'detractor' });
		expect(score({ 'survey.nps': 10 }).nps).toMatchObject({ score: 10, category: 'promoter' });
	});

	it('includes the gap in the index and Kano outside it', () => {
		const score = createResponseScorer({
			nps: { field: 'nps' },
			gap: { dimensions: [{ key: 'speed', expectationField: 'e', perceptionField: 'p', weight: 1 }], scale: { min: 1, max: 7 }, tolerance: 0.5 },
			kano: { features: [{ key: 'app', functionalField: 'kf', dysfunctionalField: 'kd' }] },
			indexWeights: DEFAULT_INDEX_WEIGHTS,
			skipMissing: false,
			language: 'zh-CN',
		});
		// gap 4 - 7 = -3 on 1-7 -> (-3 + 6) / 12 = 25; nps 5 -> 50; index 37.5
		const result = score({ nps: 5, e: 7, p: 4, kf: '喜欢', kd: '无所谓' });
		expect(result).toMatchObject({
			nps: { category: 'detractor', label: '贬损者', outOf100: 50 },
			gap: { gap: -3, level: 'belowExpectations', label: '不满意', outOf100: 25 },
			kano: { app: { category: 'attractive', label: '魅力属性' } },
			index: 37.5,
		});
	});

	it('refuses index weights that are negative or all 0 for the metrics in use', () => {
		expect(() => createResponseScorer({ ...base, indexWeights: { ...DEFAULT_INDEX_WEIGHTS, csat: -1 } })).toThrow('Index weight of csat is -1, which is not a finite number of at least 0 (expected a weight such as 1)');
		const zero = { nps: 0, csat: 0, ces: 0, gap: 1, sentiment: 0 };
		expect(() => createResponseScorer({ ...base, indexWeights: zero })).toThrow('The index weights of the metrics in use (nps, csat, ces, sentiment) are all 0 (expected at least one above 0)');
	});
});

describe('results shared between responses with the same answers', () => {
	const full: SatisfactionConfig = {
		...base,
		gap: { dimensions: [{ key: 'speed', expectationField: 'e', perceptionField: 'p', weight: 1 }], scale: { min: 1, max: 7 }, tolerance: 0.5 },
		kano: { features: [{ key: 'app', functionalField: 'f', dysfunctionalField: 'd' }] },
	};

	it('gives equal answers one frozen object per metric, different answers their own', () => {
		const score = createResponseScorer(full);
		const answers = { nps: 9, csat: 4, ces: 6, sentiment: 0.5, e: 6, p: 4, f: 'like', d: 'dislike' };
		const a = score(answers);
		const b = score({ ...answers });
		const c = score({ ...answers, nps: 3, csat: 2, ces: 2, e: 4, p: 6, f: 'expect' });
		expect(a).not.toBe(b);
		for (const [x, y] of [
			[a.nps, b.nps],
			[a.csat, b.csat],
			[a.ces, b.ces],
			[a.gap!.dimensions.speed, b.gap!.dimensions.speed],
			[a.kano!.app, b.kano!.app],
		]) {
			expect(x).toBe(y);
			expect(Object.isFrozen(x)).toBe(true);
		}
		expect(c.nps).toEqual({ score: 3, category: 'detractor', label: 'Detractor', outOf100: 30 });
		expect(c.gap!.dimensions.speed).toMatchObject({ expectation: 4, perception: 6, gap: 2, level: 'exceedsExpectations' });
		expect(a.gap!.dimensions.speed).toMatchObject({ expectation: 6, perception: 4, gap: -2, level: 'belowExpectations' });
		expect(c.kano!.app).toMatchObject({ functional: 'expect', dysfunctional: 'dislike', category: 'mustBe' });
		expect(a.kano!.app).toMatchObject({ functional: 'like', dysfunctional: 'dislike', category: 'oneDimensional' });
		expect(() => {
			(a.nps as { score: number }).score = 0;
		}).toThrow(TypeError);
	});

	it('stays correct past the number of distinct answers it remembers', () => {
		const score = createResponseScorer(full);
		for (let i = 0; i <= 3000; i++) {
			const e = 1 + i / 600; // 3,001 distinct expectations from 1 to 6, gap ratings need not be whole
			const speed = score({ nps: 5, csat: 3, ces: 4, sentiment: 0, e, p: 4, f: 'like', d: 'like' }).gap!.dimensions.speed!;
			expect(speed.expectation).toBe(e);
			expect(speed.gap).toBeCloseTo(4 - e, 6);
		}
	});
});
