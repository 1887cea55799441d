import { SegmentTally } from '../../nodes/shared/segments';
import { runNode, NODE_UNDER_TEST } from '../helpers/runWorkflow';

/**
 * The Summary output's revenue is the decimal sum of its customers' revenues, as a database's SUM gives
 * it, in any order of the customers. Added as doubles, these six totals read 54277.22000000001 in the
 * order given and 54277.22 in reverse; Gold's three 29042.579999999998.
 */
const REVENUES = [21217.11, 12202.19, 5072.92, 1794.01, 2752.55, 11238.44];

function rows(revenues: number[]) {
	const tally = new SegmentTally();
	revenues.forEach((revenue, i) => tally.add(i % 2 ? 'B' : 'A', i % 2 ? 'Silver' : 'Gold', revenue));
	revenues.forEach((revenue) => tally.add('all', 'All', revenue));
	return Object.fromEntries(tally.rows().map((row) => [row.key, row]));
}

describe('SegmentTally: revenue summed as decimals', () => {
	it('totals 54277.22 whatever the order of the customers', () => {
		for (const order of [REVENUES, [...REVENUES].reverse(), [2, 4, 0, 5, 1, 3].map((i) => REVENUES[i])]) {
			const summary = rows(order);
			expect(summary.all.revenue).toBe(54277.22);
			expect(summary.all.revenueShare).toBe(0.5);
		}
		const summary = rows(REVENUES);
		expect(summary.A.revenue).toBe(29042.58);
		expect(summary.B.revenue).toBe(25234.64);
	});

	it('Segment Customer\'s Summary output reads the report total 54277.22', async () => {
		const items = REVENUES.map((totalSpend, i) => ({ customerId: `C${i}`, orderCount: 2, lastPurchaseAt: '2024-06-20', totalSpend }));
		const result = await runNode({ type: 'segmentCustomer', parameters: { method: 'lifecycle', asOf: '2024-07-01T00:00:00Z' }, items });
		expect(result.json(NODE_UNDER_TEST, 1).map((s) => [s.key, s.customers, s.revenue, s.revenueShare])).toEqual([['active', 6, 54277.22, 1]]);
	});
});
