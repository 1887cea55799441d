import {
	classifyKano,
	createKanoScorer,
	KANO_ANSWERS,
	parseKanoAnswer,
	summariseKanoFeature,
	type KanoCategory,
} from '../../nodes/shared/satisfaction';

// The standard evaluation table, rows functional, columns dysfunctional (like, expect, neutral, tolerate, dislike).
const TABLE = `
Q A A A O
R I I I M
R I I I M
R I I I M
R R R R Q`;
const CODE: Record<string, KanoCategory> = { A: 'attractive', O: 'oneDimensional', M: 'mustBe', I: 'indifferent', R: 'reverse', Q: 'questionable' };

/** Counts in report order: mustBe, oneDimensional, attractive, indifferent, reverse, questionable. */
const counts = (c: Partial<Record<KanoCategory, number>>) =>
	[c.mustBe ?? 0, c.oneDimensional ?? 0, c.attractive ?? 0, c.indifferent ?? 0, c.reverse ?? 0, c.questionable ?? 0];

describe('Kano', () => {
	it('classifies all 25 answer pairs by the evaluation table', () => {
		const rows = TABLE.trim().split('\n').map((line) => line.split(' '));
		KANO_ANSWERS.forEach((functional, r) =>
			KANO_ANSWERS.forEach((dysfunctional, c) => expect([functional, dysfunctional, classifyKano(functional, dysfunctional)]).toEqual([functional, dysfunctional, CODE[rows[r][c]]])),
		);
	});

	it('reads English and zh-CN answers and the codes 1-5', () => {
		const read = (v: unknown) => parseKanoAnswer(v, 'f', false);
		expect(['喜欢', '理所当然', '无所谓', '能忍受', '不喜欢'].map(read)).toEqual(KANO_ANSWERS);
		expect([1, 2, 3, 4, 5].map(read)).toEqual(KANO_ANSWERS);
		expect(['1', ' 2 ', '3', '4', '5'].map(read)).toEqual(KANO_ANSWERS);
		expect(['I like it that way', 'It must be that way.', "I'm neutral", 'I can live with it that way', 'I DISLIKE IT'].map(read)).toEqual(KANO_ANSWERS);
		expect(['Like', 'Must-be', 'Neutral', 'Live with', 'Dislike'].map(read)).toEqual(KANO_ANSWERS);
		expect(read('I’m  neutral')).toBe('neutral');
	});

	it('an unknown answer is an item error listing the accepted answers', () => {
		const accepted = 'like, expect (must-be), neutral, tolerate (live with) or dislike; 1-5 in that order; or 喜欢, 理所当然, 无所谓, 能忍受, 不喜欢';
		expect(() => parseKanoAnswer('maybe', 'kano.wifi.functional', false)).toThrow(`field "kano.wifi.functional" is "maybe", which is not a Kano answer (expected ${accepted})`);
		expect(() => parseKanoAnswer(6, 'f', false)).toThrow('field "f" is 6, which is not a Kano answer');
		expect(() => parseKanoAnswer('', 'f', false)).toThrow('field "f" is "", which is empty');
		expect(parseKanoAnswer('', 'f', true)).toBeUndefined();
	});

	it('scores each feature of a response, in the chosen language', () => {
		const score = createKanoScorer(
			[
				{ key: 'wifi', functionalField: 'wifi_f', dysfunctionalField: 'wifi_d' },
				{ key: 'parking', functionalField: 'parking_f', dysfunctionalField: 'parking_d' },
			],
			true,
			'zh-CN',
		);
		expect(score({ wifi_f: '喜欢', wifi_d: '不喜欢', parking_f: '', parking_d: null })).toEqual({
			wifi: { functional: 'like', dysfunctional: 'dislike', category: 'oneDimensional', label: '期望属性' },
			parking: null,
		});
		expect(score({})).toBeNull();
		expect(() => score({ wifi_f: 'like' })).toThrow('field "wifi_d" is missing, which is empty while "wifi_f" is answered');
	});

	it('summarises a feature: shares, dominant category, better and worse', () => {
		// A 3, O 3, M 2, I 1, R 1 of 10. Better = 6 / 9, worse = -5 / 9.
		const summary = summariseKanoFeature(counts({ attractive: 3, oneDimensional: 3, mustBe: 2, indifferent: 1, reverse: 1 }), 'en');
		expect(summary).toEqual({
			responses: 10,
			counts: { mustBe: 2, oneDimensional: 3, attractive: 3, indifferent: 1, reverse: 1, questionable: 0 },
			percent: { mustBe: 20, oneDimensional: 30, attractive: 30, indifferent: 10, reverse: 10, questionable: 0 },
			dominant: 'oneDimensional', // tie with attractive: O beats A
			dominantLabel: 'One-dimensional',
			tiedWith: ['oneDimensional', 'attractive'],
			better: 0.6667,
			worse: -0.5556,
		});
	});

	it('breaks ties M > O > A > I > R > Q', () => {
		expect(summariseKanoFeature(counts({ mustBe: 2, indifferent: 2 }), 'en')).toMatchObject({ dominant: 'mustBe', tiedWith: ['mustBe', 'indifferent'] });
		expect(summariseKanoFeature(counts({ attractive: 4, indifferent: 4, reverse: 4 }), 'en')).toMatchObject({ dominant: 'attractive' });
		expect(summariseKanoFeature(counts({ reverse: 1, questionable: 1 }), 'en')).toMatchObject({ dominant: 'reverse', better: null, worse: null });
		expect(summariseKanoFeature(counts({ indifferent: 5, attractive: 1 }), 'zh-CN')).toMatchObject({
			dominant: 'indifferent',
			dominantLabel: '无差异属性',
			tiedWith: ['indifferent'],
			better: 0.1667,
			worse: 0,
		});
	});

	it('a single must-be answer: better 0, worse -1', () => {
		expect(summariseKanoFeature(counts({ mustBe: 1 }), 'en')).toMatchObject({ responses: 1, dominant: 'mustBe', better: 0, worse: -1 });
	});

	it('no answers: nulls, never NaN', () => {
		expect(summariseKanoFeature(counts({}), 'en')).toMatchObject({ responses: 0, dominant: null, dominantLabel: null, tiedWith: [], better: null, worse: null, percent: { mustBe: null } });
	});

	it('rejects a Kano run without features or with a feature twice', () => {
		expect(() => createKanoScorer([], false, 'en')).toThrow('The Kano method has no feature (expected at least one, such as "liveChat")');
		const f = { key: 'x', functionalField: 'a', dysfunctionalField: 'b' };
		expect(() => createKanoScorer([f, f], false, 'en')).toThrow('Kano feature "x" is listed twice (expected each feature once)');
	});
});
