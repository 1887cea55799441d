import type { IDataObject } from 'n8n-workflow';
import { runNode, NODE_UNDER_TEST } from '../helpers/runWorkflow';

/**
 * Measure Uplift reads the group as Assign Holdout writes it, or as a CRM in Chinese names it: 干预组 / 对照组,
 * also in traditional characters (干預組 / 對照組, Hong Kong and Taiwan) and in full-width letters
 * (ｈｏｌｄｏｕｔ, typed with a Chinese input method). Before, those were item errors left out of the measurement;
 * and a group "constructor" or "toString" found Object's member instead of an error.
 */
describe('Measure Uplift: group names in traditional characters and full-width forms', () => {
	it('measures them as treatment and holdout', async () => {
		const items: IDataObject[] = [
			{ impact: { group: '干預組' }, converted: 'yes' },
			{ impact: { group: '干预组' }, converted: 'no' },
			{ impact: { group: 'ｔｒｅａｔｍｅｎｔ' }, converted: 'yes' },
			{ impact: { group: '對照組' }, converted: 'no' },
			{ impact: { group: 'ＨＯＬＤＯＵＴ' }, converted: 'yes' },
		];
		const result = await runNode({ type: 'measureCareImpact', parameters: { operation: 'measureUplift', revenueColumn: '' }, items, onError: 'continueErrorOutput' });
		expect(result.error).toBeUndefined();
		expect(result.json(NODE_UNDER_TEST, 1).map((e) => e.error)).toEqual([]);
		const [conversion] = result.json(NODE_UNDER_TEST, 0);
		expect(conversion.treatment).toMatchObject({ customers: 3, conversions: 2 });
		expect(conversion.holdout).toMatchObject({ customers: 2, conversions: 1 });
	});

	it('still refuses a value that names no group, Object members ("constructor", "toString") included', async () => {
		const items = ['对照', 'constructor', 'toString', '__proto__'].map((group) => ({ impact: { group }, converted: 'yes' }));
		const result = await runNode({ type: 'measureCareImpact', parameters: { operation: 'measureUplift', revenueColumn: '' }, items: [...items, { impact: { group: 'holdout' }, converted: 'no' }], onError: 'continueErrorOutput' });
		expect(result.error).toBeUndefined();
		expect(result.json(NODE_UNDER_TEST, 1).map((e) => e.error)).toEqual(
			['对照', 'constructor', 'toString', '__proto__'].map((group, i) => expect.stringMatching(new RegExp(`^Item ${i}: field "impact.group" is "${group}", which is not a group`))),
		);
		expect(result.json(NODE_UNDER_TEST, 0)[0]).toMatchObject({ treatment: { customers: 0 }, holdout: { customers: 1 } });
	});
});
