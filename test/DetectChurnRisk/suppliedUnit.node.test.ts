import type { IDataObject } from 'n8n-workflow';
import { cdnowSummary } from '../models/cdnowData';
import { NODE_UNDER_TEST, runNode } from '../helpers/runWorkflow';

/**
 * A Model item names the time unit its parameters are in. Supplied to a run in another unit (a model
 * fitted in weeks scoring a run set to days, an sBG model of monthly renewals scoring yearly ones), the
 * run stops naming both units instead of reading rates per week as rates per day; so does a supplied
 * typical interval no customer base can have. Before, both were scored without a word.
 */
const asOf = '1997-09-30T00:00:00Z';
const customers = (): IDataObject[] => cdnowSummary().slice(0, 300).map((c, i) => ({ customerId: `C${i}`, x: c.x, tx: c.tx, T: c.T }));
const subscribers = (): IDataObject[] => Array.from({ length: 60 }, (_, i) => ({ customerId: `S${i}`, tenure: 1 + (i % 12), active: i % 3 !== 0 }));

async function modelOf(parameters: IDataObject, items: IDataObject[]): Promise<IDataObject> {
	const fit = await runNode({ type: 'detectChurnRisk', parameters, items });
	expect(fit.error).toBeUndefined();
	return fit.json(NODE_UNDER_TEST, 2)[0];
}

async function scoreWith(parameters: IDataObject, model: unknown, items: IDataObject[]) {
	const result = await runNode({
		type: 'detectChurnRisk',
		parameters: { ...parameters, modelSource: 'supplied', suppliedParameters: JSON.stringify(model) },
		items,
		onError: 'continueErrorOutput',
	});
	expect(result.error).toBeUndefined();
	return { scored: [0, 1].flatMap((o) => result.json(NODE_UNDER_TEST, o)), errors: result.json(NODE_UNDER_TEST, 3).map((e) => e.error) };
}

describe('supplied parameters in another time unit', () => {
	it.each(['bgNbd', 'paretoNbd'])('%s fitted in weeks is refused by a run in days, and scores a run in weeks', async (method) => {
		const parameters = { method, inputShape: 'summary', asOf, timeUnit: 'weeks' };
		const model = await modelOf(parameters, customers());
		expect(model.timeUnit).toBe('weeks');
		const days = await scoreWith({ ...parameters, timeUnit: 'days' }, model, customers().slice(0, 5));
		expect(days.scored).toEqual([]);
		expect(days.errors).toEqual(Array(5).fill('The supplied parameters are in "weeks", which is not this run\'s time unit (expected "days": parameters are tied to the time unit they were fitted in; set Time Unit or Renewal Period to theirs, or fit again)'));
		const weeks = await scoreWith(parameters, model, customers().slice(0, 5));
		expect(weeks.errors).toEqual([]);
		expect(weeks.scored).toHaveLength(5);
	});

	it('sBG fitted on monthly renewals is refused by a run of yearly renewals', async () => {
		const parameters = { method: 'sbg', inputShape: 'subscriber', asOf, renewalPeriod: 'month' };
		const model = await modelOf(parameters, subscribers());
		const yearly = await scoreWith({ ...parameters, renewalPeriod: 'year' }, model, subscribers().slice(0, 3));
		expect(yearly.errors).toEqual(Array(3).fill(expect.stringMatching(/^The supplied parameters are in "months", which is not this run's time unit \(expected "years"/)));
	});

	it('parameters without a time unit (typed in, or published) are taken in the run’s unit', async () => {
		const published = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
		const result = await scoreWith({ method: 'bgNbd', inputShape: 'summary', asOf, timeUnit: 'days' }, published, customers().slice(0, 3));
		expect(result.errors).toEqual([]);
		expect(result.scored).toHaveLength(3);
	});

	it.each([1e308, 73_051])('a supplied typicalIntervalDays of %p days is refused', async (typicalIntervalDays) => {
		const parameters = { method: 'bgNbd', inputShape: 'summary', asOf };
		const model = await modelOf(parameters, customers());
		const result = await scoreWith(parameters, { ...model, typicalIntervalDays }, customers().slice(0, 2));
		expect(result.errors).toEqual(Array(2).fill(`Supplied typicalIntervalDays is ${JSON.stringify(typicalIntervalDays)}; expected a number of days > 0 and at most 73050 (200 years)`));
	});
});
