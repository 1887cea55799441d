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
	it.each([-5, -1e308])('%p stops the run', async (totalRevenue) => {
		const result = await apply('valueTier', { ...(await learnedState('valueTier')), totalRevenue });
		expect(result.json(NODE_UNDER_TEST, 2).map((e) => String(e.error))).toEqual(
			customers().map(() => expect.stringMatching(/^Learned value-tier state: expected an object with kind "valueTierThresholds", a finite totalRevenue of at least 0/)),
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
				.map(({ c, i }) => `Item ${i}: customer "${c.customerId}" has revenue ${c.totalSpend}, more than the whole base's ${totalRevenue} in the learned state; apply the state learned from this customer's base`),
		);
	});
});
