// Runs examples/large-base-churn-watch.json in a real n8n over generated customers and checks every
// customer against one batch. Used by the e2e suite (test/e2e/suites/large-base.js) and by
// `npm run bench -- scale` (test/bench/scale.bench.ts).
//   regular mode: one `n8n start` serves the page webhook and runs every page;
//   queue mode:   one main (serves the webhook, enqueues each page) and `workers` workers (run them).
// The parent workflow runs in `n8n execute` (a regular-mode CLI process) in both: it only learns (SQL
// aggregates) and dispatches pages, each page an HTTP call to the page workflow's published webhook.
// Every n8n process's peak RSS is its VmHWM (/proc/<pid>/status), read while it still runs.
const { spawn } = require('node:child_process');
const { mkdtempSync, readFileSync, rmSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { Client } = require('pg');
const { runtimeFor } = require('../../../scripts/n8n-runtime');
const { createDatabase, n8nDatabaseEnv, freePort, REDIS } = require('../services');
const { startProcess, stopProcess } = require('../processes');
const { clearScores } = require('./data');

const PARENT_ID = 'ccLargeBaseWatch01';
const PAGE_ID = 'ccLargeBasePage01';
const START_TIMEOUT_MS = 180_000;
/**
 * V8's heap limit (MB) for the n8n processes that serve and run pages, as the README's large-base section
 * recommends: without one, V8 collects lazily and lets the heap grow toward its default limit (4,288 MB for
 * Node 24 on a 24 GB machine), so the peak follows the run's length, not what n8n keeps. With it the
 * peak stays flat, and a run that kept anything per page would fail with "heap out of memory" (the e2e
 * suite checks each server's peak against the limit).
 * LARGE_BASE_HEAP_MB overrides it; 0 runs without a limit.
 */
const HEAP_MB = Number(process.env.LARGE_BASE_HEAP_MB ?? 1024);
const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

/** A memory line of a running process's /proc status in MB (VmHWM: its peak so far, VmRSS: now), or undefined once it is gone. */
function statusMb(pid, field) {
	try {
		const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
		return match ? Number(match[1]) / 1024 : undefined;
	} catch {
		return undefined;
	}
}

const peakRssMb = (pid) => statusMb(pid, 'VmHWM');
const rssMb = (pid) => statusMb(pid, 'VmRSS');

/**
 * Samples the resident set size of the given processes every `everyMs` into rows of
 * [seconds since start, MB per process]; `stop()` ends it and returns a tab-separated table. Whether memory
 * grows with the number of pages shows in this timeline, not in the one peak figure.
 */
function rssTimeline(processes, everyMs = 2000) {
	const started = Date.now();
	const rows = [];
	const sample = () => rows.push([((Date.now() - started) / 1000).toFixed(0), ...processes.map((p) => Math.round(rssMb(p.child.pid) ?? 0))]);
	const timer = setInterval(sample, everyMs);
	return {
		stop() {
			clearInterval(timer);
			sample();
			return [['seconds', ...processes.map((p) => `${p.name} MB`)].join('\t'), ...rows.map((r) => r.join('\t'))].join('\n') + '\n';
		},
	};
}

/** Runs a command to its end, sampling its peak RSS every 200 ms (a process's VmHWM is gone once it exits). */
function runSampled(bin, args, env, timeoutMs) {
	return new Promise((done) => {
		const child = spawn(bin, args, { env });
		let stdout = '';
		let stderr = '';
		let peak = 0;
		child.stdout.on('data', (d) => (stdout += d));
		child.stderr.on('data', (d) => (stderr += d));
		const sampler = setInterval(() => (peak = Math.max(peak, peakRssMb(child.pid) ?? 0)), 200);
		const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
		child.on('close', (code) => {
			clearInterval(sampler);
			clearTimeout(timer);
			done({ code, stdout, stderr, peakRssMb: peak });
		});
	});
}

async function cli(n8n, args, env) {
	const result = await runSampled(n8n, args, env, 300_000);
	if (result.code !== 0) throw new Error(`n8n ${args.join(' ')} failed (exit ${result.code}):\n${(result.stderr || result.stdout).slice(-2000)}`);
	return result;
}

async function waitFor(what, proc, test) {
	const deadline = Date.now() + START_TIMEOUT_MS;
	while (Date.now() < deadline) {
		if (proc.exited) throw new Error(`${proc.name} exited during start-up (see ${proc.logPath})`);
		if (await test().catch(() => false)) return;
		await sleep(500);
	}
	throw new Error(`${proc.name}: ${what} not within ${START_TIMEOUT_MS / 1000} s (see ${proc.logPath})`);
}

/** A CORS preflight answers 204 once the main has registered the published webhook (404 before); it starts no execution. */
const webhookRegistered = async (url) =>
	(await fetch(url, { method: 'OPTIONS', headers: { origin: 'http://127.0.0.1', 'access-control-request-method': 'POST' } })).status === 204;

/**
 * The parent's last execution as n8n saved it (its printed run data holds the learn step's thousands of
 * items, more than `n8n execute` prints before it exits), read with the flatted parser of the n8n under test.
 */
async function savedParentExecution(n8nDb) {
	const { parse } = require(join(runtimeFor().dir, 'node_modules', 'flatted'));
	const client = new Client(n8nDb);
	await client.connect();
	try {
		const { rows } = await client.query(
			`SELECT e.status, e."startedAt", e."stoppedAt", d.data FROM execution_entity e JOIN execution_data d ON d."executionId" = e.id
			 WHERE e."workflowId" = $1 ORDER BY e.id DESC LIMIT 1`,
			[PARENT_ID],
		);
		const [row] = rows;
		return row ? { status: row.status, seconds: (row.stoppedAt - row.startedAt) / 1000, data: parse(row.data) } : undefined;
	} finally {
		await client.end();
	}
}

/** Executions each worker started, from its log ("Worker started execution <id> (job <n>)", 2.8 and 2.41 alike). */
function executionsStarted(output) {
	return new Set([...output.matchAll(/Worker started execution (\S+) \(job /g)].map((m) => m[1]));
}

async function deleteRedisKeys(prefix) {
	const Redis = require('ioredis');
	const redis = new Redis({ ...REDIS, lazyConnect: true, maxRetriesPerRequest: 1 });
	try {
		await redis.connect();
		const keys = [];
		for await (const batch of redis.scanStream({ match: `${prefix}:*`, count: 500 })) keys.push(...batch);
		for (let i = 0; i < keys.length; i += 500) await redis.del(...keys.slice(i, i + 500));
	} finally {
		redis.disconnect();
	}
}

/**
 * One run of the example over the customers already in `dataDb` (see data.js). Returns the parent's
 * Summary item, the wall time of the parent execution, each process's peak RSS and, in queue mode, the
 * page executions each worker started.
 */
async function runLargeBase({ n8n, env, root, artifacts, dataDb, mode, workers = 2, tag = mode, log = console.log }) {
	const unique = `${process.pid}_${Date.now().toString(36)}`;
	const folders = [];
	const processes = [];
	const n8nDb = await createDatabase('n8n_large_base');
	const queuePrefix = `care_large_base_${unique}`;
	try {
		const shared = {
			...env,
			...n8nDatabaseEnv(n8nDb),
			N8N_CUSTOM_EXTENSIONS: join(root, 'dist'),
			N8N_LOG_LEVEL: 'debug',
			EXECUTIONS_MODE: 'regular',
		};
		const processEnv = async (extra = {}) => {
			const folder = mkdtempSync(join(tmpdir(), 'n8n-large-base-'));
			folders.push(folder);
			return { ...shared, N8N_USER_FOLDER: folder, N8N_PORT: String(await freePort()), N8N_RUNNERS_BROKER_PORT: String(await freePort()), ...extra };
		};
		// The processes that run or serve pages get the heap limit the README recommends (see HEAP_MB).
		const heapLimit = HEAP_MB > 0 ? { NODE_OPTIONS: `${env.NODE_OPTIONS ?? ''} --max-old-space-size=${HEAP_MB}`.trim() } : {};
		const queue = mode === 'queue' ? { EXECUTIONS_MODE: 'queue', QUEUE_BULL_REDIS_HOST: REDIS.host, QUEUE_BULL_REDIS_PORT: String(REDIS.port), QUEUE_BULL_PREFIX: queuePrefix } : {};
		const mainEnv = await processEnv({ ...queue, ...heapLimit });
		const webhookUrl = `http://127.0.0.1:${mainEnv.N8N_PORT}/webhook/care-large-base-page`;

		// The example as shipped, with the page webhook's URL set to this main's port.
		const parent = JSON.parse(readFileSync(join(root, 'examples', 'large-base-churn-watch.json'), 'utf8'));
		const settings = parent.nodes.find((n) => n.name === 'Settings');
		settings.parameters.assignments.assignments.find((a) => a.name === 'pageWebhookUrl').value = webhookUrl;
		const files = {
			credentials: join(mainEnv.N8N_USER_FOLDER, 'credentials.json'),
			parent: join(mainEnv.N8N_USER_FOLDER, 'parent.json'),
			page: join(root, 'examples', 'large-base-churn-page.json'),
		};
		writeFileSync(files.parent, JSON.stringify(parent));
		const { host, port, database, user, password } = dataDb;
		writeFileSync(
			files.credentials,
			JSON.stringify([{ id: 'careSamplePg0001', name: 'Customer data (PostgreSQL)', type: 'postgres', data: { host, port, database, user, password, ssl: 'disable', allowUnauthorizedCerts: false, maxConnections: 10 } }]),
		);
		await cli(n8n, ['import:credentials', `--input=${files.credentials}`], mainEnv);
		await cli(n8n, ['import:workflow', `--input=${files.page}`], mainEnv);
		await cli(n8n, ['import:workflow', `--input=${files.parent}`], mainEnv);
		await cli(n8n, ['publish:workflow', `--id=${PAGE_ID}`], mainEnv);

		const main = startProcess(n8n, ['start'], mainEnv, join(artifacts, `large-base-${tag}-main.log`));
		main.name = `${mode} main`;
		processes.push(main);
		const workerProcs = [];
		if (mode === 'queue') {
			for (let i = 1; i <= workers; i++) {
				const healthPort = await freePort();
				const worker = startProcess(
					n8n,
					['worker', '--concurrency=1'],
					await processEnv({ ...queue, ...heapLimit, QUEUE_HEALTH_CHECK_ACTIVE: 'true', QUEUE_HEALTH_CHECK_PORT: String(healthPort) }),
					join(artifacts, `large-base-${tag}-worker-${i}.log`),
				);
				worker.name = `worker ${i}`;
				worker.healthUrl = `http://127.0.0.1:${healthPort}/healthz`;
				workerProcs.push(worker);
				processes.push(worker);
			}
		}
		await waitFor('health', main, async () => (await fetch(`http://127.0.0.1:${mainEnv.N8N_PORT}/healthz`)).ok);
		await waitFor('the page webhook', main, () => webhookRegistered(webhookUrl));
		for (const worker of workerProcs) await waitFor('health', worker, async () => (await fetch(worker.healthUrl)).ok);
		await clearScores(dataDb);

		log(`${tag}: n8n ${mode === 'queue' ? `main + ${workers} workers` : 'start'} up; running the parent workflow`);
		const started = Date.now();
		const timeline = rssTimeline(processes);
		const execution = await runSampled(n8n, ['execute', `--id=${PARENT_ID}`], await processEnv({ N8N_LOG_LEVEL: 'info' }), 4 * 3600_000);
		const commandSeconds = (Date.now() - started) / 1000;
		writeFileSync(join(artifacts, `large-base-${tag}-rss.tsv`), timeline.stop());
		writeFileSync(join(artifacts, `large-base-${tag}-parent.log`), `${execution.stdout}\n--- stderr ---\n${execution.stderr}`);
		const peakRss = { parent: execution.peakRssMb, main: peakRssMb(main.child.pid) };
		for (const worker of workerProcs) peakRss[worker.name] = peakRssMb(worker.child.pid);
		const runData = await savedParentExecution(n8nDb);
		const summaryTask = runData?.data?.resultData?.runData?.Summary?.[0];
		const summary = summaryTask?.data?.main?.[0]?.[0]?.json;
		const error = runData?.data?.resultData?.error?.message;
		return {
			ok: execution.code === 0 && runData?.status === 'success' && summary !== undefined,
			problem: `exit ${execution.code}, status ${runData?.status}${error ? `: ${error}` : ''}\n${execution.stderr.slice(-1500)}`,
			summary,
			// The parent execution, learn step to summary, as n8n recorded it; the command adds n8n's start-up.
			seconds: runData?.seconds,
			commandSeconds,
			peakRss,
			workerExecutions: workerProcs.map((w) => ({ name: w.name, executions: executionsStarted(w.output).size })),
			mainRanPages: mode === 'queue' ? /Worker started execution/.test(main.output) : undefined,
		};
	} finally {
		for (const proc of processes) await stopProcess(proc);
		for (const cleanup of [() => n8nDb.drop(), () => (mode === 'queue' ? deleteRedisKeys(queuePrefix) : undefined)]) {
			try {
				await cleanup();
			} catch (error) {
				console.error(`large-base cleanup: ${error?.message ?? error}`);
			}
		}
		for (const folder of folders) rmSync(folder, { recursive: true, force: true });
	}
}

/** The one-batch comparison (oneBatch.ts) in a child process with room for ten million customers. */
function compareWithOneBatch(root, dataDb) {
	const { host, port, database, user, password } = dataDb;
	return new Promise((done, fail) => {
		const child = spawn(
			process.execPath,
			['--max-old-space-size=12288', '-r', 'ts-node/register/transpile-only', join(root, 'test/e2e/largeBase/oneBatch.ts'), JSON.stringify({ host, port, database, user, password }), join(root, 'examples/large-base-churn-page.json')],
			{ cwd: root, env: { ...process.env, TS_NODE_PROJECT: join(root, 'tsconfig.json') } },
		);
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (d) => (stdout += d));
		child.stderr.on('data', (d) => (stderr += d));
		child.on('close', (code) => {
			const line = stdout.trim().split('\n').pop();
			if (code !== 0 || !line) return fail(new Error(`one-batch comparison failed (exit ${code}):\n${stderr.slice(-2000)}`));
			done(JSON.parse(line));
		});
	});
}

module.exports = { runLargeBase, compareWithOneBatch, peakRssMb, HEAP_MB };
