import type { IDataObject } from 'n8n-workflow';
import { NODE_UNDER_TEST, runNode } from '../helpers/runWorkflow';

/**
 * Kano features and gap dimensions are the user's own names. In the report row each is an own field,
 * whatever it is called: a feature or dimension "__proto__" was assigned as the row's prototype and left
 * out of the report (the response kept it), so the report had a feature fewer than the responses.
 */
describe('Score Satisfaction report: features and dimensions named like Object members', () => {
	it('reports "__proto__", "constructor" and "toString" as own fields, as the responses have them', async () => {
		const item = JSON.parse(
			'{"kano":{"__proto__":{"functional":"like","dysfunctional":"dislike"},"constructor":{"functional":"like","dysfunctional":"expect"},"toString":{"functional":"expect","dysfunctional":"dislike"}},' +
				'"E___proto__":3,"P___proto__":5,"E_constructor":4,"P_constructor":4,"E_toString":2,"P_toString":6}',
		) as IDataObject;
		const result = await runNode({
			type: 'scoreSatisfaction',
			parameters: {
				metrics: ['kano', 'gap'],
				kanoFeatures: '__proto__, constructor, toString',
				gapDimensions: '__proto__, constructor, toString',
				expectationColumnPattern: 'E_{dimension}',
				perceptionColumnPattern: 'P_{dimension}',
			},
			items: [item],
		});
		expect(result.error).toBeUndefined();
		const response = result.json(NODE_UNDER_TEST, 0)[0].satisfaction as { kano: IDataObject; gap: { dimensions: IDataObject } };
		expect(Object.keys(response.kano)).toEqual(['__proto__', 'constructor', 'toString']);
		const row = result.json(NODE_UNDER_TEST, 1)[0] as { kano: Record<string, IDataObject>; gap: { dimensions: Record<string, IDataObject> } };
		expect(Object.keys(row.kano)).toEqual(['__proto__', 'constructor', 'toString']);
		expect(Object.keys(row.gap.dimensions)).toEqual(['__proto__', 'constructor', 'toString']);
		expect(Object.getPrototypeOf(row.kano)).toBe(Object.prototype);
		expect(Object.getOwnPropertyDescriptor(row.kano, '__proto__')?.value).toMatchObject({ responses: 1, dominant: 'oneDimensional' });
		expect(Object.getOwnPropertyDescriptor(row.gap.dimensions, '__proto__')?.value).toMatchObject({ responses: 1, meanExpectation: 3, meanPerception: 5, meanGap: 2 });
	});
});
