import type { IDataObject } from 'n8n-workflow';
import { NODE_UNDER_TEST, runNode } from '../helpers/runWorkflow';

/**
 * Kano answers as customers in Hong Kong and Taiwan write them (traditional characters) and as Chinese
 * input methods type them (full-width digits, letters and punctuation) are the same answers as their
 * simplified / half-width forms: each pair is classified like the canonical pair.
 */
const cases: Array<[string, string, string, string]> = [
	// written functional, written dysfunctional, canonical functional, canonical dysfunctional
	['喜歡', '不喜歡', 'like', 'dislike'],
	['我喜歡', '無所謂', 'like', 'neutral'],
	['理所當然', '討厭', 'expect', 'dislike'],
	['沒感覺', '勉強接受', 'neutral', 'tolerate'],
	['非常喜歡', '理應如此', 'like', 'expect'],
	['１', '５', 'like', 'dislike'],
	['２', '４', 'expect', 'tolerate'],
	['ｌｉｋｅ', 'Ｄｉｓｌｉｋｅ', 'like', 'dislike'],
	['喜欢？', '不喜欢～', 'like', 'dislike'],
	['喜欢，', '无所谓…', 'like', 'neutral'],
];

describe('Score Satisfaction, Kano answers in traditional characters and full-width forms', () => {
	it('classifies each written pair like its canonical pair, with no item error', async () => {
		const items: IDataObject[] = cases.flatMap(([f, d, cf, cd]) => [
			{ kano: { app: { functional: f, dysfunctional: d } } },
			{ kano: { app: { functional: cf, dysfunctional: cd } } },
		]);
		const result = await runNode({ type: 'scoreSatisfaction', parameters: { metrics: ['kano'], kanoFeatures: 'app' }, items, onError: 'continueErrorOutput' });
		expect(result.error).toBeUndefined();
		expect(result.json(NODE_UNDER_TEST, 2).map((e) => e.error)).toEqual([]);
		const scored = result.json(NODE_UNDER_TEST, 0).map((j) => (j.satisfaction as any).kano.app);
		expect(scored).toHaveLength(items.length);
		for (let k = 0; k < cases.length; k++) {
			expect([cases[k][0], scored[2 * k]]).toEqual([cases[k][0], scored[2 * k + 1]]);
		}
	});

	it('still refuses an answer that is none of them, naming the field and the value', async () => {
		const result = await runNode({ type: 'scoreSatisfaction', parameters: { metrics: ['kano'], kanoFeatures: 'app' }, items: [{ kano: { app: { functional: '喜歡？不', dysfunctional: '不喜歡' } } }], onError: 'continueErrorOutput' });
		expect(result.json(NODE_UNDER_TEST, 2).map((e) => e.error)).toEqual([
			expect.stringMatching(/^Item 0: field "kano.app.functional" is "喜歡？不", which is not a Kano answer/),
		]);
		const emoji = await runNode({ type: 'scoreSatisfaction', parameters: { metrics: ['kano'], kanoFeatures: 'app' }, items: [{ kano: { app: { functional: '喜欢😊', dysfunctional: '不喜欢' } } }], onError: 'continueErrorOutput' });
		expect(emoji.json(NODE_UNDER_TEST, 2).map((e) => e.error)).toEqual([expect.stringMatching(/^Item 0: field "kano.app.functional" is "喜欢😊", which is not a Kano answer/)]);
	});
});
