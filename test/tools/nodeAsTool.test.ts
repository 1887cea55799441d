import { callNodeAsTool, TOOL_PATHS } from './toolHarness';

/** A column parameter that makes the agent pass `key` (a $fromAI placeholder) and reads the item field `key`. */
const agentField = (key: string, what: string) => `={{ $fromAI('${key}', '${what}', 'string') && '${key}' }}`;

describe.each(TOOL_PATHS)('our nodes as AI-agent tools (%s path)', (via) => {
	it('Detect Churn Risk (rules): the tool asks for the $fromAI fields and answers an at-risk customer with level and reasons', async () => {
		const call = await callNodeAsTool({
			type: 'detectChurnRisk',
			parameters: {
				method: 'rules',
				inputShape: 'customer',
				asOf: '2026-03-01',
				customerIdColumn: agentField('customerId', 'the customer ID'),
				firstPurchaseColumn: agentField('firstPurchaseAt', 'date of the first purchase, YYYY-MM-DD'),
				lastPurchaseColumn: agentField('lastPurchaseAt', 'date of the last purchase, YYYY-MM-DD'),
				purchaseCountColumn: agentField('orderCount', 'number of orders'),
			},
			args: { customerId: 'C1', firstPurchaseAt: '2023-01-01', lastPurchaseAt: '2024-01-01', orderCount: '5' },
			via,
		});
		expect(call.error).toBeUndefined();
		expect(call.arguments.sort()).toEqual(['customerId', 'firstPurchaseAt', 'lastPurchaseAt', 'orderCount']);
		expect(call.description).toMatch(/churn/i);
		expect(call.answer).toEqual([
			expect.objectContaining({
				customerId: 'C1',
				churn: expect.objectContaining({ riskLevel: 'high', reasons: [expect.stringContaining('No purchase for 790 days')] }),
			}),
		]);
	});
});
