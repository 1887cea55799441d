import type { IDataObject } from 'n8n-workflow';
import { byCustomer, expectInvariants, runBatch, shuffled, type BatchRun } from '../helpers/batchShapes';

/**
 * The batch-shapes audit of Score Satisfaction: one response, two, every response refused, every item the
 * same customer, every answer the same (NPS 100, NPS −100, all passives: no variance at all), 100,000
 * responses alike, for the report of all responses, per customer over time, and page runs adding their
 * report state. Each run keeps the invariants of test/helpers/batchShapes.ts (one Responses item per
 * response, or per customer when aggregating; report rows pairing with the items they count), margins
 * are finite or null, never NaN, the overall row counts every response and refused item, and the same
 * responses in another order give the same per-customer results and the same report.
 */

const ALL_METRICS = { metrics: ['nps', 'csat', 'ces', 'gap', 'kano'], gapDimensions: 'speed, care', kanoFeatures: 'chat', groupByColumn: 'store', options: { sentimentColumn: 'sentiment' } };
const MODES: Array<[string, IDataObject]> = [
	['report of all responses', ALL_METRICS],
	['per customer, recency-weighted', { ...ALL_METRICS, aggregatePerCustomer: true, combineBy: 'recencyWeighted', halfLifeDays: 30 }],
	['per customer, latest', { ...ALL_METRICS, aggregatePerCustomer: true, combineBy: 'latest' }],
	['page run with report state', { ...ALL_METRICS, reportState: 'output' }],
];

const response = (id: string, nps: number, k = 0, csat = 5, ces = 7): IDataObject => ({
	customerId: id,
	respondedAt: `2024-0${1 + (k % 5)}-0${1 + (k % 7)}`,
	store: k % 2 === 0 ? 'x' : 'y',
	nps,
	csat,
	ces,
	sentiment: 0.5,
	expectation: { speed: 5, care: 5 },
	perception: { speed: 5, care: 4 + (k % 3) },
	kano: { chat: { functional: 'like', dysfunctional: 'dislike' } },
});
const many = (n: number, f: (k: number) => IDataObject) => Array.from({ length: n }, (_, k) => f(k));

const BATCHES: Record<string, IDataObject[]> = {
	'one response': [response('a', 9)],
	'two responses': [response('a', 9), response('b', 0, 1, 1, 1)],
	'every response refused': many(3, (k) => ({ ...response(`c${k}`, 9, k), nps: 'x', csat: 99 })),
	'every item the same customer': many(40, (k) => response('same', 9, k)),
	'NPS 100 (40 promoters)': many(40, (k) => response(`c${k}`, 10, k)),
	'NPS -100 (40 detractors)': many(40, (k) => response(`c${k}`, 0, k, 1, 1)),
	'40 passives': many(40, (k) => response(`c${k}`, 8, k, 3, 4)),
	'100,000 responses alike': many(100_000, (k) => response(`c${k}`, 9, k)),
};

interface Row {
	scope: string;
	responses: number;
	rejectedItems?: number;
	nps?: Margin;
	csat?: Margin;
	ces?: Margin;
}

interface Margin {
	responses: number;
	marginOfError: number | null;
	lower: number | null;
	upper: number | null;
	marginNote: string | null;
}

/** Where each interval's ends must lie: the NPS range, a share in percent, the CES 2.0 scale. */
const RANGES = { nps: [-100, 100], csat: [0, 100], ces: [1, 7] } as const;

const perCustomer = (run: BatchRun) => byCustomer(run.outputs[0], (json) => json.customerId);

describe('Score Satisfaction: batch shapes', () => {
	describe.each(MODES)('%s', (_mode, parameters) => {
		it.each(Object.keys(BATCHES))('%s', async (kind) => {
			const items = BATCHES[kind];
			const run = await runBatch({ type: 'scoreSatisfaction', parameters }, items);
			expectInvariants(run, items.length, { itemOutputs: [0] });
			const rows = run.outputs[1].map((i) => i.json) as unknown as Row[];
			const overall = rows.find((r) => r.scope === 'overall');
			expect(overall).toBeDefined();
			const refused = run.outputs[2].reduce((sum, e) => sum + (Array.isArray(e.pairedItem) ? e.pairedItem.length : 1), 0);
			expect(overall!.rejectedItems).toBe(refused);
			expect(overall!.responses).toBe(items.length - refused);
			for (const row of rows) {
				for (const metric of ['nps', 'csat', 'ces'] as const) {
					const m = row[metric];
					if (!m) continue;
					if (m.marginOfError === null) {
						expect([m.lower, m.upper]).toEqual([null, null]);
						// No margin only with a note saying why (too few answers, or a mean's answers all alike).
						if (m.responses > 0) expect(m.marginNote).toEqual(expect.any(String));
					} else {
						// Half-width about the adjusted figure; the ends it gives stay in the range, never "100 ± 9.4" past it.
						// (0 only as rounded to two decimals: 100,000 promoters give 0.003 points.)
						expect(m.marginOfError).toBeGreaterThanOrEqual(0);
						const [min, max] = RANGES[metric];
						expect(min <= m.lower! && m.lower! <= m.upper! && m.upper! <= max).toBe(true);
					}
				}
			}
			if (items.length > 1 && items.length <= 100) {
				const again = await runBatch({ type: 'scoreSatisfaction', parameters }, shuffled(items));
				// Group rows come in order of first appearance; the page identity is a digest of the items in their order.
				const rowsOf = (r: BatchRun) => new Map(r.outputs[1].map((i) => [`${i.json.scope}/${String(i.json.group)}`, { ...i.json, reportState: undefined }]));
				expect(rowsOf(again)).toEqual(rowsOf(run));
				if (parameters.aggregatePerCustomer) {
					const first = perCustomer(run);
					const second = perCustomer(again);
					for (const [id, json] of first) expect(second.get(id)?.satisfaction).toEqual(json.satisfaction);
				}
			}
		}, 120_000);
	});

	// The margin of a share with no variance: 40 answers all promoters (all detractors, all satisfied) gave
	// NPS 100 ± 0 and CSAT 100% ± 0 at n ≥ 30, the Wald formula's degenerate case. Forty answers cannot pin a
	// share to exactly 100%: the adjusted-Wald margins (Rocks 2016 for the NPS, Agresti–Coull for a share)
	// give NPS 100 ± 9.4 and CSAT 100% ± 6.1.
	it.each([
		['NPS 100 (40 promoters)', 'nps'],
		['NPS -100 (40 detractors)', 'nps'],
		['NPS 100 (40 promoters)', 'csat'],
	])('%s: the %s margin of error is not 0 when every answer is the same', async (kind, metric) => {
		const run = await runBatch({ type: 'scoreSatisfaction', parameters: ALL_METRICS }, BATCHES[kind]);
		const overall = run.outputs[1][0].json as Record<string, { marginOfError: number }>;
		expect(overall[metric].marginOfError).toBeGreaterThan(0);
	});

	// Page runs combined: the report of all responses exactly as one run gives it, also when a page has
	// one response, when every response of a page was refused, or when every answer is the same.
	const PAGINGS: Array<[string, IDataObject[][]]> = [
		['pages of one response', BATCHES['two responses'].map((r) => [r])],
		['a page whose responses were all refused', [BATCHES['NPS 100 (40 promoters)'].slice(0, 20), BATCHES['every response refused'], BATCHES['NPS 100 (40 promoters)'].slice(20)]],
		['pages of 40 promoters and 40 detractors', [BATCHES['NPS 100 (40 promoters)'], BATCHES['NPS -100 (40 detractors)']]],
	];
	it.each(PAGINGS)('combining %s gives the one-run report', async (_name, pages) => {
		const overallRows = [];
		for (const page of pages) {
			const run = await runBatch({ type: 'scoreSatisfaction', parameters: { ...ALL_METRICS, reportState: 'output' } }, page);
			overallRows.push(run.outputs[1].find((i) => i.json.scope === 'overall')!.json);
		}
		const combined = await runBatch({ type: 'scoreSatisfaction', parameters: { ...ALL_METRICS, reportState: 'combine' } }, overallRows);
		expectInvariants(combined, overallRows.length, { itemOutputs: [] });
		const whole = await runBatch({ type: 'scoreSatisfaction', parameters: ALL_METRICS }, pages.flat());
		const overall = (run: BatchRun): IDataObject => ({ ...run.outputs[1].find((i) => i.json.scope === 'overall')!.json, reportState: undefined });
		const { rejectedItems: _r, ...combinedRow } = overall(combined);
		const { rejectedItems: _w, ...wholeRow } = overall(whole);
		expect(combinedRow).toEqual(wholeRow);
	});
});
