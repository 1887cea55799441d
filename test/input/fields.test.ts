import { fieldReader, getField } from '../../nodes/shared/input';

describe('fieldReader', () => {
	it('reads plain keys, nested paths and keys written with dots', () => {
		expect(fieldReader('nps')({ nps: 7 })).toBe(7);
		expect(fieldReader('survey.nps')({ survey: { nps: 8 } })).toBe(8);
		expect(fieldReader('survey.nps')({ 'survey.nps': 9 })).toBe(9);
		expect(fieldReader('a.b.c')({ a: { b: { c: 0 } } })).toBe(0);
		expect(fieldReader('a.b.c')({ 'a.b.c': '' })).toBe('');
		expect(fieldReader('kano.0.functional')({ kano: [{ functional: 'like' }] })).toBe('like');
	});

	it('gives undefined for what is not there, also through non-objects', () => {
		expect(fieldReader('nps')({})).toBeUndefined();
		expect(fieldReader('survey.nps')({ survey: 5 })).toBeUndefined();
		expect(fieldReader('survey.nps')({ survey: null })).toBeUndefined();
		expect(fieldReader('a.b.c')({ a: { b: 'text' } })).toBeUndefined();
		expect(fieldReader('a.b.c')({ a: null })).toBeUndefined();
	});

	it('keeps null and zero as values (the caller decides what empty means)', () => {
		expect(fieldReader('survey.nps')({ survey: { nps: null } })).toBeNull();
		expect(fieldReader('survey.nps')({ survey: { nps: 0 } })).toBe(0);
	});
});

describe('one rule for every reader', () => {
	const item = { 'survey.nps': 3, survey: { nps: 9 } };

	it('follows the nested path first, and reads a key written with the dots when it leads nowhere', () => {
		expect(fieldReader('survey.nps')(item)).toBe(9);
		expect(getField(item, 'survey.nps')).toBe(9);
		expect(fieldReader('a.b.c')({ 'a.b.c': 1, a: { b: { c: 2 } } })).toBe(2);
		expect(fieldReader('a.b.c')({ 'a.b.c': 1, a: { b: {} } })).toBe(1);
		expect(fieldReader('survey.nps')({ 'survey.nps': 3, survey: 'text' })).toBe(3);
		expect(getField({ 'orders.0.date': 'flat', orders: [] }, 'orders.0.date')).toBe('flat');
	});

	it('reads only own keys, never what objects inherit', () => {
		expect(fieldReader('constructor')({})).toBeUndefined();
		expect(fieldReader('__proto__')({})).toBeUndefined();
		expect(fieldReader('toString')({ toString: 'own' })).toBe('own');
		expect(fieldReader('survey.constructor')({ survey: {} })).toBeUndefined();
		expect(fieldReader('survey.constructor')({ survey: {}, 'survey.constructor': 'flat' })).toBe('flat');
		expect(fieldReader('a.b.hasOwnProperty')({ a: { b: {} } })).toBeUndefined();
		expect(getField({}, 'valueOf')).toBeUndefined();
	});

	it.each(['nps', 'survey.nps', 'a.b.c', 'orders.0.date', 'constructor', 'x.toString', ''])('getField and fieldReader agree on %j', (path) => {
		const items: Array<Record<string, unknown>> = [
			item,
			{ nps: 1, a: { b: { c: 'deep' } }, orders: [{ date: '2025-01-02' }] },
			{ 'a.b.c': 'flat', x: { toString: 'own' } },
			{ survey: null, orders: [] },
			{},
		];
		const read = fieldReader(path);
		for (const one of items) expect(read(one)).toBe(getField(one, path));
	});
});
