import { roundTo } from '../../nodes/shared/stats';

describe('roundTo', () => {
	it.each([
		[2.345, 2, 2.35],
		[-2.345, 2, -2.35],
		[0.12345, 4, 0.1235],
		[-0.00001, 4, 0],
		[1234.5, 0, 1235],
	])('rounds %p to %p decimals half away from zero: %p', (value, digits, expected) => {
		expect(roundTo(value, digits)).toBe(expected);
		expect(Object.is(roundTo(value, digits), -0)).toBe(false);
	});

	it.each([
		[1e305, 4],
		[-1e307, 2],
		[1.7976931348623157e308, 2],
		[9.1e15, 2],
	])('leaves %p, too large to carry %p decimals, as it is instead of overflowing', (value, digits) => {
		expect(roundTo(value, digits)).toBe(value);
	});
});
