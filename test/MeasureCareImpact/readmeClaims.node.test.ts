import { createHash } from 'crypto';
import type { IDataObject } from 'n8n-workflow';
import { NODE_UNDER_TEST, runNode } from '../helpers/runWorkflow';

/** The README's rule: the first 8 bytes of SHA-256(campaign + "\u0000" + customer ID), top 53 bits ÷ 2^53. */
function documentedPosition(campaign: string, customerId: string): number {
	const digest = createHash('sha256').update(`${campaign}\u0000${customerId}`, 'utf8').digest();
	return Number(digest.readBigUInt64BE(0) >> 11n) / 2 ** 53;
}

describe('Measure Care Impact, Assign Holdout as the README describes it', () => {
	it('puts every customer on exactly one output, at the documented position, with its stratum', async () => {
		const items: IDataObject[] = [
			{ customerId: 'C001', seg: 'lapsed' },
			{ customerId: 12345, seg: '流失' },
			{ customerId: '客户甲', seg: 3 },
		];
		const result = await runNode({ type: 'measureCareImpact', parameters: { operation: 'assignHoldout', campaign: 'win-back-2026-03', stratumColumn: 'seg', holdoutPercent: 50 }, items });
		expect(result.error).toBeUndefined();
		const out = [...result.items(NODE_UNDER_TEST, 0), ...result.items(NODE_UNDER_TEST, 1)].sort((a, b) => (a.pairedItem as { item: number }).item - (b.pairedItem as { item: number }).item);
		expect(out.map((o) => o.json)).toEqual(
			items.map((item) => {
				const position = documentedPosition('win-back-2026-03', String(item.customerId));
				return { ...item, impact: { campaign: 'win-back-2026-03', group: position < 0.5 ? 'holdout' : 'treatment', stratum: String(item.seg), holdoutShare: 0.5, position } };
			}),
		);
	});
});

/**
 * Campaign and Measure Uplift's options are read once per run. Read from the first item alone, a Campaign
 * given per item by an expression put every customer in item 0's campaign without a word: customer C002
 * of campaign "b" was hashed and recorded as campaign "a". A value that differs between items stops the
 * run naming the parameter, the items and both values, as for every other whole-run parameter.
 */
describe('Measure Care Impact, parameters per run', () => {
	const customers: IDataObject[] = [
		{ customerId: 'C001', campaign: 'a', name: 'repurchase', impact: { group: 'treatment' }, converted: true },
		{ customerId: 'C002', campaign: 'b', name: 'reorder', impact: { group: 'holdout' }, converted: false },
	];

	it.each([
		['Assign Holdout, Campaign', { operation: 'assignHoldout', campaign: '={{ $json.campaign }}', outputField: 'assigned' }, /^Parameter "Campaign" is an expression that gives item 0 "a" but item 1 "b"/],
		['Measure Uplift, Campaign', { operation: 'measureUplift', campaign: '={{ $json.campaign }}' }, /^Parameter "Campaign" is an expression that gives item 0 "a" but item 1 "b"/],
		[
			'Measure Uplift, Conversion Name',
			{ operation: 'measureUplift', campaign: 'a', revenueColumn: '', upliftOptions: { conversionName: '={{ $json.name }}' } },
			/^Parameter "Options › Conversion Name" is an expression that gives item 0 "repurchase" but item 1 "reorder"/,
		],
	])('%s differing between items stops the run', async (_name, parameters, message) => {
		const result = await runNode({ type: 'measureCareImpact', parameters, items: customers });
		expect(result.error?.message).toMatch(message);
	});

	it('an expression that gives every item the same value works', async () => {
		const items: IDataObject[] = customers.map((c) => ({ ...c, campaign: 'a', name: 'repurchase' }));
		const assigned = await runNode({ type: 'measureCareImpact', parameters: { operation: 'assignHoldout', campaign: '={{ $json.campaign }}' }, items: items.map(({ customerId, campaign }) => ({ customerId, campaign })) });
		expect(assigned.error).toBeUndefined();
		const impacts = [...assigned.json(NODE_UNDER_TEST, 0), ...assigned.json(NODE_UNDER_TEST, 1)].map((j) => j.impact as IDataObject);
		expect(impacts.map((i) => [i.campaign, i.position])).toEqual(expect.arrayContaining([['a', documentedPosition('a', 'C001')], ['a', documentedPosition('a', 'C002')]]));
		const measured = await runNode({ type: 'measureCareImpact', parameters: { operation: 'measureUplift', campaign: '={{ $json.campaign }}', revenueColumn: '', upliftOptions: { conversionName: '={{ $json.name }}' } }, items });
		expect(measured.error).toBeUndefined();
		expect(measured.json(NODE_UNDER_TEST, 0).map((r) => [r.campaign, r.label])).toEqual([['a', '30-day repurchase']]);
	});
});

/**
 * KPI Report, Customers With Churn Results: At-Risk Levels (default high and critical) match a risk level
 * whatever the case or width of either. Compared as written, "High, Critical" typed in the parameter found
 * none of Detect Churn Risk's "high" and "critical", and a CRM's "High" was not at risk: atRiskCustomers 0
 * and clvAtRisk 0 without a word.
 */
describe('Measure Care Impact, KPI Report: at-risk levels', () => {
	const customers: IDataObject[] = [
		{ churn: { churnProbability: 0.9, expectedValue: 300, riskLevel: 'critical' } },
		{ churn: { churnProbability: 0.6, expectedValue: 200, riskLevel: 'High' } },
		{ churn: { churnProbability: 0.5, expectedValue: 100, riskLevel: 'ｈｉｇｈ ' } },
		{ churn: { churnProbability: 0.1, expectedValue: 50, riskLevel: 'low' } },
	];

	it.each([
		['the default levels, risk levels written in capitals or full width', {}],
		['levels typed in capitals', { atRiskLevels: 'High, Critical' }],
	])('%s', async (_name, parameters) => {
		const result = await runNode({ type: 'measureCareImpact', parameters: { operation: 'kpiReport', source: 'customers', ...parameters }, items: customers });
		expect(result.error).toBeUndefined();
		expect(result.json(NODE_UNDER_TEST, 0)).toEqual([expect.objectContaining({ customers: 4, atRiskCustomers: 3, atRiskShare: 0.75, clvTotal: 650, clvAtRisk: 600 })]);
	});
});

/**
 * Keys (customer IDs, strata, groups) are read without their surrounding spaces, as the other nodes read
 * customer IDs. Read as written, "C001 " from a padded export (a CHAR column, a spreadsheet) was another
 * customer than "C001": Assign Holdout gave it another position and group, KPI Report counted it as a
 * second buyer, and Measure Uplift reported "lapsed " as a stratum of its own.
 */
describe('Measure Care Impact, keys with surrounding spaces', () => {
	it('Assign Holdout: a padded ID gets the position and group of the ID', async () => {
		const result = await runNode({ type: 'measureCareImpact', parameters: { operation: 'assignHoldout', campaign: 'win-back-2026-03', stratumColumn: 'seg' }, items: [{ customerId: ' C001 ', seg: 'lapsed\t' }] });
		expect(result.error).toBeUndefined();
		const [item] = [...result.json(NODE_UNDER_TEST, 0), ...result.json(NODE_UNDER_TEST, 1)];
		expect(item.impact).toEqual(expect.objectContaining({ position: documentedPosition('win-back-2026-03', 'C001'), stratum: 'lapsed' }));
	});

	it('KPI Report: a padded ID is the same buyer', async () => {
		const orders = [
			{ customerId: 'C001', orderDate: '2024-02-10', amount: 100 },
			{ customerId: 'C001 ', orderDate: '2024-03-10', amount: 50 },
			{ customerId: ' C002', orderDate: '2024-03-12', amount: 80 },
		];
		const result = await runNode({ type: 'measureCareImpact', parameters: { operation: 'kpiReport', asOf: '2024-04-02', months: 1 }, items: orders });
		expect(result.error).toBeUndefined();
		const [march] = result.json(NODE_UNDER_TEST, 0);
		expect(march).toEqual(expect.objectContaining({ period: '2024-03', activeCustomers: 2, newCustomers: 1, returningCustomers: 1, retentionRate: 1 }));
		expect(result.json(NODE_UNDER_TEST, 0).at(-1)).toEqual(expect.objectContaining({ kind: 'total', customers: 2, repeatCustomerRate: 0.5 }));
	});

	it('Measure Uplift: a padded stratum is the same stratum', async () => {
		const customers = ['lapsed', 'lapsed ', ' lapsed', 'lapsed'].map((stratum, i) => ({ impact: { group: i % 2 ? 'holdout' : 'treatment', stratum }, converted: i < 2 }));
		const result = await runNode({ type: 'measureCareImpact', parameters: { operation: 'measureUplift', campaign: 'c', revenueColumn: '', stratumColumn: 'impact.stratum' }, items: customers });
		expect(result.error).toBeUndefined();
		expect(result.json(NODE_UNDER_TEST, 0).map((r) => [r.stratum, (r.treatment as IDataObject).customers, (r.holdout as IDataObject).customers])).toEqual([
			[null, 2, 2],
			['lapsed', 2, 2],
		]);
	});
});

/**
 * A percent parameter is the share it names (shareOfPercent). `holdoutShare` is the Holdout Share (%) as a
 * share, and the rule is "holdout when position < share". The share was percent / 100 in binary: 14.3 % was recorded (and compared) as 0.14300000000000002, 0.35 % as
 * 0.0034999999999999996, so an If node testing holdoutShare = 0.143 matched no customer.
 */
describe('Measure Care Impact, Assign Holdout: the holdout share as written', () => {
	it.each([
		[14.3, 0.143],
		[0.35, 0.0035],
		[57.5, 0.575],
		[10, 0.1],
	])('%s %% is a share of %s', async (percent, share) => {
		const items = Array.from({ length: 20 }, (_, i) => ({ customerId: `C${i}` }));
		const result = await runNode({ type: 'measureCareImpact', parameters: { operation: 'assignHoldout', campaign: 'spring', holdoutPercent: percent }, items });
		expect(result.error).toBeUndefined();
		const impacts: IDataObject[] = [0, 1].flatMap((output) => result.json(NODE_UNDER_TEST, output).map((j) => ({ output, ...(j.impact as IDataObject) })));
		expect(impacts).toHaveLength(20);
		for (const impact of impacts) {
			expect(impact.holdoutShare).toBe(share);
			expect(impact.output).toBe((impact.position as number) < share ? 1 : 0);
		}
	});
});

describe('Measure Care Impact, Measure Uplift: the confidence level as written', () => {
	it.each([
		[99.9, 0.999],
		[68.3, 0.683],
		[95, 0.95],
	])('%s %% is a confidenceLevel of %s', async (percent, level) => {
		const customers = Array.from({ length: 12 }, (_, i) => ({ impact: { group: i % 3 ? 'treatment' : 'holdout' }, converted: i % 2 === 0 }));
		const result = await runNode({ type: 'measureCareImpact', parameters: { operation: 'measureUplift', campaign: 'c', revenueColumn: '', confidenceLevel: percent }, items: customers });
		expect(result.error).toBeUndefined();
		expect(result.json(NODE_UNDER_TEST, 0).map((r) => (r.uplift as IDataObject).confidenceLevel)).toEqual([level]);
	});
});

/**
 * The sentence of a mean gives both means with the two decimals of the difference and interval. Means
 * from 100 up were rounded to whole units: "75.00 in the holdout, 413 with the campaign (+337.50, …)",
 * figures whose difference is not the one stated.
 */
describe('Measure Care Impact, Measure Uplift: sentences of means', () => {
	const customers = [10, 140, 25, 125, 700, 550, 1000, 50].map((revenue, i) => ({ impact: { group: i < 2 ? 'holdout' : 'treatment' }, revenue }));

	it.each([
		['en', 'showed no clear effect on 30-day revenue per customer: 75.00 in the holdout, 408.33 with the campaign (+333.33, 95% CI'],
		['zh-CN', '对30天人均收入没有可确认的效果：对照组 75.00，干预组 408.33（+333.33，95% 置信区间'],
	])('%s', async (language, words) => {
		const result = await runNode({ type: 'measureCareImpact', parameters: { operation: 'measureUplift', campaign: 'c', conversionColumn: '', language }, items: customers });
		expect(result.error).toBeUndefined();
		const [revenue] = result.json(NODE_UNDER_TEST, 0);
		expect(revenue.sentence).toContain(words);
	});
});

/**
 * A sentence writes every negative number with the one minus sign its changes use (−, as in the README's
 * "retention 50.0% (−50.0 points)"). Figures were written with "-" next to changes with "−": "NPS -56.7
 * (−56.7)", "revenue -100.00", "-5.00 in the holdout … (−7.50, …)".
 */
describe('Measure Care Impact: one minus sign in a sentence', () => {
	it('KPI Report: a negative NPS and a month of refunds', async () => {
		const answers = [0, 1, 9].map((nps) => ({ nps, respondedAt: '2024-03-05' }));
		const nps = await runNode({ type: 'measureCareImpact', parameters: { operation: 'kpiReport', source: 'responses', asOf: '2024-04-02', months: 1 }, items: answers });
		expect(nps.json(NODE_UNDER_TEST, 0).map((r) => r.summary)).toEqual(['2024-03: NPS −33.3 from 3 answers.']);
		const orders = [{ customerId: 'a', orderDate: '2024-03-05', amount: -100 }];
		const refunds = await runNode({ type: 'measureCareImpact', parameters: { operation: 'kpiReport', asOf: '2024-04-02', months: 1, language: 'zh-CN' }, items: orders });
		expect(refunds.json(NODE_UNDER_TEST, 0)[0].summary).toContain('收入 −100.00，客单价 −100.00');
	});

	it('Measure Uplift: negative means', async () => {
		const customers = [-5, -5.5, -4.5, -12, -13, -14].map((revenue, i) => ({ impact: { group: i < 3 ? 'holdout' : 'treatment' }, revenue }));
		const result = await runNode({ type: 'measureCareImpact', parameters: { operation: 'measureUplift', campaign: 'c', conversionColumn: '' }, items: customers });
		expect(result.json(NODE_UNDER_TEST, 0)[0].sentence).toMatch(/^The c campaign lowered 30-day revenue per customer from −5\.00 to −13\.00 \(−8\.00, 95% CI −/);
	});
});

/**
 * The relative uplift is the difference over the holdout's size, so its sign is the difference's. Over a
 * negative holdout mean (net revenue after refunds, a −1..1 sentiment as the satisfaction outcome) a rise
 * from −0.2 to +0.1 was a relative uplift of −1.5, a fall.
 */
describe('Measure Care Impact, Measure Uplift: relative uplift from a negative holdout mean', () => {
	it.each([
		['a rise', [-0.3, -0.1, -0.2], [0.1, 0, 0.2], 1.5],
		['a fall', [-0.3, -0.1, -0.2], [-0.4, -0.5, -0.3], -1],
		['from a positive mean', [0.3, 0.1, 0.2], [0.4, 0.5, 0.3], 1],
	])('%s', async (_name, holdout, treatment, relative) => {
		const customers = [...holdout.map((sentiment) => ({ impact: { group: 'holdout' }, sentiment })), ...treatment.map((sentiment) => ({ impact: { group: 'treatment' }, sentiment }))];
		const result = await runNode({ type: 'measureCareImpact', parameters: { operation: 'measureUplift', campaign: 'c', conversionColumn: '', revenueColumn: '', satisfactionColumn: 'sentiment' }, items: customers });
		expect(result.error).toBeUndefined();
		const [satisfaction] = result.json(NODE_UNDER_TEST, 0);
		expect((satisfaction.uplift as IDataObject).relative).toBeCloseTo(relative, 12);
	});
});

/** notMeasurable: "no interval, no verdict", and no reliability, increment or ROI either, with a caution saying why. */
describe('Measure Care Impact, Measure Uplift: an outcome that cannot be measured', () => {
	it('one customer in each group: reliable, incremental and roi null, the caution says why', async () => {
		const items = [
			{ customerId: 'a', impact: { group: 'treatment' }, revenue: 120 },
			{ customerId: 'b', impact: { group: 'holdout' }, revenue: 20 },
		];
		const result = await runNode({ type: 'measureCareImpact', parameters: { operation: 'measureUplift', campaign: 'c', conversionColumn: '', costPerContact: 0.5, marginPercent: 40 }, items });
		const [revenue] = result.json(NODE_UNDER_TEST, 0);
		expect(revenue).toMatchObject({ verdict: 'notMeasurable', significant: false, reliable: null, incremental: null, roi: null, minimumDetectableEffect: null });
		expect(revenue.uplift).toMatchObject({ absolute: 100, lower: null, upper: null, pValue: null });
		expect(revenue.caution).toBe("Not measurable, so no interval, verdict, reliability, increment or ROI is given: each group has 1 customer, and a mean's interval needs at least 2 in each group.");
	});
});

/** The README's examples, as the engine gives them. */
describe('Measure Care Impact, the README examples', () => {
	it('the sample campaign: 165 of 1,068 treated against 23 of 262 held out', async () => {
		const customers = [
			...Array.from({ length: 1068 }, (_, i) => ({ impact: { group: 'treatment' }, converted: i < 165 })),
			...Array.from({ length: 262 }, (_, i) => ({ impact: { group: 'holdout' }, converted: i < 23 })),
		];
		const parameters = { operation: 'measureUplift', campaign: 'win-back-2026-01', revenueColumn: '', upliftOptions: { conversionName: 'repurchase' } };
		const [result] = (await runNode({ type: 'measureCareImpact', parameters, items: customers })).json(NODE_UNDER_TEST, 0);
		const uplift = result.uplift as Record<string, number>;
		const incremental = (result.incremental as Record<string, Record<string, number>>).conversions;
		expect([uplift.absolute, uplift.relative, uplift.lower, uplift.upper, uplift.pValue, result.minimumDetectableEffect as number].map((x) => Number(x.toFixed(4)))).toEqual([0.0667, 0.7599, 0.0214, 0.1033, 0.0058, 0.0646]);
		expect([incremental.estimate, incremental.lower, incremental.upper].map((x) => Number(x.toFixed(1)))).toEqual([71.2, 22.8, 110.4]);
		expect(result).toEqual(expect.objectContaining({ label: '30-day repurchase', stratum: null, measure: 'proportion', significant: true, verdict: 'increase', roi: null }));
		expect(result.sentence).toBe('The win-back-2026-01 campaign raised 30-day repurchase from 8.8% to 15.4% (+6.7 points, 95% CI +2.1 to +10.3).');
		const [chinese] = (await runNode({ type: 'measureCareImpact', parameters: { ...parameters, language: 'zh-CN', upliftOptions: { conversionName: '复购率' } }, items: customers })).json(NODE_UNDER_TEST, 0);
		expect(chinese.sentence).toBe('“win-back-2026-01”使30天复购率从 8.8% 提升到 15.4%（+6.7个百分点，95% 置信区间 +2.1 至 +10.3）。');
	});

	it('the KPI Report period row', async () => {
		const orders = [
			{ customerId: 'a', orderDate: '2024-01-10', amount: 50 },
			{ customerId: 'a', orderDate: '2024-02-10', amount: 50 },
			{ customerId: 'b', orderDate: '2024-02-12', amount: 50 },
			{ customerId: 'a', orderDate: '2024-03-03', amount: 200 },
			{ customerId: 'c', orderDate: '2024-03-20', amount: 70 },
		];
		const rows = (await runNode({ type: 'measureCareImpact', parameters: { operation: 'kpiReport', asOf: '2024-04-01T09:00:00', months: 2 }, items: orders })).json(NODE_UNDER_TEST, 0);
		expect(rows.find((r) => r.period === '2024-03')).toEqual({
			kind: 'period',
			period: '2024-03',
			activeCustomers: 2,
			newCustomers: 1,
			returningCustomers: 1,
			orders: 2,
			revenue: 270,
			averageOrderValue: 135,
			repeatPurchaseRate: 0.5,
			retentionRate: 0.5,
			churnRate: 0.5,
			change: expect.objectContaining({ activeCustomers: 0, revenue: 170, retentionRate: -0.5 }),
			summary: '2024-03: 2 buyers (1 new), 2 orders, revenue 270.00, average order 135.00; repeat buyers 50.0%, retention 50.0% (−50.0 points), churn 50.0%.',
		});
	});
});

/**
 * Input: Page States to Merge gives the result of one run on all the pages' customers, so the pages must
 * be one campaign's. A state item of another campaign (a state table holding several campaigns) is an
 * item error naming its campaign; before, the pages of two campaigns merged into one result without a
 * word. With Campaign empty the result is named after the pages' campaign.
 */
describe('Measure Care Impact, Measure Uplift: page states of one campaign', () => {
	const pageOf = async (campaign: string, converted: boolean[]) => {
		const customers = converted.map((c, i) => ({ impact: { group: i % 2 ? 'holdout' : 'treatment' }, converted: c }));
		const result = await runNode({ type: 'measureCareImpact', parameters: { operation: 'measureUplift', campaign, revenueColumn: '', upliftOptions: { includeState: true } }, items: customers });
		return result.json(NODE_UNDER_TEST, 0).find((r) => r.kind === 'state')!;
	};

	it('refuses the state of another campaign and merges the rest', async () => {
		const pages = [await pageOf('spring', [true, false, true, true]), await pageOf('autumn', [true, true, true, true]), await pageOf('spring', [false, false, true, false])];
		const merged = await runNode({ type: 'measureCareImpact', parameters: { operation: 'measureUplift', campaign: 'spring', input: 'pageStates' }, items: pages, onError: 'continueErrorOutput' });
		expect(merged.json(NODE_UNDER_TEST, 1).map((e) => e.error)).toEqual(['Item 1: field "campaign" is "autumn", which is another campaign than "spring" (expected the state items of campaign "spring" only)']);
		const [result] = merged.json(NODE_UNDER_TEST, 0);
		expect(result).toEqual(expect.objectContaining({ campaign: 'spring', treatment: { customers: 4, conversions: 3, rate: 0.75 }, holdout: { customers: 4, conversions: 1, rate: 0.25 } }));
		const stopped = await runNode({ type: 'measureCareImpact', parameters: { operation: 'measureUplift', campaign: '', input: 'pageStates' }, items: pages });
		expect(stopped.error?.message).toBe('Item 1: field "campaign" is "autumn", which is another campaign than "spring" (expected the state items of campaign "spring" only)');
	});

	// A campaign that is no text was taken for a page without a name and merged into any run.
	it('reads a numeric campaign as its digits and refuses one that is no name', async () => {
		const spring = await pageOf('2026', [true, false, true, true]);
		// Another page of the campaign, its name read back from a numeric column (the same page twice is refused as such).
		const other = { ...(await pageOf('2026', [false, true, true, false])), campaign: 2026 };
		const pages = [spring, { ...spring, campaign: 2025 }, other, { ...spring, campaign: true }, { ...spring, campaign: { name: '2026' } }];
		const merged = await runNode({ type: 'measureCareImpact', parameters: { operation: 'measureUplift', campaign: '2026', input: 'pageStates' }, items: pages, onError: 'continueErrorOutput' });
		expect(merged.json(NODE_UNDER_TEST, 1).map((e) => e.error)).toEqual([
			'Item 1: field "campaign" is 2025, which is another campaign than "2026" (expected the state items of campaign "2026" only)',
			'Item 3: field "campaign" is true, which is not a campaign name (expected the name of the campaign the page was measured under)',
			'Item 4: field "campaign" is "{"name":"2026"}", which is not a campaign name (expected the name of the campaign the page was measured under)',
		]);
		expect(merged.json(NODE_UNDER_TEST, 0)[0]).toEqual(expect.objectContaining({ campaign: '2026', treatment: expect.objectContaining({ customers: 4 }) }));
	});

	it('names the result after the pages when Campaign is empty', async () => {
		const pages = [await pageOf('spring', [true, false, true, true]), await pageOf('', [false, false, true, false])];
		const merged = await runNode({ type: 'measureCareImpact', parameters: { operation: 'measureUplift', campaign: '', input: 'pageStates' }, items: pages });
		expect(merged.error).toBeUndefined();
		expect(merged.json(NODE_UNDER_TEST, 0)[0]).toEqual(expect.objectContaining({ campaign: 'spring', treatment: expect.objectContaining({ customers: 4 }) }));
	});
});
