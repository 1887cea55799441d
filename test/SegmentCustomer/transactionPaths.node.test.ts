import { SEGMENT_PATHS } from '../../nodes/SegmentCustomer/execute';
import * as columnar from '../../nodes/shared/customers/transactionsColumnar';
import { NODE_UNDER_TEST, runNode, type NodeRunOptions } from '../helpers/runWorkflow';

/**
 * One item per transaction has two implementations: typed-array columns (default) and the general
 * path through summariseTransactions. Both run here on the same messy orders, in the real engine, and
 * must agree on every output item, pairing, error and summary row.
 */
async function bothPaths(options: NodeRunOptions) {
	const run = async (columnarTransactions: boolean) => {
		SEGMENT_PATHS.columnarTransactions = columnarTransactions;
		const summarise = jest.spyOn(columnar, 'summariseTransactionColumns');
		try {
			const result = await runNode(options);
			expect(summarise).toHaveBeenCalledTimes(columnarTransactions ? 1 : 0);
			const task = result.run.data.resultData.runData[NODE_UNDER_TEST][0];
			return {
				error: result.error?.message,
				outputs: (task.data?.main ?? []).map((items) => (items ?? []).map((item) => ({ json: item.json, pairedItem: item.pairedItem }))),
			};
		} finally {
			summarise.mockRestore();
			SEGMENT_PATHS.columnarTransactions = true;
		}
	};
	return { columnar: await run(true), general: await run(false) };
}

function orders(n: number): Array<Record<string, unknown>> {
	let seed = 5;
	const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
	const asOf = Date.UTC(2024, 6, 1);
	return Array.from({ length: n }, (_, i) => {
		// Customer 0 buys very often (more than the insertion-sort limit); others a few times.
		const customer = i % 10 === 0 ? 0 : Math.floor(next() * (n / 6));
		const day = new Date(asOf - Math.floor(next() * 300) * 86_400_000 - Math.floor(next() * 4) * 7_200_000).toISOString();
		const forms = [day, day.slice(0, 10), day.slice(0, 10).replace(/-/g, '/'), Date.parse(day)];
		const amount = Math.round(next() * 50000) / 100;
		return {
			// Integer IDs, and the same customers' IDs as (padded) text on every other row: one customer each.
			customerId: customer % 5 === 0 ? (i % 2 ? customer : ` ${customer} `) : `C${customer}`,
			orderDate: i === 7 ? 'not a date' : i === 11 ? '2031-01-01' : forms[i % forms.length],
			amount: i === 13 ? -5 : i % 3 === 0 ? `¥${amount.toLocaleString('en')}` : amount,
		};
	});
}

const asOf = '2024-07-01T00:00:00Z';

describe('Segment Customer transactions: column path and general path give the same output', () => {
	it.each([
		['rfm', true, 'UTC'],
		['rfm', false, 'UTC'],
		['valueTier', true, 'Asia/Shanghai'],
		['lifecycle', true, 'America/New_York'],
		['lifecycle', false, 'Asia/Shanghai'],
	])('%s, same-day collapse %s, time zone %s, with bad rows on the error output', async (method, collapseSameDay, timezone) => {
		const { columnar: col, general } = await bothPaths({
			type: 'segmentCustomer',
			timezone,
			onError: 'continueErrorOutput',
			parameters: { method, inputShape: 'transaction', collapseSameDay, asOf },
			items: orders(1500) as never,
		});
		expect(col.error).toBeUndefined();
		expect(col.outputs[0].length).toBeGreaterThan(100);
		// Three bad rows everywhere; in New York a date-only "2024-07-01" also lies after As Of (04:00 UTC).
		expect(col.outputs[2].length).toBeGreaterThanOrEqual(3);
		expect(col).toEqual(general);
	});

	it('RFM learning its cut points (10 bins), then a page scored with them: both paths alike', async () => {
		const items = orders(1500) as never;
		const learn = await bothPaths({
			type: 'segmentCustomer',
			onError: 'continueErrorOutput',
			parameters: { method: 'rfm', rfmBins: 10, inputShape: 'transaction', asOf, cutPoints: 'learn', outputLearnedState: true },
			items,
		});
		expect(learn.columnar).toEqual(learn.general);
		const summary = learn.columnar.outputs[1];
		const learned = summary[summary.length - 1].json;
		expect(learned.key).toBe('learnedState');
		const page = await bothPaths({
			type: 'segmentCustomer',
			onError: 'continueErrorOutput',
			parameters: {
				method: 'rfm',
				rfmBins: 10,
				inputShape: 'transaction',
				asOf: '2030-01-01T00:00:00Z',
				cutPoints: 'apply',
				learnedState: `={{ (${JSON.stringify(learned, null, 1)}) }}`,
			},
			// Every order of the customers whose ID ends in 3: whole customers, so each must come out as in the full run.
			items: orders(1500).filter((order) => String(order.customerId).trim().endsWith('3')) as never,
		});
		expect(page.columnar.error).toBeUndefined();
		expect(page.columnar.outputs[0].length).toBeGreaterThan(20);
		expect(page.columnar).toEqual(page.general);
		const fullRun = new Map(learn.columnar.outputs[0].map((item) => [item.json.customerId, item.json]));
		for (const item of page.columnar.outputs[0]) expect(item.json).toEqual(fullRun.get(item.json.customerId));
	});
});
