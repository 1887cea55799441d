import { describeValue, getField, parseCount, parseDate, parseMoney, parseNumber } from '../../nodes/shared/input';

describe('parseDate', () => {
	it.each([
		['2024-03-01T10:20:30+08:00', '2024-03-01T02:20:30.000Z'],
		['2024-03-01T10:20:30Z', '2024-03-01T10:20:30.000Z'],
		['2024-03-01T10:20:30.123-0500', '2024-03-01T15:20:30.123Z'],
		['2024-03-01 10:20', '2024-03-01T10:20:00.000Z'],
		['2024-03-01', '2024-03-01T00:00:00.000Z'],
		['2024/3/1', '2024-03-01T00:00:00.000Z'],
		['20240301', '2024-03-01T00:00:00.000Z'],
		['1709251200', '2024-03-01T00:00:00.000Z'],
		['1709251200000', '2024-03-01T00:00:00.000Z'],
		[1709251200, '2024-03-01T00:00:00.000Z'],
		[1709251200000, '2024-03-01T00:00:00.000Z'],
		['2024-02-29', '2024-02-29T00:00:00.000Z'],
	])('reads %p', (input, iso) => {
		expect(parseDate(input, 'd').toISOString()).toBe(iso);
	});

	it('passes Date objects through', () => {
		const d = new Date('2020-01-01T00:00:00Z');
		expect(parseDate(d, 'd')).toBe(d);
	});

	it('reads dates without an offset in the given zone, across DST', () => {
		expect(parseDate('2024-03-01', 'd', { timeZone: 'Asia/Shanghai' }).toISOString()).toBe('2024-02-29T16:00:00.000Z');
		expect(parseDate('2024-07-01 09:00', 'd', { timeZone: 'America/New_York' }).toISOString()).toBe('2024-07-01T13:00:00.000Z');
		expect(parseDate('2024-01-01 09:00', 'd', { timeZone: 'America/New_York' }).toISOString()).toBe('2024-01-01T14:00:00.000Z');
	});

	it.each(['31/02/2024', '2024-02-30', '2023-02-29', '2024-13-01', '2024-03-01T25:00', 'yesterday', '', '   ', NaN, {}, true])(
		'rejects %p with a message naming field, value and forms',
		(input) => {
			expect(() => parseDate(input, 'lastPurchaseAt')).toThrow(/^field "lastPurchaseAt" is .*, which (is not a date|is empty) \(expected a date from 1900-01-01 to 2199-12-31 \(ISO 8601, YYYY-MM-DD, YYYY\/MM\/DD, YYYYMMDD or epoch seconds\/milliseconds\)\)$/);
		},
	);

	it('says a missing field is missing', () => {
		expect(() => parseDate(undefined, 'd')).toThrow('field "d" is missing, which is empty');
	});
});

describe('parseNumber and parseMoney', () => {
	it.each([
		['1,234.50', 1234.5],
		['¥1,234.50', 1234.5],
		['￥88', 88],
		['$12', 12],
		[' 7 ', 7],
		['1234.5 元', 1234.5],
		['RMB 1,000', 1000],
		['-3.5', -3.5],
		[42, 42],
	])('reads money %p as %p', (input, expected) => {
		expect(parseMoney(input, 'amount')).toBe(expected);
	});

	it.each(['abc', '1,23,4', '12abc', '', '¥', null, undefined, Infinity, [1]])('rejects money %p', (input) => {
		expect(() => parseMoney(input, 'amount')).toThrow(/^field "amount" is .*(not an amount of money|empty|missing)/);
	});

	it('applies min, max and integer rules with the allowed range in the message', () => {
		expect(() => parseNumber(11, 'nps', { min: 0, max: 10, integer: true })).toThrow(
			'field "nps" is 11, which is above 10 (expected a whole number from 0 to 10)',
		);
		expect(() => parseNumber('2.5', 'orders', { min: 0, integer: true })).toThrow('is not a whole number');
		expect(() => parseMoney(-1, 'spend', { min: 0 })).toThrow('which is below 0');
		expect(() => parseNumber('1e3', 'n')).toThrow('field "n" is "1e3", which is not a number');
	});
});

describe('getField and describeValue', () => {
	it('follows dot paths, then a key written with the dots', () => {
		expect(getField({ customer: { id: 7 } }, 'customer.id')).toBe(7);
		expect(getField({ 'customer.id': 1, customer: { id: 7 } }, 'customer.id')).toBe(7);
		expect(getField({ 'customer.id': 1 }, 'customer.id')).toBe(1);
		expect(getField({ orders: [{ date: 'x' }] }, 'orders.0.date')).toBe('x');
		expect(getField({ a: null }, 'a.b')).toBeUndefined();
	});

	it('truncates long values to 80 characters', () => {
		const shown = describeValue('x'.repeat(200));
		expect(shown).toHaveLength(82); // 80 characters plus the quotes
		expect(shown.endsWith('…"')).toBe(true);
	});
});

describe('parseDate: only plausible dates', () => {
	it.each([
		[0, /field "birthday" is 0, which is a number but not an epoch time \(expected a date from 1900-01-01 to 2199-12-31: epoch seconds/],
		[-1, /field "birthday" is -1, which is a number but not an epoch time/],
		[1e-320, /field "birthday" is 1e-320, which is a number but not an epoch time/],
		[86400, /field "birthday" is 86400, which is a number but not an epoch time/],
		[1767225600000000, /field "birthday" is 1767225600000000, which is a number but not an epoch time/],
		[99999999999, /field "birthday" is 99999999999, which is 5138-11-16T09:46:39.000Z, outside the plausible range \(expected a date from 1900-01-01 to 2199-12-31/],
		['1767225600000000', /field "birthday" is "1767225600000000", which is a number but not an epoch time \(expected a date from 1900-01-01 to 2199-12-31: epoch seconds/],
		['0001-01-01', /field "birthday" is "0001-01-01", which is 0001-01-01T00:00:00.000Z, outside the plausible range/],
		['0050-06-01T00:00:00+08:00', /field "birthday" is "0050-06-01T00:00:00\+08:00", which is 0050-05-31T16:00:00.000Z, outside the plausible range/],
		['1899-12-31T23:59:59Z', /outside the plausible range \(expected a date from 1900-01-01 to 2199-12-31/],
		['2200-01-01', /field "birthday" is "2200-01-01", which is 2200-01-01T00:00:00.000Z, outside the plausible range/],
		['99991231', /outside the plausible range/],
		[new Date(Date.UTC(57971, 0, 1)), /field "birthday" is "\+057971-01-01T00:00:00.000Z", which is .*outside the plausible range/],
	])('rejects %p naming the field, the value and the range', (input, message) => {
		expect(() => parseDate(input, 'birthday')).toThrow(message);
	});

	it.each([
		[1e8, '1973-03-03T09:46:40.000Z'],
		[-315619200, '1960-01-01T00:00:00.000Z'],
		[1767225600000, '2026-01-01T00:00:00.000Z'],
		['1900-01-01', '1900-01-01T00:00:00.000Z'],
		['2199-12-31', '2199-12-31T00:00:00.000Z'],
	])('accepts %p at the edges of the range', (input, iso) => {
		expect(parseDate(input, 'd').toISOString()).toBe(iso);
	});

	it('takes a caller range', () => {
		const range = { from: Date.UTC(2000, 0, 1), to: Date.UTC(2001, 0, 1) };
		expect(() => parseDate('2001-01-01', 'd', { range })).toThrow(/expected a date from 2000-01-01 to 2000-12-31/);
		expect(parseDate('2000-06-01', 'd', { range }).toISOString()).toBe('2000-06-01T00:00:00.000Z');
	});
});

describe('parseCount and parseMoney: only plausible sizes', () => {
	it.each([1e308, 1767225600000, 10_000_001, '100,000,000', '1,767,225,600,000'])('rejects the count %p naming field and value', (value) => {
		expect(() => parseCount(value, 'orderCount')).toThrow(/^field "orderCount" is .*, which is beyond any plausible count \(more than 1e\+7 in size\) \(expected a whole number of at least 0\)$/);
	});

	it.each([1e308, -1e308, 1.5e13, '¥20,000,000,000,000', '-20,000,000,000,000'])('rejects the amount %p naming field and value', (value) => {
		expect(() => parseMoney(value, 'totalSpend')).toThrow(/^field "totalSpend" is .*, which is beyond any plausible amount \(more than 1e\+13 in size\)/);
	});

	it('accepts the largest plausible sizes and keeps its own rules first', () => {
		expect(parseCount(10_000_000, 'n')).toBe(10_000_000);
		expect(parseCount('3', 'n', 1)).toBe(3);
		expect(() => parseCount(0, 'n', 1)).toThrow('field "n" is 0, which is below 1 (expected a whole number of at least 1)');
		expect(parseMoney(1e13, 'm')).toBe(1e13);
		expect(() => parseMoney(-1, 'm', { min: 0 })).toThrow(/which is below 0/);
	});
});
