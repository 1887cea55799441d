import type { IDataObject } from 'n8n-workflow';
import { cdnowSummary } from '../models/cdnowData';
import { NODE_UNDER_TEST, runNode } from '../helpers/runWorkflow';

/**
 * Number parameters, typed or given by an expression, are read as the package reads numbers: a text of
 * digits ("26", "1,000") works; true, "0x10", "0b11" or "1e1" are not read as 1, 16, 3 or 10 by Number() but stop
 * the run naming the parameter and the value.
 */
const customers = (): IDataObject[] => cdnowSummary().slice(0, 60).map((c, i) => ({ customerId: `C${i}`, x: c.x, tx: c.tx, T: c.T }));
const asOf = '1997-09-30T00:00:00Z';

async function run(type: string, parameters: IDataObject, items: IDataObject[]) {
	const result = await runNode({ type, parameters, items });
	return { error: result.error?.message, json: result.error ? [] : [0, 1].flatMap((o) => result.json(NODE_UNDER_TEST, o)) };
}

describe('number parameters', () => {
	it.each([
		['={{ true }}', 'Parameter "Horizon" is true, which is not a number (expected a number)'],
		['={{ "0x10" }}', 'Parameter "Horizon" is "0x10", which is not a number (expected a number)'],
	])('Detect Churn Risk Horizon %s is refused', async (horizon, message) => {
		const result = await run('detectChurnRisk', { method: 'bgNbd', inputShape: 'summary', asOf, horizon }, customers());
		expect(result.error).toBe(message);
	});

	it('Detect Churn Risk: a threshold given as "0x10" is refused, "2" works', async () => {
		const bad = await run('detectChurnRisk', { method: 'rules', inputShape: 'summary', asOf, thresholds: { complaints: '={{ "0x10" }}' } }, customers());
		expect(bad.error).toBe('Parameter "Thresholds › Complaints" is "0x10", which is not a number (expected a number of at least 0)');
		const good = await run('detectChurnRisk', { method: 'rules', inputShape: 'summary', asOf, thresholds: { complaints: '={{ "2" }}' } }, customers());
		expect(good.error).toBeUndefined();
		expect(good.json).toHaveLength(60);
	});

	it('Score Satisfaction: importance weights and Minimum Responses for Margin', async () => {
		const responses = [{ expectation: { a: 5, b: 5 }, perception: { a: 4, b: 6 }, nps: 9 }];
		const hex = await run('scoreSatisfaction', { metrics: ['gap'], gapDimensions: 'a, b', gapWeights: '0x10, 1' }, responses);
		expect(hex.error).toBe('Parameter "Importance Weights" is "0x10", which is not a finite number above 0 (expected weights above 0, such as 2, 1, 1)');
		const decimal = await run('scoreSatisfaction', { metrics: ['gap'], gapDimensions: 'a, b', gapWeights: '3, 1' }, responses);
		expect(decimal.error).toBeUndefined();
		const margin = await run('scoreSatisfaction', { metrics: ['nps'], options: { minResponsesForMargin: '={{ "0b11" }}' } }, responses);
		// Read through readOption since M's 5314ee6: named with its collection, the value shown as given.
		expect(margin.error).toMatch(/^Parameter "Options › Minimum Responses for Margin" is "0b11", which is not a number \(expected (a|a whole) number/);
	});
});
