import { readCustomer, DEFAULT_CUSTOMER_COLUMNS, type CustomerNeeds } from '../../nodes/shared/customers';
import { dateMsReaderNotAfter, parseDateNotAfter } from '../../nodes/shared/input';
import { RfmColumnReader } from '../../nodes/shared/segments';

const asOf = new Date('2024-07-01T00:00:00Z');
const RFM_NEEDS: CustomerNeeds = { lastPurchase: 'required', firstPurchase: 'unused', purchaseCount: 'required', totalSpend: 'required' };

/** What readCustomer makes of a row: the error message, or recency/frequency/monetary. */
function viaRecord(item: Record<string, unknown>, timeZone: string) {
	try {
		const r = readCustomer(item, DEFAULT_CUSTOMER_COLUMNS, RFM_NEEDS, { asOf, timeZone });
		return { recencyDays: (asOf.getTime() - r.lastPurchase!.getTime()) / 86_400_000, frequency: r.purchases, monetary: r.revenue };
	} catch (error) {
		return (error as Error).message;
	}
}

function viaColumns(item: Record<string, unknown>, timeZone: string) {
	const reader = new RfmColumnReader(DEFAULT_CUSTOMER_COLUMNS, 1, { asOf, timeZone });
	try {
		reader.read(item, 0);
		return { recencyDays: reader.recencyDays[0], frequency: reader.frequency[0], monetary: reader.monetary[0] };
	} catch (error) {
		expect(reader.length).toBe(0);
		return (error as Error).message;
	}
}

const row = (lastPurchaseAt: unknown, orderCount: unknown = 3, totalSpend: unknown = 120.5, customerId: unknown = 'C1') => ({
	customerId,
	lastPurchaseAt,
	orderCount,
	totalSpend,
});

const ROWS = [
	row('2024-06-01'),
	row('2024/6/1'),
	row('2024/06/01'),
	row('20240601'),
	row('2024-06-01T10:30:00+08:00'),
	row('2024-06-01 10:30'),
	row(1717200000),
	row('1717200000000'),
	row('2024-07-01'),
	row('2024-07-02'),
	row('2024-02-30'),
	row('2024-13-01'),
	row('01/06/2024'),
	row(''),
	row(undefined),
	row('2024-06-01', ' 7 '),
	row('2024-06-01', 2.5),
	row('2024-06-01', -1),
	row('2024-06-01', 'many'),
	row('2024-06-01', 0, 0),
	row('2024-06-01', 3, '¥1,234.50'),
	row('2024-06-01', 3, '-5'),
	row('2024-06-01', 3, -0.01),
	row('2024-06-01', 3, Infinity),
	row('2024-06-01', 3, null),
	row('2024-06-01', 3, 10, ''),
	row('2024-06-01', 3, 10, { id: 1 }),
	row('2024-06-01', 3, 10, 42),
];

describe('RfmColumnReader reads and rejects exactly as readCustomer does', () => {
	it.each(['UTC', 'Asia/Shanghai', 'America/New_York'])('in %s', (timeZone) => {
		for (const item of ROWS) expect(viaColumns(item, timeZone)).toEqual(viaRecord(item, timeZone));
	});

	it('keeps only accepted rows, with the item each came from', () => {
		const reader = new RfmColumnReader(DEFAULT_CUSTOMER_COLUMNS, 3, { asOf, timeZone: 'UTC' });
		reader.read(row('2024-06-30', 1, 10), 0);
		expect(() => reader.read(row('bad'), 1)).toThrow('field "lastPurchaseAt" is "bad", which is not a date');
		reader.read(row('2024-06-21', 4, 40, 'C2'), 2);
		expect(reader.length).toBe(2);
		expect([...reader.itemIndices.subarray(0, 2)]).toEqual([0, 2]);
		expect(reader.rfmColumns()).toEqual({
			recencyDays: Float64Array.from([1, 10]),
			frequency: Float64Array.from([1, 4]),
			monetary: Float64Array.from([10, 40]),
		});
	});
});

describe('dateMsReaderNotAfter', () => {
	it('gives what parseDateNotAfter gives, also when the same day is read again', () => {
		const read = dateMsReaderNotAfter(asOf, { timeZone: 'Asia/Shanghai' });
		for (const value of ['2024-06-01', '2024-06-01', '2024/06/01', '2024/06-01', '2024-06/01', '2024-06-01T00:00:00Z', 1717200000, '2023-12-31', '2024-02-29']) {
			expect(read(value, 'd')).toBe(parseDateNotAfter(value, 'd', asOf, { timeZone: 'Asia/Shanghai' }).getTime());
		}
	});

	it('throws the same errors every time, cached day or not', () => {
		const read = dateMsReaderNotAfter(new Date('2024-06-01T00:00:00Z'));
		expect(read('2024-06-01', 'd')).toBe(Date.UTC(2024, 5, 1));
		for (let i = 0; i < 2; i++) {
			expect(() => read('2024-06-02', 'd')).toThrow('field "d" is "2024-06-02", which lies after the as-of date 2024-06-01T00:00:00.000Z');
			expect(() => read('2024-02-30', 'd')).toThrow('field "d" is "2024-02-30", which is not a date');
			expect(() => read('2024-0a-01', 'd')).toThrow('field "d" is "2024-0a-01", which is not a date');
			expect(() => read('2024-06.01', 'd')).toThrow('field "d" is "2024-06.01", which is not a date');
		}
	});
});
