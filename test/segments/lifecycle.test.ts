import { DEFAULT_LIFECYCLE_THRESHOLDS as T, lifecycleStage } from '../../nodes/shared/segments';

const stage = (purchases: number, daysSinceFirst?: number, daysSinceLast?: number, mode: 'fixedDays' | 'ownInterval' = 'fixedDays') =>
	lifecycleStage({ purchases, daysSinceFirst, daysSinceLast }, mode, T, 'en');

describe('lifecycleStage with fixed days', () => {
	it.each([
		[0, undefined, undefined, 'prospect'],
		[1, 10, 10, 'new'],
		[1, 30, 30, 'new'],
		[1, 31, 31, 'active'],
		[5, 400, 90, 'active'],
		[5, 400, 91, 'atRisk'],
		[5, 400, 180, 'atRisk'],
		[5, 400, 181, 'lapsed'],
		[5, 800, 365, 'lapsed'],
		[5, 800, 366, 'lost'],
	])('%i purchases, first %s days ago, last %s days ago: %s', (purchases, first, last, expected) => {
		expect(stage(purchases, first, last).stage.key).toBe(expected);
	});
});

describe('lifecycleStage against the customer’s own interval', () => {
	it('judges a weekly buyer silent for 30 days as lost but a yearly buyer silent for 200 days as active', () => {
		// Weekly: 11 purchases over 70 days, usual gap 7 days; 30 days is 4.3 gaps.
		const weekly = stage(11, 100, 30, 'ownInterval');
		expect(weekly).toMatchObject({ basis: 'ownInterval', usualIntervalDays: 7, stage: { key: 'lost' } });
		expect(weekly.intervalsSinceLast).toBeCloseTo(30 / 7, 12);
		// Yearly: 3 purchases over 730 days, usual gap 365; 200 days is 0.55 gaps.
		expect(stage(3, 930, 200, 'ownInterval').stage.key).toBe('active');
	});

	it.each([
		[15, 'active'],
		[16, 'atRisk'],
		[25, 'atRisk'],
		[26, 'lapsed'],
		[40, 'lapsed'],
		[41, 'lost'],
	])('with a usual gap of 10 days, %i days of silence is %s (thresholds 1.5, 2.5, 4 gaps)', (last, expected) => {
		expect(stage(2, last + 10, last, 'ownInterval').stage.key).toBe(expected);
	});

	it('falls back to fixed days for one-time buyers', () => {
		expect(stage(1, 200, 200, 'ownInterval')).toMatchObject({ basis: 'fixedDays', stage: { key: 'lapsed' } });
	});
});
