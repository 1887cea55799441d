import type { IDataObject } from 'n8n-workflow';
import { NODE_UNDER_TEST, runNode } from '../helpers/runWorkflow';

/**
 * A learned state applied to a page is read like any input: its As Of is a plausible date, and a
 * value-tier state's total revenue can hold every customer's revenue. Otherwise the run stops naming
 * the state's field, or the customer that does not fit is its item's error: no revenue share of
 * Infinity, no recency measured from the year 2999.
 */
const customers = (): IDataObject[] =>
	Array.from({ length: 6 }, (_, i) => ({ customerId: `C${i}`, lastPurchaseAt: `2026-0${1 + (i % 5)}-10`, orderCount: 1 + i, totalSpend: 100 * (i + 1) }));

async function learnedState(method: string): Promise<IDataObject> {
	const learn = await runNode({ type: 'segmentCustomer', parameters: { method, asOf: '2026-06-01', outputLearnedState: true }, items: customers() });
	return learn.json(NODE_UNDER_TEST, 1).find((row) => row.learned)!.learned as IDataObject;
}

async function apply(method: string, state: IDataObject) {
	return runNode({
		type: 'segmentCustomer',
		parameters: { method, cutPoints: 'apply', learnedState: JSON.stringify(state) },
		items: customers(),
		onError: 'continueErrorOutput',
	});
}

describe('the As Of of a learned state', () => {
	it.each([
		['rfm', '2999-01-01', 'is 2999-01-01T00:00:00.000Z, outside the plausible range'],
		['valueTier', '1800-01-01T00:00:00+00:00', 'is 1800-01-01T00:00:00.000Z, outside the plausible range'],
		['rfm', '2026-02-30', 'is not a date'],
	])('%s with asOf %p stops the run naming it', async (method, asOf, problem) => {
		const state = { ...(await learnedState(method)), asOf };
		const result = await apply(method, state);
		const errors = result.json(NODE_UNDER_TEST, 2).map((e) => String(e.error));
		expect(errors).toHaveLength(6);
		for (const error of errors) expect(error).toContain(`Learned state: field "asOf" is "${asOf}", which ${problem}`);
	});
});

describe('the total revenue of a learned value-tier state', () => {
	it.each([-5, -1e308])('%p stops the run naming totalRevenue, its value and what was expected', async (totalRevenue) => {
		const result = await apply('valueTier', { ...(await learnedState('valueTier')), totalRevenue });
		expect(result.json(NODE_UNDER_TEST, 2).map((e) => String(e.error))).toEqual(
			customers().map(() => `Learned value-tier state: totalRevenue is ${totalRevenue} (expected a finite number of at least 0: the whole base's revenue)`),
		);
	});

	it.each([5e-324, 0, 350])('%p makes each customer with more revenue than that an item error', async (totalRevenue) => {
		const result = await apply('valueTier', { ...(await learnedState('valueTier')), totalRevenue });
		const scored = result.json(NODE_UNDER_TEST, 0);
		const fits = customers().filter((c) => (c.totalSpend as number) <= totalRevenue);
		expect(scored.map((c) => c.customerId)).toEqual(fits.map((c) => c.customerId));
		for (const c of scored) expect((c.segment as IDataObject).revenueShare).toBeLessThanOrEqual(1);
		expect(result.json(NODE_UNDER_TEST, 2).map((e) => String(e.error))).toEqual(
			customers()
				.map((c, i) => ({ c, i }))
				.filter(({ c }) => (c.totalSpend as number) > totalRevenue)
				.map(({ c, i }) => `Item ${i}: field "totalSpend" is ${c.totalSpend}, which is more than the whole base's revenue in the learned state (its totalRevenue, ${totalRevenue}) for customer "${c.customerId}" (expected a revenue of at most ${totalRevenue}: apply the state learned from this customer's base)`),
		);
	});

	it('names the column the revenue was read from', async () => {
		const state = { ...(await learnedState('valueTier')), totalRevenue: 350 };
		const items = customers().map(({ totalSpend, ...rest }) => ({ ...rest, spend: { total: totalSpend } }));
		const result = await runNode({
			type: 'segmentCustomer',
			parameters: { method: 'valueTier', cutPoints: 'apply', learnedState: JSON.stringify(state), totalSpendColumn: 'spend.total' },
			items,
			onError: 'continueErrorOutput',
		});
		expect(result.json(NODE_UNDER_TEST, 2).map((e) => String(e.error))[0]).toBe(
			'Item 3: field "spend.total" is 400, which is more than the whole base\'s revenue in the learned state (its totalRevenue, 350) for customer "C3" (expected a revenue of at most 350: apply the state learned from this customer\'s base)',
		);
	});

	it('in transaction mode names the amount column the revenue is summed from', async () => {
		const state = { ...(await learnedState('valueTier')), totalRevenue: 350 };
		const orders = [
			{ customerId: 'A', orderDate: '2026-01-10', amount: 100 },
			{ customerId: 'B', orderDate: '2026-01-10', amount: 300 },
			{ customerId: 'B', orderDate: '2026-02-10', amount: 100 },
		];
		const result = await runNode({
			type: 'segmentCustomer',
			parameters: { method: 'valueTier', inputShape: 'transaction', cutPoints: 'apply', learnedState: JSON.stringify(state) },
			items: orders,
			onError: 'continueErrorOutput',
		});
		expect(result.json(NODE_UNDER_TEST, 0).map((c) => c.customerId)).toEqual(['A']);
		expect(result.json(NODE_UNDER_TEST, 2).map((e) => String(e.error))).toEqual([
			'Item 1: field "totalSpend" is 400, which is the sum of field "amount" over customer "B"\'s transactions and more than the whole base\'s revenue in the learned state (its totalRevenue, 350) (expected a revenue of at most 350: apply the state learned from this customer\'s base)',
		]);
	});
});

describe('the other fields of a learned state', () => {
	it.each([
		['valueTier', { kind: 'rfmCutPoints' }, 'Learned value-tier state: kind is "rfmCutPoints" (expected "valueTierThresholds": the learned item of a Segment Customer run with Value Tier)'],
		['valueTier', { totalRevenue: '1000' }, 'Learned value-tier state: totalRevenue is "1000" (expected a finite number of at least 0: the whole base\'s revenue)'],
		['valueTier', { minimumA: 'x' }, 'Learned value-tier state: minimumA is "x" (expected a finite number, or null when no customer of the base is in that tier)'],
		['valueTier', { minimumAB: true }, 'Learned value-tier state: minimumAB is true (expected a finite number, or null when no customer of the base is in that tier)'],
		['valueTier', { minimumA: 500, minimumAB: 600 }, "Learned value-tier state: minimumAB is 600 (expected a number of at most minimumA (500): the smallest revenue in tiers A or B, which tier A's customers are among)"],
		['valueTier', { minimumA: 500, minimumAB: null }, "Learned value-tier state: minimumAB is null (expected a number of at most minimumA (500): the smallest revenue in tiers A or B, which tier A's customers are among)"],
		// Read as every date is: a number is a date only with an epoch's digits (an epoch or a Date object is one).
		[
			'valueTier',
			{ asOf: 20260601 },
			'Learned state: field "asOf" is 20260601, which is a number but not an epoch time (expected a date from 1900-01-01 to 2199-12-31: epoch seconds (9-11 digits) or milliseconds (12-13 digits), or ISO 8601, YYYY-MM-DD, YYYY/MM/DD, YYYYMMDD or epoch seconds/milliseconds)',
		],
		['rfm', { kind: 'valueTierThresholds' }, 'Learned RFM state: kind is "valueTierThresholds" (expected "rfmCutPoints": the learned item of a Segment Customer run with RFM)'],
		['rfm', { frequency: [1, 2, 'x', 4] }, 'Learned RFM state: frequency[2] is "x" (expected a number or null)'],
		['rfm', { monetary: [1, 2] }, 'Learned RFM state: monetary is [1,2] (expected 4 boundaries for 5 bins)'],
		['rfm', { monetary: [4, 3, 2, 1] }, 'Learned RFM state: monetary is [4,3,2,1] (expected boundaries running upwards, null last)'],
	])('%s with %j stops the run naming the field, the value and what was expected', async (method, change, message) => {
		const result = await apply(method, { ...(await learnedState(method)), ...change });
		expect(result.json(NODE_UNDER_TEST, 2).map((e) => String(e.error))).toEqual(customers().map(() => message));
	});
});
