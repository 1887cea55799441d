import type { INodeProperties, INodePropertyCollection } from 'n8n-workflow';
import { properties } from '../../nodes/DetectChurnRisk/description';
import { NODE_UNDER_TEST, runNode, type WorkflowResult } from '../helpers/runWorkflow';

/** What README's "Detect Churn Risk" section promises, through the engine. */
const asOf = '1997-09-30T00:00:00Z';
const published = { method: 'bgNbd', parameters: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, spendParameters: { p: 6.25, q: 3.74, gamma: 15.44 }, timeUnit: 'weeks' };
const cdnow2 = { customerId: '2', firstPurchaseAt: '1997-01-01', lastPurchaseAt: '1997-01-13', orderCount: 2, totalSpend: 23.54 };
const churnOf = (result: WorkflowResult, output = 0) => result.json(NODE_UNDER_TEST, output).map((j) => j.churn as Record<string, unknown>);
const parameter = (name: string) => properties.find((p) => p.name === name) as INodeProperties;

describe('Detect Churn Risk as README describes it', () => {
	it('scores CDNOW customer 2 as the README example shows, in English and Chinese', async () => {
		const run = (language: string) =>
			runNode({ type: 'detectChurnRisk', parameters: { modelSource: 'supplied', suppliedParameters: JSON.stringify(published), asOf, language }, items: [cdnow2] });
		expect(churnOf(await run('en'))).toEqual([
			{
				method: 'bgNbd', probabilityAlive: 0.2123, churnProbability: 0.7877, expectedPurchases: 0.142,
				horizon: 26, timeUnit: 'weeks', expectedValue: 2.61, riskScore: 91.5, riskLevel: 'critical',
				riskLabel: 'Critical', reasons: ['Probability still active is 21% (BG/NBD)',
					"No purchase for 260 days, 21.7 times this customer's usual interval"], asOf: '1997-09-30T00:00:00+00:00',
			},
		]);
		expect(churnOf(await run('zh-CN'))[0]).toMatchObject({
			riskLabel: '极高',
			reasons: ['仍为活跃客户的概率为 21%（BG/NBD 模型）', '已 260 天未购买，是该客户平均购买间隔的 21.7 倍'],
		});
	});

	it('has the panel defaults the README names', () => {
		expect(parameter('method').default).toBe('bgNbd');
		expect(parameter('modelSource').default).toBe('fit');
		expect(parameter('inputShape').default).toBe('customer');
		expect(parameter('timeUnit').default).toBe('weeks');
		expect(parameter('horizon').default).toBe(26);
		expect(parameter('annualDiscountRate').default).toBe(10);
		expect(parameter('renewalPeriod').default).toBe('month');
		expect(parameter('atRiskFrom').default).toBe('high');
		expect(parameter('outputField').default).toBe('churn');
		const thresholds = Object.fromEntries(((parameter('thresholds').options ?? []) as Array<INodeProperties | INodePropertyCollection>).map((o) => [o.name, (o as INodeProperties).default]));
		expect(thresholds).toEqual({
			complaints: 2, contractEndDays: 30, critical: 75, high: 50, inactivityIntervals: 2,
			lowSatisfaction: 60, medium: 25, satisfactionDrop: 10, spendDropPercent: 30,
		});
		const columns = Object.fromEntries(
			['customerIdColumn', 'firstPurchaseColumn', 'lastPurchaseColumn', 'purchaseCountColumn', 'totalSpendColumn', 'xColumn', 'txColumn', 'ageColumn', 'monetaryColumn', 'countColumn', 'dateColumn', 'amountColumn', 'tenureColumn', 'activeColumn', 'periodValueColumn'].map((n) => [n, parameter(n).default]),
		);
		expect(columns).toEqual({
			customerIdColumn: 'customerId', firstPurchaseColumn: 'firstPurchaseAt', lastPurchaseColumn: 'lastPurchaseAt', purchaseCountColumn: 'orderCount',
			totalSpendColumn: 'totalSpend', xColumn: 'x', txColumn: 'tx', ageColumn: 'T', monetaryColumn: 'monetary', countColumn: '',
			dateColumn: 'orderDate', amountColumn: 'amount', tenureColumn: 'tenure', activeColumn: 'active', periodValueColumn: 'periodValue',
		});
	});

	it('combines the evidence by noisy-OR and sends each level to its output', async () => {
		const signals = { complaintsColumn: 'c', satisfactionColumn: 's', previousSatisfactionColumn: 'ps', contractEndColumn: 'ce', recentSpendColumn: 'rs', previousSpendColumn: 'pv' };
		const customer = { firstPurchaseAt: '1997-01-01', lastPurchaseAt: '1997-09-13', orderCount: 2 };
		const result = await runNode({
			type: 'detectChurnRisk',
			parameters: { method: 'rules', asOf, signals },
			items: [
				// Each signal exactly at its threshold: 0.3, 0.25, 0.25, 0.2, 0.2 (low satisfaction 1 point under 60: 0.275).
				{ customerId: 'all', ...customer, c: 2, s: 59, ps: 69, ce: '1997-10-30', rs: 70, pv: 100 },
				{ customerId: 'none', ...customer, c: 1, s: 60, ps: 69.5, ce: '1997-10-31', rs: 71, pv: 100 },
				{ customerId: 'ended', ...customer, ce: '1990-10-31' },
			],
		});
		const [all] = churnOf(result, 0);
		expect(all.riskScore).toBe(Math.round((1 - 0.7 * 0.725 * 0.75 * 0.8 * 0.8) * 1000) / 10);
		expect(all.riskLevel).toBe('critical');
		expect(churnOf(result, 1).map((c) => [c.riskScore, c.riskLevel, c.reasons])).toEqual([
			[0, 'low', []],
			// Far beyond its threshold (ended), the contract signal's weight grows 1.5x: 0.45.
			[45, 'medium', ['Contract ended 2526 days ago']],
		]);
	});

	it.each(['UTC', 'America/New_York', 'Asia/Shanghai'])('counts the spend windows in calendar days of the zone (%s), also across a clock change', async (timezone) => {
		// 30 days before April 1: the recent window holds March 3 to April 1, the previous one February 2 to March 2.
		const result = await runNode({
			type: 'detectChurnRisk',
			parameters: { method: 'rules', inputShape: 'transaction', asOf: '2024-04-01', spendWindowDays: 30 },
			timezone,
			items: [
				{ customerId: 'a', orderDate: '2024-03-02', amount: 100 },
				{ customerId: 'a', orderDate: '2024-03-20', amount: 10 },
				{ customerId: 'a', orderDate: '2024-03-30', amount: 10 },
			],
		});
		expect(churnOf(result, 0).concat(churnOf(result, 1))[0].reasons).toContain('Spend fell 80% (100 → 20) against the previous window');
	});

	it.each([
		['customer', { firstPurchaseAt: '1997-01-01', lastPurchaseAt: '1997-09-13', orderCount: 2 }],
		['summary', { x: 1, tx: 10, T: 30 }],
		['subscriber', { tenure: 3, active: true }],
	])('refuses a second item of one customer (%s) instead of scoring and fitting the customer twice', async (inputShape, values) => {
		const result = await runNode({
			type: 'detectChurnRisk',
			parameters: { method: 'rules', inputShape, asOf },
			onError: 'continueErrorOutput',
			items: [{ customerId: 'a', ...values }, { customerId: 'b', ...values }, { customerId: 'a', ...values }],
		});
		expect([...result.json(NODE_UNDER_TEST, 0), ...result.json(NODE_UNDER_TEST, 1)].map((j) => j.customerId)).toEqual(['a', 'b']);
		expect(result.json(NODE_UNDER_TEST, 3).map((e) => e.error)).toEqual([
			'Item 2: field "customerId" is "a", which is also the customer ID of item 0 (expected one item per customer; orders go with One Item per Transaction)',
		]);
	});

	it('gives sBG retention (beta + t − 1) / (alpha + beta + t − 1) at the next renewal', async () => {
		const result = await runNode({
			type: 'detectChurnRisk',
			parameters: { method: 'sbg', inputShape: 'subscriber', modelSource: 'supplied', suppliedParameters: JSON.stringify({ alpha: 0.704, beta: 1.182 }), asOf },
			items: [{ customerId: 'a', tenure: 0, active: true }, { customerId: 'b', tenure: 3, active: 'yes' }],
		});
		const next = churnOf(result, 0).concat(churnOf(result, 1)).map((c) => c.nextRenewalProbability);
		expect(next).toEqual([Math.round((1.182 / 1.886) * 1e4) / 1e4, Math.round((4.182 / 4.886) * 1e4) / 1e4]);
	});

	it.each([
		[{ spendWindowDays: 0 }, 'Parameter "Spend Window (Days)" is 0, which is not more than 0 (expected a number of days more than 0 and at most 73050)'],
		[{ spendWindowDays: 73051 }, 'Parameter "Spend Window (Days)" is 73051, which is above 73050 (expected a number of days more than 0 and at most 73050)'],
		[{ thresholds: { complaints: '' } }, 'Parameter "Thresholds › Complaints" is "", which is not a number (expected a number of at least 0)'],
	])('refuses %j naming the parameter', async (parameters, message) => {
		const result = await runNode({
			type: 'detectChurnRisk',
			parameters: { method: 'rules', inputShape: 'transaction', asOf, ...parameters },
			items: [{ customerId: 'a', orderDate: '1997-01-01', amount: 1 }],
		});
		expect(result.error?.message).toBe(message);
	});

	it('refuses a horizon beyond 200 years in the time unit', async () => {
		const result = await runNode({
			type: 'detectChurnRisk',
			parameters: { modelSource: 'supplied', suppliedParameters: JSON.stringify(published), asOf, horizon: 10436 },
			items: [cdnow2],
		});
		expect(result.error?.message).toBe('Parameter "Horizon" is 10436, which is above 10435 (expected a number of weeks more than 0 and at most 10435: 200 years)');
	});

	it('refuses risk level thresholds out of order instead of never giving one level', async () => {
		const result = await runNode({
			type: 'detectChurnRisk',
			parameters: { method: 'rules', asOf, thresholds: { medium: 60, high: 50 } },
			items: [cdnow2],
		});
		expect(result.error?.message).toBe(
			'Risk level thresholds "Medium From Risk Score" 60, "High From Risk Score" 50, "Critical From Risk Score" 75 do not grow, so a level would never be given (expected "Medium From Risk Score" <= "High From Risk Score" <= "Critical From Risk Score")',
		);
	});

	it.each([
		['spendDropPercent', 'Spend Drop (%)'],
		['lowSatisfaction', 'Low Satisfaction Below'],
		['satisfactionDrop', 'Satisfaction Drop (Points)'],
		['critical', 'Critical From Risk Score'],
	])('refuses a %s threshold above 100, which is beyond the 0-100 scale', async (name, label) => {
		const result = await runNode({ type: 'detectChurnRisk', parameters: { method: 'rules', asOf, thresholds: { [name]: 150 } }, items: [cdnow2] });
		expect(result.error?.message).toBe(
			`Parameter "Thresholds › ${label}" is 150, which is above 100 (expected a number from 0 to 100: a score or a percentage, as the signal or level it sets)`,
		);
		const at100 = await runNode({ type: 'detectChurnRisk', parameters: { method: 'rules', asOf, thresholds: { [name]: 100 } }, items: [cdnow2] });
		expect(at100.error).toBeUndefined();
	});

	it('accepts equal risk level thresholds (a level may be left out on purpose)', async () => {
		const result = await runNode({
			type: 'detectChurnRisk',
			parameters: { method: 'rules', asOf, thresholds: { medium: 50, high: 50 } },
			items: [cdnow2],
		});
		expect(result.error).toBeUndefined();
	});

	it.each(['customerId', 'orderCount', 'firstPurchaseAt'])('refuses, over transactions, an Output Field %j the customer item already has, instead of replacing it', async (outputField) => {
		const result = await runNode({
			type: 'detectChurnRisk',
			parameters: { method: 'rules', inputShape: 'transaction', asOf, outputField },
			onError: 'continueErrorOutput',
			items: [{ customerId: 'a', orderDate: '1997-06-01', amount: 5 }, { customerId: 'b', orderDate: '1997-06-02', amount: 7 }],
		});
		const message = `Parameter "Output Field" is "${outputField}", which the customer item built from the transactions already has (expected a field other than customerId, firstPurchaseAt, lastPurchaseAt, orderCount, totalSpend)`;
		expect(result.json(NODE_UNDER_TEST, 3).map((e) => e.error)).toEqual([message, message]);
		expect([...result.json(NODE_UNDER_TEST, 0), ...result.json(NODE_UNDER_TEST, 1)]).toEqual([]);
	});

	it('refuses, over transactions, rule signal columns the customer items built from the orders do not have', async () => {
		const orders = [{ customerId: 'a', csat: 10, tickets: 5, orderDate: '1997-06-01', amount: 5 }, { customerId: 'a', csat: 10, tickets: 5, orderDate: '1997-06-05', amount: 5 }];
		const run = (signals: object) => runNode({ type: 'detectChurnRisk', parameters: { method: 'rules', inputShape: 'transaction', asOf, signals }, items: orders });
		expect((await run({ satisfactionColumn: 'csat', complaintsColumn: 'tickets' })).error?.message).toBe(
			'Rule Signals "Complaints Column" (tickets), "Satisfaction Column" (csat) cannot be read over transactions: the customer items built from the orders have no such columns, and the spend trend is computed from the orders (expected Input Shape "One Item per Customer" for these signals, or remove them)',
		);
		expect((await run({ satisfactionColumn: ' ' })).error).toBeUndefined();
	});

	// An expression can give an options parameter any value; an unknown one ran as another choice
	// ("High" sent every customer to At Risk, "months" made every customer's T NaN).
	it.each([
		[{ atRiskFrom: '={{ "High" }}' }, 'Parameter "At Risk From Level" is "High", which is not one of its choices (expected "critical", "high", "medium")'],
		[{ timeUnit: '={{ "months" }}' }, 'Parameter "Time Unit" is "months", which is not one of its choices (expected "days", "weeks")'],
		[{ inputShape: '={{ "customers" }}' }, 'Parameter "Input Shape" is "customers", which is not one of its choices (expected "customer", "summary", "subscriber", "transaction")'],
		[{ modelSource: '={{ "yesterday" }}' }, 'Parameter "Model Parameters" is "yesterday", which is not one of its choices (expected "fit", "supplied")'],
		[{ method: 'sbg', inputShape: 'subscriber', renewalPeriod: '={{ "week" }}' }, 'Parameter "Renewal Period" is "week", which is not one of its choices (expected "month", "quarter", "year")'],
	])('refuses the option value %j naming the parameter and its choices', async (parameters, message) => {
		const result = await runNode({
			type: 'detectChurnRisk',
			parameters: { modelSource: 'supplied', suppliedParameters: JSON.stringify(published), asOf, ...parameters },
			items: [{ ...cdnow2, tenure: 1, active: true }],
		});
		expect(result.error?.message).toBe(message);
	});

	it('takes a hidden option as its default, as n8n hands it over (Renewal Period under BG/NBD)', async () => {
		const result = await runNode({
			type: 'detectChurnRisk',
			parameters: { modelSource: 'supplied', suppliedParameters: JSON.stringify(published), asOf, renewalPeriod: '={{ "week" }}' },
			items: [cdnow2],
		});
		expect(result.error).toBeUndefined();
	});

	it('sends every item to the error output for a bad option value under Continue', async () => {
		const result = await runNode({
			type: 'detectChurnRisk',
			parameters: { method: 'rules', asOf, atRiskFrom: '={{ $json.level }}' },
			onError: 'continueErrorOutput',
			items: [{ ...cdnow2, level: 'High' }, { ...cdnow2, customerId: '3', level: 'High' }],
		});
		expect(result.json(NODE_UNDER_TEST, 0)).toEqual([]);
		expect(result.json(NODE_UNDER_TEST, 1)).toEqual([]);
		expect(result.json(NODE_UNDER_TEST, 3).map((e) => e.error)).toEqual([
			'Parameter "At Risk From Level" is "High", which is not one of its choices (expected "critical", "high", "medium")',
			'Parameter "At Risk From Level" is "High", which is not one of its choices (expected "critical", "high", "medium")',
		]);
	});
});
