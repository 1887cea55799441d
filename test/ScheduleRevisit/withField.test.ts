import { withField } from '../../nodes/ScheduleRevisit/operations/withField';

describe('withField', () => {
	it('copies the item with the new field last, leaving the item as it was', () => {
		const json = { customerId: 'C1', nested: { a: 1 } };
		const copy = withField(json, 'revisit', { status: 'scheduled' });
		expect(Object.keys(copy)).toEqual(['customerId', 'nested', 'revisit']);
		expect(copy).toEqual({ customerId: 'C1', nested: { a: 1 }, revisit: { status: 'scheduled' } });
		expect(copy.nested).toBe(json.nested);
		expect(json).toEqual({ customerId: 'C1', nested: { a: 1 } });
	});

	it('keeps a "__proto__" key of the item, and a "__proto__" field, as plain fields like a spread does', () => {
		const json = JSON.parse('{"__proto__": {"polluted": true}, "customerId": "C2"}');
		const copy = withField(json, 'revisit', 1);
		expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
		expect(Object.prototype.hasOwnProperty.call(copy, '__proto__')).toBe(true);
		expect(copy).toEqual({ ...json, revisit: 1 });
		const named = withField({ customerId: 'C3' }, '__proto__', { x: 1 });
		expect(Object.getPrototypeOf(named)).toBe(Object.prototype);
		expect(Object.getOwnPropertyDescriptor(named, '__proto__')?.value).toEqual({ x: 1 });
	});
});
