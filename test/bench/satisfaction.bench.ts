import {
	createResponseScorer,
	DEFAULT_INDEX_WEIGHTS,
	groupKeyOf,
	SatisfactionReport,
	SERVQUAL_DIMENSIONS,
	type SatisfactionConfig,
	type SatisfactionResult,
} from '../../nodes/shared/satisfaction';
import { fieldReader } from '../../nodes/shared/input';
import { collectGarbage, PASS_THROUGH, runInEngine } from './engineTiming';
import type { Report } from './run';

const STORES = ['Shanghai', 'Beijing', 'Shenzhen', 'Chengdu', 'Hangzhou', 'Online'];
const KANO = ['like', 'expect', 'neutral', 'tolerate', 'dislike'];

/** Deterministic survey responses: NPS 0-10, CSAT 1-5, CES 2.0 1-7, sentiment, store; optionally gap and Kano answers. */
function responses(n: number, full: boolean): Array<Record<string, unknown>> {
	let seed = 11;
	const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
	const rating = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
	return Array.from({ length: n }, (_, i) => {
		const r: Record<string, unknown> = {
			responseId: `R${i}`,
			customerId: `C${i % 250_000}`,
			store: STORES[i % STORES.length],
			nps: rating(0, 10),
			csat: rating(1, 5),
			ces: rating(1, 7),
			sentiment: Math.round((next() * 2 - 1) * 100) / 100,
		};
		if (full) {
			const expectation: Record<string, number> = {};
			const perception: Record<string, number> = {};
			for (const d of SERVQUAL_DIMENSIONS) {
				expectation[d] = rating(1, 7);
				perception[d] = rating(1, 7);
			}
			r.expectation = expectation;
			r.perception = perception;
			r.kano = { app: { functional: KANO[rating(0, 4)], dysfunctional: KANO[rating(0, 4)] }, delivery: { functional: rating(1, 5), dysfunctional: rating(1, 5) } };
		}
		return r;
	});
}

const basic: SatisfactionConfig = {
	nps: { field: 'nps' },
	csat: { field: 'csat', scale: { min: 1, max: 5 } },
	ces: { field: 'ces', version: '2.0' },
	sentiment: { field: 'sentiment' },
	indexWeights: DEFAULT_INDEX_WEIGHTS,
	skipMissing: false,
	language: 'en',
};

const full: SatisfactionConfig = {
	...basic,
	gap: {
		dimensions: SERVQUAL_DIMENSIONS.map((key) => ({ key, expectationField: `expectation.${key}`, perceptionField: `perception.${key}`, weight: 1 })),
		scale: { min: 1, max: 7 },
		tolerance: 0.5,
	},
	kano: {
		features: ['app', 'delivery'].map((key) => ({ key, functionalField: `kano.${key}.functional`, dysfunctionalField: `kano.${key}.dysfunctional` })),
	},
};

/** What the domain does for a run: score every response (keeping each result) and build the grouped report. */
function scoreAndReport(records: Array<Record<string, unknown>>, config: SatisfactionConfig): { results: SatisfactionResult[]; rows: number } {
	const score = createResponseScorer(config);
	const report = new SatisfactionReport(config, { minResponsesForMargin: 30, groupBy: 'store' });
	const readStore = fieldReader('store');
	const results = new Array<SatisfactionResult>(records.length);
	for (let i = 0; i < records.length; i++) {
		const result = score(records[i]);
		results[i] = result;
		report.add(result, groupKeyOf(readStore(records[i])));
	}
	return { results, rows: report.rows().length };
}

function seconds(started: bigint): number {
	return Number(process.hrtime.bigint() - started) / 1e9;
}

const NODE_PARAMETERS = { metrics: ['nps', 'csat', 'ces'], options: { sentimentColumn: 'sentiment' }, groupByColumn: 'store' };
const runScoring = (type: string, items: Array<Record<string, unknown>>) =>
	runInEngine({ type, className: type === PASS_THROUGH ? undefined : 'ScoreSatisfaction', parameters: NODE_PARAMETERS, items });

/** One customer's responses combined, older ones weighing less: response dates are read, and days counted, on the zone's calendar. */
const RECENCY_PARAMETERS = { ...NODE_PARAMETERS, aggregatePerCustomer: true, responseDateColumn: 'respondedAt', combineBy: 'recencyWeighted', halfLifeDays: 90 };
const RESPONDED_BEFORE_MS = Date.UTC(2025, 8, 15);

/** Responses with a date-time without offset (as exports write it) in the two years before RESPONDED_BEFORE_MS, five per customer. */
function datedResponses(n: number): Array<Record<string, unknown>> {
	let seed = 17;
	const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
	return responses(n, false).map((r, i) => ({
		...r,
		customerId: `C${i % (n / 5)}`,
		respondedAt: new Date(RESPONDED_BEFORE_MS - Math.floor(next() * 700 * 1440) * 60_000).toISOString().slice(0, 19),
	}));
}

export async function run(report: Report): Promise<void> {
	const n = 1_000_000;
	let records = responses(n, false);
	scoreAndReport(records.slice(0, 20_000), basic); // warm-up
	let started = process.hrtime.bigint();
	let out = scoreAndReport(records, basic);
	report('NPS + CSAT + CES + sentiment + index, scored and reported by store (nodes/shared), 1,000,000 responses', seconds(started), {
		budgetSeconds: 2,
		reportRows: out.rows,
	});
	out = { results: [], rows: 0 };

	records = responses(n, true);
	started = process.hrtime.bigint();
	out = scoreAndReport(records, full);
	report('all methods (5 gap dimensions, 2 Kano features) scored and reported (nodes/shared), 1,000,000 responses', seconds(started), { reportRows: out.rows });
	out = { results: [], rows: 0 };
	records = [];

	// Warm-up, as in a running n8n instance: the first execution compiles the code.
	await runScoring('scoreSatisfaction', responses(20_000, false));
	await runScoring(PASS_THROUGH, responses(20_000, false));
	for (const size of [100_000, 1_000_000]) {
		const items = responses(size, false);
		collectGarbage();
		const node = await runScoring('scoreSatisfaction', items);
		if (node.outputs[0] !== size) throw new Error(`expected ${size} response items, got ${node.outputs[0]}`);
		const count = size.toLocaleString('en');
		report(`NPS + CSAT + CES + sentiment + index by store, as the n8n node (node time in the engine), ${count} responses`, node.seconds, {
			...(size === 1_000_000 ? { budgetSeconds: 2 } : {}),
			inExecute: Number(node.executeSeconds.toFixed(3)),
			inExecuteCpu: Number(node.executeCpuSeconds.toFixed(3)),
			peakRssMb: Math.round(node.peakRssMb),
			reportRows: node.outputs[1],
		});
		const engine = await runScoring(PASS_THROUGH, items);
		report(`pass-through node on the same ${count} items (n8n engine alone)`, engine.seconds, { peakRssMb: Math.round(engine.peakRssMb) });
	}

	await recencyByZone(report);
}

/** Recency-weighted per-customer scores in UTC and in Asia/Shanghai. */
export async function recencyByZone(report: Report): Promise<void> {
	// Outside UTC every date-time without offset is read on the zone's wall clock: the same case in UTC and in Asia/Shanghai.
	const dated = datedResponses(200_000);
	for (const timezone of ['UTC', 'Asia/Shanghai']) {
		await runInEngine({ type: 'scoreSatisfaction', className: 'ScoreSatisfaction', parameters: RECENCY_PARAMETERS, items: dated.slice(0, 20_000), timezone });
		collectGarbage();
		const node = await runInEngine({ type: 'scoreSatisfaction', className: 'ScoreSatisfaction', parameters: RECENCY_PARAMETERS, items: dated, timezone });
		if (node.outputs[0] !== 40_000) throw new Error(`expected 40,000 customer items, got ${node.outputs[0]}`);
		report(`recency-weighted per customer (40,000 customers) from 200,000 dated responses in ${timezone}, node time in the engine`, node.seconds, {
			inExecute: Number(node.executeSeconds.toFixed(3)),
			inExecuteCpu: Number(node.executeCpuSeconds.toFixed(3)),
		});
	}
}
