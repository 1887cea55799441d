import type { IDataObject } from 'n8n-workflow';
import { NODE_UNDER_TEST, runNode } from '../helpers/runWorkflow';

/**
 * An Annual Discount Rate (%) too small for sBG to value the future renewals is the run's parameter
 * error under every error setting: it was an error of each active subscriber of its own ('hyp2f1(…) did
 * not converge in 1000000 terms', naming no parameter) while the churned ones were scored.
 */
const asOf = '2024-07-01T00:00:00Z';
const parameters = {
	method: 'sbg',
	inputShape: 'subscriber',
	modelSource: 'supplied',
	suppliedParameters: JSON.stringify({ alpha: 0.704, beta: 1.182 }),
	renewalPeriod: 'month',
	asOf,
};
const items: IDataObject[] = [
	{ customerId: 'a', tenure: 3, active: true, periodValue: 30 },
	{ customerId: 'b', tenure: 40, active: true },
	{ customerId: 'c', tenure: 2, active: false },
];
const refusal = (percent: number) =>
	`Parameter "Annual Discount Rate (%)" is ${percent}, which is below 0.05, too little discount for sBG: the expected future renewals grow without bound as the discount goes to 0, and the sum that values them cannot be finished (expected a percentage of at least 0.05 with sBG)`;

describe('sBG: an Annual Discount Rate (%) too small to value renewals stops the run, naming the parameter', () => {
	it.each([0.01, 0.001, 1e-9])('%p %% a year', async (percent) => {
		const stopped = await runNode({ type: 'detectChurnRisk', parameters: { ...parameters, annualDiscountRate: percent }, items });
		expect(stopped.error?.message).toBe(refusal(percent));

		const errorOutput = await runNode({ type: 'detectChurnRisk', parameters: { ...parameters, annualDiscountRate: percent }, items, onError: 'continueErrorOutput' });
		expect(errorOutput.error).toBeUndefined();
		expect([0, 1, 2].map((o) => errorOutput.json(NODE_UNDER_TEST, o))).toEqual([[], [], []]);
		expect(errorOutput.json(NODE_UNDER_TEST, 3)).toEqual(items.map(() => ({ error: refusal(percent) })));

		const regular = await runNode({ type: 'detectChurnRisk', parameters: { ...parameters, annualDiscountRate: percent }, items, onError: 'continueRegularOutput' });
		expect(regular.json(NODE_UNDER_TEST, 0)).toEqual(items.map(() => ({ error: refusal(percent) })));
	});

	it('0.05 % a year is scored: every active subscriber gets its finite discounted renewals, equal to the term-by-term sum', async () => {
		const result = await runNode({ type: 'detectChurnRisk', parameters: { ...parameters, annualDiscountRate: 0.05 }, items, onError: 'continueErrorOutput' });
		expect(result.error).toBeUndefined();
		expect(result.json(NODE_UNDER_TEST, 3)).toEqual([]);
		const scored = [...result.json(NODE_UNDER_TEST, 0), ...result.json(NODE_UNDER_TEST, 1)];
		const byId = Object.fromEntries(scored.map((s) => [s.customerId, s.churn as IDataObject]));
		const d = Math.pow(1.0005, 1 / 12) - 1;
		for (const [id, tenure] of [['a', 3], ['b', 40]] as const) {
			let stay = 1;
			let sum = 0;
			let discount = 1;
			for (let k = 0; k < 3_000_000; k++) {
				const t = tenure + 1 + k;
				stay *= (1.182 + t - 1) / (0.704 + 1.182 + t - 1);
				sum += stay * discount;
				discount /= 1 + d;
			}
			expect(byId[id].expectedRenewals as number).toBeCloseTo(sum, 2);
		}
		expect(byId.c).toMatchObject({ probabilityAlive: 0, expectedRenewals: 0 });
	});
});
