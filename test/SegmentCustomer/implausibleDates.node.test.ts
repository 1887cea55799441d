import { NODE_UNDER_TEST, runNode } from '../helpers/runWorkflow';

/** Numbers and texts that are no plausible date leave as item errors naming field, value and range, in every node that reads dates. */
const implausible: unknown[] = [0, -1, 1e-320, 1767225600000000, '0001-01-01', 99999999999];
const asOf = '2026-03-01T00:00:00Z';

describe('implausible dates through the engine', () => {
	it.each([
		['segmentCustomer', { method: 'rfm', asOf }, 'lastPurchaseAt'],
		['segmentCustomer', { method: 'lifecycle', asOf }, 'firstPurchaseAt'],
		['detectChurnRisk', { method: 'rules', inputShape: 'customer', asOf }, 'lastPurchaseAt'],
		['detectChurnRisk', { method: 'rules', inputShape: 'customer', asOf, signals: { contractEndColumn: 'contractEnd' } }, 'contractEnd'],
	])('%s (%j) rejects each implausible %s', async (type, parameters, field) => {
		const good = { customerId: 'ok', firstPurchaseAt: '2025-01-01', lastPurchaseAt: '2025-12-01', orderCount: 3, totalSpend: 300, contractEnd: '2026-12-31' };
		const items = [good, ...implausible.map((value, i) => ({ ...good, customerId: `bad${i}`, [field]: value }))];
		const result = await runNode({ type, parameters, items, onError: 'continueErrorOutput' });
		expect(result.error).toBeUndefined();
		const errorOutput = type === 'segmentCustomer' ? 2 : 3;
		const errors = result.json(NODE_UNDER_TEST, errorOutput).map((e) => e.error as string);
		expect(errors).toHaveLength(implausible.length);
		errors.forEach((error, i) => {
			expect(error).toMatch(new RegExp(`^Item ${i + 1}: field "${field}" is `));
			expect(error).toMatch(/\(expected a date from 1900-01-01 to 2199-12-31/);
		});
	});
});
