import { getField } from '../../nodes/shared/input/fields';
import { fieldReader } from '../../nodes/shared/input/fields';

describe('fieldReader', () => {
	const items: Array<Record<string, unknown>> = [
		{ churn: { level: 'high' }, 'churn.level': 'literal wins', valueTier: 'A' },
		{ churn: { level: 'low' }, valueTier: null },
		{ churn: null, orders: [{ date: '2025-01-02' }] },
		{ churn: 'text', orders: [] },
		{},
	];

	it.each(['churn.level', 'valueTier', 'orders.0.date', 'churn', 'missing', 'missing.deeper', 'constructor', ''])(
		'reads %j exactly as getField does',
		(path) => {
			const read = fieldReader(path);
			for (const item of items) expect(read(item)).toBe(getField(item, path));
		},
	);

	it('reads nested values before keys written with the dots (nodes/shared/input/fields.ts)', () => {
		expect(fieldReader('churn.level')(items[0])).toBe('high');
		expect(fieldReader('churn.level')(items[1])).toBe('low');
		expect(fieldReader('orders.0.date')(items[2])).toBe('2025-01-02');
		expect(fieldReader('churn.level')(items[2])).toBeUndefined();
	});
});
