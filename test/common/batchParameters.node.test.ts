import type { IDataObject } from 'n8n-workflow';
import { NODE_UNDER_TEST, runNode, type WorkflowResult } from '../helpers/runWorkflow';

/**
 * A parameter that applies to the whole run, written as an expression that gives the items different
 * values, is not applied with the first item's value to every item: the run stops naming the parameter,
 * the items and the values, and under Continue every item leaves as an error item. An expression that
 * reads no item (`$now`, another node's first item) is read once.
 */
const DIFFERS = /^Parameter "([^"]+)" is an expression that gives item 0 (.+) but item (\d+) (.+); it applies to the whole run/;

function expectEveryItemRejected(result: WorkflowResult, errorOutput: number, count: number, parameter: string, values: [string, string, string]) {
	expect(result.error).toBeUndefined();
	for (let output = 0; output < errorOutput; output++) expect(result.json(NODE_UNDER_TEST, output).filter((j) => j.error === undefined && j.scope === undefined && j.key === undefined)).toEqual([]);
	const errors = result.json(NODE_UNDER_TEST, errorOutput);
	expect(errors).toHaveLength(count);
	for (const error of errors) expect(String(error.error).match(DIFFERS)?.slice(1)).toEqual([parameter, ...values]);
}

const responses: IDataObject[] = [
	{ customerId: 'A', csat: 9, scale: 10, field: 'satisfaction' },
	{ customerId: 'B', csat: 5, scale: 5, field: 'satisfaction' },
	{ customerId: 'C', csat: 4, scale: 5, field: 'rating' },
];

const customers: IDataObject[] = [
	{ customerId: 'A', firstPurchaseAt: '2023-01-01', lastPurchaseAt: '2024-01-01', orderCount: 3, totalSpend: 10, asOf: '2024-02-01', kind: 'x' },
	{ customerId: 'B', firstPurchaseAt: '2023-01-01', lastPurchaseAt: '2024-06-01', orderCount: 3, totalSpend: 10, asOf: '2024-07-01', kind: 'y' },
];

describe('a whole-run parameter whose expression differs between items', () => {
	it('Score Satisfaction: a CSAT scale per item is not scored on the first item’s scale', async () => {
		const result = await runNode({
			type: 'scoreSatisfaction',
			parameters: { metrics: ['csat'], csatScaleMax: '={{ $json.scale }}' },
			items: responses,
			onError: 'continueErrorOutput',
		});
		expectEveryItemRejected(result, 2, 3, 'CSAT Scale To', ['10', '1', '5']);
	});

	it('Score Satisfaction: an Output Field per item (regular output under Continue)', async () => {
		const result = await runNode({
			type: 'scoreSatisfaction',
			parameters: { metrics: ['csat'], outputField: '={{ $json.field }}' },
			items: responses,
			onError: 'continueRegularOutput',
		});
		expect(result.json(NODE_UNDER_TEST, 0).map((j) => String(j.error).match(DIFFERS)?.slice(1))).toEqual(
			Array(3).fill(['Output Field', '"satisfaction"', '2', '"rating"']),
		);
	});

	it('Segment Customer: an As Of per item is not the first item’s for everyone', async () => {
		const result = await runNode({
			type: 'segmentCustomer',
			parameters: { method: 'lifecycle', asOf: '={{ $json.asOf }}' },
			items: customers,
			onError: 'continueErrorOutput',
		});
		expectEveryItemRejected(result, 2, 2, 'As Of', ['"2024-02-01"', '1', '"2024-07-01"']);
	});

	it('Segment Customer: a lifecycle threshold inside an expression that reads another node’s paired item', async () => {
		const result = await runNode({
			type: 'segmentCustomer',
			parameters: { method: 'lifecycle', asOf: '2024-08-01', activeWithinDays: "={{ $('Source').item.json.kind === 'x' ? 90 : 400 }}" },
			items: customers,
			onError: 'continueErrorOutput',
		});
		expectEveryItemRejected(result, 2, 2, 'Active Within (Days)', ['90', '1', '400']);
	});

	it('Detect Churn Risk: a threshold of the Thresholds collection per item, named by its labels', async () => {
		const result = await runNode({
			type: 'detectChurnRisk',
			parameters: { method: 'rules', asOf: '2024-08-01', thresholds: { high: '={{ $json.kind === "x" ? 50 : 10 }}' } },
			items: customers,
			onError: 'continueErrorOutput',
		});
		expectEveryItemRejected(result, 3, 2, 'Thresholds › High From Risk Score', ['50', '1', '10']);
	});

	it('without Continue the run stops with the same message', async () => {
		const result = await runNode({ type: 'detectChurnRisk', parameters: { method: 'rules', timeUnit: '={{ $json.kind === "x" ? "weeks" : "days" }}' }, items: customers });
		expect(result.error?.message).toMatch(/^Parameter "Time Unit" is an expression that gives item 0 "weeks" but item 1 "days"/);
	});
});

describe('a whole-run parameter whose expression gives every item the same value', () => {
	it('reads it once when it reads no item: $now differs between evaluations but is one As Of', async () => {
		const result = await runNode({ type: 'segmentCustomer', parameters: { method: 'lifecycle', asOf: '={{ $now.toISO() }}' }, items: customers, onError: 'continueErrorOutput' });
		expect(result.json(NODE_UNDER_TEST, 2)).toEqual([]);
		const asOfs = result.json(NODE_UNDER_TEST, 0).map((j) => (j.segment as IDataObject).asOf);
		expect(asOfs).toHaveLength(2);
		expect(new Set(asOfs).size).toBe(1);
	});

	it('accepts an expression reading the item when every item gives the same value', async () => {
		const result = await runNode({
			type: 'scoreSatisfaction',
			parameters: { metrics: ['csat'], csatScaleMax: '={{ $json.csat > 100 ? 7 : 10 }}' },
			items: responses,
			onError: 'continueErrorOutput',
		});
		expect(result.json(NODE_UNDER_TEST, 2)).toEqual([]);
		expect(result.json(NODE_UNDER_TEST, 0).map((j) => (j.satisfaction as { csat: IDataObject }).csat.satisfied)).toEqual([true, false, false]);
	});
});
