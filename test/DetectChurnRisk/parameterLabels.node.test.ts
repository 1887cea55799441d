import type { IDataObject } from 'n8n-workflow';
import { cdnowSummary } from '../models/cdnowData';
import { NODE_UNDER_TEST, runNode } from '../helpers/runWorkflow';

/**
 * What an expression can give a column, a Rule Signals column, Parameters JSON or Annual Discount Rate
 * (%): a value that is no text (or no object, no rate) stops the run naming the parameter by its label
 * and showing the value, never a raw error or a column named "true"; a number is its digits.
 */
const asOf = '1997-09-30T00:00:00Z';
const summary: IDataObject[] = cdnowSummary()
	.slice(0, 6)
	.map((c, i) => ({ customerId: `C${i}`, x: c.x, tx: c.tx, T: c.T, complaints: i % 3, 5: i % 3 }));
const orders: IDataObject[] = [
	{ customerId: 'a', orderDate: '1997-01-15', amount: 100 },
	{ customerId: 'b', orderDate: '1997-02-10', amount: 30 },
];
const supplied = { method: 'bgNbd', modelSource: 'supplied', suppliedParameters: JSON.stringify({ method: 'bgNbd', parameters: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } }) };
const notText = (label: string, shown: string) => `Parameter "${label}" is ${shown}, which is not text (expected a column name)`;

async function run(parameters: IDataObject, items = summary) {
	return runNode({ type: 'detectChurnRisk', parameters: { method: 'rules', inputShape: 'summary', asOf, ...parameters }, items });
}

describe('Detect Churn Risk parameters named by their labels', () => {
	it.each([
		[{ customerIdColumn: '={{ {a: 1} }}' }, summary, notText('Customer ID Column', '"{"a":1}"')],
		[{ countColumn: '={{ true }}' }, summary, notText('Customer Count Column', 'true')],
		[{ inputShape: 'customer', totalSpendColumn: '={{ [1, 2] }}' }, summary, notText('Total Spend Column', '"[1,2]"')],
		[{ inputShape: 'transaction', dateColumn: '={{ true }}' }, orders, notText('Order Date Column', 'true')],
		[{ signals: { complaintsColumn: '={{ {a: 1} }}' } }, summary, notText('Rule Signals › Complaints Column', '"{"a":1}"')],
		[{ inputShape: 'transaction', signals: { satisfactionColumn: '={{ true }}' } }, orders, notText('Rule Signals › Satisfaction Column', 'true')],
		[{ ...supplied, suppliedParameters: '={{ 5 }}' }, summary, 'Parameter "Parameters JSON" is 5, which is not a model\'s parameters (expected the Model output item of an earlier run, or its "parameters" object)'],
		[{ ...supplied, suppliedParameters: '={{ null }}' }, summary, 'Parameter "Parameters JSON" is null, which is not a model\'s parameters (expected the Model output item of an earlier run, or its "parameters" object)'],
		[{ ...supplied, suppliedParameters: '{"method": {"a": 1}}' }, summary, 'The supplied parameters are for "{"a":1}", which is not this run\'s method (expected parameters fitted with bgNbd: set Method to theirs, or fit again)'],
		[{ ...supplied, annualDiscountRate: -1 }, summary, 'Parameter "Annual Discount Rate (%)" is -1, which is below 0 (expected a number of at least 0)'],
	])('%j', async (parameters, items, message) => {
		expect((await run(parameters, items)).error?.message).toBe(message);
	});

	it('names a Rule Signals column whose expression differs between items by its label', async () => {
		const signal = await run({ signals: { complaintsColumn: '={{ $json.customerId === "C0" ? "complaints" : "5" }}' } });
		expect(signal.error?.message).toMatch(/^Parameter "Rule Signals › Complaints Column" is an expression that gives item 0 "complaints" but item 1 "5"; /);
	});

	// batchParameter read the whole collection under its name: 'Parameter "thresholds.high" is an expression …'.
	it('names a threshold whose expression differs between items by its labels', async () => {
		const threshold = await run({ thresholds: { high: '={{ $json.customerId === "C0" ? 50 : 60 }}' } });
		expect(threshold.error?.message).toMatch(/^Parameter "Thresholds › High From Risk Score" is an expression that gives item 0 50 but item 1 60; /);
	});

	it('reads a number given for a signal column as its digits (5 is the column "5")', async () => {
		const asNumber = await run({ signals: { complaintsColumn: '={{ 5 }}' } });
		const asText = await run({ signals: { complaintsColumn: '5' } });
		expect(asNumber.error).toBeUndefined();
		expect(asNumber.json(NODE_UNDER_TEST, 0)).toEqual(asText.json(NODE_UNDER_TEST, 0));
		expect(asNumber.json(NODE_UNDER_TEST, 1)).toEqual(asText.json(NODE_UNDER_TEST, 1));
	});
});
