import type { IDataObject } from 'n8n-workflow';
import { NODE_UNDER_TEST, runNode } from '../helpers/runWorkflow';
import { nonFinite, outputsOf } from '../helpers/runChecks';
import { ZONE_AS_OF, calendarDaysBetween, dateForms, instantOf, round2, withOffset } from './zoneCases';

/**
 * Segment Customer counts recency on the workflow zone's calendar (README, Segment Customer): in every
 * zone, with As Of at a clock change, at midnight and a millisecond before it, on 29 February and at the
 * year's end, the recency of each last purchase (date only, local date-time, with an offset, epoch s/ms)
 * is the wall-clock days between it and As Of, and As Of is written back with the zone's offset.
 */
describe.each(ZONE_AS_OF)('Segment Customer in %s, As Of %s', (zone, asOfText) => {
	const asOfInstant = instantOf(asOfText, zone);
	const forms = dateForms(asOfInstant, zone);

	it('RFM recency, one item per customer and one per transaction', async () => {
		const items = forms.map((f, i) => ({ customerId: `C${i}`, lastPurchaseAt: f.value, orderCount: 2, totalSpend: 10 }));
		const perCustomer = await runNode({ type: 'segmentCustomer', parameters: { method: 'rfm', asOf: asOfText }, items, timezone: zone, onError: 'continueErrorOutput' });
		expect(perCustomer.error).toBeUndefined();
		const out = perCustomer.json(NODE_UNDER_TEST, 0);
		expect(outputsOf(perCustomer).at(-1)).toEqual([]);
		expect(nonFinite(out)).toEqual([]);
		const expected = forms.map((f) => ({ form: f.form, value: f.value, recencyDays: round2(calendarDaysBetween(f.instant, asOfInstant, zone)), asOf: withOffset(asOfInstant, zone) }));
		const actual = out.map((j, i) => {
			const segment = j.segment as IDataObject;
			return { form: forms[i].form, value: forms[i].value, recencyDays: (segment.values as IDataObject).recencyDays, asOf: segment.asOf };
		});
		expect(actual).toEqual(expected);

		const transactions = forms.map((f, i) => ({ customerId: `C${i}`, orderDate: f.value, amount: 5 }));
		const perTransaction = await runNode({
			type: 'segmentCustomer',
			parameters: { method: 'rfm', inputShape: 'transaction', asOf: asOfText },
			items: transactions,
			timezone: zone,
			onError: 'continueErrorOutput',
		});
		expect(perTransaction.error).toBeUndefined();
		expect(outputsOf(perTransaction).at(-1)).toEqual([]);
		const byCustomer = new Map(perTransaction.json(NODE_UNDER_TEST, 0).map((j) => [j.customerId, ((j.segment as IDataObject).values as IDataObject).recencyDays]));
		expect(forms.map((f, i) => ({ value: f.value, recencyDays: byCustomer.get(`C${i}`) }))).toEqual(expected.map((e) => ({ value: e.value, recencyDays: e.recencyDays })));
	});

	it('lifecycle: days since the last and the first purchase', async () => {
		const items = forms.map((f, i) => ({ customerId: `C${i}`, firstPurchaseAt: f.value, lastPurchaseAt: f.value, orderCount: 1, totalSpend: 10 }));
		const result = await runNode({ type: 'segmentCustomer', parameters: { method: 'lifecycle', asOf: asOfText }, items, timezone: zone, onError: 'continueErrorOutput' });
		expect(result.error).toBeUndefined();
		expect(outputsOf(result).at(-1)).toEqual([]);
		const out = result.json(NODE_UNDER_TEST, 0);
		expect(nonFinite(out)).toEqual([]);
		expect(out.map((j, i) => ({ value: forms[i].value, days: (j.segment as IDataObject).daysSinceLast }))).toEqual(
			forms.map((f) => ({ value: f.value, days: round2(calendarDaysBetween(f.instant, asOfInstant, zone)) })),
		);
	});
});
