import type { IDataObject } from 'n8n-workflow';
import { NODE_UNDER_TEST, runNode } from '../helpers/runWorkflow';

/**
 * Days are counted on the workflow zone's calendar: in New York, 2024-08-12 to As Of 2024-11-10 is 90
 * days although the clocks went back on 2024-11-03 (90.04 days of elapsed time). Before, such a customer
 * was "At Risk" instead of "Active" (active within 90 days), a first purchase 30 days ago was not "New",
 * a rule "within the last 90 days" did not match, RFM recency read 9.04, and Detect Churn Risk's
 * inactivity signal did not fire for 90 days of silence after a usual interval of 45 across the spring change.
 */
const timezone = 'America/New_York';
const asOf = '2024-11-10';

async function run(type: string, parameters: IDataObject, items: IDataObject[], zone = timezone) {
	const result = await runNode({ type, parameters: { asOf, ...parameters }, items, timezone: zone, onError: 'continueErrorOutput' });
	expect(result.error).toBeUndefined();
	return result;
}

describe.each([timezone, 'Europe/Berlin', 'UTC'])('calendar days in %s', (zone) => {
	it('Segment Customer lifecycle, RFM recency and custom rules', async () => {
		const lifecycle = await run(
			'segmentCustomer',
			{ method: 'lifecycle' },
			[
				{ customerId: 'A', firstPurchaseAt: '2024-01-01', lastPurchaseAt: '2024-08-12', orderCount: 3, totalSpend: 1 },
				{ customerId: 'B', firstPurchaseAt: '2024-10-11', lastPurchaseAt: '2024-10-11', orderCount: 1, totalSpend: 1 },
			],
			zone,
		);
		expect(lifecycle.json(NODE_UNDER_TEST, 0).map((j) => [(j.segment as IDataObject).key, (j.segment as IDataObject).daysSinceLast])).toEqual([
			['active', 90],
			['new', 30],
		]);

		const rfm = await run('segmentCustomer', { method: 'rfm' }, [{ customerId: 'A', lastPurchaseAt: '2024-11-01', orderCount: 3, totalSpend: 1 }], zone);
		expect(((rfm.json(NODE_UNDER_TEST, 0)[0].segment as IDataObject).values as IDataObject).recencyDays).toBe(9);

		const transactions = await run('segmentCustomer', { method: 'rfm', inputShape: 'transaction' }, [{ customerId: 'A', orderDate: '2024-11-01T10:00:00', amount: 1 }], zone);
		expect(((transactions.json(NODE_UNDER_TEST, 0)[0].segment as IDataObject).values as IDataObject).recencyDays).toBe(8.58);

		const rules = await run(
			'segmentCustomer',
			{ method: 'customRules', rules: { rule: [{ field: 'lastPurchaseAt', operator: 'withinLastDays', value: '90', label: 'recent' }] } },
			[{ customerId: 'A', lastPurchaseAt: '2024-08-12', orderCount: 3, totalSpend: 1 }],
			zone,
		);
		expect((rules.json(NODE_UNDER_TEST, 0)[0].segment as IDataObject).key).toBe('recent');
	});

	it('Detect Churn Risk: days since the last purchase and the usual interval', async () => {
		// 90 days of silence after a usual interval of 45 reaches the default threshold of 2 intervals; across
		// the spring change elapsed time says 89.96 days, 1.999 intervals, and the signal stayed silent.
		const result = await run(
			'detectChurnRisk',
			{ method: 'rules', asOf: '2024-05-01' },
			[{ customerId: 'A', firstPurchaseAt: '2023-12-18', lastPurchaseAt: '2024-02-01', orderCount: 2 }],
			zone,
		);
		const churn = [0, 1].flatMap((o) => result.json(NODE_UNDER_TEST, o)).map((j) => j.churn as IDataObject)[0];
		expect(churn.reasons).toEqual(["No purchase for 90 days, 2 times this customer's usual interval"]);
	});
});
