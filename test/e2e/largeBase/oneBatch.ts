/**
 * The large-base workflow's results checked against ONE batch: every customer of customer_totals read at
 * once, RFM scored relative to all of them and the BG/NBD model fitted on all of them one by one (the
 * domain code of nodes/shared, with Detect Churn Risk's own reader and result builder), then every row
 * of customer_care_scores compared with it, field by field.
 *   node -r ts-node/register/transpile-only test/e2e/largeBase/oneBatch.ts '<db json>' '<page workflow path>'
 * prints one JSON line: { customers, compared, missing, mismatches, examples }.
 */
import { readFileSync } from 'fs';
import type { IExecuteFunctions } from 'n8n-workflow';
import { Client } from 'pg';
import { readCustomerItem, readContext, type Subject } from '../../../nodes/DetectChurnRisk/read';
import { resultBuilder } from '../../../nodes/DetectChurnRisk/result';
import { readSettings } from '../../../nodes/DetectChurnRisk/settings';
import { weightedTypicalInterval } from '../../../nodes/shared/churn/typicalInterval';
import { DEFAULT_CUSTOMER_COLUMNS } from '../../../nodes/shared/customers';
import { toIsoWithOffset } from '../../../nodes/shared/format/isoDate';
import { RfmColumnReader, scoreRfmColumnArrays, type RfmBins } from '../../../nodes/shared/segments';

const CHUNK = 200_000;
const FIELDS = ['segment_key', 'rfm_code', 'probability_alive', 'expected_purchases', 'risk_level'] as const;
type Row = Record<(typeof FIELDS)[number], unknown>;

interface WorkflowNode {
	name: string;
	parameters: Record<string, unknown>;
}

/** The parameters of a node of the page workflow, as n8n would hand them to the node (expressions aside). */
function parametersOf(workflowPath: string, nodeName: string): Record<string, unknown> {
	const workflow = JSON.parse(readFileSync(workflowPath, 'utf8')) as { nodes: WorkflowNode[] };
	const node = workflow.nodes.find((n) => n.name === nodeName);
	if (!node) throw new Error(`${workflowPath} has no node "${nodeName}"`);
	return node.parameters;
}

/** Just enough of n8n's execute context for readSettings: parameters by name, with their defaults. */
function parameterContext(parameters: Record<string, unknown>): IExecuteFunctions {
	return {
		getNodeParameter: (name: string, _item: number, fallback?: unknown) => (name in parameters ? parameters[name] : fallback),
		getTimezone: () => 'UTC',
		getNode: () => ({ name: 'one batch', type: 'detectChurnRisk', typeVersion: 1, position: [0, 0], parameters: {} }),
	} as unknown as IExecuteFunctions;
}

/** The page query's columns, read keyset-wise in chunks (the same text forms the page workflow reads). */
async function* customerChunks(client: Client): AsyncGenerator<Array<Record<string, unknown>>> {
	let after = -1;
	for (;;) {
		const { rows } = await client.query(
			`SELECT c.customer_id AS "customerId", c.first_purchase_at::text AS "firstPurchaseAt", c.last_purchase_at::text AS "lastPurchaseAt",
			        c.order_count AS "orderCount", c.total_spend::text AS "totalSpend", ${FIELDS.map((f) => `s.${f}`).join(', ')}, s.customer_id IS NOT NULL AS written
			 FROM customer_totals c LEFT JOIN customer_care_scores s USING (customer_id)
			 WHERE c.customer_id > $1 ORDER BY c.customer_id LIMIT ${CHUNK}`,
			[after],
		);
		if (rows.length === 0) return;
		yield rows;
		after = rows[rows.length - 1].customerId as number;
	}
}

export async function compareWithOneBatch(db: Record<string, unknown>, pageWorkflowPath: string) {
	const segmentParameters = parametersOf(pageWorkflowPath, 'Segment Customer');
	const churnParameters = { ...parametersOf(pageWorkflowPath, 'Detect Churn Risk'), modelSource: 'fit' };
	const settings = readSettings(parameterContext(churnParameters));
	const model = settings.model!;
	const asOf = new Date(String(segmentParameters.asOf));
	const client = new Client(db);
	await client.connect();
	try {
		const customers = Number((await client.query('SELECT count(*) FROM customer_totals')).rows[0].count);
		// Pass 1: every customer, for what is learned from all of them at once.
		const rfm = new RfmColumnReader(DEFAULT_CUSTOMER_COLUMNS, customers, { asOf, timeZone: 'UTC' });
		const ctx = readContext(settings.columns, settings.signalColumns, settings.asOf, settings.timeZone, settings.scoreOptions);
		const subjects: Subject[] = [];
		const intervals: number[] = [];
		let index = 0;
		for await (const chunk of customerChunks(client)) {
			for (const row of chunk) {
				rfm.read(row, index);
				const subject = readCustomerItem(row, index, ctx);
				// Only what the fit reads is kept: ten million subjects must fit in memory.
				subjects.push({ summary: subject.summary, meanSpend: subject.meanSpend } as Subject);
				if (subject.signals.usualIntervalDays !== undefined) intervals.push(subject.signals.usualIntervalDays);
				index++;
			}
		}
		const bins = Number(segmentParameters.rfmBins) as RfmBins;
		const { codes, segments } = scoreRfmColumnArrays(rfm.rfmColumns(), bins, 'en');
		const fitted = model.fit(subjects);
		subjects.length = 0;
		const typical = weightedTypicalInterval(intervals, undefined);
		const build = resultBuilder(settings, model, model.scorer(fitted, settings.scoreOptions), toIsoWithOffset(settings.asOf, settings.timeZone));

		// Pass 2: every customer's expected row against the one the pages wrote.
		let compared = 0;
		let missing = 0;
		let mismatches = 0;
		const examples: unknown[] = [];
		index = 0;
		for await (const chunk of customerChunks(client)) {
			for (const row of chunk) {
				const subject = readCustomerItem(row, index, ctx);
				if (subject.signals.usualIntervalDays === undefined) subject.signals.typicalIntervalDays = typical;
				const churn = build(subject).result;
				const expected: Row = {
					segment_key: segments[index].key,
					rfm_code: codes[index],
					probability_alive: churn.probabilityAlive,
					expected_purchases: churn.expectedPurchases,
					risk_level: churn.riskLevel,
				};
				index++;
				if (!row.written) {
					missing++;
					if (examples.length < 5) examples.push({ customerId: row.customerId, missing: true });
					continue;
				}
				compared++;
				const differing = FIELDS.filter((f) => row[f] !== expected[f]);
				if (differing.length > 0) {
					mismatches++;
					if (examples.length < 5) examples.push({ customerId: row.customerId, written: Object.fromEntries(differing.map((f) => [f, row[f]])), oneBatch: Object.fromEntries(differing.map((f) => [f, expected[f]])) });
				}
			}
		}
		return { customers, compared, missing, mismatches, examples, parameters: fitted.parameters, typicalIntervalDays: typical };
	} finally {
		await client.end();
	}
}

if (require.main === module) {
	compareWithOneBatch(JSON.parse(process.argv[2]), process.argv[3]).then(
		(result) => console.log(JSON.stringify(result)),
		(error) => {
			console.error(error);
			process.exitCode = 1;
		},
	);
}
