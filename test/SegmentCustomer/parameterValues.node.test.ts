import type { IDataObject } from 'n8n-workflow';
import { properties } from '../../nodes/SegmentCustomer/description';
import { NODE_UNDER_TEST, runNode } from '../helpers/runWorkflow';

/**
 * A number parameter that cannot work (cleared, text, negative, a bin count RFM has no grid for)
 * stops the run with a message naming it, or under Continue sends every item to the error output with
 * that message: never read as 0 or NaN, never an internal error.
 */
const customers = (): IDataObject[] =>
	Array.from({ length: 6 }, (_, i) => ({ customerId: `C${i}`, firstPurchaseAt: '2025-01-0' + (i + 1), lastPurchaseAt: `2026-0${1 + (i % 5)}-10`, orderCount: 1 + i, totalSpend: 100 * (i + 1) }));

async function stopped(parameters: IDataObject) {
	const result = await runNode({ type: 'segmentCustomer', parameters: { asOf: '2026-06-01', ...parameters }, items: customers() });
	return result.error?.message;
}

describe('Segment Customer number parameters', () => {
	it.each([
		[{ method: 'rfm', rfmBins: 0 }, 'Parameter "Score Bins" is 0, which is not one of its choices (expected one of 3, 4, 5, 10)'],
		[{ method: 'rfm', rfmBins: 7 }, 'Parameter "Score Bins" is 7, which is not one of its choices (expected one of 3, 4, 5, 10)'],
		[{ method: 'rfm', rfmBins: null }, 'Parameter "Score Bins" is null, which is not one of its choices (expected one of 3, 4, 5, 10)'],
		// An expression's NaN is shown as NaN (JSON.stringify wrote it as null).
		[{ method: 'rfm', rfmBins: '={{ 0 / 0 }}' }, 'Parameter "Score Bins" is NaN, which is not one of its choices (expected one of 3, 4, 5, 10)'],
		// Number() read "0b101" as 5 and true as 1 (not a choice, but the same path).
		[{ method: 'rfm', rfmBins: '={{ "0b101" }}' }, 'Parameter "Score Bins" is "0b101", which is not one of its choices (expected one of 3, 4, 5, 10)'],
		[{ method: 'rfm', rfmBins: '={{ "5" }}' }, undefined],
		[{ method: 'lifecycle', newWithinDays: null }, 'Parameter "New Within (Days)" is null, which is not a number (expected a number)'],
		[{ method: 'lifecycle', newWithinDays: 'abc' }, 'Parameter "New Within (Days)" is "abc", which is not a number (expected a number)'],
		[{ method: 'lifecycle', newWithinDays: -5 }, 'Parameter "New Within (Days)" is -5, which is below 0 (expected a number of at least 0)'],
		[{ method: 'lifecycle', lifecycleMode: 'ownInterval', atRiskWithinIntervals: '' }, 'Parameter "At Risk Within (Intervals)" is "", which is not a number (expected a number)'],
		[{ method: 'valueTier', tierAShare: null }, 'Parameter "Tier A Revenue Share (%)" is null, which is not a number (expected a number)'],
		[{ method: 'valueTier', tierBShare: '' }, 'Parameter "Tier A+B Revenue Share (%)" is "", which is not a number (expected a number)'],
	])('%j', async (parameters, message) => {
		expect(await stopped(parameters)).toBe(message);
	});

	it('under Continue (using error output) every item leaves on the error output with the reason', async () => {
		const items = customers();
		const result = await runNode({ type: 'segmentCustomer', parameters: { method: 'rfm', rfmBins: 0, asOf: '2026-06-01' }, items, onError: 'continueErrorOutput' });
		expect(result.error).toBeUndefined();
		expect(result.json(NODE_UNDER_TEST, 0)).toEqual([]);
		expect(result.json(NODE_UNDER_TEST, 2).map((e) => e.error)).toEqual(items.map(() => 'Parameter "Score Bins" is 0, which is not one of its choices (expected one of 3, 4, 5, 10)'));
	});
});

/**
 * What an expression can give any other parameter: a column or rule text that is no text, a Learned
 * State that is no state, thresholds that cannot hold together. Each stops the run naming the parameter
 * (its label) and showing the value; a number for a text is its digits.
 */
describe('Segment Customer parameters named by their labels', () => {
	const notText = (label: string, shown: string, expected: string) => `Parameter "${label}" is ${shown}, which is not text (expected ${expected})`;
	const rule = (r: IDataObject) => ({ method: 'customRules', rules: { rule: [{ field: 'tier', operator: 'equals', value: 'gold', label: 'Gold', ...r }] } });
	it.each([
		[{ method: 'rfm', customerIdColumn: '={{ {a: 1} }}' }, notText('Customer ID Column', '"{"a":1}"', 'a column name')],
		[{ method: 'lifecycle', purchaseCountColumn: '={{ true }}' }, notText('Order Count Column', 'true', 'a column name')],
		[{ method: 'valueTier', inputShape: 'transaction', amountColumn: '={{ [1, 2] }}' }, notText('Amount Column', '"[1,2]"', 'a column name')],
		[{ method: 'rfm', cutPoints: 'histograms', histogramMeasureColumn: '={{ true }}' }, notText('Measure Column', 'true', 'a column name')],
		[{ method: 'rfm', cutPoints: 'apply', learnedState: '={{ 5 }}' }, 'Parameter "Learned State" is 5, which is not a learned state (expected the learned-state item of an earlier run, an object)'],
		[{ method: 'rfm', cutPoints: 'apply', learnedState: 'not json' }, 'Parameter "Learned State" is "not json", which is not valid JSON (expected the learned-state item of an earlier run, or its JSON)'],
		[{ method: 'rfm', cutPoints: 'apply', learnedState: '{"kind": "rfmCutPoints", "bins": {"a": 1}}' }, 'Learned RFM state: bins is {"a":1} (expected 3, 4, 5, 10 as a number: the Score Bins it was learned with)'],
		[{ method: 'valueTier', tierAShare: -1 }, 'Parameter "Tier A Revenue Share (%)" is -1, which is not more than 0 (expected a percentage more than 0 and at most 100)'],
		[{ method: 'valueTier', tierBShare: 1e308 }, 'Parameter "Tier A+B Revenue Share (%)" is 1e+308, which is above 100 (expected a percentage from Tier A Revenue Share (%) (80) to 100)'],
		[{ method: 'lifecycle', activeWithinDays: 1e308 }, 'Lifecycle day thresholds "Active Within (Days)" 1e+308, "At Risk Within (Days)" 180, "Lapsed Within (Days)" 365 do not grow, so a stage would never be given (expected "Active Within (Days)" <= "At Risk Within (Days)" <= "Lapsed Within (Days)")'],
		[rule({ field: '={{ true }}' }), 'Parameter "Rules › Field" of rule 1 is true, which is not text (expected a column name)'],
		[rule({ operator: '={{ null }}' }), expect.stringMatching(/^Parameter "Rules › Operator" of rule 1 is null, which is not one of its choices \(expected "contains", /)],
		[rule({ value: '={{ {a: 1} }}' }), 'Parameter "Rules › Value" of rule 1 is "{"a":1}", which is not text (expected text or a number)'],
		[rule({ label: '={{ [1, 2] }}' }), 'Parameter "Rules › Label" of rule 1 is "[1,2]", which is not text (expected a segment label)'],
		[{ method: 'customRules', defaultLabel: '={{ true }}' }, 'Parameter "Default Label" is true, which is not text (expected a segment label)'],
	])('%j', async (parameters, message) => {
		expect(await stopped(parameters as IDataObject)).toEqual(message);
	});

	it('reads a number given for a text as its digits (Default Label 5 is "5")', async () => {
		const result = await runNode({ type: 'segmentCustomer', parameters: { asOf: '2026-06-01', method: 'customRules', defaultLabel: '={{ 5 }}' }, items: customers() });
		expect(result.json(NODE_UNDER_TEST, 0).map((j) => (j.segment as IDataObject).label)).toEqual(customers().map(() => '5'));
	});
});

describe('Segment Customer Language', () => {
	// Custom rules write the user's own labels: Language was shown, read and checked, and changed nothing.
	it('is hidden for Custom Rules, so a value stored there neither stops nor changes the run', async () => {
		const rules = { method: 'customRules', rules: { rule: [{ field: 'orderCount', operator: 'greaterThan', value: '3', label: 'Loyal' }] } };
		const plain = await runNode({ type: 'segmentCustomer', parameters: { asOf: '2026-06-01', ...rules }, items: customers() });
		const stored = await runNode({ type: 'segmentCustomer', parameters: { asOf: '2026-06-01', ...rules, language: 'xx' }, items: customers() });
		expect(stored.error).toBeUndefined();
		expect(stored.json(NODE_UNDER_TEST, 0)).toEqual(plain.json(NODE_UNDER_TEST, 0));
		expect(properties.filter((p) => p.name === 'language').map((p) => p.displayOptions?.show?.method)).not.toContainEqual(expect.arrayContaining(['customRules']));
	});

	const histogramRows = customers().flatMap((c) => [
		{ measure: 'recency', value: c.lastPurchaseAt, count: 1 },
		{ measure: 'frequency', value: c.orderCount, count: 1 },
		{ measure: 'monetary', value: c.totalSpend, count: 1 },
	]);

	// Learning from value histograms writes the learned state only, no label.
	it('is hidden for Learn From Value Histograms, so a value stored there neither stops nor changes the run', async () => {
		for (const method of ['rfm', 'valueTier']) {
			const parameters = { asOf: '2026-06-01', method, cutPoints: 'histograms' };
			const plain = await runNode({ type: 'segmentCustomer', parameters, items: histogramRows });
			const stored = await runNode({ type: 'segmentCustomer', parameters: { ...parameters, language: 'xx' }, items: histogramRows });
			expect(stored.error).toBeUndefined();
			expect(stored.json(NODE_UNDER_TEST, 0)).toEqual(plain.json(NODE_UNDER_TEST, 0));
		}
	});

	const repeatBuyers = customers().map((c) => ({ ...c, orderCount: (c.orderCount as number) + 1 }));
	// n8n checks display rules against a hidden parameter's stored value: a Cut Points left at Learn From
	// Value Histograms when the method was switched to Lifecycle must not hide Language there.
	it.each([
		['lifecycle', { cutPoints: 'histograms' }, 'active', '活跃客户'],
		['rfm', { cutPoints: 'learn' }, 'champions', '冠军客户'],
		['rfm', { cutPoints: 'apply', learnedState: '={{ {kind: "rfmCutPoints", bins: 5, recencyDays: [200, 150, 100, 50], frequency: [2, 3, 4, 5], monetary: [200, 300, 400, 500]} }}' }, 'champions', '冠军客户'],
		['valueTier', { cutPoints: 'learn' }, 'A', 'A 类（核心）'],
	])('is shown for %s with %j: zh-CN labels', async (method, extra, key, label) => {
		const result = await runNode({ type: 'segmentCustomer', parameters: { asOf: '2026-06-01', method, ...extra, language: 'zh-CN' }, items: repeatBuyers });
		expect(result.error).toBeUndefined();
		const segments = result.json(NODE_UNDER_TEST, 0).map((j) => j.segment as IDataObject);
		expect(segments.find((s) => s.key === key)?.label).toBe(label);
	});
});

describe('Segment Customer First Purchase Column', () => {
	// Only Lifecycle reads the first purchase; other methods showed the parameter, read it and could stop on it.
	it.each(['rfm', 'valueTier', 'customRules'])('is hidden for %s, so a value stored there neither stops nor changes the run', async (method) => {
		const rules = { rules: { rule: [{ field: 'orderCount', operator: 'greaterThan', value: '3', label: 'Loyal' }] } };
		const parameters = { asOf: '2026-06-01', method, ...rules };
		const plain = await runNode({ type: 'segmentCustomer', parameters, items: customers() });
		const stored = await runNode({ type: 'segmentCustomer', parameters: { ...parameters, firstPurchaseColumn: '={{ true }}' }, items: customers() });
		expect(stored.error).toBeUndefined();
		expect(stored.json(NODE_UNDER_TEST, 0)).toEqual(plain.json(NODE_UNDER_TEST, 0));
	});

	it('is read by Lifecycle', async () => {
		const result = await runNode({ type: 'segmentCustomer', parameters: { asOf: '2026-06-01', method: 'lifecycle', firstPurchaseColumn: '={{ true }}' }, items: customers() });
		expect(result.error?.message).toBe('Parameter "First Purchase Column" is true, which is not text (expected a column name)');
	});
});
