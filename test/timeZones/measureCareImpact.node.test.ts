import { runNode } from '../helpers/runWorkflow';
import { nonFinite, outputsOf } from '../helpers/runChecks';
import { ZONE_AS_OF, dateForms, instantOf, localDate } from './zoneCases';

/**
 * Measure Care Impact's KPI Report counts whole calendar months before the As Of month in the workflow's
 * zone (README, Report from Orders): in every zone and with As Of at each hard moment, each order (date
 * only, local date-time, with an offset, epoch s/ms) is counted in the month its instant has in that zone,
 * the As Of month is no report month, and the totals count every order.
 */
const MONTHS = 13;

function monthsBefore(month: string, count: number): string[] {
	const [y, m] = month.split('-').map(Number);
	return Array.from({ length: count }, (_, k) => {
		const index = y * 12 + (m - 1) - (count - k);
		return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
	});
}

describe.each(ZONE_AS_OF)('KPI Report in %s, As Of %s', (zone, asOfText) => {
	it('each order in its local month, the As Of month left out of the months', async () => {
		const asOfInstant = instantOf(asOfText, zone);
		const forms = dateForms(asOfInstant, zone);
		// One customer per order: active customers and orders of a month are the orders of that month.
		const items = forms.map((f, i) => ({ customerId: `C${i}`, orderDate: f.value, amount: 10 }));
		const result = await runNode({ type: 'measureCareImpact', parameters: { operation: 'kpiReport', source: 'orders', months: MONTHS, asOf: asOfText }, items, timezone: zone, onError: 'continueErrorOutput' });
		expect(result.error).toBeUndefined();
		const outputs = outputsOf(result);
		expect(outputs.at(-1)).toEqual([]);
		expect(nonFinite(outputs)).toEqual([]);
		const rows = outputs[0];
		const months = monthsBefore(localDate(asOfInstant, zone).slice(0, 7), MONTHS);
		const monthOf = forms.map((f) => localDate(f.instant, zone).slice(0, 7));
		expect(rows.filter((r) => r.kind === 'period').map((r) => ({ period: r.period, orders: r.orders, activeCustomers: r.activeCustomers }))).toEqual(
			months.map((period) => {
				const count = monthOf.filter((m) => m === period).length;
				return { period, orders: count, activeCustomers: count };
			}),
		);
		expect(rows.find((r) => r.kind === 'total')).toMatchObject({ orders: forms.length, customers: forms.length });
	});

	it('each survey answer in its local month, the As Of month left out of the months', async () => {
		const asOfInstant = instantOf(asOfText, zone);
		const forms = dateForms(asOfInstant, zone);
		const items = forms.map((f, i) => ({ customerId: `C${i}`, respondedAt: f.value, nps: 10 }));
		const result = await runNode({ type: 'measureCareImpact', parameters: { operation: 'kpiReport', source: 'responses', months: MONTHS, asOf: asOfText }, items, timezone: zone, onError: 'continueErrorOutput' });
		expect(result.error).toBeUndefined();
		const outputs = outputsOf(result);
		expect(outputs.at(-1)).toEqual([]);
		expect(nonFinite(outputs)).toEqual([]);
		const months = monthsBefore(localDate(asOfInstant, zone).slice(0, 7), MONTHS);
		const monthOf = forms.map((f) => localDate(f.instant, zone).slice(0, 7));
		const periods = outputs[0].filter((r) => r.kind === 'period' || r.period !== undefined);
		expect(periods.map((r) => ({ period: r.period, promoters: r.promoters }))).toEqual(months.map((period) => ({ period, promoters: monthOf.filter((m) => m === period).length })));
	});
});

