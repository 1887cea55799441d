import type { IDataObject } from 'n8n-workflow';
import { NODE_UNDER_TEST, runNode } from '../helpers/runWorkflow';

/**
 * Measure Uplift and KPI Report's Customers With Churn Results count one item per customer, by the
 * Customer ID Column (default customerId). A customer given twice (a join that fans out, a page read twice,
 * an export with a repeated row) counted as two customers without a word, in the group sizes and so in the
 * uplift, its interval and the KPIs. A later item of a customer already counted is now that item's error,
 * naming the column, the ID and the item counted first; the ID is read as Assign Holdout reads it (" a " is
 * a, 7 is "7"); an item refused for another reason claims no ID. Inputs without the column in any item are
 * counted as before, with a warning above the output.
 */
type Run = Awaited<ReturnType<typeof runNode>>;
const errors = (run: Run, output: number) => run.json(NODE_UNDER_TEST, output).map((e) => e.error);
const hints = (run: Run) => (run.run.data.resultData.runData[NODE_UNDER_TEST][0].hints ?? []).map((h) => h.message);
const warning = (column: string) =>
	`No item has the field "${column}" (Customer ID Column): the customers were counted without checking that each is given once, so a customer in two items counts twice. Set Customer ID Column to the field holding the customer IDs.`;
const once = (column: string, id: string, first: number, counted: string) =>
	`field "${column}" is ${id}, which is also the customer ID of item ${first} (expected one item per customer: given twice, a customer counts twice in ${counted})`;

/**
 * Items as sources give a repeated customer, each with its own group, value and ID form, and the items of
 * each customer counted once: the first valid item of each ID. `at` places the values of each item.
 */
function repeated<T extends IDataObject>(id: (value: string | number) => IDataObject, at: (i: number) => T) {
	const items = [
		{ ...id('a'), ...at(0) },
		{ ...id('b'), ...at(1) },
		{ ...id('a'), ...at(2) }, // the same row again (a join fanning out)
		{ ...id(' a '), ...at(3) }, // padded: still a
		{ ...id(7), ...at(4) },
		{ ...id('7'), ...at(5) }, // 7 as text: the same customer as the number 7
		{ ...id('c'), ...at(6), bad: true }, // refused for its value: claims no ID
		{ ...id('c'), ...at(7) },
		{ ...id('d'), ...at(8) },
		at(9), // no ID while the others have one
	];
	return { items, counted: [0, 1, 4, 7, 8] };
}

const uplift = (items: IDataObject[], parameters: IDataObject = {}) =>
	runNode({
		type: 'measureCareImpact',
		parameters: { operation: 'measureUplift', campaign: 'c', stratumColumn: 'stratum', upliftOptions: { includeState: true }, ...parameters },
		items,
		onError: 'continueErrorOutput',
	});
const upliftValues = (i: number): IDataObject => ({ group: i % 2 ? 'holdout' : 'treatment', stratum: i % 3 ? 's1' : 's2', converted: i % 4 < 2, revenue: 10 * i });
const badUplift = ({ bad, ...json }: IDataObject): IDataObject => (bad ? { ...json, converted: 'maybe' } : json);
/** The results and state, without the page ID (a digest of the items, which differ). */
const measured = (run: Run) => run.json(NODE_UNDER_TEST, 0).map((j) => (j.kind === 'state' ? { ...j, state: { ...(j.state as IDataObject), pages: undefined } } : j));

describe('Measure Uplift counts each customer once', () => {
	it.each([
		['customerId (the default)', {}, (value: string | number): IDataObject => ({ customerId: value }), 'customerId'],
		['a dot path', { customerIdColumn: 'customer.code' }, (value: string | number): IDataObject => ({ customer: { code: value } }), 'customer.code'],
	])('by %s: a later item of a customer is its error, naming the first', async (_name, parameters, id, column) => {
		const { items, counted } = repeated(id, (i) => ({ impact: {}, ...upliftValues(i) }));
		const run = await uplift(items.map(badUplift), { groupColumn: 'group', ...parameters });
		expect(errors(run, 1)).toEqual([
			`Item 2: ${once(column, '"a"', 0, 'the uplift')}`,
			`Item 3: ${once(column, '" a "', 0, 'the uplift')}`,
			`Item 5: ${once(column, '"7"', 4, 'the uplift')}`,
			expect.stringContaining('Item 6: field "converted" is "maybe"'),
			`Item 9: field "${column}" is missing, which is empty (expected a customer ID (text or number))`,
		]);
		const alone = await uplift(counted.map((i) => items[i]), { groupColumn: 'group', ...parameters });
		expect(measured(run)).toEqual(measured(alone));
		expect(hints(run)).toEqual([]);
	});

	it('counts items without the column in any item as before, saying it could not check them', async () => {
		const items = [0, 1, 2, 3].map((i) => ({ id: `c${i}`, ...upliftValues(i) }));
		const run = await uplift(items, { groupColumn: 'group' });
		expect(errors(run, 1)).toEqual([]);
		expect(run.json(NODE_UNDER_TEST, 0)[0]).toMatchObject({ treatment: { customers: 2 }, holdout: { customers: 2 } });
		expect(hints(run)).toEqual([warning('customerId')]);
		expect(hints(await uplift(items, { groupColumn: 'group', customerIdColumn: 'id' }))).toEqual([]);
	});
});

const churnReport = (items: IDataObject[], parameters: IDataObject = {}) =>
	runNode({ type: 'measureCareImpact', parameters: { operation: 'kpiReport', source: 'customers', groupByColumn: 'segment', ...parameters }, items, onError: 'continueErrorOutput' });
const churnValues = (i: number): IDataObject => ({ churn: { churnProbability: i / 10, riskLevel: i % 2 ? 'high' : 'low', expectedValue: 100 + i }, segment: i % 3 ? 'vip' : 'new' });
const badChurn = ({ bad, ...json }: IDataObject): IDataObject => (bad ? { ...json, churn: { ...(json.churn as IDataObject), riskLevel: 'severe' } } : json);

describe('KPI Report (Customers With Churn Results) counts each customer once', () => {
	it('refuses a later item of a customer, naming the first, and reports the customers counted once', async () => {
		const { items, counted } = repeated((value) => ({ customerId: value }), churnValues);
		const run = await churnReport(items.map(badChurn));
		expect(errors(run, 1)).toEqual([
			`Item 2: ${once('customerId', '"a"', 0, 'the KPIs')}`,
			`Item 3: ${once('customerId', '" a "', 0, 'the KPIs')}`,
			`Item 5: ${once('customerId', '"7"', 4, 'the KPIs')}`,
			expect.stringContaining('Item 6: field "churn.riskLevel" is "severe"'),
			'Item 9: field "customerId" is missing, which is empty (expected a customer ID (text or number))',
		]);
		expect(run.json(NODE_UNDER_TEST, 0)).toEqual((await churnReport(counted.map((i) => items[i]))).json(NODE_UNDER_TEST, 0));
		expect(run.json(NODE_UNDER_TEST, 0)[0]).toMatchObject({ customers: 5 });
	});

	it('reads another Customer ID Column, and reports input without the column as before with a warning', async () => {
		const items = [0, 1, 2].map((i) => ({ id: i === 2 ? 'x0' : `x${i}`, ...churnValues(i) }));
		const byId = await churnReport(items, { kpiCustomerIdColumn: 'id' });
		expect(errors(byId, 1)).toEqual([`Item 2: ${once('id', '"x0"', 0, 'the KPIs')}`]);
		const unchecked = await churnReport(items);
		expect(errors(unchecked, 1)).toEqual([]);
		expect(unchecked.json(NODE_UNDER_TEST, 0)[0]).toMatchObject({ customers: 3 });
		expect(hints(unchecked)).toEqual([warning('customerId')]);
	});
});
