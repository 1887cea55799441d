import { typicalInterval } from '../../nodes/shared/churn';
import { learnedTypicalInterval, suppliedTypicalInterval, weightedTypicalInterval } from '../../nodes/shared/churn/typicalInterval';

describe('typical interval of grouped rows', () => {
	it('equals the median of the rows repeated count times, for odd and even totals', () => {
		let seed = 3;
		const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
		for (let trial = 0; trial < 200; trial++) {
			const rows = Array.from({ length: 1 + Math.floor(next() * 8) }, () => ({ value: Math.floor(next() * 6) * 10 - (next() < 0.1 ? 20 : 0), count: Math.floor(next() * 4) }));
			const expanded = rows.flatMap((r) => Array.from({ length: r.count }, () => r.value));
			expect(weightedTypicalInterval(rows.map((r) => r.value), rows.map((r) => r.count))).toBe(typicalInterval(expanded));
		}
	});

	it('reads a supplied interval and refuses one that is not a number of days > 0', () => {
		expect(suppliedTypicalInterval({ typicalIntervalDays: 41.5 })).toBe(41.5);
		expect(suppliedTypicalInterval({ typicalIntervalDays: null })).toBeUndefined();
		expect(() => suppliedTypicalInterval({ typicalIntervalDays: -3 })).toThrow('Supplied typicalIntervalDays is -3; expected a number of days > 0');
		// A Model item read back from a database's numeric column holds its numbers as text, read as item fields are.
		expect(suppliedTypicalInterval({ typicalIntervalDays: ' 40 ' })).toBe(40);
		expect(() => suppliedTypicalInterval({ typicalIntervalDays: '40 days' })).toThrow('Supplied typicalIntervalDays is "40 days"');
		expect(() => suppliedTypicalInterval({ typicalIntervalDays: Number.NaN })).toThrow('Supplied typicalIntervalDays is NaN');
	});

	it('Rules Only: the learned interval of a Model item is required; null is "the base had none", not "use the batch"', () => {
		expect(learnedTypicalInterval({ method: 'rules', typicalIntervalDays: '5.5' })).toEqual({ days: 5.5 });
		expect(learnedTypicalInterval({ method: 'rules', typicalIntervalDays: null })).toEqual({ days: undefined });
		expect(() => learnedTypicalInterval({})).toThrow('Parameters JSON has no typicalIntervalDays; expected the Model output item of a Rules Only run');
		expect(() => learnedTypicalInterval({ typicalIntervalDays: -1 })).toThrow('Supplied typicalIntervalDays is -1');
	});
});
