import { dateMsReaderNotAfter, parseDateNotAfter } from '../../nodes/shared/input';
import { seededRandom } from '../helpers/random';

/** What the reader must give for a value: parseDateNotAfter's instant, or its error message. */
function expected(value: unknown, asOf: Date, timeZone: string): number | string {
	try {
		return parseDateNotAfter(value, 'orderDate', asOf, { timeZone }).getTime();
	} catch (error) {
		return (error as Error).message;
	}
}

function got(read: (value: unknown, field: string) => number, value: unknown): number | string {
	try {
		return read(value, 'orderDate');
	} catch (error) {
		return (error as Error).message;
	}
}

const ZONES = ['UTC', 'Asia/Shanghai', 'America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'America/Sao_Paulo', 'Pacific/Apia'];

/** Date-times on ordinary days, around clock changes, at month and range ends, and odd forms. */
function values(): string[] {
	const next = seededRandom(41);
	const pad = (n: number, w = 2) => String(n).padStart(w, '0');
	const out: string[] = [];
	const days = ['2024-03-10', '2024-11-03', '2024-03-31', '2024-10-27', '2018-11-04', '2011-12-30', '2011-12-29', '2024-04-07', '2024-02-29', '2023-02-29', '1900-01-01', '1899-12-31', '2199-12-31', '2200-01-01', '2024-06-30', '2024-07-01', '2024-12-31', '2024-13-01', '2024-04-31', '0099-05-05'];
	for (let i = 0; i < 4000; i++) {
		const day = i % 3 === 0 ? days[i % days.length] : `${1990 + Math.floor(next() * 40)}-${pad(1 + Math.floor(next() * 12))}-${pad(1 + Math.floor(next() * 31))}`;
		const time = `${pad(Math.floor(next() * 25))}:${pad(Math.floor(next() * 61))}:${pad(Math.floor(next() * 61))}`;
		const fraction = ['', '', '.123', '.5', '.999', '.1234', ',250'][i % 7];
		const offset = ['', '', 'Z', 'z', '+08:00', '-05:00', '+05:45', '-00:00', '+0800', '+08', ' Z', '+14:00', '-12:30'][Math.floor(next() * 13)];
		const separator = ['T', ' ', 't'][i % 3];
		out.push(`${day}${separator}${time}${fraction}${offset}`);
	}
	out.push('2024-03-10T02:30:00', '2024-03-10T03:00:00', '2024-11-03T01:30:00', '2024-11-03T00:59:59.999', '2024-06-30T24:00:00', '2024-06-30T23:59:60Z', ' 2024-06-30T10:00:00Z', '2024-06-30T10:00:00Z ', '2024-06-30T10:00', '2024-06-30T1:00:00Z', '2024-06-30X10:00:00Z', '2024/06/30T10:00:00Z', '２０２４-06-30T10:00:00Z', '2024-06-30T10:00:00+08:00:00');
	return out;
}

describe('dateMsReaderNotAfter on ISO date-times (the fast path) equals parseDateNotAfter', () => {
	it.each(ZONES)('every value alike in %s: instants, and the error naming field and value', (timeZone) => {
		const asOf = new Date('2024-07-01T00:00:00Z');
		const read = dateMsReaderNotAfter(asOf, { timeZone });
		const all = values();
		// Twice over: the second pass reads from the per-day cache the first filled.
		for (const value of [...all, ...all]) expect([value, got(read, value)]).toEqual([value, expected(value, asOf, timeZone)]);
		const accepted = all.filter((value) => typeof expected(value, asOf, timeZone) === 'number').length;
		expect(accepted).toBeGreaterThan(500);
		expect(all.length - accepted).toBeGreaterThan(500);
	});

	it('names the field and the value of a date-time it refuses', () => {
		const read = dateMsReaderNotAfter(new Date('2024-07-01T00:00:00Z'), { timeZone: 'Asia/Shanghai' });
		expect(() => read('2024-07-01T08:00:01', 'orderDate')).toThrow('field "orderDate" is "2024-07-01T08:00:01", which lies after the as-of date 2024-07-01T00:00:00.000Z');
		expect(() => read('2023-02-29T10:00:00Z', 'orderDate')).toThrow('field "orderDate" is "2023-02-29T10:00:00Z", which is not a date');
	});
});
