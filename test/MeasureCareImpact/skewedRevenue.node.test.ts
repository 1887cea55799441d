import type { IDataObject } from 'n8n-workflow';
import { runNode, NODE_UNDER_TEST } from '../helpers/runWorkflow';
import { revenueDraw, seededRandom } from '../impact/simulate';

/**
 * Revenue few customers produce, with a small holdout: Welch's interval can exclude 0 on noise (calibration.test.ts
 * measures it). The node checks each mean's result by Kohavi's rule (on each group's own third moment and on the pooled one)
 * and then claims no effect: verdict
 * "inconclusive", significant false, reliable false, and a caution naming the skewed group, its customers and the
 * customers the rule asks for. Checked here through the engine against a two-pass computation of the rule.
 */

const KOHAVI = 355;

interface Shape {
	n: number;
	m2: number;
	m3: number;
}

const shapeOf = (values: number[]): Shape => {
	const n = values.length;
	const mean = values.reduce((s, x) => s + x, 0) / n;
	return { n, m2: values.reduce((s, x) => s + (x - mean) ** 2, 0) / n, m3: values.reduce((s, x) => s + (x - mean) ** 3, 0) / n };
};

/**
 * Kohavi's rule on the difference of two means, by plain two-pass sums: reliable unless the difference's skewness
 * fails the rule both with each group's own third central moment and with the one pooled from both groups; the
 * groups failing the rule with their own skewness.
 */
function expectedCheck(treatment: number[], holdout: number[]) {
	const [t, h] = [shapeOf(treatment), shapeOf(holdout)];
	const fails = (m3T: number, m3H: number) => Math.abs((m3T / t.n ** 2 - m3H / h.n ** 2) / (t.m2 / t.n + h.m2 / h.n) ** 1.5) >= 1 / Math.sqrt(KOHAVI);
	const pooled = (t.n * t.m3 + h.n * h.m3) / (t.n + h.n);
	const reliable = !(fails(t.m3, h.m3) && fails(pooled, pooled));
	const skewed = reliable
		? []
		: ([['treatment', t], ['holdout', h]] as Array<[string, Shape]>)
				.map(([group, s]) => ({ group, customers: s.n, skewness: s.m3 / s.m2 ** 1.5, required: Math.floor(KOHAVI * (s.m3 / s.m2 ** 1.5) ** 2) + 1 }))
				.filter((g) => g.customers < g.required);
	return { reliable, skewed };
}

/**
 * Two strata, 5% held out exactly: occasional buyers (2,000 customers, 15% of the treated and 10% of the held out
 * buy: skewed, 100 held out) and subscribers (4,000 customers paying about 200 each: no skew).
 */
function customers(seed: number): IDataObject[] {
	const random = seededRandom(seed);
	const items: IDataObject[] = [];
	for (let i = 0; i < 2000; i++) {
		const holdout = i % 20 === 0;
		items.push({ customerId: `O${i}`, impact: { group: holdout ? 'holdout' : 'treatment', stratum: 'occasional' }, revenue: revenueDraw(random, holdout ? 0.1 : 0.15, 200) });
		items[items.length - 1].converted = (items[items.length - 1].revenue as number) > 0 ? 1 : 0;
	}
	for (let i = 0; i < 4000; i++) {
		const holdout = i % 20 === 0;
		const u = random() + random() + random() + random() - 2;
		items.push({ customerId: `S${i}`, impact: { group: holdout ? 'holdout' : 'treatment', stratum: 'subscribers' }, converted: 1, revenue: Math.round((200 + 60 * u) * 100) / 100 });
	}
	return items;
}

const valuesOf = (items: IDataObject[], group: string, stratum?: string) =>
	items.filter((c) => (c.impact as IDataObject).group === group && (stratum === undefined || (c.impact as IDataObject).stratum === stratum)).map((c) => c.revenue as number);

const PARAMETERS = { operation: 'measureUplift', campaign: 'win-back', conversionColumn: 'converted', stratumColumn: 'impact.stratum', costPerContact: 0 };
const measure = (items: IDataObject[], parameters: IDataObject = {}) => runNode({ type: 'measureCareImpact', parameters: { ...PARAMETERS, ...parameters }, items });

type Result = IDataObject & { outcome: string; stratum: string | null; verdict: string; significant: boolean; reliable: boolean | null; caution: string | null; sentence: string; uplift: { lower: number; upper: number } };

describe('Measure Uplift: skewed revenue in a small holdout claims no effect, and says why', () => {
	const items = customers(4);

	it('per stratum and for all customers: reliable and caution as Kohavi\'s rule gives them; a flagged result is inconclusive although its interval excludes 0', async () => {
		const results = (await measure(items)).json(NODE_UNDER_TEST, 0) as Result[];
		const revenue = results.filter((r) => r.outcome === 'revenue');
		expect(revenue.map((r) => r.stratum)).toEqual([null, 'occasional', 'subscribers']);
		for (const r of revenue) {
			const stratum = r.stratum ?? undefined;
			const expected = expectedCheck(valuesOf(items, 'treatment', stratum), valuesOf(items, 'holdout', stratum));
			expect(r.reliable).toBe(expected.reliable);
			if (expected.reliable) {
				expect(r.caution).toBeNull();
				continue;
			}
			expect(r.verdict).toBe('inconclusive');
			expect(r.significant).toBe(false);
			expect(expected.skewed.length).toBeGreaterThan(0);
			for (const g of expected.skewed) {
				expect(r.caution).toContain(`the ${g.group}'s values are too skewed (skewness ${g.skewness.toFixed(1)}) for its ${g.customers} customers, which asks for at least ${g.required}`);
			}
			expect(r.sentence).toContain(`showed no clear effect on 30-day revenue per customer`);
			expect(r.sentence).toContain(r.caution!);
		}
		const [all, occasional, subscribers] = revenue;
		// The data this checks: the occasional buyers' Welch interval excludes 0 (it would have said "increase"), and
		// the subscribers' and all customers' pass the check (the subscribers' spread dwarfs the buyers' skew).
		expect(occasional.reliable).toBe(false);
		expect(occasional.uplift.lower).toBeGreaterThan(0);
		expect([subscribers.reliable, all.reliable]).toEqual([true, true]);
		// Rates need no check.
		for (const r of results.filter((x) => x.outcome === 'conversion')) expect([r.reliable, r.caution]).toEqual([true, null]);
	});

	it('in Chinese too', async () => {
		const [, occasional] = ((await measure(items, { language: 'zh-CN' })).json(NODE_UNDER_TEST, 0) as Result[]).filter((r) => r.outcome === 'revenue');
		const expected = expectedCheck(valuesOf(items, 'treatment', 'occasional'), valuesOf(items, 'holdout', 'occasional'));
		for (const g of expected.skewed) {
			expect(occasional.caution).toContain(`${g.group === 'holdout' ? '对照组' : '干预组'}的分布过于偏斜（偏度 ${g.skewness.toFixed(1)}），${g.customers} 人不够，需要至少 ${g.required} 人`);
		}
		expect(occasional.caution).toMatch(/^不宣称效果：.*Kohavi 经验法则：n > 355 × 偏度²），区间和 p 值可能偏离真实效果。$/);
		expect(occasional.sentence).toContain('没有可确认的效果');
	});

	it('pages merged give the one run\'s check; states written before the sum of cubes say the check could not be made', async () => {
		const oneRun = (await measure(items)).json(NODE_UNDER_TEST, 0);
		const stateOf = async (page: IDataObject[]) => (await measure(page, { upliftOptions: { includeState: true } })).json(NODE_UNDER_TEST, 0).find((j) => j.kind === 'state')!;
		const states = [await stateOf(items.slice(0, 777)), await stateOf(items.slice(777, 3100)), await stateOf(items.slice(3100))];
		expect((await measure([states[2], states[0], states[1]], { input: 'pageStates' })).json(NODE_UNDER_TEST, 0)).toEqual(oneRun);

		// An old page: its groups without sumOfCubes.
		const old = JSON.parse(JSON.stringify(states[1])) as IDataObject & { state: { outcomes: Record<string, { strata: Record<string, Record<string, IDataObject>> }> } };
		for (const outcome of Object.values(old.state.outcomes)) for (const cell of Object.values(outcome.strata)) for (const group of Object.values(cell)) delete group.sumOfCubes;
		const merged = (await measure([states[0], old, states[2]], { input: 'pageStates' })).json(NODE_UNDER_TEST, 0) as Result[];
		const before = oneRun as Result[];
		for (const [i, r] of merged.entries()) {
			if (r.outcome !== 'revenue') {
				expect(r).toEqual(before[i]);
				continue;
			}
			expect(r.reliable).toBeNull();
			expect(r.caution).toBe('The skewness check could not be made: the page states were written before they kept the sum of cubes; with skewed values and a small group the interval may miss the true effect.');
			expect(r.sentence.endsWith(` ${r.caution}`)).toBe(true);
			// Without the check, the verdict is the interval's, as before.
			expect(r.verdict).toBe(r.uplift.lower > 0 ? 'increase' : r.uplift.upper < 0 ? 'decrease' : 'inconclusive');
		}
	});
});
