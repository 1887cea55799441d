// Queue mode: one n8n main and two workers (Redis at 127.0.0.1:6379, n8n's own data in a fresh PostgreSQL
// database) run the birthday-email workflow of examples/care-birthday.json six times at once over the same
// customers, each execution started by its own webhook call. The Postgres ledger must let exactly one of the
// six send each idempotency key, whichever worker runs it; the other five skip those customers as duplicates.
// As of 2026-03-08 12:00 in Shanghai the workflow's customers C01 (wang.fang@example.cn) and C06
// (tom.lee@example.com) are the two that may be sent (see test/e2e/care-birthday.expect.js for the others).
const { check } = require('../recordCheck');
const assert = require('node:assert/strict');
const { spawn } = require('node:child_process');
const http = require('node:http');
const { createWriteStream, mkdtempSync, readFileSync, rmSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { dirname, join, resolve } = require('node:path');
const { randomUUID } = require('node:crypto');
const { Client } = require('pg');
const Redis = require('ioredis');
const { createDatabase, n8nDatabaseEnv, freePort, POSTGRES, REDIS } = require('../services');
const { startProcess, stopProcess } = require('../processes');

const RUNS = 6;
const WORKERS = 2;
const WORKFLOW_ID = 'ccQueueModeCare01';
const SEND_NODE = 'Send Care Message';
const EXPECTED_SENT = { C01: 'wang.fang@example.cn', C06: 'tom.lee@example.com' };
const LEDGER_DB = { ...POSTGRES, database: 'test' };
const START_TIMEOUT_MS = 180_000;
const EXECUTIONS_TIMEOUT_MS = 180_000;
const LOG_LINES_TIMEOUT_MS = 30_000;

const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

/** examples/care-birthday.json with a webhook instead of the manual trigger, one send node and its own ledger table. */
function queueWorkflow(root, { webhookPath, ledgerTable }) {
	const example = JSON.parse(readFileSync(join(root, 'examples', 'care-birthday.json'), 'utf8'));
	const nodes = example.nodes
		.filter((node) => node.type !== 'n8n-nodes-base.manualTrigger' && node.name !== 'Send Again (Same Day)')
		.map((node) =>
			node.name === SEND_NODE
				? { ...node, parameters: { ...node.parameters, options: { ...node.parameters.options, postgresTable: ledgerTable } } }
				: node,
		);
	nodes.unshift({
		id: 'queueWebhook',
		name: 'Webhook',
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		position: [0, 0],
		webhookId: randomUUID(),
		parameters: { httpMethod: 'POST', path: webhookPath, responseMode: 'onReceived', options: {} },
	});
	return {
		...example,
		id: WORKFLOW_ID,
		name: 'Queue mode: birthday emails from six concurrent executions',
		active: false,
		nodes,
		connections: {
			Webhook: { main: [[{ node: 'Birthday Customers', type: 'main', index: 0 }]] },
			'Birthday Customers': { main: [[{ node: SEND_NODE, type: 'main', index: 0 }]] },
		},
	};
}

function runCli(n8n, args, env, log) {
	return new Promise((done) => {
		const child = spawn(n8n, args, { env });
		let output = '';
		child.stdout.on('data', (d) => (output += d));
		child.stderr.on('data', (d) => (output += d));
		child.on('close', (code) => {
			log.write(`$ n8n ${args.join(' ')}  (exit ${code})\n${output}\n`);
			done({ code, output });
		});
	});
}

/** A long-running n8n process in its own process group (so its task runner stops with it); output goes to `logPath`. */
async function waitForHealth(url, proc, name) {
	const deadline = Date.now() + START_TIMEOUT_MS;
	while (Date.now() < deadline) {
		if (proc.exited) throw new Error(`${name} exited during start-up (see ${proc.logPath})`);
		try {
			const response = await fetch(url);
			if (response.ok) return;
		} catch {
			// not listening yet
		}
		await sleep(500);
	}
	throw new Error(`${name} did not answer ${url} within ${START_TIMEOUT_MS / 1000} s (see ${proc.logPath})`);
}

/**
 * The main registers the published workflow's webhook some time after its HTTP server is up (and each n8n
 * version logs that differently). A CORS preflight for POST asks n8n whether the webhook is registered
 * without running the workflow: 204 once it is, 404 before.
 */
async function waitForWebhook(url, proc, name) {
	const deadline = Date.now() + START_TIMEOUT_MS;
	let last = 'no answer';
	while (Date.now() < deadline) {
		if (proc.exited) throw new Error(`${name} exited (see ${proc.logPath})`);
		const answer = await preflight(url);
		if (answer.status === 204 && /\bPOST\b/.test(answer.allowMethods ?? '')) return;
		last = `HTTP ${answer.status ?? answer.error}`;
		await sleep(500);
	}
	throw new Error(`${name} did not register the webhook ${url} within ${START_TIMEOUT_MS / 1000} s (last answer: ${last}; see ${proc.logPath})`);
}

function preflight(url) {
	return new Promise((done) => {
		const request = http.request(url, {
			method: 'OPTIONS',
			headers: { origin: 'http://127.0.0.1', 'access-control-request-method': 'POST' },
			timeout: 5000,
		});
		request.on('response', (response) => {
			response.resume();
			done({ status: response.statusCode, allowMethods: response.headers['access-control-allow-methods'] });
		});
		request.on('timeout', () => request.destroy(new Error('timeout')));
		request.on('error', (error) => done({ error: error.code ?? error.message }));
		request.end();
	});
}

async function query(db, sql, params) {
	const client = new Client(db);
	await client.connect();
	try {
		return (await client.query(sql, params)).rows;
	} finally {
		await client.end();
	}
}

/** Polls n8n's execution table until RUNS executions of the workflow have ended. */
async function waitForExecutions(n8nDb) {
	const deadline = Date.now() + EXECUTIONS_TIMEOUT_MS;
	let rows = [];
	while (Date.now() < deadline) {
		rows = await query(n8nDb, `SELECT id, status, finished FROM execution_entity WHERE "workflowId" = $1 ORDER BY id`, [WORKFLOW_ID]);
		const ended = rows.filter((r) => !['new', 'running', 'waiting'].includes(r.status));
		if (rows.length >= RUNS && ended.length === rows.length) return rows;
		await sleep(1000);
	}
	throw new Error(`executions did not end within ${EXECUTIONS_TIMEOUT_MS / 1000} s: ${JSON.stringify(rows)}`);
}

/** Waits up to LOG_LINES_TIMEOUT_MS for the processes' logs to satisfy `done` (the check after it says what is missing). */
async function waitForLogLines(done) {
	const deadline = Date.now() + LOG_LINES_TIMEOUT_MS;
	while (!done() && Date.now() < deadline) await sleep(200);
}

/** The items of the send node's outputs (0 sent, 1 skipped, 2 failed) in one stored execution. */
async function sendNodeOutputs(n8nDb, executionId, parseFlatted) {
	const [row] = await query(n8nDb, 'SELECT data FROM execution_data WHERE "executionId" = $1', [executionId]);
	const task = parseFlatted(row.data).resultData.runData[SEND_NODE]?.[0];
	if (!task) throw new Error(`execution ${executionId}: "${SEND_NODE}" did not run`);
	return [0, 1, 2].map((output) => (task.data.main[output] ?? []).map((item) => item.json));
}

async function deleteRedisKeys(prefix) {
	const redis = new Redis({ ...REDIS, lazyConnect: true, maxRetriesPerRequest: 1 });
	try {
		await redis.connect();
		const keys = [];
		const stream = redis.scanStream({ match: `${prefix}:*`, count: 500 });
		for await (const batch of stream) keys.push(...batch);
		for (let i = 0; i < keys.length; i += 500) await redis.del(...keys.slice(i, i + 500));
	} finally {
		redis.disconnect();
	}
}

async function run({ n8n, env, record, root, artifacts }) {
	require('ts-node').register({ transpileOnly: true, project: resolve(root, 'tsconfig.json') });
	const { startSmtpServer } = require(resolve(root, 'test/helpers/providers'));
	// n8n stores execution data in the flatted format; read it with the parser of the n8n under test.
	const { parse: parseFlatted } = require(join(dirname(dirname(n8n)), 'flatted'));

	const unique = `${process.pid}_${Date.now().toString(36)}`;
	const queuePrefix = `care_e2e_queue_${unique}`;
	const ledgerTable = `care_e2e_queue_ledger_${unique}`;
	const webhookPath = `care-queue-${unique}`;
	const folders = [];
	const processes = [];
	let n8nDb;
	let smtp;
	const cliLog = createWriteStream(join(artifacts, 'queue-mode-cli.log'));

	try {
		smtp = await startSmtpServer({ rejectRecipients: { 'gone@example.cn': 550 } });
		n8nDb = await createDatabase('n8n_queue_e2e');
		const shared = {
			...env,
			...n8nDatabaseEnv(n8nDb),
			N8N_CUSTOM_EXTENSIONS: resolve(root, 'dist'),
			EXECUTIONS_MODE: 'queue',
			QUEUE_BULL_REDIS_HOST: REDIS.host,
			QUEUE_BULL_REDIS_PORT: String(REDIS.port),
			QUEUE_BULL_PREFIX: queuePrefix,
			N8N_LOG_LEVEL: 'debug',
		};
		const processEnv = async (extra = {}) => {
			const folder = mkdtempSync(join(tmpdir(), 'n8n-queue-'));
			folders.push(folder);
			return {
				...shared,
				N8N_USER_FOLDER: folder,
				N8N_PORT: String(await freePort()),
				N8N_RUNNERS_BROKER_PORT: String(await freePort()),
				...extra,
			};
		};

		const mainEnv = await processEnv();
		const credentialsFile = join(mainEnv.N8N_USER_FOLDER, 'credentials.json');
		const workflowFile = join(mainEnv.N8N_USER_FOLDER, 'workflow.json');
		writeFileSync(
			credentialsFile,
			JSON.stringify([
				{ id: 'careSmtp00000001', name: 'Care email (SMTP)', type: 'careSmtpApi', data: smtp.credentials },
				{ id: 'careLedgerPg0001', name: 'Care ledger (PostgreSQL)', type: 'carePostgresLedgerApi', data: { ...LEDGER_DB, ssl: false } },
			]),
		);
		writeFileSync(workflowFile, JSON.stringify(queueWorkflow(root, { webhookPath, ledgerTable })));
		for (const args of [
			['import:credentials', `--input=${credentialsFile}`],
			['import:workflow', `--input=${workflowFile}`],
			['publish:workflow', `--id=${WORKFLOW_ID}`],
		]) {
			const result = await runCli(n8n, args, mainEnv, cliLog);
			if (result.code !== 0) throw new Error(`n8n ${args[0]} failed (exit ${result.code}):\n${result.output.slice(-2000)}`);
		}
		const [published] = await query(n8nDb, 'SELECT "activeVersionId" FROM workflow_entity WHERE id = $1', [WORKFLOW_ID]);
		if (!published?.activeVersionId) throw new Error(`publish:workflow did not publish ${WORKFLOW_ID} (see queue-mode-cli.log)`);

		const main = startProcess(n8n, ['start'], mainEnv, join(artifacts, 'queue-mode-main.log'));
		processes.push(main);
		const workers = [];
		for (let i = 1; i <= WORKERS; i++) {
			const healthPort = await freePort();
			const workerEnv = await processEnv({ QUEUE_HEALTH_CHECK_ACTIVE: 'true', QUEUE_HEALTH_CHECK_PORT: String(healthPort) });
			const worker = startProcess(n8n, ['worker', '--concurrency=5'], workerEnv, join(artifacts, `queue-mode-worker-${i}.log`));
			worker.name = `worker ${i}`;
			worker.healthUrl = `http://127.0.0.1:${healthPort}/healthz`;
			workers.push(worker);
			processes.push(worker);
		}
		await waitForHealth(`http://127.0.0.1:${mainEnv.N8N_PORT}/healthz`, main, 'main');
		const url = `http://127.0.0.1:${mainEnv.N8N_PORT}/webhook/${webhookPath}`;
		await waitForWebhook(url, main, 'main');
		for (const worker of workers) await waitForHealth(worker.healthUrl, worker, worker.name);
		record(true, `a main and ${WORKERS} workers start in queue mode and the main serves the published webhook`);

		const responses = await Promise.all(
			Array.from({ length: RUNS }, (_, i) =>
				fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ call: i + 1 }) }).then(
					async (r) => ({ status: r.status, body: await r.text() }),
				),
			),
		);
		const accepted = responses.every((r) => r.status === 200);
		record(accepted, `${RUNS} concurrent webhook calls are accepted`, JSON.stringify(responses));
		if (!accepted) return;

		const executions = await waitForExecutions(n8nDb);
		const ids = executions.map((e) => String(e.id));
		await check(record, `all ${RUNS} executions succeed`, () => {
			assert.equal(executions.length, RUNS, `expected ${RUNS} executions, found ${executions.length}`);
			assert.deepEqual(
				executions.filter((e) => e.status !== 'success' || !e.finished),
				[],
				'executions that did not succeed',
			);
		});

		// A worker writes an execution's end to the database before it logs "Worker finished execution", so
		// the table can say ended while that line is still on its way: wait for the lines, then check them.
		const ranOn = (proc, id, word) => new RegExp(`Worker ${word} execution ${id} \\(job `).test(proc.output);
		await waitForLogLines(() => ids.every((id) => workers.some((w) => ranOn(w, id, 'finished'))));
		await check(record, 'the main only enqueues them; the workers run them, each on exactly one worker', () => {
			const perWorker = workers.map(() => 0);
			for (const id of ids) {
				assert.match(main.output, new RegExp(`Enqueued execution ${id} \\(job `), `the main did not enqueue execution ${id}`);
				assert.ok(!ranOn(main, id, 'started'), `the main ran execution ${id}`);
				const starters = workers.map((w, i) => (ranOn(w, id, 'started') ? i : -1)).filter((i) => i >= 0);
				assert.equal(starters.length, 1, `execution ${id} was started by ${starters.length} workers`);
				assert.ok(ranOn(workers[starters[0]], id, 'finished'), `${workers[starters[0]].name} did not finish execution ${id}`);
				perWorker[starters[0]]++;
			}
			return workers.map((w, i) => `${w.name}: ${perWorker[i]}`).join(', ');
		});

		await check(record, 'each idempotency key is delivered exactly once at the SMTP server', () => {
			assert.deepEqual(smtp.duplicates(), []);
			const delivered = smtp.requests.filter((t) => t.result === 'delivered').map((t) => t.to.join(','));
			assert.deepEqual(delivered.sort(), Object.values(EXPECTED_SENT).sort());
		});

		await check(record, 'the ledger has exactly one sent row per key', async () => {
			const rows = await query(LEDGER_DB, `SELECT key, customer_id, status FROM "${ledgerTable}" WHERE status = 'sent' ORDER BY key`);
			assert.deepEqual(
				rows.map((r) => [r.key, r.customer_id]),
				Object.keys(EXPECTED_SENT).map((id) => [`${id}:birthday:smtp:2026`, id]),
			);
		});

		// The other executions find each key either sent (Skipped, duplicate) or still claimed by the execution
		// sending it (Failed, CLAIM_UNRESOLVED: outcome not known yet, nothing sent); never sent a second time.
		await check(record, `in the other ${RUNS - 1} executions those customers are skipped as duplicates or reported as claimed by another, never sent`, async () => {
			const sentBy = Object.fromEntries(Object.keys(EXPECTED_SENT).map((id) => [id, []]));
			const seen = { duplicate: 0, CLAIM_UNRESOLVED: 0 };
			for (const id of ids) {
				const [sent, skipped, failed] = await sendNodeOutputs(n8nDb, id, parseFlatted);
				for (const item of sent) {
					assert.ok(item.customerId in sentBy, `execution ${id} sent to ${item.customerId}`);
					sentBy[item.customerId].push(id);
				}
				for (const customerId of Object.keys(EXPECTED_SENT)) {
					if (sent.some((item) => item.customerId === customerId)) continue;
					const skip = skipped.find((item) => item.customerId === customerId);
					const fail = failed.find((item) => item.customerId === customerId);
					const outcome = skip?.care?.reason === 'duplicate' ? 'duplicate' : fail?.care?.code === 'CLAIM_UNRESOLVED' ? 'CLAIM_UNRESOLVED' : undefined;
					assert.ok(outcome, `execution ${id}: ${customerId} is ${JSON.stringify(skip?.care ?? fail?.care ?? 'missing')}`);
					seen[outcome]++;
				}
			}
			for (const [customerId, executionIds] of Object.entries(sentBy)) {
				assert.equal(executionIds.length, 1, `${customerId} was sent by executions [${executionIds}]`);
			}
			return `${seen.duplicate} duplicate, ${seen.CLAIM_UNRESOLVED} claimed by another`;
		});
	} finally {
		for (const proc of processes) await stopProcess(proc);
		cliLog.end();
		const cleanups = [
			() => smtp?.close(),
			() => n8nDb?.drop(),
			() => query(LEDGER_DB, `DROP TABLE IF EXISTS "${ledgerTable}"`),
			() => deleteRedisKeys(queuePrefix),
		];
		for (const cleanup of cleanups) {
			try {
				await cleanup();
			} catch (error) {
				console.error(`queue-mode cleanup: ${error?.message ?? error}`);
			}
		}
		for (const folder of folders) rmSync(folder, { recursive: true, force: true });
	}
}

module.exports = { run };
