// Shared result parts in a real n8n: Segment Customer gives customers with the same R-F-M scores one frozen
// `scores` object (README, Limits). n8n's own nodes must still work on such items as users expect: a Code
// node that changes the scores of one item in place changes that item only (the Code node works on a copy),
// and Edit Fields with dot notation writes into a nested field of every item. Neither may fail, and the
// Segment node's own output must stay as it was.
const assert = require('node:assert/strict');
const { mkdtempSync, rmSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { parseRunOutput, runCommand: run } = require('../processes');

const WORKFLOW = {
	id: 'ccSharedResults01',
	name: 'Check: shared result parts downstream',
	active: false,
	settings: {},
	nodes: [
		{ id: 's1', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
		{
			id: 's2',
			name: 'Customers',
			type: 'n8n-nodes-base.code',
			typeVersion: 2,
			position: [200, 0],
			parameters: {
				// C2 and C3 are equal, so they get equal scores and share one scores object.
				jsCode: "return [[1, 1], [2, 2], [2, 2], [4, 4]].map(([day, orders], i) => ({ json: { customerId: `C${i + 1}`, lastPurchaseAt: `2024-06-0${day}`, orderCount: orders, totalSpend: orders * 10 } }));",
			},
		},
		{ id: 's3', name: 'Segment', type: 'CUSTOM.segmentCustomer', typeVersion: 1, position: [400, 0], parameters: { method: 'rfm', asOf: '2024-07-01T00:00:00Z', rfmBins: 3 } },
		{
			id: 's4',
			name: 'Change In Code',
			type: 'n8n-nodes-base.code',
			typeVersion: 2,
			position: [600, 0],
			parameters: { jsCode: 'const items = $input.all();\nitems[1].json.segment.scores.recency = 99;\nreturn items;' },
		},
		{
			id: 's5',
			name: 'Edit Fields',
			type: 'n8n-nodes-base.set',
			typeVersion: 3.4,
			position: [800, 0],
			parameters: {
				assignments: { assignments: [{ id: 'a1', name: 'segment.scores.frequency', value: '={{ $json.segment.scores.frequency + 10 }}', type: 'number' }] },
				includeOtherFields: true,
				options: { dotNotation: true },
			},
		},
	],
	connections: {
		Start: { main: [[{ node: 'Customers', type: 'main', index: 0 }]] },
		Customers: { main: [[{ node: 'Segment', type: 'main', index: 0 }]] },
		Segment: { main: [[{ node: 'Change In Code', type: 'main', index: 0 }]] },
		'Change In Code': { main: [[{ node: 'Edit Fields', type: 'main', index: 0 }]] },
	},
};

async function runSuite({ n8n, env, record }) {
	const folder = mkdtempSync(join(tmpdir(), 'care-shared-'));
	try {
		const file = join(folder, 'workflow.json');
		writeFileSync(file, JSON.stringify(WORKFLOW));
		const imported = await run(n8n, ['import:workflow', `--input=${file}`], env);
		record(imported.code === 0, 'imports the check workflow', imported.stderr.slice(-1000));
		const executed = await run(n8n, ['execute', `--id=${WORKFLOW.id}`, '--rawOutput'], env);
		const runData = parseRunOutput(executed.stdout);
		const ok = executed.code === 0 && runData?.status === 'success';
		record(ok, 'the workflow runs: neither n8n node fails on shared scores', `exit ${executed.code}\n${(runData?.data?.resultData?.error?.message ?? executed.stderr).slice(-2000)}`);
		if (!ok) return;
		const scores = (node) => runData.data.resultData.runData[node][0].data.main[0].map((item) => item.json.segment.scores);
		const checks = {
			'Segment Customer: equal customers get equal scores': () => {
				assert.deepEqual(scores('Segment'), [
					{ recency: 1, frequency: 1, monetary: 1 },
					{ recency: 2, frequency: 2, monetary: 2 },
					{ recency: 2, frequency: 2, monetary: 2 },
					{ recency: 3, frequency: 3, monetary: 3 },
				]);
			},
			'a Code node that changes one item in place changes that item only, and not the Segment output': () => {
				assert.deepEqual(
					scores('Change In Code').map((s) => s.recency),
					[1, 99, 2, 3],
				);
				assert.deepEqual(
					scores('Segment').map((s) => s.recency),
					[1, 2, 2, 3],
				);
			},
			'Edit Fields writes a nested field of every item with dot notation': () => {
				assert.deepEqual(
					scores('Edit Fields').map((s) => [s.recency, s.frequency]),
					[
						[1, 11],
						[99, 12],
						[2, 12],
						[3, 13],
					],
				);
			},
		};
		for (const [label, check] of Object.entries(checks)) {
			try {
				check();
				record(true, label);
			} catch (error) {
				record(false, label, error?.message ?? error);
			}
		}
	} finally {
		rmSync(folder, { recursive: true, force: true });
	}
}

module.exports = { run: runSuite };
