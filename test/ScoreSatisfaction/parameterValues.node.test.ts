import type { IDataObject } from 'n8n-workflow';
import { NODE_UNDER_TEST, runNode } from '../helpers/runWorkflow';

/**
 * Weights and scales at their edges never put NaN or Infinity into a result: weights only count
 * relative to each other (1e308 each weighs as 1 each), and a rating scale beyond any survey's
 * (ends such as 1e308) stops the run naming the parameter.
 */
function nonFinitePaths(value: unknown, path = ''): string[] {
	if (typeof value === 'number') return Number.isFinite(value) ? [] : [`${path} = ${value}`];
	if (value === null || typeof value !== 'object') return [];
	return Object.entries(value).flatMap(([key, v]) => nonFinitePaths(v, `${path}.${key}`));
}

const responses = (): IDataObject[] =>
	Array.from({ length: 20 }, (_, i) => ({
		customerId: `C${i % 4}`,
		nps: i % 11,
		csat: 1 + (i % 5),
		sentiment: ((i % 5) - 2) / 2,
		store: i % 2 ? 'SH' : 'BJ',
		expectation: { speed: 5, care: 4 },
		perception: { speed: 1 + (i % 7), care: 3 },
	}));

const base = { metrics: ['nps', 'csat', 'gap'], gapDimensions: 'speed, care', groupByColumn: 'store' };

async function score(parameters: IDataObject, items = responses()) {
	const result = await runNode({ type: 'scoreSatisfaction', parameters: { ...base, ...parameters }, items });
	expect(result.error).toBeUndefined();
	const scored = result.json(NODE_UNDER_TEST, 0);
	const report = result.json(NODE_UNDER_TEST, 1);
	expect(nonFinitePaths([scored, report])).toEqual([]);
	return { scored, report };
}

const indexOf = (rows: IDataObject[]) => rows.map((r) => (r.satisfaction as IDataObject).index);
const gapOf = (rows: IDataObject[]) => rows.map((r) => ((r.satisfaction as IDataObject).gap as IDataObject).gap);

describe('Score Satisfaction index weights count relative to each other', () => {
	it.each([
		['one metric at 1e308', { npsWeight: 1e308 }, { npsWeight: 1, csatWeight: 0, gapWeight: 0, sentimentWeight: 0 }],
		['two metrics at 1e308', { npsWeight: 1e308, csatWeight: 1e308 }, { npsWeight: 1, csatWeight: 1, gapWeight: 0, sentimentWeight: 0 }],
		['every metric at 1e308', { npsWeight: 1e308, csatWeight: 1e308, gapWeight: 1e308, sentimentWeight: 1e308 }, {}],
		['every metric at 5e-324', { npsWeight: 5e-324, csatWeight: 5e-324, gapWeight: 5e-324, sentimentWeight: 5e-324 }, {}],
	])('%s', async (_name, weights, equivalent) => {
		const options = { sentimentColumn: 'sentiment' };
		const huge = await score({ options: { ...options, ...weights } });
		const plain = await score({ options: { ...options, ...equivalent } });
		// A metric weighing 1e308 against 1 is, to two decimals, the index alone.
		expect(indexOf(huge.scored)).toEqual(indexOf(plain.scored));
	});
});

/**
 * Importance Weights are text, read by the rule for numbers as text (nodes/shared/input/numbers.ts): plain
 * digits only, at most 2^53 − 1 (a longer text has lost digits), so the largest weight is 9007199254740991
 * and tiny ones are written out ("1e-308" in digits).
 */
const LARGEST = String(Number.MAX_SAFE_INTEGER);
const inDigits = (weights: string) =>
	weights
		.replace(/\bhuge\b/g, LARGEST)
		.replace(/(\d+)e-(\d+)/g, (_, m: string, e: string) => `0.${'0'.repeat(Number(e) - m.length)}${m}`);

describe('Score Satisfaction gap importance weights count relative to each other', () => {
	it.each([
		['huge, huge', '1, 1'],
		['huge, 1e-308', '1, 0'],
		['5e-324, 5e-324', '1, 1'],
	])('%s', async (weights, equivalent) => {
		const huge = await score({ metrics: ['gap'], gapWeights: inDigits(weights) });
		if (equivalent === '1, 0') {
			expect(gapOf(huge.scored)).toEqual(responses().map((r) => (r.perception as IDataObject).speed as number - 5));
			return;
		}
		const plain = await score({ metrics: ['gap'], gapWeights: equivalent });
		expect(gapOf(huge.scored)).toEqual(gapOf(plain.scored));
	});
});

describe('Score Satisfaction: a part with a tiny weight answered alone is the mean, not 0 / 0', () => {
	// Beside a weight of 1e308 the tiny one is 0 when both are answered; alone, the mean is its own value.
	const alone = { customerId: 'A', csat: 4, expectation: { care: 4 }, perception: { care: 3 } };
	const both = { customerId: 'B', nps: 9, csat: 4, expectation: { speed: 5, care: 4 }, perception: { speed: 2, care: 3 } };

	it.each(['huge, 1e-308', 'huge, 5e-324', '1, 1e-320'])('gap weights %s: the care dimension alone', async (gapWeights) => {
		const { scored } = await score({ metrics: ['gap'], gapWeights: inDigits(gapWeights), options: { skipMissing: true } }, [alone, both]);
		const gaps = scored.map((r) => (r.satisfaction as IDataObject).gap as IDataObject);
		expect(gaps.map((g) => [g.gap, g.level])).toEqual([
			[-1, 'belowExpectations'],
			[-3, 'belowExpectations'],
		]);
	});

	it.each([
		['nps 1e308, csat 5e-324', { npsWeight: 1e308, csatWeight: 5e-324 }],
		['nps 1e308, csat 1e-308', { npsWeight: 1e308, csatWeight: 1e-308 }],
		['nps 1, csat 1e-320', { npsWeight: 1, csatWeight: 1e-320 }],
	])('index weights %s: CSAT alone', async (_name, weights) => {
		const { scored } = await score({ metrics: ['nps', 'csat'], options: { skipMissing: true, ...weights } }, [alone, both]);
		// A: CSAT 4 of 1-5 is 75 out of 100; B: NPS 9 is 90, CSAT beside it weighs nothing.
		expect(indexOf(scored)).toEqual([75, 90]);
	});
});

describe('Score Satisfaction rating scales beyond any survey stop the run', () => {
	it.each([
		[{ metrics: ['csat'], csatScaleMin: 0, csatScaleMax: 1.7e308 }, 'CSAT scale 0 to 1.7e+308 ("CSAT Scale From" to "CSAT Scale To")'],
		[{ metrics: ['csat'], csatScaleMin: -1e308, csatScaleMax: 1e308 }, 'CSAT scale -1e+308 to 1e+308 ("CSAT Scale From" to "CSAT Scale To")'],
		[{ metrics: ['gap'], gapScaleMin: -1e308, gapScaleMax: 1e308 }, 'Gap rating scale -1e+308 to 1e+308 ("Gap Rating Scale From" to "Gap Rating Scale To")'],
		[{ metrics: ['gap'], gapScaleMin: 1, gapScaleMax: 2e6 }, 'Gap rating scale 1 to 2000000 ("Gap Rating Scale From" to "Gap Rating Scale To")'],
	])('%p', async (parameters, scale) => {
		const result = await runNode({ type: 'scoreSatisfaction', parameters: { ...base, ...parameters }, items: responses() });
		expect(result.error?.message).toBe(`${scale} goes beyond the plausible ±1000000 for a rating scale (expected ends from -1000000 to 1000000)`);
	});
});

describe('Score Satisfaction column and list parameters that are not text stop the run naming their label', () => {
	const all = { metrics: ['nps', 'csat', 'ces', 'gap', 'kano'], gapDimensions: 'speed, care', kanoFeatures: 'app' };
	it.each([
		['npsColumn', 'NPS Column', {}],
		['csatColumn', 'CSAT Column', {}],
		['cesColumn', 'CES Column', {}],
		['gapDimensions', 'Dimensions', {}],
		['expectationColumnPattern', 'Expectation Column Pattern', {}],
		['perceptionColumnPattern', 'Perception Column Pattern', {}],
		['gapWeights', 'Importance Weights', {}],
		['kanoFeatures', 'Features', {}],
		['functionalColumnPattern', 'Functional Column Pattern', {}],
		['dysfunctionalColumnPattern', 'Dysfunctional Column Pattern', {}],
		['groupByColumn', 'Group Report By Column', {}],
		['customerIdColumn', 'Customer ID Column', { aggregatePerCustomer: true }],
		['responseDateColumn', 'Response Date Column', { aggregatePerCustomer: true }],
		['options.sentimentColumn', 'Options › Sentiment Column', {}],
	])('%s', async (path, label, extra) => {
		const [name, option] = path.split('.');
		const odd = '={{ ({ a: 1 }) }}';
		const parameters: IDataObject = { ...all, ...extra, ...(option ? { [name]: { [option]: odd } } : { [name]: odd }) };
		const result = await runNode({ type: 'scoreSatisfaction', parameters, items: responses() });
		expect(result.error?.message).toMatch(new RegExp(`^Parameter "${label}" is "\\{"a":1\\}", which is not text`));
	});
});

describe('Score Satisfaction options and switches given none of their choices stop the run naming their label', () => {
	it.each([
		['CES Version', { metrics: ['ces'], cesVersion: '={{ ["2.0"] }}' }, '"["2.0"]"'],
		['CES Version', { metrics: ['ces'], cesVersion: '={{ 2 }}' }, '2'],
		['Aggregate per Customer', { aggregatePerCustomer: '={{ "true" }}' }, '"true"'],
		['Combine By', { aggregatePerCustomer: true, combineBy: 'median' }, '"median"'],
		['Options › Skip Missing Metrics', { options: { skipMissing: '={{ "true" }}' } }, '"true"'],
		['Options › Skip Missing Metrics', { options: { skipMissing: '={{ 1 }}' } }, '1'],
	])('%s %#', async (label, parameters, shown) => {
		const result = await runNode({ type: 'scoreSatisfaction', parameters: { ...base, ...parameters }, items: responses() });
		expect(result.error?.message).toMatch(`Parameter "${label}" is ${shown}, which is not one of its choices`);
	});
});

describe('Score Satisfaction number options: absent takes the default, anything but a number stops the run', () => {
	it.each([
		[{ npsWeight: null }, 'Parameter "Options › NPS Weight in Index" is null, which is not a number (expected a number of at least 0)'],
		[{ csatWeight: '' }, 'Parameter "Options › CSAT Weight in Index" is "", which is not a number (expected a number of at least 0)'],
		[{ gapWeight: '={{ ({ a: 1 }) }}' }, 'Parameter "Options › Gap Weight in Index" is "{"a":1}", which is not a number (expected a number of at least 0)'],
		[{ minResponsesForMargin: '' }, 'Parameter "Options › Minimum Responses for Margin" is "", which is not a number (expected a whole number of at least 2)'],
		[{ minResponsesForMargin: null }, 'Parameter "Options › Minimum Responses for Margin" is null, which is not a number (expected a whole number of at least 2)'],
		[{ minResponsesForMargin: '={{ ({ a: 1 }) }}' }, 'Parameter "Options › Minimum Responses for Margin" is "{"a":1}", which is not a number (expected a whole number of at least 2)'],
	])('%p', async (options, message) => {
		const result = await runNode({ type: 'scoreSatisfaction', parameters: { ...base, options }, items: responses() });
		expect(result.error?.message).toBe(message);
	});

	it('an option left out is its default', async () => {
		const without = await score({ options: {} });
		const defaults = await score({ options: { npsWeight: 1, csatWeight: 1, gapWeight: 1, minResponsesForMargin: 30 } });
		expect(without).toEqual(defaults);
	});
});

describe('Score Satisfaction parameters that cannot work stop the run naming the parameter', () => {
	it.each([
		[{ metrics: ['csat'], csatScaleMax: -1 }, 'CSAT scale 1 to -1 ("CSAT Scale From" to "CSAT Scale To") has fewer than 3 points (expected at least 3, such as 1 to 3)'],
		[{ metrics: ['csat'], csatScaleMin: 1.5 }, 'CSAT scale 1.5 to 5 ("CSAT Scale From" to "CSAT Scale To") has an end that is not a whole number (expected whole-number ends)'],
		[{ metrics: ['gap'], gapScaleMin: 9 }, 'Gap rating scale 9 to 7 ("Gap Rating Scale From" to "Gap Rating Scale To"): its "to" end is not above its "from" end (expected finite ends, the "to" end above the "from" end)'],
		[{ metrics: ['gap'], gapTolerance: 6 }, `Parameter "Tolerance" is 6, which is not below the scale's width 6 (expected a number of points from 0 to below 6)`],
		[{ metrics: ['gap'], gapDimensions: ' , ' }, 'The gap method has no dimension ("Dimensions" is empty) (expected at least one, such as "tangibles, reliability")'],
		[{ metrics: ['gap'], gapDimensions: 'speed, speed' }, 'Gap dimension "speed" is listed twice in "Dimensions" (expected each dimension once)'],
		[{ metrics: ['kano'], kanoFeatures: '={{ null }}' }, 'The Kano method has no feature ("Features" is empty) (expected at least one, such as "liveChat")'],
		[{ metrics: ['kano'], kanoFeatures: 'app, app' }, 'Kano feature "app" is listed twice in "Features" (expected each feature once)'],
		[{ aggregatePerCustomer: true, combineBy: 'recencyWeighted', halfLifeDays: -1, responseDateColumn: 'at' }, 'Parameter "Half-Life (Days)" is -1, which is not more than 0 (expected a number of days more than 0)'],
		[{ aggregatePerCustomer: true, decliningDrop: -1 }, 'Parameter "Declining Drop (Index Points)" is -1, which is not more than 0 (expected a number of index points more than 0)'],
	])('%p', async (parameters, message) => {
		const result = await runNode({ type: 'scoreSatisfaction', parameters: { ...base, ...parameters }, items: responses() });
		expect(result.error?.message).toBe(message);
	});
});

describe('Score Satisfaction Metrics and Report State (no expressions in the editor, but a workflow file can hold any value) are read against their choices', () => {
	it.each([
		['Metrics', { metrics: 'nps' }, '"nps", which is not a list of its choices'],
		['Metrics', { metrics: ['nps', 'sentiment'] }, '"["nps","sentiment"]", which is not a list of its choices'],
		['Report State', { reportState: 'combined' }, '"combined", which is not one of its choices'],
	])('%s %#', async (label, parameters, rest) => {
		const result = await runNode({ type: 'scoreSatisfaction', parameters: { ...base, ...parameters }, items: responses() });
		expect(result.error?.message).toMatch(`Parameter "${label}" is ${rest}`);
	});

	it('no metric at all', async () => {
		const result = await runNode({ type: 'scoreSatisfaction', parameters: { ...base, metrics: [] }, items: responses() });
		expect(result.error?.message).toBe('Parameter "Metrics" is "[]", which is empty (expected at least one metric to score)');
	});
});

describe('Score Satisfaction options whose expression gives the items different values are named by their label', () => {
	const items = () => responses().slice(0, 2).map((r, i) => ({ ...r, w: i + 1, s: i ? 'sentiment' : 'nps', skip: i === 0 }));
	it.each([
		[{ npsWeight: '={{ $json.w }}' }, 'Options › NPS Weight in Index', '1', '2'],
		[{ minResponsesForMargin: '={{ $json.w + 2 }}' }, 'Options › Minimum Responses for Margin', '3', '4'],
		[{ sentimentColumn: '={{ $json.s }}' }, 'Options › Sentiment Column', '"nps"', '"sentiment"'],
		[{ skipMissing: '={{ $json.skip }}' }, 'Options › Skip Missing Metrics', 'true', 'false'],
	])('%p', async (options, label, first, other) => {
		const result = await runNode({ type: 'scoreSatisfaction', parameters: { ...base, options }, items: items() });
		expect(result.error?.message).toMatch(`Parameter "${label}" is an expression that gives item 0 ${first} but item 1 ${other}; it applies to the whole run`);
	});
});
