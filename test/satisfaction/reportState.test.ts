import {
	createResponseScorer,
	DEFAULT_INDEX_WEIGHTS,
	groupKeyOf,
	SatisfactionReport,
	SERVQUAL_DIMENSIONS,
	type SatisfactionConfig,
} from '../../nodes/shared/satisfaction';

let seed = 5;
const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const pick = (n: number) => Math.floor(next() * n);

const npsCsatCes: SatisfactionConfig = {
	nps: { field: 'nps' },
	csat: { field: 'csat', scale: { min: 1, max: 5 } },
	ces: { field: 'ces', version: '2.0' },
	indexWeights: DEFAULT_INDEX_WEIGHTS,
	skipMissing: true,
	language: 'en',
};

const gapKano: SatisfactionConfig = {
	gap: {
		dimensions: SERVQUAL_DIMENSIONS.slice(0, 2).map((key) => ({ key, expectationField: `e_${key}`, perceptionField: `p_${key}`, weight: 1 })),
		scale: { min: 1, max: 7 },
		tolerance: 0.5,
	},
	kano: { features: [{ key: 'app', functionalField: 'f', dysfunctionalField: 'd' }] },
	indexWeights: DEFAULT_INDEX_WEIGHTS,
	skipMissing: true,
	language: 'en',
};

const KANO = ['like', 'expect', 'neutral', 'tolerate', 'dislike'];
function responses(n: number): Array<Record<string, unknown>> {
	return Array.from({ length: n }, () => ({
		store: `S${pick(9)}`,
		nps: next() < 0.1 ? '' : pick(11),
		csat: next() < 0.1 ? '' : 1 + pick(5),
		ces: next() < 0.2 ? '' : 1 + pick(7),
		e_tangibles: 1 + pick(7),
		p_tangibles: 1 + pick(7),
		e_reliability: next() < 0.3 ? '' : 1 + pick(7),
		p_reliability: 1 + pick(7),
		f: KANO[pick(5)],
		d: KANO[pick(5)],
	}));
}

function reportOf(config: SatisfactionConfig, rows: Array<Record<string, unknown>>, groupBy?: string) {
	const score = createResponseScorer(config);
	const report = new SatisfactionReport(config, { minResponsesForMargin: 30, groupBy });
	for (const row of rows) {
		try {
			report.add(score(row), groupBy ? groupKeyOf(row[groupBy]) : undefined);
		} catch {
			// A response without a gap answer pair is an item error; it counts nowhere, in either run.
		}
	}
	return report;
}

/** 7 uneven pages, each reported alone, its state sent through JSON as an n8n item carries it. */
function pagedStates(config: SatisfactionConfig, rows: Array<Record<string, unknown>>, groupBy?: string): unknown[] {
	const bounds = [0, 3, 20_000, 20_001, 41_000, 77_777, 99_000, rows.length];
	return bounds.slice(1).map((end, p) => JSON.parse(JSON.stringify(reportOf(config, rows.slice(bounds[p], end), groupBy).state())));
}

describe('Satisfaction reports made page by page combine into the one-run report', () => {
	const rows = responses(100_000);

	it.each([undefined, 'store'])('NPS, CSAT and CES with margins, grouped by %s', (groupBy) => {
		const whole = reportOf(npsCsatCes, rows, groupBy).rows();
		const combined = new SatisfactionReport(npsCsatCes, { minResponsesForMargin: 30, groupBy });
		pagedStates(npsCsatCes, rows, groupBy).forEach((state, i) => combined.addState(state, i));
		expect(combined.rows()).toEqual(whole);
		expect(whole[0].nps!.marginOfError).not.toBeNull();
		// The interval's ends combine too (toEqual above), and are there to compare.
		for (const measure of [whole[0].nps!, whole[0].csat!, whole[0].ces!]) expect(measure.lower! < measure.upper!).toBe(true);
	});

	it('gap and Kano with whole-number answers', () => {
		const whole = reportOf(gapKano, rows, 'store').rows();
		const combined = new SatisfactionReport(gapKano, { minResponsesForMargin: 30, groupBy: 'store' });
		pagedStates(gapKano, rows, 'store').forEach((state, i) => combined.addState(state, i));
		expect(combined.rows()).toEqual(whole);
	});

	it('refuses states made with other settings, other grouping or malformed counts', () => {
		const state = reportOf(npsCsatCes, rows.slice(0, 50), 'store').state();
		const other = new SatisfactionReport({ ...npsCsatCes, ces: undefined }, { minResponsesForMargin: 30, groupBy: 'store' });
		expect(() => other.addState(state, 3)).toThrow(/Report state 3 measured .*but this node measures/);
		const ungrouped = new SatisfactionReport(npsCsatCes, { minResponsesForMargin: 30 });
		expect(() => ungrouped.addState(state, 0)).toThrow(/grouped by "store", but this node groups by null/);
		const same = new SatisfactionReport(npsCsatCes, { minResponsesForMargin: 30, groupBy: 'store' });
		const broken = JSON.parse(JSON.stringify(state));
		broken.groups[0].tally.promoters = -1;
		expect(() => same.addState(broken, 1)).toThrow(/Report state 1, group "S\d": promoters is -1; expected a whole number >= 0/);
		expect(() => same.addState({ key: 'overall' }, 2)).toThrow('Item 2 is "{"key":"overall"}", which holds no report state (expected the overall report row');
		// A report row carrying its state is accepted as it comes from the page run.
		expect(() => same.addState({ scope: 'overall', reportState: state }, 4)).not.toThrow();
	});
});
