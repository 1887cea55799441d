import { fieldReader, fieldWriter } from '../../nodes/shared/input';

/**
 * fieldWriter writes a value back where fieldReader found it in the source item: through nested objects
 * when the nested path leads to a value, else under the key written with the dots. Read back from the
 * written item, the value is the same whichever form, and `$json.a.b` finds it when the source had it so.
 */
describe('fieldWriter', () => {
	const written = (path: string, source: Record<string, unknown>, value: unknown = 'V') => {
		const target: Record<string, unknown> = {};
		fieldWriter(path)(target, value, source);
		return target;
	};

	it.each<[string, Record<string, unknown>, Record<string, unknown>]>([
		['customerId', { customerId: 'C1' }, { customerId: 'V' }],
		['customer.id', { customer: { id: 'C1', name: 'n' } }, { customer: { id: 'V' } }],
		['customer.id', { 'customer.id': 'C1' }, { 'customer.id': 'V' }],
		// Nested first, as fieldReader reads: both present, the nested one was read.
		['customer.id', { 'customer.id': 'flat', customer: { id: 'nested' } }, { customer: { id: 'V' } }],
		// An object without the key: the read fell through to the dotted key.
		['customer.id', { customer: { name: 'n' }, 'customer.id': 'C1' }, { 'customer.id': 'V' }],
		['a.b.c', { a: { b: { c: 1 } } }, { a: { b: { c: 'V' } } }],
		['a.b.c', { a: { 'b.c': 1 } }, { 'a.b.c': 'V' }],
		['orders.0.id', { orders: [{ id: 7 }] }, { orders: [{ id: 'V' }] }],
		['customer.id', {}, { 'customer.id': 'V' }],
	])('%s from %j is written as %j', (path, source, expected) => {
		const target = written(path, source);
		expect(target).toEqual(expected);
		expect(Array.isArray(target.orders)).toBe(Array.isArray(expected.orders));
		expect(fieldReader(path)(target)).toBe('V');
	});

	it('makes new nested objects each time, so items written one after the other share none', () => {
		const write = fieldWriter('customer.id');
		const first: Record<string, unknown> = {};
		const second: Record<string, unknown> = {};
		const source = { customer: { id: 'C1' } };
		write(first, 'C1', source);
		write(second, 'C2', source);
		expect([first, second]).toEqual([{ customer: { id: 'C1' } }, { customer: { id: 'C2' } }]);
		expect(first.customer).not.toBe(source.customer);
	});

	it('writes "__proto__" and "constructor" as plain keys, never an object prototype', () => {
		const target = written('__proto__.id', JSON.parse('{"__proto__": {"id": 1}}') as Record<string, unknown>);
		expect(Object.getPrototypeOf(target)).toBe(Object.prototype);
		expect(Object.keys(target)).toEqual(['__proto__']);
		expect(fieldReader('__proto__.id')(target)).toBe('V');
		expect(written('constructor.id', { constructor: { id: 1 } })).toEqual({ constructor: { id: 'V' } });
	});
});
