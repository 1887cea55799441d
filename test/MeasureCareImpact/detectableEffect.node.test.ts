import type { IDataObject } from 'n8n-workflow';
import { runNode, NODE_UNDER_TEST } from '../helpers/runWorkflow';

/**
 * The minimum detectable effect goes with the test it describes. For a mean, Welch's interval uses
 * Student's t at the Welch–Satterthwaite degrees of freedom, so the effect detected 80% of the time is
 * (t(df, 1 − α/2) + t(df, 0.8)) × se; with few customers it is far larger than the normal formula says.
 */
const customers = (treatment: number[], holdout: number[]): IDataObject[] => [
	...treatment.map((revenue, i) => ({ customerId: `T${i}`, impact: { campaign: 'c', group: 'treatment' }, revenue, converted: 'no' })),
	...holdout.map((revenue, i) => ({ customerId: `H${i}`, impact: { campaign: 'c', group: 'holdout' }, revenue, converted: 'no' })),
];

async function revenueOf(items: IDataObject[]) {
	const result = await runNode({ type: 'measureCareImpact', parameters: { operation: 'measureUplift', campaign: 'c' }, items });
	expect(result.error).toBeUndefined();
	return result.json(NODE_UNDER_TEST, 0).find((j) => j.outcome === 'revenue') as IDataObject & {
		uplift: { absolute: number; lower: number; upper: number };
		minimumDetectableEffect: number;
		verdict: string;
		sentence: string;
	};
}

describe('Measure Uplift: the minimum detectable effect of a mean', () => {
	it('is at least the effect the interval needs to exclude 0, with three treated customers and a constant holdout', async () => {
		// se = √(100/3) = 5.7735, df = 2 (the holdout has no variance): t(2, 0.975) = 4.302653, t(2, 0.8) = 1.060660 (scipy).
		const r = await revenueOf(customers([10, 20, 30], [0, 0, 0]));
		expect(r.verdict).toBe('inconclusive');
		expect(r.uplift.absolute).toBe(20);
		expect(r.minimumDetectableEffect).toBeCloseTo((4.302653 + 1.06066) * Math.sqrt(100 / 3), 4);
		// An observed effect of 20 that the interval does not separate from 0 is below the effect named as detectable.
		expect(r.minimumDetectableEffect).toBeGreaterThan(r.uplift.absolute);
		expect(r.sentence).toMatch(/only an effect of at least 30\.97 would be detected 80% of the time\.$/);
	});

	it('equals the t formula at the Welch degrees of freedom for unequal groups', async () => {
		// Treatment 1..5: variance 2.5, n 5; holdout 0,2: variance 2, n 2. va = 0.5, vb = 1, se = √1.5,
		// df = 1.5² / (0.25/4 + 1/1) = 36/17; t quantiles at that df (scipy.stats.t.ppf: 4.0815118, 1.0462660).
		const r = await revenueOf(customers([1, 2, 3, 4, 5], [0, 2]));
		expect(r.minimumDetectableEffect).toBeCloseTo((4.0815118 + 1.046266) * Math.sqrt(1.5), 5);
	});
});

describe('Measure Uplift: the minimum detectable effect of a rate', () => {
	const converted = (treatment: string[], holdout: string[]): IDataObject[] => [
		...treatment.map((c, i) => ({ customerId: `T${i}`, impact: { campaign: 'c', group: 'treatment' }, revenue: 0, converted: c })),
		...holdout.map((c, i) => ({ customerId: `H${i}`, impact: { campaign: 'c', group: 'holdout' }, revenue: 0, converted: c })),
	];
	const conversionOf = async (items: IDataObject[], language = 'en') => {
		const result = await runNode({ type: 'measureCareImpact', parameters: { operation: 'measureUplift', campaign: 'c', language }, items });
		expect(result.error).toBeUndefined();
		return result.json(NODE_UNDER_TEST, 0).find((j) => j.outcome === 'conversion') as IDataObject & { minimumDetectableEffect: number | null; verdict: string; sentence: string };
	};

	it('is null, not a difference of rates above 100 points, when no change of the rate could be detected', async () => {
		// One customer per group, 1 of 2 converted: the formula gives (1.96 + 0.84) × √(0.25 × 2) = 1.98, 198 points.
		const tiny = await conversionOf(converted(['yes'], ['no']));
		expect(tiny.verdict).toBe('inconclusive');
		expect(tiny.minimumDetectableEffect).toBeNull();
		expect(tiny.sentence).toMatch(/With these group sizes no change the overall rate allows would be detected 80% of the time\.$/);
		const zh = await conversionOf(converted(['yes', 'yes', 'no'], ['no', 'no', 'no']), 'zh-CN');
		expect(zh.minimumDetectableEffect).toBeNull();
		expect(zh.sentence).toMatch(/按目前的组规模，总体比率所容许的任何变化都没有 80% 的把握被检测出来。$/);
	});

	it('keeps an MDE the overall rate allows (Fleiss: pooled variance for the level, the two rates\' own for the power), and null with its own sentence when every customer had the same outcome', async () => {
		const outcomes = (yes: number, of: number) => Array.from({ length: of }, (_, i) => (i < yes ? 'yes' : 'no'));
		const some = await conversionOf(converted(outcomes(15, 50), outcomes(15, 50)));
		// Overall 30% in 50 and 50: δ = 1.959964 √(0.21 × 2/50) + 0.841621 √((pT qT + pH qH)/50), pT = 0.3 + δ/2, pH = 0.3 − δ/2.
		const d = some.minimumDetectableEffect!;
		const [pT, pH] = [0.3 + d / 2, 0.3 - d / 2];
		expect(1.959964 * Math.sqrt((0.21 * 2) / 50) + 0.841621 * Math.sqrt((pT * (1 - pT) + pH * (1 - pH)) / 50)).toBeCloseTo(d, 5);
		expect(d).toBeLessThan((1.959964 + 0.841621) * Math.sqrt((0.21 * 2) / 50));
		// 1 of 10 against 1 of 10: 37.6 points by the pooled formula, a rise from an overall 10% the rates cannot make (the holdout below 0%).
		const rare = await conversionOf(converted(outcomes(1, 10), outcomes(1, 10)));
		expect(rare.minimumDetectableEffect).toBeNull();
		expect(rare.sentence).toMatch(/no change the overall rate allows would be detected 80% of the time\.$/);
		const same = await conversionOf(converted(['no', 'no'], ['no', 'no']));
		expect(same.minimumDetectableEffect).toBeNull();
		expect(same.sentence).toMatch(/Every customer had the same outcome, so no minimum detectable effect can be given\.$/);
	});
});

describe('Measure Uplift sentences: a difference that rounds to zero', () => {
	it('is written +0.00, not −0.00', async () => {
		// Means 10.001 and 10.002: a difference of −0.001 shows as 0.00 at two decimals.
		const r = await revenueOf(customers([9, 11.002], [9, 11.004]));
		expect(r.uplift.absolute).toBeCloseTo(-0.001, 12);
		expect(r.sentence).toContain('(+0.00, 95% CI ');
		expect(r.sentence).not.toMatch(/−0\.00\b/);
	});
});
