import type { IDataObject } from 'n8n-workflow';
import { NODE_UNDER_TEST, runNode } from '../helpers/runWorkflow';

/**
 * A page's report state sums each response's index and overall gap, which the index weights, the gap
 * scale and the importance weights decide. Combine Page Reports with other such settings than the pages'
 * would give an index no one run gives (pages with CSAT weight 1 combined under weight 0: index 48.25,
 * one run 46.5), so such a state is refused naming what it was made with; the same settings combine to
 * exactly one run's report.
 */
const base = { metrics: ['nps', 'csat', 'gap'], gapDimensions: 'speed, care', options: { sentimentColumn: 'sentiment' } };
const responses = (): IDataObject[] =>
	Array.from({ length: 40 }, (_, i) => ({
		nps: i % 11,
		csat: 1 + (i % 5),
		sentiment: ((i % 5) - 2) / 2,
		expectation: { speed: 5, care: 1 + (i % 5) },
		perception: { speed: 1 + (i % 5), care: 3 },
	}));

async function report(parameters: IDataObject, items: IDataObject[]) {
	const result = await runNode({ type: 'scoreSatisfaction', parameters, items, onError: 'continueErrorOutput' });
	expect(result.error).toBeUndefined();
	return { overall: result.json(NODE_UNDER_TEST, 1)[0], errors: result.json(NODE_UNDER_TEST, 2).map((e) => e.error) };
}

async function combined(page: IDataObject, combine: IDataObject) {
	const all = responses();
	const states = [];
	for (const part of [all.slice(0, 15), all.slice(15)]) states.push({ reportState: (await report({ ...page, reportState: 'output' }, part)).overall.reportState });
	return report({ ...combine, reportState: 'combine' }, states);
}

describe('Combine Page Reports with pages scored under other index or gap settings', () => {
	it.each([
		['CSAT index weight', { options: { ...base.options, csatWeight: 0 } }, 'scoring.indexWeights.csat 1, but this node measures scoring.indexWeights.csat 0'],
		['NPS index weight', { options: { ...base.options, npsWeight: 3 } }, 'scoring.indexWeights.nps 1, but this node measures scoring.indexWeights.nps 3'],
		['sentiment index weight', { options: { ...base.options, sentimentWeight: 2 } }, 'scoring.indexWeights.sentiment 1, but this node measures scoring.indexWeights.sentiment 2'],
		['gap scale', { gapScaleMin: 1, gapScaleMax: 5 }, 'scoring.gapScale "1-7", but this node measures scoring.gapScale "1-5"'],
		['gap importance weights', { gapWeights: '2, 1' }, 'scoring.gapWeights "[1,1]", but this node measures scoring.gapWeights "[2,1]"'],
	])('a different %s is refused, naming the setting that differs and both its values', async (_name, change, difference) => {
		const result = await combined(base, { ...base, ...change });
		const message = (index: number) =>
			`Item ${index}: Report state ${index} measured ${difference} (expected pages made with the same settings: metrics, scales, index and importance weights)`;
		expect(result.errors).toEqual([message(0), message(1)]);
		expect(result.overall).toMatchObject({ responses: 0, rejectedItems: 2 });
	});

	it('the same settings combine to one run’s report', async () => {
		const settings = { ...base, gapWeights: '2, 1', options: { ...base.options, npsWeight: 3 } };
		const result = await combined(settings, settings);
		expect(result.errors).toEqual([]);
		const one = await report(settings, responses());
		expect(result.overall).toEqual(one.overall);
	});

	it('a state written before the scoring settings were recorded still combines', async () => {
		const page = await report({ ...base, reportState: 'output' }, responses());
		const state = JSON.parse(JSON.stringify(page.overall.reportState)) as { measures: IDataObject };
		delete state.measures.scoring;
		const result = await report({ ...base, reportState: 'combine' }, [{ reportState: state as unknown as IDataObject }]);
		expect(result.errors).toEqual([]);
		expect((result.overall.index as IDataObject).mean).toEqual((page.overall.index as IDataObject).mean);
	});
});
