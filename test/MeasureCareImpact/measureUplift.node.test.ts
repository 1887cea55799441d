import type { IDataObject } from 'n8n-workflow';
import { runNode, NODE_UNDER_TEST } from '../helpers/runWorkflow';
import { revenueDraw, seededRandom } from '../impact/simulate';

type Json = IDataObject & { outcome?: string; stratum?: string | null };

/** Customers as a measurement query returns them: group and stratum from Assign Holdout, outcomes observed after 30 days. */
function campaignCustomers(n: number, seed: number): IDataObject[] {
	const random = seededRandom(seed);
	const levels = ['high', 'critical'];
	return Array.from({ length: n }, (_, i) => {
		const holdout = random() < 0.2;
		const level = levels[i % 2];
		const p = (holdout ? 0.08 : 0.12) + (level === 'critical' ? -0.03 : 0.03);
		const revenue = revenueDraw(random, p, 200);
		return {
			customerId: `C${i}`,
			impact: { campaign: 'win-back', group: holdout ? 'holdout' : 'treatment', stratum: level },
			converted: revenue > 0 ? 'yes' : 'no',
			revenue: i % 7 === 0 ? `¥${revenue.toFixed(2)}` : revenue,
		};
	});
}

const PARAMETERS = { operation: 'measureUplift', campaign: 'win-back', costPerContact: 2, marginPercent: 40, upliftOptions: { conversionName: 'repurchase' } };
const measure = (items: IDataObject[], parameters: IDataObject = {}, onError?: 'continueErrorOutput' | 'continueRegularOutput') =>
	runNode({ type: 'measureCareImpact', parameters: { ...PARAMETERS, ...parameters }, items, onError });

describe('Measure Care Impact: Measure Uplift in the engine', () => {
	it('gives one result per outcome, paired with every customer, with rates, interval, p-value, MDE, increments, ROI and a sentence', async () => {
		const items = campaignCustomers(3000, 7);
		const result = await measure(items);
		const out = result.items(NODE_UNDER_TEST, 0);
		expect(out.map((i) => i.json.outcome)).toEqual(['conversion', 'revenue']);
		for (const item of out) expect((item.pairedItem as Array<{ item: number }>).map((p) => p.item)).toEqual(items.map((_, i) => i));
		const [conversion, revenue] = out.map((i) => i.json as Json);
		// Recount by hand.
		const groupOf = (g: string) => items.filter((c) => (c.impact as { group: string }).group === g);
		const t = groupOf('treatment');
		const h = groupOf('holdout');
		const rate = (list: IDataObject[]) => list.filter((c) => c.converted === 'yes').length / list.length;
		expect(conversion.treatment).toEqual({ customers: t.length, conversions: t.filter((c) => c.converted === 'yes').length, rate: rate(t) });
		expect(conversion.holdout).toMatchObject({ customers: h.length, rate: rate(h) });
		const uplift = conversion.uplift as { absolute: number; lower: number; upper: number; pValue: number; method: string; relative: number };
		expect(uplift.absolute).toBeCloseTo(rate(t) - rate(h), 15);
		expect(uplift.relative).toBeCloseTo((rate(t) - rate(h)) / rate(h), 12);
		expect(uplift.method).toBe('newcombeHybridScore');
		expect(uplift.lower).toBeLessThan(uplift.absolute);
		expect(uplift.upper).toBeGreaterThan(uplift.absolute);
		expect(conversion.verdict).toBe(uplift.lower > 0 ? 'increase' : 'inconclusive');
		expect(conversion.incremental).toEqual({ conversions: { estimate: t.length * uplift.absolute, lower: t.length * uplift.lower, upper: t.length * uplift.upper } });
		expect(conversion.sentence).toMatch(/^The win-back campaign (raised 30-day repurchase from \d+\.\d% to \d+\.\d% \(\+\d+\.\d points, 95% CI [+−]\d+\.\d to \+\d+\.\d\)\.|showed no clear effect)/);
		const money = (c: IDataObject) => Number(String(c.revenue).replace('¥', ''));
		const mean = (list: IDataObject[]) => list.reduce((s, c) => s + money(c), 0) / list.length;
		const r = revenue as IDataObject & { treatment: { mean: number }; holdout: { mean: number }; uplift: { absolute: number; method: string; lower: number; upper: number }; roi: { cost: number; roi: { estimate: number } } };
		expect(r.treatment.mean).toBeCloseTo(mean(t), 9);
		expect(r.holdout.mean).toBeCloseTo(mean(h), 9);
		expect(r.uplift.method).toBe('welch');
		expect(r.roi.cost).toBe(2 * t.length);
		expect(r.roi.roi.estimate).toBeCloseTo((0.4 * t.length * r.uplift.absolute - 2 * t.length) / (2 * t.length), 9);
		expect(JSON.stringify(out.map((i) => i.json))).not.toMatch(/NaN|Infinity/);
	});

	it('reports each stratum next to all customers, each paired with its own customers, and speaks Chinese', async () => {
		const items = campaignCustomers(2000, 8);
		const result = await measure(items, { stratumColumn: 'impact.stratum', language: 'zh-CN', revenueColumn: '' });
		const out = result.items(NODE_UNDER_TEST, 0);
		expect(out.map((i) => [i.json.outcome, i.json.stratum])).toEqual([
			['conversion', null],
			['conversion', 'critical'],
			['conversion', 'high'],
		]);
		const critical = items.map((c, i) => [c, i] as const).filter(([c]) => (c.impact as { stratum: string }).stratum === 'critical').map(([, i]) => i);
		expect((out[1].pairedItem as Array<{ item: number }>).map((p) => p.item)).toEqual(critical);
		const counts = out.slice(1).map((i) => (i.json.treatment as { customers: number }).customers + (i.json.holdout as { customers: number }).customers);
		expect(counts).toEqual([1000, 1000]);
		expect(out[1].json.sentence).toMatch(/^分层“critical”：“win-back”(使30天repurchase从 \d+\.\d% (提升到|降低到)|对30天repurchase没有可确认的效果)/);
	});

	it('says honestly when a sample is too small instead of giving a verdict', async () => {
		const items = [
			{ impact: { group: 'treatment' }, converted: true, revenue: 10 },
			{ impact: { group: 'treatment' }, converted: false, revenue: 0 },
			{ impact: { group: 'holdout' }, converted: false, revenue: 0 },
		];
		const [conversion, revenue] = (await measure(items)).json(NODE_UNDER_TEST, 0);
		expect(conversion.verdict).toBe('inconclusive');
		// 2 against 1 customer: the normal formula's 161.7 points is no difference of rates; the sentence says none is detectable.
		expect(conversion.minimumDetectableEffect).toBeNull();
		expect(conversion.sentence).toContain('no change the overall rate allows would be detected');
		expect(revenue.verdict).toBe('notMeasurable');
		expect(revenue.uplift).toMatchObject({ lower: null, upper: null, pValue: null });
		expect(revenue.sentence).toBe("30-day revenue per customer cannot be measured: 2 treatment and 1 holdout customers (the holdout has 1 customer, and a mean's interval needs at least 2 in each group).");
	});

	// 1 customer in each group gave an ROI and reliable: true next to verdict notMeasurable: a money figure and a
	// claim of reliability from a difference of two customers, with no interval behind it.
	it.each([
		[
			'one customer in each group',
			[
				{ impact: { group: 'treatment' }, converted: true, revenue: 80 },
				{ impact: { group: 'holdout' }, converted: false, revenue: 0 },
			],
			"each group has 1 customer, and a mean's interval needs at least 2 in each group",
			'两组各只有 1 人，均值的区间每组至少需要 2 人',
		],
		[
			'every customer of each group alike',
			[
				...Array.from({ length: 3 }, () => ({ impact: { group: 'treatment' }, converted: true, revenue: 50 })),
				...Array.from({ length: 2 }, () => ({ impact: { group: 'holdout' }, converted: true, revenue: 20 })),
			],
			'every customer of each group has the same value (treatment 50.00, holdout 20.00), so the spread cannot be estimated',
			'每组内所有客户的数值都相同（干预组 50.00，对照组 20.00），无法估计离散程度',
		],
		[
			'an empty holdout',
			[{ impact: { group: 'treatment' }, converted: true, revenue: 80 }],
			'the holdout has no customers',
			'对照组没有客户',
		],
	])('%s: no reliability, increment or ROI when the uplift cannot be measured, and a caution saying why', async (_name, items, why, zhWhy) => {
		const results = (await measure(items.map((item, i) => ({ customerId: `C${i}`, ...item })))).json(NODE_UNDER_TEST, 0);
		const revenue = results.find((r) => r.outcome === 'revenue')!;
		expect(revenue).toMatchObject({ verdict: 'notMeasurable', significant: false, reliable: null, incremental: null, roi: null, minimumDetectableEffect: null });
		expect(revenue.uplift).toMatchObject({ lower: null, upper: null, pValue: null });
		expect(revenue.caution).toBe(`Not measurable, so no interval, verdict, reliability, increment or ROI is given: ${why}.`);
		expect(revenue.sentence).toMatch(new RegExp(`^30-day revenue per customer cannot be measured: \\d+ treatment and \\d+ holdout customers \\(${why.replace(/[().]/g, '\\$&')}\\)\\.$`));
		// A rate has its interval from one customer a group; with none in a group it is not measurable either.
		const conversion = results.find((r) => r.outcome === 'conversion')!;
		if (conversion.verdict === 'notMeasurable') expect(conversion).toMatchObject({ reliable: null, incremental: null, caution: expect.stringContaining('Not measurable') });
		else expect(conversion).toMatchObject({ reliable: true, caution: null, incremental: { conversions: expect.any(Object) } });
		const zh = (await measure(items.map((item, i) => ({ customerId: `C${i}`, ...item })), { language: 'zh-CN' })).json(NODE_UNDER_TEST, 0);
		expect(zh.find((r) => r.outcome === 'revenue')!.caution).toBe(`无法衡量，因此不给出区间、结论、可靠性、增量和投资回报：${zhWhy}。`);
	});

	it('7 uneven pages measured separately and merged give exactly the one-run result', async () => {
		const items = campaignCustomers(5000, 9);
		const parameters = { stratumColumn: 'impact.stratum', satisfactionColumn: 'score' };
		const random = seededRandom(3);
		for (const item of items) item.score = Math.floor(random() * 11) + 0.5 * Math.floor(random() * 2);
		const oneRun = (await measure(items, parameters)).json(NODE_UNDER_TEST, 0);
		const cuts = [0, 1, 13, 700, 701, 2400, 4100, 5000];
		const states: IDataObject[] = [];
		for (let p = 0; p < 7; p++) {
			const page = (await measure(items.slice(cuts[p], cuts[p + 1]), { ...parameters, upliftOptions: { ...PARAMETERS.upliftOptions, includeState: true } })).json(NODE_UNDER_TEST, 0);
			const state = page.filter((j) => j.kind === 'state');
			expect(state).toHaveLength(1);
			states.push(state[0]);
		}
		// Pages arrive in any order.
		const merged = await measure([states[4], states[0], states[6], states[2], states[1], states[5], states[3]], { input: 'pageStates' });
		const out = merged.items(NODE_UNDER_TEST, 0);
		expect(out.map((i) => i.json)).toEqual(oneRun);
		expect(out[0].pairedItem).toHaveLength(7);
	});

	it('rejects bad items one by one, naming field, value and expected form; the rest are measured', async () => {
		const items: IDataObject[] = [
			{ impact: { group: 'treatment' }, converted: 1, revenue: 5 },
			{ impact: { group: 'holdout' }, converted: 0, revenue: 0 },
			{ impact: { group: 'tretment' }, converted: 1, revenue: 5 },
			{ impact: { group: 'holdout' }, converted: 'maybe', revenue: 0 },
			{ impact: { group: 'holdout' }, converted: 0, revenue: 'lots' },
			{ impact: { group: 'treatment' }, converted: null, revenue: 1 },
		];
		const stopped = await measure(items);
		expect(stopped.error?.message).toBe('Item 2: field "impact.group" is "tretment", which is not a group (expected "treatment" or "holdout", as Assign Holdout writes it)');
		const routed = await measure(items, {}, 'continueErrorOutput');
		expect(routed.json(NODE_UNDER_TEST, 1)).toEqual([
			{ error: 'Item 2: field "impact.group" is "tretment", which is not a group (expected "treatment" or "holdout", as Assign Holdout writes it)' },
			{ error: 'Item 3: field "converted" is "maybe", which is not yes or no (expected true/false, yes/no or 1/0 (write 0 or false for customers without the outcome))' },
			{ error: 'Item 4: field "revenue" is "lots", which is not an amount of money (expected an amount, like 1234.50, "1,234.50" or "¥1,234.50")' },
			{ error: 'Item 5: field "converted" is null, which is empty (expected true/false, yes/no or 1/0 (write 0 or false for customers without the outcome))' },
		]);
		const results = routed.items(NODE_UNDER_TEST, 0);
		// The rejected items count nowhere (not even in outcomes read before the bad one) and are not paired.
		expect(results.map((r) => [(r.json.treatment as { customers: number }).customers, (r.json.holdout as { customers: number }).customers])).toEqual([[1, 1], [1, 1]]);
		expect(results[0].pairedItem).toEqual([{ item: 0 }, { item: 1 }]);
		const noOutcome = await measure(items.slice(0, 2), { conversionColumn: '', revenueColumn: '' });
		expect(noOutcome.error?.message).toBe('No outcome to measure: Converted, Revenue, Retained and Satisfaction Column are all empty (expected at least one of them filled in)');
		const badState = await measure([{ state: { outcomes: { x: { kind: 'mode' } } } }], { input: 'pageStates' });
		expect(badState.error?.message).toMatch(/^Item 0: field "state" is .*has an outcome "x", which is none of conversion, revenue, retention, satisfaction/);
	});

	// No NaN or Infinity may leave the node: a value or parameter that would make one is refused, naming it,
	// and the extremes that are allowed are measured with finite numbers.
	const finite = (out: IDataObject[]) => expect(JSON.stringify(out, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? `!${v}` : v))).not.toMatch(/!(NaN|-?Infinity)/);
	const scored = (scores: number[]) => scores.map((score, i) => ({ impact: { group: i % 3 ? 'treatment' : 'holdout' }, score }));
	const satisfactionOnly = { conversionColumn: '', revenueColumn: '', satisfactionColumn: 'score' };

	it.each([
		['1e200', [0, 1e200, 2e200, 3e200, 4e200, 5e200], 'above 1000000'],
		['-1e7', [1, 2, -1e7, 4, 5, 6], 'below -1000000'],
		['1e300', [1e300, 1.1e300, 1.2e300, 1.3e300, 1.4e300, 1.5e300], 'above 1000000'],
	])('refuses a satisfaction score of %s, whose square overflows the variance, as an item error', async (_label, scores, problem) => {
		const result = await measure(scored(scores), satisfactionOnly, 'continueErrorOutput');
		expect(result.json(NODE_UNDER_TEST, 1).map((e) => String(e.error))).toEqual(
			expect.arrayContaining([expect.stringMatching(new RegExp(`field "score" is .*, which is ${problem} \\(expected a number from -1000000 to 1000000\\)`))]),
		);
		finite(result.json(NODE_UNDER_TEST, 0));
	});

	it.each([
		['tiny scores (their squares underflow)', satisfactionOnly, scored([1e-160, 2e-160, 3e-160, 4e-160, 5e-160, 6e-160])],
		['scores at the limits', satisfactionOnly, scored([-1e6, 1e6, -1e6, 1e6, 0, 1e6])],
		['revenue at the plausible limit, the smallest cost per contact', { costPerContact: 0.0001 }, [1e13, -1e13, 1e13, 0, 1e13, -1e13].map((revenue, i) => ({ impact: { group: i % 3 ? 'treatment' : 'holdout' }, converted: i % 2, revenue }))],
		['three customers at the highest confidence level', { confidenceLevel: 99.9, costPerContact: 1 }, [{ impact: { group: 'treatment' }, converted: 1, revenue: 3 }, { impact: { group: 'treatment' }, converted: 0, revenue: 1 }, { impact: { group: 'holdout' }, converted: 0, revenue: 0 }, { impact: { group: 'holdout' }, converted: 0, revenue: 2 }]],
	])('measures %s with finite numbers', async (_label, parameters, items) => {
		const result = await measure(items, parameters);
		expect(result.error).toBeUndefined();
		const out = result.json(NODE_UNDER_TEST, 0);
		expect(out.length).toBeGreaterThan(0);
		finite(out);
	});

	it.each([
		[{ costPerContact: 1e-320 }, 'Parameter "Cost per Contact" is 1e-320, which is above 0 but below 0.0001 (expected 0 (no ROI) or a cost from 0.0001 to 1e+13)'],
		[{ costPerContact: 1e308 }, 'Parameter "Cost per Contact" is 1e+308, which is above 1e+13 (expected 0 (no ROI) or a cost from 0.0001 to 1e+13)'],
		// Each of Cost per Contact and Margin (%) says its own value: one message for both said neither.
		[{ costPerContact: -1 }, 'Parameter "Cost per Contact" is -1, which is below 0 (expected 0 (no ROI) or a cost from 0.0001 to 1e+13)'],
		[{ marginPercent: -1 }, 'Parameter "Margin (%)" is -1, which is below 0 (expected a percentage from 0 to 100)'],
		[{ marginPercent: 100.5 }, 'Parameter "Margin (%)" is 100.5, which is above 100 (expected a percentage from 0 to 100)'],
		[{ windowDays: -3 }, 'Parameter "Window (Days)" is -3, which is below 0 (expected a whole number of days from 0 (left out of the sentences) to 3660)'],
		[{ windowDays: 1.5 }, 'Parameter "Window (Days)" is 1.5, which is not a whole number (expected a whole number of days from 0 (left out of the sentences) to 3660)'],
		[{ windowDays: 1e21 }, 'Parameter "Window (Days)" is 1e+21, which is above 3660 (expected a whole number of days from 0 (left out of the sentences) to 3660)'],
		[{ confidenceLevel: 99.99999999999999 }, 'Parameter "Confidence Level (%)" is 99.99999999999999, which is above 99.9 (expected a percentage from 50 to 99.9)'],
		[{ confidenceLevel: 100 }, 'Parameter "Confidence Level (%)" is 100, which is above 99.9 (expected a percentage from 50 to 99.9)'],
		[{ confidenceLevel: 49 }, 'Parameter "Confidence Level (%)" is 49, which is below 50 (expected a percentage from 50 to 99.9)'],
	])('refuses the parameters %j, which gave Infinity, NaN or a garbled sentence', async (parameters, message) => {
		const items = [0, 1, 2, 3, 4, 5].map((i) => ({ impact: { group: i % 3 ? 'treatment' : 'holdout' }, converted: i % 2, revenue: i * 100 }));
		expect((await measure(items, parameters)).error?.message).toBe(message);
	});

	it.each([
		['sums that overflow', { n: 2, sum: [1e308, 1e308], sumOfSquares: [1] }],
		['a sum no two plausible values make', { n: 2, sum: [1e300], sumOfSquares: [1] }],
		['a negative sum of squares', { n: 2, sum: [1], sumOfSquares: [-5] }],
	])('refuses a page state with %s instead of merging it into NaN', async (_label, treatment) => {
		const holdout = { n: 2, sum: [1], sumOfSquares: [1] };
		const state = { outcomes: { revenue: { kind: 'mean', strata: { '': { treatment, holdout } } } } };
		const result = await measure([{ state }], { input: 'pageStates' });
		expect(result.error?.message).toMatch(/^Item 0: field "state" is .*outcome "revenue", stratum "" has no valid treatment and holdout statistics/);
	});

	// States no customers could make, which merged into "250% converted, 95% CI −NaN to −NaN" or a significant
	// revenue increase from a spread of 0: a yes/no outcome counts whole successes from 0 to n (each 0 or 1, so
	// the sum of squares is the sum); a mean's sum of squares is at least sum² / n.
	it.each([
		['more conversions than customers', 'conversion', 'proportion', { n: 2, sum: [5], sumOfSquares: [5] }],
		['a negative conversion count', 'conversion', 'proportion', { n: 3, sum: [-1], sumOfSquares: [1] }],
		['half a conversion', 'conversion', 'proportion', { n: 4, sum: [1.5], sumOfSquares: [1.5] }],
		['a yes/no sum of squares unlike its sum', 'conversion', 'proportion', { n: 4, sum: [2], sumOfSquares: [3] }],
		['a sum of squares below sum² / n', 'revenue', 'mean', { n: 4, sum: [100], sumOfSquares: [1] }],
		['sums for no customers', 'revenue', 'mean', { n: 0, sum: [7], sumOfSquares: [49] }],
	])('refuses a page state with %s', async (_label, outcome, kind, treatment) => {
		const holdout = { n: 3, sum: [1], sumOfSquares: [1] };
		const state = { outcomes: { [outcome]: { kind, strata: { '': { treatment, holdout } } } } };
		const result = await measure([{ state }], { input: 'pageStates' }, 'continueErrorOutput');
		expect(result.json(NODE_UNDER_TEST, 0)).toEqual([]);
		expect(result.json(NODE_UNDER_TEST, 1).map((e) => e.error)).toEqual([
			expect.stringMatching(new RegExp(`^Item 0: field "state" is .*outcome "${outcome}", stratum "" has no valid treatment and holdout statistics`)),
		]);
	});

	it.each([
		['every customer converted', 6, 1],
		['no customer converted, many customers', 600, 0],
	])('gives no minimum detectable effect when %s (the formula said 0 points would be detected)', async (_label, n, converted) => {
		const items = Array.from({ length: n }, (_, i) => ({ impact: { group: i % 3 ? 'treatment' : 'holdout' }, converted }));
		const [en] = (await measure(items, { revenueColumn: '' })).json(NODE_UNDER_TEST, 0);
		expect(en).toMatchObject({ verdict: 'inconclusive', minimumDetectableEffect: null });
		expect(en.sentence).toMatch(/\. Every customer had the same outcome, so no minimum detectable effect can be given\.$/);
		const [zh] = (await measure(items, { revenueColumn: '', language: 'zh-CN' })).json(NODE_UNDER_TEST, 0);
		expect(zh.sentence).toMatch(/。所有客户的结果相同，无法给出可检测的最小效果。$/);
	});

	it('sends a page state without outcomes to the error output, not nowhere', async () => {
		const page = (await measure([{ impact: { group: 'treatment' }, converted: 1, revenue: 5 }], { upliftOptions: { includeState: true } })).json(NODE_UNDER_TEST, 0).find((j) => j.kind === 'state')!;
		const result = await measure([page, { state: { outcomes: {} } }], { input: 'pageStates' }, 'continueErrorOutput');
		expect(result.json(NODE_UNDER_TEST, 1)).toEqual([
			{ error: 'Item 1: field "state" is "{"outcomes":{}}", which has no outcome in "outcomes" (expected the state item of a Measure Uplift run with Include Page State on)' },
		]);
		const paired = new Set(result.items(NODE_UNDER_TEST, 0).flatMap((i) => (i.pairedItem as Array<{ item: number }>).map((p) => p.item)));
		expect([...paired]).toEqual([0]);
	});

	it('gives the same results on every run', async () => {
		const items = campaignCustomers(500, 10);
		const a = (await measure(items)).json(NODE_UNDER_TEST, 0);
		const b = (await measure(items)).json(NODE_UNDER_TEST, 0);
		expect(b).toEqual(a);
	});
});

describe('Measure Care Impact: ROI belongs to the revenue outcome only', () => {
	it('gives a satisfaction score no ROI (cost per contact against score points would be no return on anything)', async () => {
		const customer = (group: string, revenue: number, satisfaction: number) => ({ impact: { group }, converted: revenue > 0, revenue, satisfaction });
		const items = [customer('treatment', 10, 8), customer('treatment', 30, 9), customer('treatment', 0, 7), customer('holdout', 5, 6), customer('holdout', 0, 7), customer('holdout', 15, 5)];
		const out = (await measure(items, { satisfactionColumn: 'satisfaction' })).json(NODE_UNDER_TEST, 0) as Json[];
		expect(out.map((r) => [r.outcome, r.roi === null])).toEqual([['conversion', true], ['revenue', false], ['satisfaction', true]]);
		// Revenue: 3 treated at 2 each, 40% of the incremental revenue (3 × (40/3 − 20/3) = 20).
		expect((out[1].roi as IDataObject).cost).toBe(6);
		expect(((out[1].roi as IDataObject).incrementalProfit as IDataObject).estimate).toBeCloseTo(8, 10);
	});
});

describe('Measure Care Impact: strata named like Object\'s own properties', () => {
	// A stratum "constructor" found Object's constructor as its cell and stopped the whole batch with
	// "Cannot read properties of undefined (reading 'n')"; "__proto__" found Object.prototype.
	it('measures strata "constructor", "toString" and "__proto__" like any other, in one run and merged from page states', async () => {
		const strata = ['constructor', 'toString', '__proto__', 'lapsed'];
		const items = strata.flatMap((stratum, s) =>
			[0, 1, 2, 3, 4, 5].map((i) => ({ impact: { group: i % 2 ? 'treatment' : 'holdout', stratum }, converted: (i + s) % 3 === 0, revenue: 10 * i + s })),
		);
		const parameters = { stratumColumn: 'impact.stratum', costPerContact: 0 };
		const one = await measure(items, parameters);
		expect(one.error).toBeUndefined();
		const results = one.json(NODE_UNDER_TEST, 0) as Json[];
		expect(results.map((r) => `${r.outcome} ${r.stratum} ${(r.treatment as IDataObject).customers}+${(r.holdout as IDataObject).customers}`)).toEqual([
			'conversion null 12+12', 'conversion __proto__ 3+3', 'conversion constructor 3+3', 'conversion lapsed 3+3', 'conversion toString 3+3',
			'revenue null 12+12', 'revenue __proto__ 3+3', 'revenue constructor 3+3', 'revenue lapsed 3+3', 'revenue toString 3+3',
		]);
		// Two pages, each with its state, merged: the same results.
		const stateOf = async (page: IDataObject[]) => (await measure(page, { ...parameters, upliftOptions: { includeState: true } })).json(NODE_UNDER_TEST, 0).find((j) => j.kind === 'state')!;
		const pages = [await stateOf(items.slice(0, 10)), await stateOf(items.slice(10))];
		const merged = await measure(pages, { ...parameters, input: 'pageStates' });
		expect(merged.error).toBeUndefined();
		expect(merged.json(NODE_UNDER_TEST, 0)).toEqual(results);
	});
});

describe('Measure Care Impact: the sentence names the confidence level as chosen', () => {
	// Math.round wrote a 99.5% interval as "100% CI" (an interval no data can give) and 97.5% as "98% CI".
	it.each([
		[99.5, 'en', '99.5% CI', 0.995],
		[97.5, 'en', '97.5% CI', 0.975],
		[99.9, 'zh-CN', '99.9% 置信区间', 0.999],
		[90, 'en', '90% CI', 0.9],
	])('at %s%% (%s) says "%s"', async (confidenceLevel, language, words, share) => {
		const items = [0, 1, 2, 3, 4, 5, 6, 7].map((i) => ({ impact: { group: i % 2 ? 'treatment' : 'holdout' }, converted: i % 3 === 0, revenue: i * 10 + (i % 2) * 25 }));
		const results = (await measure(items, { confidenceLevel, language })).json(NODE_UNDER_TEST, 0);
		for (const r of results) {
			expect((r.uplift as IDataObject).confidenceLevel).toBe(share);
			expect(r.sentence).toContain(words);
		}
	});
});
