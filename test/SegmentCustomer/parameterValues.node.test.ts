import type { IDataObject } from 'n8n-workflow';
import { NODE_UNDER_TEST, runNode } from '../helpers/runWorkflow';

/**
 * A number parameter that cannot work (cleared, text, negative, a bin count RFM has no grid for)
 * stops the run with a message naming it, or under Continue sends every item to the error output with
 * that message: never read as 0 or NaN, never an internal error.
 */
const customers = (): IDataObject[] =>
	Array.from({ length: 6 }, (_, i) => ({ customerId: `C${i}`, firstPurchaseAt: '2025-01-0' + (i + 1), lastPurchaseAt: `2026-0${1 + (i % 5)}-10`, orderCount: 1 + i, totalSpend: 100 * (i + 1) }));

async function stopped(parameters: IDataObject) {
	const result = await runNode({ type: 'segmentCustomer', parameters: { asOf: '2026-06-01', ...parameters }, items: customers() });
	return result.error?.message;
}

describe('Segment Customer number parameters', () => {
	it.each([
		[{ method: 'rfm', rfmBins: 0 }, '"Score Bins" must be one of 3, 4, 5, 10; got 0'],
		[{ method: 'rfm', rfmBins: 7 }, '"Score Bins" must be one of 3, 4, 5, 10; got 7'],
		[{ method: 'rfm', rfmBins: null }, '"Score Bins" must be one of 3, 4, 5, 10; got null'],
		// Number() read "0b101" as 5 and true as 1 (not a choice, but the same path).
		[{ method: 'rfm', rfmBins: '={{ "0b101" }}' }, '"Score Bins" must be one of 3, 4, 5, 10; got "0b101"'],
		[{ method: 'rfm', rfmBins: '={{ "5" }}' }, undefined],
		[{ method: 'lifecycle', newWithinDays: null }, '"New Within (Days)" must be a number; got null'],
		[{ method: 'lifecycle', newWithinDays: 'abc' }, '"New Within (Days)" must be a number; got "abc"'],
		[{ method: 'lifecycle', newWithinDays: -5 }, '"New Within (Days)" must be at least 0; got -5'],
		[{ method: 'lifecycle', lifecycleMode: 'ownInterval', atRiskWithinIntervals: '' }, '"At Risk Within (Intervals)" must be a number; got ""'],
		[{ method: 'valueTier', tierAShare: null }, '"Tier A Revenue Share (%)" must be a number; got null'],
		[{ method: 'valueTier', tierBShare: '' }, '"Tier A+B Revenue Share (%)" must be a number; got ""'],
	])('%j', async (parameters, message) => {
		expect(await stopped(parameters)).toBe(message);
	});

	it('under Continue (using error output) every item leaves on the error output with the reason', async () => {
		const items = customers();
		const result = await runNode({ type: 'segmentCustomer', parameters: { method: 'rfm', rfmBins: 0, asOf: '2026-06-01' }, items, onError: 'continueErrorOutput' });
		expect(result.error).toBeUndefined();
		expect(result.json(NODE_UNDER_TEST, 0)).toEqual([]);
		expect(result.json(NODE_UNDER_TEST, 2).map((e) => e.error)).toEqual(items.map(() => '"Score Bins" must be one of 3, 4, 5, 10; got 0'));
	});
});
