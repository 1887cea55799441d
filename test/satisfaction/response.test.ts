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
		expect(() => createResponseScorer({ ...base, indexWeights: { ...DEFAULT_INDEX_WEIGHTS, csat: -1 } })).toThrow('Index weight of csat must be a number of at least 0 (got -1)');
		const zero = { nps: 0, csat: 0, ces: 0, gap: 1, sentiment: 0 };
		expect(() => createResponseScorer({ ...base, indexWeights: zero })).toThrow('The index weights of the metrics in use (nps, csat, ces, sentiment) are all 0');
	});
});
