import type { IDataObject } from 'n8n-workflow';
import { NODE_UNDER_TEST, runNode } from '../helpers/runWorkflow';

/**
 * Combine Page Reports checks each page's counts and sums against what answers on the node's scales
 * can add up to. A page whose state no run could have written (a count of 1e308, more satisfied than
 * CSAT answers, a sum beyond its answers) is that item's error naming the field; it adds nothing to the
 * report, which stays finite.
 */
function nonFinitePaths(value: unknown, path = ''): string[] {
	if (typeof value === 'number') return Number.isFinite(value) ? [] : [`${path} = ${value}`];
	if (value === null || typeof value !== 'object') return [];
	return Object.entries(value).flatMap(([key, v]) => nonFinitePaths(v, `${path}.${key}`));
}

const parameters = { metrics: ['nps', 'csat', 'ces', 'gap'], gapDimensions: 'speed', groupByColumn: 'store', options: { sentimentColumn: 'sentiment' } };
const responses = (): IDataObject[] =>
	Array.from({ length: 10 }, (_, i) => ({ nps: i, csat: 1 + (i % 5), ces: 1 + (i % 7), sentiment: 0.5, store: i % 2 ? 'A' : 'B', expectation: { speed: 5 }, perception: { speed: 3 } }));

async function pageState(): Promise<IDataObject> {
	const page = await runNode({ type: 'scoreSatisfaction', parameters: { ...parameters, reportState: 'output' }, items: responses() });
	return page.json(NODE_UNDER_TEST, 1)[0].reportState as IDataObject;
}

describe('Combine Page Reports with a page state no run could have written', () => {
	it.each([
		['responses', 1e308, 'responses is 1e+308, which is more than 1000000000000 (expected at most 1000000000000)'],
		['promoters', 1e308, 'promoters + passives + detractors is 1e+308, which is more than responses (5) (expected at most responses)'],
		['csatSatisfied', 1e15, 'csatSatisfied is 1000000000000000, which is more than csatN (5) (expected at most csatN)'],
		['csatSum', 1e308, 'csatSum is 1e+308, which is not what 5 answers can add up to (expected from 11 to 19: 2 satisfied answers from 4 to 5 and 3 other answers from 1 to 3)'],
		['cesSum', -1e308, 'cesSum is -1e+308, which is not what 5 answers can add up to (expected from 13 to 26: 2 easy answers from 5 to 7 and 3 other answers from 1 to 4)'],
		['cesSumOfSquares', 1e308, 'cesSumOfSquares is 1e+308, which is not what 5 answers can add up to (expected from 64.8 to 146: 2 easy answers from 25 to 49 and 3 other answers from 1 to 16)'],
		['gapOverallSum', 1e308, 'gapOverallSum is 1e+308, which is not what 5 answers can add up to (expected from -30 to 30: 5 gaps from -6 to 6)'],
		['gapDims', [1e308, 25, 15, -10], 'gapDims[0] is 1e+308, which is more than responses (5) (expected at most responses)'],
		['sentimentSum', 1e308, 'sentimentSum is 1e+308, which is not what 5 answers can add up to (expected from -5 to 5: 5 sentiments from -1 to 1)'],
		['indexSum', -1e308, 'indexSum is -1e+308, which is not what 5 answers can add up to (expected from 0 to 500: 5 indexes from 0 to 100)'],
		// Finite and within ±(answers × the scale's largest end), yet no answers give them: a CSAT mean of −3 on 1-5,
		// 2 satisfied of 5 with a mean of 1, "All 5 answers are 4.4" from a sum of squares below sum² / n, a
		// negative index, a CES mean beyond its easy answers' share, expectations below the scale.
		['csatSum', -15, 'csatSum is -15, which is not what 5 answers can add up to (expected from 11 to 19: 2 satisfied answers from 4 to 5 and 3 other answers from 1 to 3)'],
		['csatSum', 5, 'csatSum is 5, which is not what 5 answers can add up to (expected from 11 to 19: 2 satisfied answers from 4 to 5 and 3 other answers from 1 to 3)'],
		['cesSumOfSquares', 22, 'cesSumOfSquares is 22, which is not what 5 answers can add up to (expected from 64.8 to 146: 2 easy answers from 25 to 49 and 3 other answers from 1 to 16)'],
		['cesSum', 35, 'cesSum is 35, which is not what 5 answers can add up to (expected from 13 to 26: 2 easy answers from 5 to 7 and 3 other answers from 1 to 4)'],
		['indexSum', -5, 'indexSum is -5, which is not what 5 answers can add up to (expected from 0 to 500: 5 indexes from 0 to 100)'],
		['gapDims', [5, -25, 15, -10], 'gapDims[1] is -25, which is not what 5 answers can add up to (expected from 5 to 35: 5 expectations from 1 to 7)'],
	])('%s = %p', async (field, value, problem) => {
		const state = await pageState();
		const bad = JSON.parse(JSON.stringify(state));
		bad.groups[0].tally[field] = value;
		const result = await runNode({
			type: 'scoreSatisfaction',
			parameters: { ...parameters, reportState: 'combine' },
			items: [{ reportState: state }, { reportState: bad }],
			onError: 'continueErrorOutput',
		});
		expect(result.error).toBeUndefined();
		const group = JSON.stringify(bad.groups[0].group);
		expect(result.json(NODE_UNDER_TEST, 2).map((e) => e.error)).toEqual([`Item 1: Report state 1, group ${group}: ${problem}`]);
		const rows = result.json(NODE_UNDER_TEST, 1);
		expect(nonFinitePaths(rows)).toEqual([]);
		expect(rows[0]).toMatchObject({ scope: 'overall', responses: 10, rejectedItems: 1 });
	});
});
