import { callNodeAsTool, fromAgent, TOOL_PATHS } from './toolHarness';

const customerColumns = {
	customerIdColumn: fromAgent('customerId', 'the customer ID'),
	firstPurchaseColumn: fromAgent('firstPurchaseAt', 'date of the first purchase, YYYY-MM-DD'),
	lastPurchaseColumn: fromAgent('lastPurchaseAt', 'date of the last purchase, YYYY-MM-DD'),
	purchaseCountColumn: fromAgent('orderCount', 'number of orders including the first', 'number'),
};
const rules = { method: 'rules', inputShape: 'customer', asOf: '2026-03-01', ...customerColumns };
const cdnowBgNbd = { method: 'bgNbd', parameters: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, typicalIntervalDays: 60 };
const supplied = { ...rules, method: 'bgNbd', modelSource: 'supplied', suppliedParameters: JSON.stringify(cdnowBgNbd), timeUnit: 'weeks', horizon: 26 };

describe.each(TOOL_PATHS)('Detect Churn Risk as an AI-agent tool (%s path)', (via) => {
	it('asks for the $fromAI fields, says what to pass, and answers an at-risk customer with level and reasons', async () => {
		const call = await callNodeAsTool({
			type: 'detectChurnRisk',
			parameters: rules,
			args: { customerId: 'C1', firstPurchaseAt: '2023-01-01', lastPurchaseAt: '2024-01-01', orderCount: 5 },
			via,
		});
		expect(call.error).toBeUndefined();
		expect(call.arguments.sort()).toEqual(['customerId', 'firstPurchaseAt', 'lastPurchaseAt', 'orderCount']);
		expect(call.description).toMatch(/^Churn risk of one customer/);
		for (const field of ['customerId', 'firstPurchaseAt', 'lastPurchaseAt', 'orderCount']) expect(call.description).toContain(field);
		expect(call.answer).toEqual([
			expect.objectContaining({
				customerId: 'C1',
				churn: expect.objectContaining({ riskLevel: 'high', reasons: [expect.stringContaining('No purchase for 790 days')] }),
			}),
		]);
	});

	it('answers a healthy customer too (the Healthy output), with its level', async () => {
		const call = await callNodeAsTool({
			type: 'detectChurnRisk',
			parameters: rules,
			args: { customerId: 'C2', firstPurchaseAt: '2025-06-01', lastPurchaseAt: '2026-02-20', orderCount: 10 },
			via,
		});
		expect(call.answer).toEqual([expect.objectContaining({ customerId: 'C2', churn: expect.objectContaining({ riskLevel: 'low', riskScore: 0, reasons: [] }) })]);
	});

	it('scores with supplied model parameters: the customer alone, no Model item', async () => {
		const call = await callNodeAsTool({
			type: 'detectChurnRisk',
			parameters: supplied,
			args: { customerId: 'C3', firstPurchaseAt: '2025-01-01', lastPurchaseAt: '2026-02-15', orderCount: 12 },
			via,
		});
		const answer = call.answer as Array<{ churn: Record<string, unknown> }>;
		expect(answer).toHaveLength(1);
		expect(answer[0].churn).toMatchObject({ method: 'bgNbd', horizon: 26, timeUnit: 'weeks' });
		const alive = answer[0].churn.probabilityAlive as number;
		expect(alive).toBeGreaterThan(0.5);
		expect(answer[0].churn.churnProbability).toBeCloseTo(1 - alive, 4);
		expect(answer[0].churn.expectedPurchases).toBeGreaterThan(0);
	});

	it('refuses a fit on the one customer with what to set instead', async () => {
		const call = await callNodeAsTool({
			type: 'detectChurnRisk',
			parameters: { ...supplied, modelSource: 'fit' },
			args: { customerId: 'C3', firstPurchaseAt: '2025-01-01', lastPurchaseAt: '2026-02-15', orderCount: 12 },
			via,
		});
		expect(call.error).toBeUndefined();
		expect(call.answer).toEqual([
			expect.objectContaining({
				error: expect.stringMatching(/one customer per call, so Model Parameters "Fit on This Batch" \(BG\/NBD\) cannot be used.*Use Supplied Parameters/),
				description: 'Check the node parameters.',
			}),
		]);
	});

	it('refuses one item per transaction', async () => {
		const call = await callNodeAsTool({
			type: 'detectChurnRisk',
			parameters: { method: 'rules', inputShape: 'transaction', asOf: '2026-03-01', customerIdColumn: fromAgent('customerId', 'the customer ID') },
			args: { customerId: 'C4' },
			via,
		});
		expect(call.answer).toEqual([expect.objectContaining({ error: expect.stringContaining('Input Shape "One Item per Transaction" cannot be used: one order is not a purchase history') })]);
	});

	// Continue (using error output) is left out on the engine path: n8n's engine then replaces the tool node's
	// output 0 by its (empty) error output for any node type, so the AI Agent 3 gets an empty answer.
	const errorSettings = via === 'wrapper' ? (['stopWorkflow', 'continueRegularOutput', 'continueErrorOutput'] as const) : (['stopWorkflow', 'continueRegularOutput'] as const);
	it.each(errorSettings)('answers a bad value with the field, value and what was expected (error setting %s)', async (onError) => {
		const call = await callNodeAsTool({
			type: 'detectChurnRisk',
			parameters: rules,
			args: { customerId: 'C5', firstPurchaseAt: '2025-01-01', lastPurchaseAt: 'next tuesday', orderCount: 3 },
			via,
			onError,
		});
		expect(call.error).toBeUndefined();
		expect(call.answer).toEqual([
			expect.objectContaining({
				error: expect.stringMatching(/^field "lastPurchaseAt" is "next tuesday", which .*expected/),
				description: expect.stringContaining('Check the column mapped to "lastPurchaseAt"'),
			}),
		]);
	});
});
