import { dateMsReaderNotAfter, parseDate } from '../../nodes/shared/input';

/** A date-time's offset must be one a time zone can have: up to ±14:00, with minutes below 60. */
const asOf = new Date('2030-01-01T00:00:00Z');

describe('date-time offsets', () => {
	it.each(['2026-01-01T00:00:00+25:00', '2026-01-01T00:00:00-25:00', '2026-01-01T00:00:00+14:30', '2026-01-01T00:00:00+05:99', '2026-01-01T00:00:00.123+99:00', '2026-01-01 08:00+2500', '2026-01-01T08:00:00-1460'])(
		'%s is not a date, by either reader',
		(text) => {
			const message = `field "d" is "${text}", which is not a date`;
			expect(() => parseDate(text, 'd')).toThrow(message);
			expect(() => dateMsReaderNotAfter(asOf)(text, 'd')).toThrow(message);
		},
	);

	it.each([
		['2026-01-01T00:00:00+14:00', '2025-12-31T10:00:00.000Z'],
		['2026-01-01T00:00:00-12:00', '2026-01-01T12:00:00.000Z'],
		['2026-01-01T00:00:00+13:45', '2025-12-31T10:15:00.000Z'],
		['2026-01-01T00:00:00-09:30', '2026-01-01T09:30:00.000Z'],
		['2026-01-01T00:00:00+0545', '2025-12-31T18:15:00.000Z'],
	])('%s is read, by either reader', (text, iso) => {
		expect(parseDate(text, 'd').toISOString()).toBe(iso);
		expect(new Date(dateMsReaderNotAfter(asOf)(text, 'd')).toISOString()).toBe(iso);
	});
});
