import type { IDataObject } from 'n8n-workflow';
import { parseDate } from '../../nodes/shared/input';
import { NODE_UNDER_TEST, runNode } from '../helpers/runWorkflow';

/**
 * The plausible range (1900-01-01 to 2199-12-31) holds dates of the zone they are read in. Midnight of
 * 1900-01-01 in Shanghai is 1899-12-31T15:54:17Z, so a first purchase written 1900-01-01 (SQL Server's
 * empty datetime, common in ERP exports) was refused in Shanghai and read in UTC.
 */
describe('the plausible date range on the calendar of the zone', () => {
	it('Segment Customer in Asia/Shanghai reads 1900-01-01 and refuses 1899-12-31, naming the field and the range', async () => {
		const items: IDataObject[] = [
			{ customerId: 'A', firstPurchaseAt: '1900-01-01', lastPurchaseAt: '2024-01-01', orderCount: 3, totalSpend: 10 },
			{ customerId: 'B', firstPurchaseAt: '1899-12-31', lastPurchaseAt: '2024-01-01', orderCount: 3, totalSpend: 10 },
			{ customerId: 'C', firstPurchaseAt: '1900-01-01T00:00:00+08:00', lastPurchaseAt: '2024-01-01', orderCount: 3, totalSpend: 10 },
		];
		const result = await runNode({
			type: 'segmentCustomer',
			parameters: { method: 'lifecycle', asOf: '2024-07-01' },
			items,
			onError: 'continueErrorOutput',
			timezone: 'Asia/Shanghai',
		});
		expect(result.json(NODE_UNDER_TEST, 0).map((j) => j.customerId)).toEqual(['A', 'C']);
		const errors = result.json(NODE_UNDER_TEST, 2).map((j) => String(j.error));
		expect(errors).toHaveLength(1);
		expect(errors[0]).toMatch(/^Item 1: field "firstPurchaseAt" is "1899-12-31", which is .*, outside the plausible range \(expected a date from 1900-01-01 to 2199-12-31/);
	});

	it.each([
		['1900-01-01', 'Asia/Shanghai', true],
		['1900-01-01 00:00', 'Asia/Tokyo', true],
		['1899-12-31T23:59:59', 'Asia/Tokyo', false],
		['2199-12-31T23:00:00', 'America/Los_Angeles', true],
		['2199-12-31', 'Pacific/Kiritimati', true],
		['2200-01-01', 'America/Los_Angeles', false],
		['2200-01-01T00:00:00Z', 'America/Los_Angeles', true],
		['2200-01-01T00:00:00Z', 'UTC', false],
		['1899-12-31T20:00:00Z', 'Asia/Shanghai', true],
	])('%s read in %s is in range: %s', (text, timeZone, accepted) => {
		const read = () => parseDate(text, 'f', { timeZone });
		if (accepted) expect(read).not.toThrow();
		else expect(read).toThrow(/outside the plausible range/);
	});
});
