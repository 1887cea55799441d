import { summariseTransactions } from '../../nodes/shared/customers';

/** t_x and T on the workflow zone's calendar, as a database's `CURRENT_DATE - first_purchase` counts them. */
describe('summariseTransactions: t_x and T across a clock change', () => {
	const orders = ['2024-01-01T00:00:00-05:00', '2024-02-01T00:00:00-05:00', '2024-03-01T00:00:00-05:00'].map((date, i) => ({ customerId: 'A', date: new Date(date), amount: 10, itemIndex: i }));
	const asOf = new Date('2024-06-01T00:00:00-04:00');

	it.each([
		['days', 60, 152],
		['weeks', 60 / 7, 152 / 7],
	] as const)('New York, in %s: t_x and T count calendar days (the clocks went forward on 2024-03-10)', (unit, tx, T) => {
		const [summary] = summariseTransactions(orders, { asOf, unit, collapseSameDay: true, timeZone: 'America/New_York' });
		expect([summary.x, summary.tx, summary.T]).toEqual([2, tx, T]);
	});

	it('UTC: elapsed time, as before', () => {
		const [summary] = summariseTransactions(orders, { asOf, unit: 'days', collapseSameDay: true, timeZone: 'UTC' });
		expect([summary.tx, summary.T]).toEqual([60, (asOf.getTime() - orders[0].date.getTime()) / 86_400_000]);
	});
});
