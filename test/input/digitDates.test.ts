import { dateMsReaderNotAfter, parseDate } from '../../nodes/shared/input';

/**
 * Every refusal of a date says what was expected, the plausible range included. A text of digits that is
 * not an epoch's digits gets the explanation the same number gets, from parseDate and the fast reader alike.
 */
const asOf = new Date('2030-01-01T00:00:00Z');
const RANGE = 'a date from 1900-01-01 to 2199-12-31';
const FORMS = 'ISO 8601, YYYY-MM-DD, YYYY/MM/DD, YYYYMMDD or epoch seconds/milliseconds';
const EPOCH_EXPECTED = `(expected ${RANGE}: epoch seconds (9-11 digits) or milliseconds (12-13 digits), or ${FORMS})`;

function refusal(read: () => unknown): string {
	try {
		read();
	} catch (error) {
		return (error as Error).message;
	}
	throw new Error('the value was read as a date');
}

describe('digit-only date texts', () => {
	it.each(['12', '20240', '1767225600000000', '0', '-1', '86400', '12345678901234', '1700000000.5'])(
		'%j is refused as the number is, with the range and an epoch\'s digits, by either reader',
		(text) => {
			const expected = `field "d" is "${text}", which is a number but not an epoch time ${EPOCH_EXPECTED}`;
			expect(refusal(() => parseDate(text, 'd'))).toBe(expected);
			expect(refusal(() => dateMsReaderNotAfter(asOf)(text, 'd'))).toBe(expected);
			const asNumber = Number(text);
			expect(refusal(() => parseDate(asNumber, 'd'))).toBe(`field "d" is ${asNumber}, which is a number but not an epoch time ${EPOCH_EXPECTED}`);
		},
	);

	it.each(['20241399', '12345678', '20230229'])('%j, eight digits and no real YYYYMMDD date, says so', (text) => {
		const expected = `field "d" is "${text}", which is a number but not an epoch time nor a real YYYYMMDD date ${EPOCH_EXPECTED}`;
		expect(refusal(() => parseDate(text, 'd'))).toBe(expected);
		expect(refusal(() => dateMsReaderNotAfter(asOf)(text, 'd'))).toBe(expected);
	});

	it.each([
		['1709251200', '2024-03-01T00:00:00.000Z'],
		['1709251200000', '2024-03-01T00:00:00.000Z'],
		['20240301', '2024-03-01T00:00:00.000Z'],
		[' 1709251200 ', '2024-03-01T00:00:00.000Z'],
	])('%j is still read', (text, iso) => {
		expect(parseDate(text, 'd').toISOString()).toBe(iso);
		expect(new Date(dateMsReaderNotAfter(asOf)(text, 'd')).toISOString()).toBe(iso);
	});

	it.each(['31/02/2024', 'yesterday', '+1700000000', '2024-02-30', '2024-02-30T10:00:00Z', '', '   '])(
		'%j, no number, is refused with the range and the forms by either reader',
		(text) => {
			const message = refusal(() => parseDate(text, 'd'));
			expect(message).toMatch(/^field "d" is ".*", which (is not a date|is empty) \(expected a date from 1900-01-01 to 2199-12-31 \(ISO 8601, YYYY-MM-DD, YYYY\/MM\/DD, YYYYMMDD or epoch seconds\/milliseconds\)\)$/);
			expect(refusal(() => dateMsReaderNotAfter(asOf)(text, 'd'))).toBe(message);
		},
	);

	it('names a caller range in the digit refusal', () => {
		const range = { from: Date.UTC(2000, 0, 1), to: Date.UTC(2001, 0, 1) };
		expect(() => parseDate('123', 'd', { range })).toThrow('(expected a date from 2000-01-01 to 2000-12-31: epoch seconds');
		expect(() => parseDate('soon', 'd', { range })).toThrow('(expected a date from 2000-01-01 to 2000-12-31 (ISO 8601');
		expect(() => parseDate(undefined, 'd', { range })).toThrow('field "d" is missing, which is empty (expected a date from 2000-01-01 to 2000-12-31 (');
	});
});
