import type { IDataObject } from 'n8n-workflow';
import { runNode } from '../helpers/runWorkflow';
import { nonFinite, outputsOf } from '../helpers/runChecks';
import { AS_OF_LOCAL, ZONES, calendarDaysBetween, dateForms, daysBefore, instantOf, localDate, withOffset } from './zoneCases';

/**
 * Detect Churn Risk derives t_x and T at As Of on the workflow zone's calendar (README, Detect Churn Risk):
 * customers given by their first and last purchase dates (date only, local date-time, with an offset,
 * epoch s/ms) score exactly as the same customers given as x, t_x and T counted by an independent
 * wall-clock reference, in every zone and with As Of at a clock change, midnight, 29 February or the
 * year's end. The model is supplied, so both runs use the same parameters.
 */
const model = {
	method: 'bgNbd',
	source: 'fitted',
	parameters: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 },
	timeUnit: 'days',
	typicalIntervalDays: 30,
};
const SCORES = ['probabilityAlive', 'churnProbability', 'expectedPurchases', 'riskScore', 'riskLevel', 'reasons', 'asOf'];

const scores = (outputs: Array<Array<Record<string, unknown>>>) =>
	new Map(
		outputs
			.slice(0, -1)
			.flat()
			.filter((j) => j.churn !== undefined)
			.map((j) => [j.customerId, Object.fromEntries(SCORES.map((k) => [k, (j.churn as IDataObject)[k]]))]),
	);

/** The scores of customers given by dates and by the x, t_x and T the zone's calendar counts, side by side. */
async function datesAndSummaries(zone: string, asOfText: string) {
	const asOfInstant = instantOf(asOfText, zone);
	const forms = dateForms(asOfInstant, zone);
	// Pairs of an earlier first and a later last purchase, in different forms.
	const pairs = forms.flatMap((first, i) => forms.filter((last, j) => (j * 7 + i) % 5 === 0 && last.instant > first.instant).map((last) => ({ first, last })));
	const parameters = { method: 'bgNbd', modelSource: 'supplied', suppliedParameters: JSON.stringify(model), timeUnit: 'days', horizon: 30, asOf: asOfText };
	const dated = await runNode({
		type: 'detectChurnRisk',
		parameters: { ...parameters, inputShape: 'customer' },
		items: pairs.map(({ first, last }, i) => ({ customerId: `C${i}`, firstPurchaseAt: first.value, lastPurchaseAt: last.value, orderCount: 3 })),
		timezone: zone,
		onError: 'continueErrorOutput',
	});
	const summarised = await runNode({
		type: 'detectChurnRisk',
		parameters: { ...parameters, inputShape: 'summary' },
		items: pairs.map(({ first, last }, i) => ({
			customerId: `C${i}`,
			x: 2,
			tx: calendarDaysBetween(first.instant, last.instant, zone),
			T: calendarDaysBetween(first.instant, asOfInstant, zone),
		})),
		timezone: zone,
		onError: 'continueErrorOutput',
	});
	for (const result of [dated, summarised]) {
		expect(result.error).toBeUndefined();
		expect(outputsOf(result).at(-1)).toEqual([]);
		expect(nonFinite(outputsOf(result))).toEqual([]);
	}
	const fromDates = scores(outputsOf(dated));
	const fromSummary = scores(outputsOf(summarised));
	expect(fromDates.size).toBe(pairs.length);
	expect(fromDates.get('C0')?.asOf).toBe(withOffset(asOfInstant, zone));
	const side = (found: Map<unknown, unknown>) => pairs.map((p, i) => ({ asOf: asOfText, first: p.first.value, last: p.last.value, ...(found.get(`C${i}`) as object) }));
	return { fromDates: side(fromDates), fromSummary: side(fromSummary) };
}

describe.each(ZONES)('Detect Churn Risk in %s', (zone) => {
	it('dates give the x, t_x and T of the zone calendar, with As Of at each hard moment', async () => {
		const fromDates: unknown[] = [];
		const fromSummary: unknown[] = [];
		for (const asOfText of AS_OF_LOCAL) {
			const both = await datesAndSummaries(zone, asOfText);
			fromDates.push(...both.fromDates);
			fromSummary.push(...both.fromSummary);
		}
		expect(fromDates).toEqual(fromSummary);
	});
});

/**
 * The same property for one item per transaction: three orders on three local days (the first and last
 * purchase in any form, a date-only order between them) score as the summary x = 2 with the calendar's
 * t_x and T. Compared on the model's numbers: the spend windows add a reason a summary cannot have.
 */
describe.each(ZONES)('Detect Churn Risk from transactions in %s', (zone) => {
	it('orders give the x, t_x and T of the zone calendar, with As Of at each hard moment', async () => {
		const parameters = { method: 'bgNbd', modelSource: 'supplied', suppliedParameters: JSON.stringify(model), timeUnit: 'days', horizon: 30 };
		const model3 = (j: Record<string, unknown>) => {
			const churn = j.churn as IDataObject;
			return { probabilityAlive: churn.probabilityAlive, expectedPurchases: churn.expectedPurchases };
		};
		const fromOrders: unknown[] = [];
		const fromSummary: unknown[] = [];
		for (const asOfText of AS_OF_LOCAL) {
			const asOfInstant = instantOf(asOfText, zone);
			const forms = dateForms(asOfInstant, zone);
			const pairs = forms.flatMap((first, i) =>
				forms
					.filter((last, j) => (j * 3 + i) % 4 === 0 && localDate(last.instant, zone) > daysBefore(localDate(first.instant, zone), -1))
					.map((last) => ({ first, last, middle: daysBefore(localDate(last.instant, zone), 1) })),
			);
			const orders = pairs.flatMap(({ first, last, middle }, i) => [first.value, middle, last.value].map((orderDate) => ({ customerId: `C${i}`, orderDate, amount: 10 })));
			const summaries = pairs.map(({ first, last }, i) => ({
				customerId: `C${i}`,
				x: 2,
				tx: calendarDaysBetween(first.instant, last.instant, zone),
				T: calendarDaysBetween(first.instant, asOfInstant, zone),
			}));
			const run = async (inputShape: string, items: IDataObject[]) => {
				const result = await runNode({ type: 'detectChurnRisk', parameters: { ...parameters, inputShape, asOf: asOfText }, items, timezone: zone, onError: 'continueErrorOutput' });
				expect(result.error).toBeUndefined();
				expect(outputsOf(result).at(-1)).toEqual([]);
				expect(nonFinite(outputsOf(result))).toEqual([]);
				const byId = new Map(outputsOf(result).slice(0, -1).flat().filter((j) => j.churn !== undefined).map((j) => [j.customerId, model3(j)]));
				return pairs.map((p, i) => ({ asOf: asOfText, first: p.first.value, last: p.last.value, ...byId.get(`C${i}`) }));
			};
			fromOrders.push(...(await run('transaction', orders)));
			fromSummary.push(...(await run('summary', summaries)));
		}
		expect(fromOrders).toEqual(fromSummary);
	});
});

/**
 * The smallest case: in New York, first purchase 2024-01-01, last 2024-03-01, As Of
 * 2024-06-01 are 60 and 152 calendar days apart (what `CURRENT_DATE - first_purchase` gives for a summary),
 * and the dates and transactions shapes read them as 60 and 151.958 days of elapsed time (the clocks went
 * forward on 10 March) before L's and K's fixes (request O-to-L.md), so the same customer scored otherwise
 * as dates or orders than as its summary.
 */
describe('t_x and T across a clock change', () => {
	const zone = 'America/New_York';
	const parameters = { method: 'bgNbd', modelSource: 'supplied', suppliedParameters: JSON.stringify(model), timeUnit: 'days', horizon: 365, asOf: '2024-06-01' };
	const churnOf = async (inputShape: string, items: IDataObject[]) => {
		const result = await runNode({ type: 'detectChurnRisk', parameters: { ...parameters, inputShape }, items, timezone: zone, onError: 'continueErrorOutput' });
		expect(result.error).toBeUndefined();
		const [scored] = scores(outputsOf(result)).values();
		// The model's numbers: the transactions' spend windows add a reason the summary cannot have.
		return { probabilityAlive: scored.probabilityAlive, churnProbability: scored.churnProbability, expectedPurchases: scored.expectedPurchases };
	};
	it('one item per customer (dates) equals its summary x = 2, t_x = 60, T = 152', async () => {
		const summary = await churnOf('summary', [{ customerId: 'A', x: 2, tx: 60, T: 152 }]);
		expect(await churnOf('customer', [{ customerId: 'A', firstPurchaseAt: '2024-01-01', lastPurchaseAt: '2024-03-01', orderCount: 3 }])).toEqual(summary);
	});
	it('one item per transaction equals its summary x = 2, t_x = 60, T = 152', async () => {
		const summary = await churnOf('summary', [{ customerId: 'A', x: 2, tx: 60, T: 152 }]);
		const orders = ['2024-01-01', '2024-02-01', '2024-03-01'].map((orderDate) => ({ customerId: 'A', orderDate, amount: 10 }));
		expect(await churnOf('transaction', orders)).toEqual(summary);
	});
});
