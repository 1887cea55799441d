import type { IDataObject } from 'n8n-workflow';
import { cdnowSummary } from '../models/cdnowData';
import { NODE_UNDER_TEST, runNode, type WorkflowResult } from '../helpers/runWorkflow';

/**
 * Parameter values at their edges (a threshold of 0, a cleared field, a horizon of centuries,
 * supplied parameters far out) never put NaN or Infinity into a result: they work, or the run stops
 * with a message naming the parameter.
 */
const asOf = '1997-09-30T00:00:00Z';

function nonFinitePaths(value: unknown, path = ''): string[] {
	if (typeof value === 'number') return Number.isFinite(value) ? [] : [`${path} = ${value}`];
	if (value === null || typeof value !== 'object') return [];
	return Object.entries(value).flatMap(([key, v]) => nonFinitePaths(v, `${path}.${key}`));
}

const scoredOf = (result: WorkflowResult) => [...result.json(NODE_UNDER_TEST, 0), ...result.json(NODE_UNDER_TEST, 1)];

const signals = {
	satisfactionColumn: 'satisfaction',
	previousSatisfactionColumn: 'previousSatisfaction',
	complaintsColumn: 'complaints',
	recentSpendColumn: 'recentSpend',
	previousSpendColumn: 'previousSpend',
};

/** CDNOW customers with signal values that sit exactly on a threshold of 0 for some of them. */
const customers = (): IDataObject[] =>
	cdnowSummary()
		.slice(0, 200)
		.map((c, i) => ({
			customerId: `C${i}`,
			x: c.x,
			tx: c.tx,
			T: c.T,
			satisfaction: 70,
			previousSatisfaction: i % 2 ? 70 : 80,
			complaints: i % 3,
			recentSpend: 10 + (i % 2) * 10,
			previousSpend: 20,
		}));

/** What a threshold on the 0-100 scale expects besides its range. */
const SCALE = ': a score or a percentage, as the signal or level it sets';

describe('Detect Churn Risk thresholds', () => {
	it.each(['complaints', 'satisfactionDrop', 'spendDropPercent', 'inactivityIntervals'])('%s = 0 fires its signal with a finite weight', async (name) => {
		const items = customers();
		const result = await runNode({
			type: 'detectChurnRisk',
			parameters: { method: 'rules', inputShape: 'summary', signals, thresholds: { [name]: 0 }, asOf },
			items,
		});
		expect(result.error).toBeUndefined();
		const scored = scoredOf(result);
		expect(scored).toHaveLength(items.length);
		expect(nonFinitePaths(scored)).toEqual([]);
	});

	it.each([
		['complaints', null, 'Complaints', 'is not a number', 'a number of at least 0'],
		['high', '', 'High From Risk Score', 'is not a number', `a number from 0 to 100${SCALE}`],
		['spendDropPercent', 'abc', 'Spend Drop (%)', 'is not a number', `a number from 0 to 100${SCALE}`],
		['lowSatisfaction', -5, 'Low Satisfaction Below', 'is below 0', `a number from 0 to 100${SCALE}`],
		['contractEndDays', -5, 'Contract Ends Within (Days)', 'is below 0', 'a number of at least 0'],
		// An expression giving NaN: shown as NaN (JSON.stringify wrote null, a value the user never gave).
		['medium', '={{ NaN }}', 'Medium From Risk Score', 'is not a number', `a number from 0 to 100${SCALE}`, 'NaN'],
	])('%s = %p stops the run naming the threshold', async (name, value, label, problem, expected, shown = JSON.stringify(value)) => {
		const result = await runNode({
			type: 'detectChurnRisk',
			parameters: { method: 'rules', inputShape: 'summary', signals, thresholds: { [name]: value }, asOf },
			items: customers(),
		});
		expect(result.error?.message).toBe(`Parameter "Thresholds › ${label}" is ${shown}, which ${problem} (expected ${expected})`);
	});
});

describe('Detect Churn Risk horizon', () => {
	it.each([
		['weeks', 1e300],
		['weeks', 10436],
		['days', 73051],
	])('a horizon of %s %p is refused, not counted period by period', async (timeUnit, horizon) => {
		const result = await runNode({
			type: 'detectChurnRisk',
			parameters: { method: 'bgNbd', inputShape: 'summary', timeUnit, horizon, asOf },
			items: customers(),
		});
		expect(result.error?.message).toMatch(new RegExp(`^Parameter "Horizon" is ${String(horizon).replace('+', '\\+')}, which is above \\d+ \\(expected a number of ${timeUnit} more than 0 and at most \\d+: 200 years\\)$`));
	});
});

describe('Detect Churn Risk rounding', () => {
	// Far-out supplied parameters give very large but finite expectations; rounding them to 4
	// decimals must not turn them into Infinity. (Count-model parameters beyond the range a fit gives,
	// 1e-6 to 1e6, are refused: see detectChurnRisk.node.test.ts.)
	it.each([
		['paretoNbd', { r: 1e6, alpha: 1e-6, s: 1e-6, beta: 1e6 }, undefined],
		['paretoNbd', { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 }, { p: 1e8, q: 2, gamma: 1 }],
		['bgNbd', { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, { p: 1e8, q: 2, gamma: 1 }],
	])('%s with %p', async (method, parameters, spendParameters?: IDataObject) => {
		const result = await runNode({
			type: 'detectChurnRisk',
			parameters: { method, inputShape: 'summary', modelSource: 'supplied', suppliedParameters: JSON.stringify({ method, parameters, spendParameters }), asOf },
			items: customers().map((c) => ({ ...c, monetary: 20 })),
			onError: 'continueErrorOutput',
		});
		expect(result.error).toBeUndefined();
		const scored = scoredOf(result);
		expect(scored.length + result.json(NODE_UNDER_TEST, 3).length).toBe(200);
		expect(scored.length).toBeGreaterThan(0);
		expect(nonFinitePaths(scored)).toEqual([]);
	});
});

describe('Detect Churn Risk number parameters', () => {
	const orders = (): IDataObject[] =>
		Array.from({ length: 12 }, (_, i) => ({ customerId: `C${i % 4}`, orderDate: new Date(Date.parse(asOf) - (i * 23 + 1) * 86_400_000).toISOString(), amount: 10 + i }));
	it.each([
		[{ method: 'bgNbd', inputShape: 'summary', horizon: null }, customers, 'Parameter "Horizon" is null, which is not a number (expected a number)'],
		[{ method: 'paretoNbd', inputShape: 'summary', horizon: '' }, customers, 'Parameter "Horizon" is "", which is not a number (expected a number)'],
		[{ method: 'bgNbd', inputShape: 'summary', annualDiscountRate: null }, customers, 'Parameter "Annual Discount Rate (%)" is null, which is not a number (expected a number)'],
		[{ method: 'rules', inputShape: 'transaction', spendWindowDays: 0 }, orders, 'Parameter "Spend Window (Days)" is 0, which is not more than 0 (expected a number of days more than 0 and at most 73050)'],
		[{ method: 'rules', inputShape: 'transaction', spendWindowDays: -30 }, orders, 'Parameter "Spend Window (Days)" is -30, which is not more than 0 (expected a number of days more than 0 and at most 73050)'],
		[{ method: 'rules', inputShape: 'transaction', spendWindowDays: 1e308 }, orders, 'Parameter "Spend Window (Days)" is 1e+308, which is above 73050 (expected a number of days more than 0 and at most 73050)'],
		[{ method: 'rules', inputShape: 'transaction', spendWindowDays: null }, orders, 'Parameter "Spend Window (Days)" is null, which is not a number (expected a number)'],
	])('%j stops the run naming the parameter', async (parameters, items, message) => {
		const result = await runNode({ type: 'detectChurnRisk', parameters: { ...parameters, asOf }, items: items() });
		expect(result.error?.message).toBe(message);
	});
});
