import { fieldReader } from '../../nodes/shared/satisfaction';

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
