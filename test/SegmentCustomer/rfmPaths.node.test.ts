import { SEGMENT_PATHS } from '../../nodes/SegmentCustomer/execute';
import { RfmColumnReader } from '../../nodes/shared/segments';
import { NODE_UNDER_TEST, runNode, type NodeRunOptions } from '../helpers/runWorkflow';

/**
 * RFM on one item per customer has two implementations: the column path used by default and the general
 * path every method shares. Both run here on the same data, in the real engine, and must agree on every
 * output item, error and summary row.
 */
async function bothPaths(options: NodeRunOptions) {
	const run = async (columnarRfm: boolean) => {
		SEGMENT_PATHS.columnarRfm = columnarRfm;
		const reads = jest.spyOn(RfmColumnReader.prototype, 'read');
		try {
			const result = await runNode(options);
			// Each run took the path it was meant to.
			if (columnarRfm) expect(reads).toHaveBeenCalled();
			else expect(reads).not.toHaveBeenCalled();
			const task = result.run.data.resultData.runData[NODE_UNDER_TEST][0];
			return {
				error: result.error?.message,
				outputs: (task.data?.main ?? []).map((items) => (items ?? []).map((item) => ({ json: item.json, pairedItem: item.pairedItem }))),
			};
		} finally {
			reads.mockRestore();
			SEGMENT_PATHS.columnarRfm = true;
		}
	};
	return { columnar: await run(true), general: await run(false) };
}

/** Deterministic customers with many ties, values written in the forms exports use. */
function customers(n: number): Array<Record<string, unknown>> {
	let seed = 11;
	const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
	const asOf = Date.UTC(2024, 6, 1);
	return Array.from({ length: n }, (_, i) => {
		const orders = 1 + Math.floor(next() * 12);
		const day = new Date(asOf - Math.floor(next() * 400) * 86_400_000).toISOString();
		const spend = Math.round(orders * next() * 300 * 100) / 100;
		const forms = [day.slice(0, 10), day, day.slice(0, 10).replace(/-/g, '/'), day.slice(0, 10).replace(/-/g, ''), Date.parse(day)];
		return {
			customerId: i % 7 === 0 ? i : `C${i}`,
			lastPurchaseAt: forms[i % forms.length],
			orderCount: i % 5 === 0 ? ` ${orders} ` : orders,
			totalSpend: i % 3 === 0 ? `¥${spend.toLocaleString('en')}` : i % 11 === 0 ? 0 : spend,
			nested: { tier: i % 4 },
		};
	});
}

const asOf = '2024-07-01T00:00:00Z';

describe('Segment Customer RFM: column path and general path give the same output', () => {
	it.each([3, 4, 5, 10])('on 600 customers with ties, %i bins', async (rfmBins) => {
		const { columnar, general } = await bothPaths({
			type: 'segmentCustomer',
			parameters: { method: 'rfm', rfmBins, asOf },
			items: customers(600) as never,
		});
		expect(columnar.error).toBeUndefined();
		expect(columnar.outputs[0]).toHaveLength(600);
		expect(columnar.outputs[1].length).toBeGreaterThan(3);
		expect(columnar).toEqual(general);
	});

	it('in zh-CN, with a custom output field, mapped dot-path columns and a time zone', async () => {
		const items = customers(300).map((c) => ({ id: c.customerId, orders: { last: c.lastPurchaseAt, count: c.orderCount, total: c.totalSpend } }));
		const { columnar, general } = await bothPaths({
			type: 'segmentCustomer',
			timezone: 'Asia/Shanghai',
			parameters: {
				method: 'rfm',
				asOf,
				language: 'zh-CN',
				outputField: 'rfm',
				customerIdColumn: 'id',
				lastPurchaseColumn: 'orders.last',
				purchaseCountColumn: 'orders.count',
				totalSpendColumn: 'orders.total',
			},
			items: items as never,
		});
		expect(columnar.error).toBeUndefined();
		expect((columnar.outputs[0][0].json.rfm as { label: string }).label).toMatch(/客户/);
		expect(columnar).toEqual(general);
	});

	it('rejects the same bad items with the same errors under continue-on-fail', async () => {
		const items = customers(40);
		items[3].customerId = ' ';
		items[5].lastPurchaseAt = '2024-02-30';
		items[8].lastPurchaseAt = '2024-07-02';
		items[9].lastPurchaseAt = undefined;
		items[12].orderCount = 2.5;
		items[14].orderCount = -1;
		items[17].totalSpend = '-¥5';
		items[19].totalSpend = 'lots';
		items[21].segment = 'taken';
		const { columnar, general } = await bothPaths({
			type: 'segmentCustomer',
			parameters: { method: 'rfm', asOf },
			onError: 'continueErrorOutput',
			items: items as never,
		});
		expect(columnar.outputs[0]).toHaveLength(31);
		expect(columnar.outputs[2]).toHaveLength(9);
		expect(columnar.outputs[1].at(-1)!.json).toMatchObject({ key: 'rejected', rejectedItems: 9 });
		expect(columnar).toEqual(general);
	});

	it('stops on the same first bad item without continue-on-fail', async () => {
		const items = customers(20);
		items[6].totalSpend = 'n/a';
		items[9].orderCount = 'x';
		const { columnar, general } = await bothPaths({ type: 'segmentCustomer', parameters: { method: 'rfm', asOf }, items: items as never });
		expect(columnar.error).toBe('Item 6: field "totalSpend" is "n/a", which is not an amount of money (expected an amount of at least 0, like 1234.50, "1,234.50" or "¥1,234.50")');
		expect(columnar.error).toBe(general.error);
	});

});
