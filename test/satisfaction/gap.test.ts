import { createGapScorer, gapLevel, gapTo100, SERVQUAL_DIMENSIONS, type GapConfig } from '../../nodes/shared/satisfaction';

function config(weights: number[] = [1, 1, 1, 1, 1], tolerance = 0.5): GapConfig {
	return {
		dimensions: SERVQUAL_DIMENSIONS.map((key, i) => ({ key, expectationField: `expectation.${key}`, perceptionField: `perception.${key}`, weight: weights[i] })),
		scale: { min: 1, max: 7 },
		tolerance,
	};
}

const record = {
	expectation: { tangibles: 6, reliability: 7, responsiveness: 5, assurance: 6, empathy: 5 },
	perception: { tangibles: 5, reliability: 7, responsiveness: 6, assurance: 4.5, empathy: 5.5 },
};

describe('Expectation vs perception gap (SERVQUAL)', () => {
	it('gap = perception - expectation per dimension, with a level per dimension', () => {
		const result = createGapScorer(config(), false, 'en')(record)!;
		expect(result.dimensions).toEqual({
			tangibles: { expectation: 6, perception: 5, gap: -1, level: 'belowExpectations', label: 'Below expectations' },
			reliability: { expectation: 7, perception: 7, gap: 0, level: 'meetsExpectations', label: 'Meets expectations' },
			responsiveness: { expectation: 5, perception: 6, gap: 1, level: 'exceedsExpectations', label: 'Exceeds expectations' },
			assurance: { expectation: 6, perception: 4.5, gap: -1.5, level: 'belowExpectations', label: 'Below expectations' },
			// exactly on the tolerance band's edge: meets
			empathy: { expectation: 5, perception: 5.5, gap: 0.5, level: 'meetsExpectations', label: 'Meets expectations' },
		});
		// (-1 + 0 + 1 - 1.5 + 0.5) / 5 = -0.2
		expect(result).toMatchObject({ gap: -0.2, level: 'meetsExpectations', answeredDimensions: 5 });
	});

	it('weights the overall gap by importance', () => {
		// (40 * -1 + 10 * 0 + 10 * 1 + 30 * -1.5 + 10 * 0.5) / 100 = -0.7
		const result = createGapScorer(config([40, 10, 10, 30, 10]), false, 'zh-CN')(record)!;
		// on 0-100: (-0.7 + 6) / 12 = 44.17
		expect(result).toMatchObject({ gap: -0.7, level: 'belowExpectations', label: '不满意', outOf100: 44.17 });
		expect(result.dimensions.responsiveness!.label).toBe('非常满意');
		expect(result.dimensions.reliability!.label).toBe('满意');
	});

	it('the tolerance band decides the level, and binary noise at its edge does not', () => {
		expect(gapLevel(-0.51, 0.5)).toBe('belowExpectations');
		expect(gapLevel(-0.5, 0.5)).toBe('meetsExpectations');
		expect(gapLevel(0.5, 0.5)).toBe('meetsExpectations');
		expect(gapLevel(0.51, 0.5)).toBe('exceedsExpectations');
		expect(gapLevel(0.01, 0)).toBe('exceedsExpectations');
		// 2.2 - 1.7 is 0.5000000000000002 in binary floating point
		const one = { ...config(), dimensions: [{ key: 'q', expectationField: 'e', perceptionField: 'p', weight: 1 }] };
		expect(createGapScorer(one, false, 'en')({ e: 1.7, p: 2.2 })).toMatchObject({ gap: 0.5, level: 'meetsExpectations' });
	});

	it('places the overall gap on 0-100 (no gap = 50)', () => {
		expect(gapTo100(0, { min: 1, max: 7 })).toBe(50);
		expect(gapTo100(-6, { min: 1, max: 7 })).toBe(0);
		expect(gapTo100(6, { min: 1, max: 7 })).toBe(100);
		expect(gapTo100(-0.7, { min: 1, max: 7 })).toBeCloseTo(44.1667, 4);
	});

	it('an expectation without its perception is an item error, even with skip missing', () => {
		const partial = { expectation: { ...record.expectation }, perception: { ...record.perception, assurance: '' } };
		const message =
			'field "perception.assurance" is "", which is empty while "expectation.assurance" is answered (expected a perception rating from 1 to 7 for dimension "assurance")';
		expect(() => createGapScorer(config(), true, 'en')(partial)).toThrow(message);
		expect(() => createGapScorer(config(), false, 'en')(partial)).toThrow(
			'field "perception.assurance" is "", which is empty (expected a number from 1 to 7)',
		);
	});

	it('with skip missing, a dimension with neither rating is left out of the overall gap', () => {
		const partial = {
			expectation: { ...record.expectation, assurance: null, empathy: '' },
			perception: { ...record.perception, assurance: undefined, empathy: ' ' },
		};
		const result = createGapScorer(config(), true, 'en')(partial)!;
		expect(result.dimensions.assurance).toBeNull();
		expect(result.dimensions.empathy).toBeNull();
		// (-1 + 0 + 1) / 3 = 0
		expect(result).toMatchObject({ gap: 0, answeredDimensions: 3 });
		expect(createGapScorer(config(), true, 'en')({})).toBeNull();
	});

	it('rejects ratings outside the scale naming the field and the range', () => {
		const bad = { expectation: { ...record.expectation, tangibles: 8 }, perception: record.perception };
		expect(() => createGapScorer(config(), false, 'en')(bad)).toThrow('field "expectation.tangibles" is 8, which is above 7 (expected a number from 1 to 7)');
	});

	it('rejects unusable configurations', () => {
		expect(() => createGapScorer({ ...config(), dimensions: [] }, false, 'en')).toThrow('The gap method has no dimension (expected at least one, such as "tangibles, reliability")');
		expect(() => createGapScorer(config([1, 0, 1, 1, 1]), false, 'en')).toThrow('Gap weight of "reliability" is 0, which is not a finite number above 0 (expected a weight above 0, such as 1)');
		expect(() => createGapScorer(config(undefined, -1), false, 'en')).toThrow('Parameter "Gap tolerance" is -1, which is not a number of at least 0 (expected a number of points from 0 to below 6)');
	});
});
