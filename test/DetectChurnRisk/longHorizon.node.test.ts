import type { IDataObject } from 'n8n-workflow';
import { NODE_UNDER_TEST, runNode } from '../helpers/runWorkflow';

/**
 * A customer whose first purchase is at the As Of is scored in every input shape (README), also when
 * the horizon is long against the model's alpha: with daily buyers (alpha 0.05 days) over 10 years, or
 * alpha 0.000001 weeks over 26 weeks, the expected purchases' series stopped unfinished and the customer
 * was an error item 'hyp2f1(…) did not converge in 1000000 terms', naming no field.
 */
const asOf = '2024-07-01T00:00:00Z';

/** E over p ~ Beta(3, 8) of (1 − (1 + p w)^−k)/p by midpoints: the new customer's expected purchases. */
function newCustomerPurchases(k: number, w: number): number {
	const n = 2_000_000;
	let sum = 0;
	for (let i = 0; i < n; i++) {
		const p = (i + 0.5) / n;
		// Beta(3, 8) density: 360 p^2 (1 − p)^7.
		sum += 360 * p * p * Math.pow(1 - p, 7) * (-Math.expm1(-k * Math.log1p(p * w)) / p);
	}
	return sum / n;
}

async function score(parameters: IDataObject, items: IDataObject[]) {
	const result = await runNode({ type: 'detectChurnRisk', parameters: { inputShape: 'summary', modelSource: 'supplied', asOf, ...parameters }, items, onError: 'continueErrorOutput' });
	expect(result.error).toBeUndefined();
	expect(result.json(NODE_UNDER_TEST, 3)).toEqual([]);
	const scored = [...result.json(NODE_UNDER_TEST, 0), ...result.json(NODE_UNDER_TEST, 1)];
	return Object.fromEntries(scored.map((s) => [s.customerId, s.churn as IDataObject]));
}

describe('BG/NBD over a horizon long against alpha + T: every customer scored', () => {
	it('daily buyers, 10 years ahead: the customer new at the As Of gets its expected purchases', async () => {
		const items = [
			{ customerId: 'new', x: 0, tx: 0, T: 0 },
			{ customerId: 'repeat', x: 2, tx: 1, T: 3 },
			{ customerId: 'older', x: 0, tx: 0, T: 5 },
		];
		const byId = await score(
			{ method: 'bgNbd', timeUnit: 'days', horizon: 3650, suppliedParameters: JSON.stringify({ method: 'bgNbd', timeUnit: 'days', parameters: { r: 0.5, alpha: 0.05, a: 3, b: 8 } }) },
			items,
		);
		expect(Object.keys(byId).sort()).toEqual(['new', 'older', 'repeat']);
		expect(byId.new.expectedPurchases as number).toBeCloseTo(newCustomerPurchases(0.5, 3650 / 0.05), 3);
		for (const id of ['older', 'repeat']) expect(Number.isFinite(byId[id].expectedPurchases)).toBe(true);
	});

	it('alpha 0.000001 (the least a supplied parameter may be), 26 weeks: every customer scored', async () => {
		const items = [
			{ customerId: 'new', x: 0, tx: 0, T: 0 },
			{ customerId: 'repeat', x: 2, tx: 1, T: 3 },
		];
		const byId = await score({ method: 'bgNbd', suppliedParameters: JSON.stringify({ method: 'bgNbd', timeUnit: 'weeks', parameters: { r: 0.243, alpha: 1e-6, a: 0.793, b: 2.426 } }) }, items);
		expect(Object.keys(byId).sort()).toEqual(['new', 'repeat']);
		expect(Number.isFinite(byId.new.expectedPurchases)).toBe(true);
	});
});
