import type { IDataObject } from 'n8n-workflow';
import { NODE_UNDER_TEST, runNode } from '../helpers/runWorkflow';

/**
 * Page states are those some run could have made, and a run writes only such states. A page state counts at
 * most as many customers per group as there are people (PLAUSIBLE.customers, 1e10): a group of 1e300 or 2^60
 * customers merged into a result that said every customer had the same value (the spread underflowed), or
 * printed a customer count with lost digits. Its values are within what Measure Uplift reads for the outcome.
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

describe('Measure Uplift refuses page states whose values no customer of the outcome has', () => {
	// Satisfaction scores are read within ±1,000,000 (the ends a rating scale may have); revenue within ±1e13.
	it.each([
		['a satisfaction mean of 5e12', 'satisfaction', moments(2, 1e13, 5e25)],
		['a satisfaction score of -2,000,000', 'satisfaction', moments(3, -6e6, 1.2e13)],
		['a revenue of 2e13', 'revenue', moments(2, 4e13, 8e26)],
	])('%s: an item error, no result', async (_label, outcome, treatment) => {
		const result = await measure({ outcomes: { [outcome]: { kind: 'mean', strata: { '': { treatment, holdout } } } } });
		expect(result.json(NODE_UNDER_TEST, 0)).toEqual([]);
		expect(result.json(NODE_UNDER_TEST, 1).map((e) => e.error)).toEqual([
			expect.stringMatching(new RegExp(`^Item 0: field "state" is .*outcome "${outcome}", stratum "" has no valid treatment and holdout statistics`)),
		]);
	});

	it('merges scores at the ends a satisfaction value may have, and revenue up to 1e13', async () => {
		const result = await measure({
			outcomes: {
				satisfaction: { kind: 'mean', strata: { '': { treatment: moments(2, 1e6, 1e12), holdout: moments(2, -2e6, 2e12) } } },
				revenue: { kind: 'mean', strata: { '': { treatment: moments(2, 1e13, 1e26), holdout: moments(2, 0, 2e26) } } },
			},
		});
		expect(result.json(NODE_UNDER_TEST, 1)).toEqual([]);
		expect(result.json(NODE_UNDER_TEST, 0).map((r) => [r.outcome, (r.treatment as IDataObject).mean, (r.holdout as IDataObject).mean])).toEqual([
			['satisfaction', 5e5, -1e6],
			['revenue', 5e12, 0],
		]);
	});
});

describe('Measure Uplift merging page states with Include Page State on', () => {
	const merge = (items: IDataObject[]) =>
		runNode({ type: 'measureCareImpact', parameters: { operation: 'measureUplift', input: 'pageStates', upliftOptions: { includeState: true } }, items, onError: 'continueErrorOutput' });

	it('writes no state when every page was refused (its state of no outcome was one the next merge refused)', async () => {
		const result = await merge([{ state: 'not json' }, { state: { outcomes: {} } }]);
		expect(result.json(NODE_UNDER_TEST, 0)).toEqual([]);
		expect(result.json(NODE_UNDER_TEST, 1).map((e) => e.error)).toEqual([expect.stringMatching(/^Item 0: field "state"/), expect.stringMatching(/^Item 1: field "state"/)]);
	});

	it('writes a merged state that merges again', async () => {
		const page = { outcomes: { revenue: { kind: 'mean', strata: { '': { treatment: moments(3, 6, 14), holdout } } } } };
		const merged = (await merge([{ state: page }, { state: 'not json' }])).json(NODE_UNDER_TEST, 0).find((j) => j.kind === 'state')!;
		const again = await merge([merged]);
		expect(again.json(NODE_UNDER_TEST, 1)).toEqual([]);
		expect(again.json(NODE_UNDER_TEST, 0).map((j) => j.kind)).toEqual(['uplift', 'state']);
	});
});
