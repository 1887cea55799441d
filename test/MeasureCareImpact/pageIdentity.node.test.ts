import type { IDataObject } from 'n8n-workflow';
import { NODE_UNDER_TEST, runNode } from '../helpers/runWorkflow';

/**
 * Measure Uplift page states name their pages (a digest of each page run's input items), and a merge refuses
 * a page it has merged already: the same state item connected twice, a page run again with both items kept,
 * or a merged state merged again with one of its pages. Before, each counted the page's customers twice in
 * the result, without a word. States written before pages had identities merge as before.
 */
const customers = (n: number, offset: number): IDataObject[] =>
	Array.from({ length: n }, (_, i) => ({ customerId: `C${offset + i}`, impact: { group: (offset + i) % 3 ? 'treatment' : 'holdout' }, converted: (offset + i) % 4 === 0 }));
const A = customers(9, 0);
const B = customers(7, 9);

const measure = (items: IDataObject[], parameters: IDataObject = {}) =>
	runNode({ type: 'measureCareImpact', parameters: { operation: 'measureUplift', campaign: 'win-back', revenueColumn: '', ...parameters }, items, onError: 'continueErrorOutput' });
const stateOf = async (items: IDataObject[], parameters: IDataObject = {}) => (await measure(items, { ...parameters, upliftOptions: { includeState: true } })).json(NODE_UNDER_TEST, 0).find((j) => j.kind === 'state')!;
const merge = (states: IDataObject[], includeState = false) => measure(states, { input: 'pageStates', upliftOptions: { includeState } });
const results = (run: Awaited<ReturnType<typeof measure>>) => run.json(NODE_UNDER_TEST, 0).filter((j) => j.kind === 'uplift');

describe('Measure Uplift: a page merged twice', () => {
	it('refuses the same page again, a re-run of it, and a merged state with one of its pages', async () => {
		const [a, b, aAgain] = [await stateOf(A), await stateOf(B), await stateOf(A)];
		expect((a.state as IDataObject).pages).toEqual([expect.stringMatching(/^[0-9a-f]{32}$/)]);
		expect(aAgain.state).toEqual(a.state);
		const oneRun = results(await measure([...A, ...B]));

		const twice = await merge([a, b, a, aAgain]);
		const page = ((a.state as IDataObject).pages as string[])[0];
		const again = `field "state.pages" is "${page}", which is a page already merged from item 0: merged twice, its customers would count twice`;
		expect(twice.json(NODE_UNDER_TEST, 1).map((e) => e.error)).toEqual([expect.stringContaining(`Item 2: ${again}`), expect.stringContaining(`Item 3: ${again}`)]);
		expect(results(twice)).toEqual(oneRun);

		const merged = (await merge([a, b], true)).json(NODE_UNDER_TEST, 0).find((j) => j.kind === 'state')!;
		expect(((merged.state as IDataObject).pages as string[]).length).toBe(2);
		const remerged = await merge([merged, b]);
		expect(remerged.json(NODE_UNDER_TEST, 1).map((e) => e.error)).toEqual([expect.stringMatching(/^Item 1: field "state.pages" is "[0-9a-f]{32}", which is a page already merged from item 0/)]);
		expect(results(remerged)).toEqual(oneRun);
	});

	it('merges states without page identities as before', async () => {
		const strip = ({ state, ...item }: IDataObject): IDataObject => ({ ...item, state: { outcomes: (state as IDataObject).outcomes } });
		const [a, b] = [strip(await stateOf(A)), strip(await stateOf(B))];
		const result = await merge([a, b]);
		expect(result.json(NODE_UNDER_TEST, 1)).toEqual([]);
		expect(results(result)).toEqual(results(await measure([...A, ...B])));
	});
});
