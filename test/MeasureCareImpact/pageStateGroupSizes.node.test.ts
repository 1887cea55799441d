import type { IDataObject } from 'n8n-workflow';
import { NODE_UNDER_TEST, runNode } from '../helpers/runWorkflow';

/**
 * A page state counts at most as many customers per group as there are people (PLAUSIBLE.customers, 1e10).
 * A state no run could have made (a group of 1e300 or 2^60 customers) merged into a result that said every
 * customer had the same value (the spread underflowed), or printed a customer count with lost digits.
 */
const measure = (state: IDataObject) =>
	runNode({
		type: 'measureCareImpact',
		parameters: { operation: 'measureUplift', input: 'pageStates', costPerContact: 1 },
		items: [{ state, campaign: 'spring' }],
		onError: 'continueErrorOutput',
	});

const moments = (n: number, sum: number, sumOfSquares: number) => ({ n, sum: [sum], sumOfSquares: [sumOfSquares] });
const holdout = moments(3, 3, 5);

describe('Measure Uplift refuses page states with more customers in a group than any page has', () => {
	it.each([
		['1e300 revenue customers', 'revenue', 'mean', moments(1e300, 1, 1)],
		['2^60 revenue customers', 'revenue', 'mean', moments(2 ** 60, 2 ** 60, 2 ** 61)],
		['1e300 customers of whom 1e299 converted', 'conversion', 'proportion', moments(1e300, 1e299, 1e299)],
		['one customer more than 1e10', 'conversion', 'proportion', moments(1e10 + 1, 5, 5)],
	])('%s: an item error, no result', async (_label, outcome, kind, treatment) => {
		const result = await measure({ outcomes: { [outcome]: { kind, strata: { '': { treatment, holdout: kind === 'mean' ? holdout : moments(3, 1, 1) } } } } });
		expect(result.error).toBeUndefined();
		expect(result.json(NODE_UNDER_TEST, 0)).toEqual([]);
		expect(result.json(NODE_UNDER_TEST, 1).map((e) => e.error)).toEqual([
			expect.stringMatching(new RegExp(`^Item 0: field "state" is .*outcome "${outcome}", stratum "" has no valid treatment and holdout statistics`)),
		]);
	});

	it('merges a group of 1e10 customers, the largest plausible, into finite numbers', async () => {
		const result = await measure({ outcomes: { conversion: { kind: 'proportion', strata: { '': { treatment: moments(1e10, 2e9, 2e9), holdout: moments(1e10, 1e9, 1e9) } } } } });
		const [uplift] = result.json(NODE_UNDER_TEST, 0);
		expect(uplift).toMatchObject({ verdict: 'increase', treatment: { customers: 1e10, conversions: 2e9 }, holdout: { customers: 1e10, conversions: 1e9 } });
		expect(result.json(NODE_UNDER_TEST, 1)).toEqual([]);
	});
});
