import { columnReaders, fieldReader, getField } from '../../nodes/shared/input/fields';

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

describe('columnReaders', () => {
	it('makes a reader per mapped column, following the same rule, and none for a column left empty', () => {
		const read = columnReaders({ customerId: 'customer.id', name: 'name', timeZone: '' });
		const item = { customer: { id: 'C1' }, 'customer.id': 'flat', name: 'Ada', timeZone: 'Asia/Shanghai' };
		expect(read.customerId?.(item)).toBe('C1');
		expect(read.name?.(item)).toBe('Ada');
		expect(Object.keys(read)).toEqual(['customerId', 'name', 'timeZone']);
		expect(read.timeZone).toBeUndefined();
	});
});
