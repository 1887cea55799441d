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

describe('date-times with an offset no time zone has, through the engine', () => {
	const offsets = ['2025-12-01T00:00:00+25:00', '2025-12-01T08:00:00+05:99', '2025-12-01 08:00:00-1500'];
	it.each([
		['segmentCustomer', { method: 'rfm', asOf }, 'lastPurchaseAt', 2],
		['segmentCustomer', { method: 'rfm', inputShape: 'transaction', asOf }, 'orderDate', 2],
		['detectChurnRisk', { method: 'rules', inputShape: 'customer', asOf }, 'firstPurchaseAt', 3],
		['scoreSatisfaction', { metrics: ['nps'], aggregatePerCustomer: true }, 'respondedAt', 2],
	])('%s (%j) rejects each as not a date in %s', async (type, parameters, field, errorOutput) => {
		const good = { customerId: 'ok', firstPurchaseAt: '2025-01-01', lastPurchaseAt: '2025-12-01', orderCount: 3, totalSpend: 300, orderDate: '2025-12-01', amount: 5, respondedAt: '2025-12-01', nps: 9 };
		const items = [good, ...offsets.map((value, i) => ({ ...good, customerId: `bad${i}`, [field]: value }))];
		const result = await runNode({ type, parameters, items, onError: 'continueErrorOutput' });
		expect(result.error).toBeUndefined();
		const errors = result.json(NODE_UNDER_TEST, errorOutput).map((e) => e.error as string);
		expect(errors).toEqual(offsets.map((value, i) => expect.stringMatching(new RegExp(`^Item ${i + 1}: field "${field}" is "${value.replace('+', '\\+')}", which is not a date`))));
	});
});
