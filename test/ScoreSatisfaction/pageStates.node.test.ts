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
		['csatSum', 1e308, 'csatSum is 1e+308, which is more than 5 answers can add up to (expected at most 5 in size per answer)'],
		['cesSum', -1e308, 'cesSum is -1e+308, which is more than 5 answers can add up to (expected at most 7 in size per answer)'],
		['cesSumOfSquares', 1e308, 'cesSumOfSquares is 1e+308, which is more than 5 answers can add up to (expected at most 49 in size per answer)'],
		['gapOverallSum', 1e308, 'gapOverallSum is 1e+308, which is more than 5 answers can add up to (expected at most 6 in size per answer)'],
		['gapDims', [1e308, 25, 15, -10], 'gapDims[0] is 1e+308, which is more than responses (5) (expected at most responses)'],
		['sentimentSum', 1e308, 'sentimentSum is 1e+308, which is more than 5 answers can add up to (expected at most 1 in size per answer)'],
		['indexSum', -1e308, 'indexSum is -1e+308, which is more than 5 answers can add up to (expected at most 100 in size per answer)'],
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
