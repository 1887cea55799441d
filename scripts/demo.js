#!/usr/bin/env node
// npm run demo: the whole package at work on the sample data, then n8n's editor with everything ready.
//   1. builds the package and installs n8n (N8N_VERSION, default the current tested one) into the cache
//      folder if it is missing or broken (scripts/n8n-runtime.js);
//   2. loads the sample data into PostgreSQL (database care_demo on 127.0.0.1:5432) when it answers, otherwise
//      uses examples/data/sample-data.json (an offline variant of the daily churn watch reads the JSON file;
//      see offlineChurnWatch below). A PostgreSQL that refuses the login is reported in one line and, unless
//      a PostgreSQL option was given, the demo goes on offline;
//   3. starts loopback servers for the message channels (nothing goes to a real provider) and imports the
//      credentials and every example workflow into a demo n8n (SQLite in the cache folder, fresh each run);
//   4. runs the daily churn watch with `n8n execute` and prints a summary;
//   5. starts the n8n editor on http://localhost:5678 until Ctrl-C.
// Flags: --no-editor (stop after the summary), --offline (use the JSON file even when PostgreSQL answers),
//        PostgreSQL: --host (PGHOST, default 127.0.0.1), --port (PGPORT, 5432), --user (PGUSER, postgres),
//        --database (default care_demo; PGDATABASE is not used: the demo replaces its sample tables there);
//        the password comes from PGPASSWORD (or ~/.pgpass). Giving one of these flags makes PostgreSQL required.
//        --editor-port <port> (default 5678),
//        --dir <folder> (default ~/.cache/n8n-nodes-customer-care/demo, emptied on start),
//        --no-build (use dist/ as it is; the e2e suite test/e2e/suites/demo.js builds once for all).
const { spawn, spawnSync } = require('child_process');
const { closeSync, mkdirSync, openSync, readFileSync, readdirSync, rmSync, writeFileSync } = require('fs');
const { connect, createServer } = require('net');
const { join, resolve } = require('path');
const { baseDir, describeRuntime, ensureN8n, runtimeFor } = require('./n8n-runtime');
const { isLoginRefused, loginRefusedLine, option: connectionOption, postgresTarget, psqlCommand } = require('./sample-data/connection');

const ROOT = resolve(__dirname, '..');
const EXAMPLES = join(ROOT, 'examples');
const SAMPLE_JSON = join(EXAMPLES, 'data', 'sample-data.json');
// The Aliyun SMS templates the examples name, as they would be approved in an Aliyun account (code -> text).
const ALIYUN_SMS_TEMPLATES = join(EXAMPLES, 'data', 'aliyun-sms-templates.json');
const CHURN_WATCH_ID = 'ccDailyChurnWatch01';
const OFFLINE_CHURN_WATCH_ID = 'ccDailyChurnOffline1';
const OWNER = { email: 'demo@example.com', firstName: 'Demo', lastName: 'Owner', password: 'CareDemo2026!' };

const sleep = (ms) => new Promise((done) => setTimeout(done, ms));
const step = (text) => console.log(`\n==> ${text}`);

const option = (name, fallback) => connectionOption(process.argv, name, fallback);

/**
 * Loads the sample data and starts a fresh ledger. Resolves with the counts, or with `{ problem }` (one
 * line) when PostgreSQL could not be used and the demo may go on offline; rejects when PostgreSQL was
 * asked for explicitly.
 */
async function loadIntoPostgres({ connection, explicit }) {
	try {
		const { loadSampleData } = require('./sample-data/load');
		const counts = await loadSampleData(connection);
		const { Client } = require('pg');
		const client = new Client(connection);
		await client.connect();
		try {
			// A fresh ledger, so the WeCom agenda of the as-of day is posted again on every demo run.
			await client.query('DROP TABLE IF EXISTS care_message_ledger');
		} finally {
			await client.end();
		}
		return { counts };
	} catch (error) {
		const problem = isLoginRefused(error)
			? loginRefusedLine(connection, error)
			: `PostgreSQL on ${connection.host}:${connection.port}, database ${connection.database}: ${error.message}.`;
		if (explicit) throw new Error(problem);
		return { problem };
	}
}

function reachable(host, port, timeoutMs = 1500) {
	// A socket folder (PGHOST=/var/run/postgresql) is left to the pg client to try.
	if (host.startsWith('/')) return Promise.resolve(true);
	return new Promise((done) => {
		const socket = connect({ host, port });
		const finish = (ok) => {
			socket.destroy();
			done(ok);
		};
		socket.setTimeout(timeoutMs, () => finish(false));
		socket.once('connect', () => finish(true));
		socket.once('error', () => finish(false));
	});
}

/** Runs an n8n CLI command; stdout goes to a file, because n8n exits before a pipe has taken large run data. */
function n8nCli(n8n, args, env, outputFile) {
	return new Promise((done) => {
		const out = openSync(outputFile, 'w');
		const child = spawn(n8n, args, { env, stdio: ['ignore', out, out] });
		child.on('close', (code) => {
			closeSync(out);
			done({ code, output: readFileSync(outputFile, 'utf8') });
		});
	});
}

/** A progress line every few seconds while a slow step runs. */
function ticker(label) {
	const started = Date.now();
	const timer = setInterval(() => console.log(`    ... ${label} (${Math.round((Date.now() - started) / 1000)} s)`), 5000);
	return () => {
		clearInterval(timer);
		return Math.round((Date.now() - started) / 100) / 10;
	};
}

/** Loopback servers standing in for the providers; the credentials point at them. */
async function startProviders() {
	require('ts-node').register({ transpileOnly: true, project: join(ROOT, 'tsconfig.json') });
	const providers = require(join(ROOT, 'test', 'helpers', 'providers'));
	return {
		smtp: await providers.startSmtpServer(),
		// Approved templates only, as Aliyun does: without the examples' codes every SMS would fail.
		aliyunSms: await providers.startAliyunSmsServer({ templates: JSON.parse(readFileSync(ALIYUN_SMS_TEMPLATES, 'utf8')) }),
		wecom: await providers.startWeComServer(),
		feishu: await providers.startFeishuServer(),
		slack: await providers.startSlackServer(),
	};
}

/** The demo's credentials, all on 127.0.0.1; the examples refer to them by these ids. */
function credentials(servers, sampleDb) {
	return [
		{ id: 'careSamplePg0001', name: 'Customer data (PostgreSQL)', type: 'postgres', data: { ...sampleDb, ssl: 'disable', allowUnauthorizedCerts: false, maxConnections: 10 } },
		{ id: 'careLedgerPg0001', name: 'Care ledger (PostgreSQL)', type: 'carePostgresLedgerApi', data: { ...sampleDb, ssl: false } },
		{ id: 'careSmtp00000001', name: 'Care email (SMTP)', type: 'careSmtpApi', data: servers.smtp.credentials },
		{ id: 'careAliyunSms001', name: 'Care SMS (Aliyun)', type: 'careAliyunSmsApi', data: servers.aliyunSms.credentials },
		{ id: 'careWecom0000001', name: "Owners' WeCom group", type: 'careWecomRobotApi', data: servers.wecom.credentials },
		{ id: 'careFeishu000001', name: 'Care report (Feishu)', type: 'careFeishuBotApi', data: servers.feishu.credentials },
		{ id: 'careSlack0000001', name: 'Care report (Slack)', type: 'careSlackWebhookApi', data: servers.slack.credentials },
	];
}

/**
 * The demo's credentials, after checking that they are every credential the example workflows refer to (by id
 * and type), so that each example runs in the demo's editor. One they lack stops the demo naming the example
 * and node, instead of an editor in which that example cannot run.
 */
function exampleCredentials(workflows, servers, sampleDb) {
	const own = credentials(servers, sampleDb);
	for (const { file, workflow } of workflows) {
		for (const node of workflow.nodes ?? []) {
			for (const [type, { id, name }] of Object.entries(node.credentials ?? {})) {
				if (own.some((credential) => credential.id === id && credential.type === type)) continue;
				throw new Error(`${file}: node "${node.name}" refers to credential "${name}" (${type}, id ${id}), which the demo does not create (scripts/demo.js, credentials())`);
			}
		}
	}
	return own;
}

/**
 * The daily churn watch without a database server: the two PostgreSQL reads become "Read Sample Data" (the
 * JSON file from disk) -> "Parse JSON" -> two Code nodes that build the same rows the SQL queries return; the
 * ledger of "Agenda to WeCom" is this execution only; the write-back to customer_care_status is left out (the
 * demo writes the rows of "Care Status Rows" to customer_care_status.json instead). Everything from Segment
 * Customer on is the example unchanged.
 */
function offlineChurnWatch(workflow) {
	const removed = new Set(['Account Managers', 'Customers with Orders', 'Write Back to customer_care_status']);
	const at = (name) => workflow.nodes.find((n) => n.name === name).position;
	const [x, y] = at('Account Managers');
	const nodes = workflow.nodes
		.filter((n) => !removed.has(n.name))
		.map((n) => (n.name === 'Agenda to WeCom' ? { ...n, parameters: { ...n.parameters, ledger: 'none' }, credentials: { careWecomRobotApi: n.credentials.careWecomRobotApi } } : n));
	nodes.push(
		{ id: 'offlineRead', name: 'Read Sample Data', type: 'n8n-nodes-base.readWriteFile', typeVersion: 1.1, position: [x - 40, y - 160], parameters: { fileSelector: SAMPLE_JSON, options: {} } },
		{ id: 'offlineParse', name: 'Parse JSON', type: 'n8n-nodes-base.extractFromFile', typeVersion: 1.1, position: [x + 120, y - 160], parameters: { operation: 'fromJson', options: {} } },
		{
			id: 'offlineManagers',
			name: 'Account Managers',
			type: 'n8n-nodes-base.code',
			typeVersion: 2,
			position: [x, y],
			parameters: { jsCode: "return $('Parse JSON').first().json.data.accountManagers.map(({ manager_id, name, daily_capacity }) => ({ json: { manager_id, name, daily_capacity } }));" },
		},
		{
			id: 'offlineCustomers',
			name: 'Customers with Orders',
			type: 'n8n-nodes-base.code',
			typeVersion: 2,
			position: at('Customers with Orders'),
			parameters: {
				jsCode: [
					'// The rows of the SQL query in examples/daily-churn-watch.json, built from the JSON file.',
					"const { customers, orders } = $('Parse JSON').first().json.data;",
					'const byCustomer = new Map();',
					'for (const o of orders) {',
					'  const s = byCustomer.get(o.customer_id) ?? { first: o.ordered_at, last: o.ordered_at, count: 0, spend: 0 };',
					'  if (Date.parse(o.ordered_at) < Date.parse(s.first)) s.first = o.ordered_at;',
					'  if (Date.parse(o.ordered_at) > Date.parse(s.last)) s.last = o.ordered_at;',
					'  s.count += 1;',
					'  s.spend += Number(o.amount);',
					'  byCustomer.set(o.customer_id, s);',
					'}',
					'const iso = (t) => (t == null ? null : new Date(t).toISOString());',
					'return customers',
					'  .filter((c) => byCustomer.has(c.customer_id))',
					'  .sort((a, b) => (a.customer_id < b.customer_id ? -1 : 1))',
					'  .map((c) => {',
					'    const s = byCustomer.get(c.customer_id);',
					'    return { json: { customerId: c.customer_id, name: c.name, language: c.language, timeZone: c.time_zone,',
					'      accountManager: c.account_manager, lastContactAt: iso(c.last_contacted_at), firstPurchaseAt: iso(s.first),',
					'      lastPurchaseAt: iso(s.last), orderCount: s.count, totalSpend: Math.round(s.spend * 100) / 100 } };',
					'  });',
				].join('\n'),
			},
		},
	);
	const connections = Object.fromEntries(Object.entries(workflow.connections).filter(([from]) => !removed.has(from)));
	connections.Start = { main: [[{ node: 'Read Sample Data', type: 'main', index: 0 }]] };
	connections['Every Morning'] = { main: [[{ node: 'Read Sample Data', type: 'main', index: 0 }]] };
	connections['Read Sample Data'] = { main: [[{ node: 'Parse JSON', type: 'main', index: 0 }]] };
	connections['Parse JSON'] = { main: [[{ node: 'Account Managers', type: 'main', index: 0 }]] };
	connections['Account Managers'] = { main: [[{ node: 'Customers with Orders', type: 'main', index: 0 }]] };
	connections['Customers with Orders'] = { main: [[{ node: 'Segment Customer', type: 'main', index: 0 }]] };
	connections['Care Status Rows'] = { main: [[]] };
	const note = {
		id: 'offlineNote',
		name: 'Offline Note',
		type: 'n8n-nodes-base.stickyNote',
		typeVersion: 1,
		position: [x - 60, y - 420],
		parameters: {
			width: 420,
			height: 220,
			content:
				'## Offline variant (npm run demo)\nPostgreSQL was not reachable, so this copy of the daily churn watch reads `examples/data/sample-data.json` and builds the rows of the two SQL queries in Code nodes. The WeCom ledger is *this execution only* and nothing is written back; the demo saves the status rows as `customer_care_status.json` instead.',
		},
	};
	return { ...workflow, id: OFFLINE_CHURN_WATCH_ID, name: `${workflow.name} — offline (sample-data.json)`, nodes: [...nodes, note], connections, active: false };
}

/** `n8n execute --rawOutput` prints start-up lines, then the run data as JSON. */
function parseRunData(output) {
	const start = output.search(/^\{/m);
	if (start < 0) throw new Error(`n8n printed no run data:\n${output.slice(-3000)}`);
	return JSON.parse(output.slice(start));
}

function outputOf(runData, node, index = 0) {
	const task = runData.data.resultData.runData[node]?.[0];
	if (!task) throw new Error(`node "${node}" did not run`);
	return (task.data?.main?.[index] ?? []).map((item) => item.json);
}

function printSummary(runData, { wecom, managers, statusWhere }) {
	const segmented = outputOf(runData, 'Segment Customer');
	const atRisk = outputOf(runData, 'Detect Churn Risk', 0);
	const healthy = outputOf(runData, 'Detect Churn Risk', 1);
	const agenda = outputOf(runData, 'Schedule Revisit', 1);
	const revisits = outputOf(runData, 'Schedule Revisit', 0);
	const asOf = segmented[0]?.segment?.asOf ?? '';
	const managerName = Object.fromEntries(managers.map((m) => [m.manager_id, m.name]));
	const line = '-'.repeat(78);

	console.log(`\n${line}\nDaily churn watch — ${segmented.length} customers with orders, as of ${asOf}\n${line}`);
	console.log('\nSegments (RFM):');
	const segments = new Map();
	const keys = new Map();
	for (const { segment } of segmented) {
		segments.set(segment.label, (segments.get(segment.label) ?? 0) + 1);
		keys.set(segment.label, segment.key);
	}
	for (const [label, count] of [...segments].sort((a, b) => b[1] - a[1])) {
		console.log(`  ${String(count).padStart(5)}  ${label} (${keys.get(label)})`);
	}

	const levels = {};
	for (const { churn } of [...atRisk, ...healthy]) levels[churn.riskLevel] = (levels[churn.riskLevel] ?? 0) + 1;
	console.log(`\nChurn risk (BG/NBD): ${['critical', 'high', 'medium', 'low'].map((l) => `${levels[l] ?? 0} ${l}`).join(', ')}`);
	// Many customers share the same (rounded) churn probability, so the list is ranked by what losing each
	// would cost: the churn probability times what the customer has spent so far.
	const percent = (c) => (c.churn.churnProbability == null ? undefined : Math.round(c.churn.churnProbability * 100));
	const valueAtRisk = (c) => (c.churn.churnProbability ?? 0) * (Number(c.totalSpend) || 0);
	const byValue = [...atRisk].sort((a, b) => valueAtRisk(b) - valueAtRisk(a) || a.customerId.localeCompare(b.customerId));
	const topPercent = Math.max(...atRisk.map((c) => percent(c) ?? 0));
	const tied = atRisk.filter((c) => percent(c) === topPercent).length;
	const money = (amount) => `¥${Math.round(amount).toLocaleString('en-US')}`;
	console.log(`At-risk customers: ${atRisk.length}, ${tied} of them at ${topPercent}% churn probability.`);
	console.log('The 10 with the most value at risk (churn probability × spend so far), with the reasons:');
	for (const c of byValue.slice(0, 10)) {
		const p = percent(c) === undefined ? '' : ` ${percent(c)}%`;
		console.log(`  ${c.customerId} ${c.name} — ${c.churn.riskLevel}${p}, ${money(valueAtRisk(c))} at risk of ${money(Number(c.totalSpend) || 0)} spent, ${c.segment.label}`);
		for (const reason of (c.churn.reasons ?? []).slice(0, 2)) console.log(`      · ${reason}`);
	}

	const scheduled = revisits.filter((r) => r.revisit?.status === 'scheduled').length;
	console.log(`\nRevisit agenda: ${scheduled} revisits scheduled, ${revisits.length - scheduled} unschedulable; by owner and day:`);
	const days = [...new Set(agenda.map((a) => a.date))].sort();
	for (const day of days.slice(0, 2)) {
		console.log(`  ${day}`);
		for (const a of agenda.filter((x) => x.date === day)) {
			const who = managerName[a.owner] ? `${a.owner} ${managerName[a.owner]}` : a.owner;
			const ids = a.customers.map((c) => c.customerId);
			console.log(`    ${who}: ${a.count} — ${ids.slice(0, 6).join(', ')}${ids.length > 6 ? ', …' : ''}`);
		}
	}
	if (days.length > 2) console.log(`  … and ${days.length - 2} more days up to ${days[days.length - 1]}`);

	console.log(`\nThe owners' WeCom group (loopback server) received ${wecom.deliveries.length} message(s):`);
	// Sorted: the node sends the agendas concurrently, so they arrive in any order.
	for (const delivery of [...wecom.deliveries].sort((a, b) => a.text.localeCompare(b.text))) {
		console.log(`  ${delivery.text.split('\n').join('\n  ')}`);
		console.log('  ---');
	}
	console.log(`\nSegment, risk, reasons, due date and owner of every customer: ${statusWhere}`);
}

async function setUpOwner(base) {
	for (;;) {
		const response = await fetch(`${base}/rest/owner/setup`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(OWNER),
		});
		if (response.ok) return;
		// n8n answers before its REST routes are mounted.
		if (response.status !== 404) throw new Error(`owner setup: HTTP ${response.status} ${await response.text()}`);
		await sleep(500);
	}
}

/**
 * Why the editor cannot have `port`, or null when it is free. Checked before anything else and again just
 * before n8n starts: an n8n of the user's own on 5678 would otherwise answer the demo's readiness and owner
 * set-up calls while the demo's n8n stops with EADDRINUSE.
 */
function editorPortProblem(port) {
	if (!Number.isInteger(port) || port < 1 || port > 65535) {
		return Promise.resolve(`--editor-port is "${option('editor-port', '')}", which is not a port number (expected 1 to 65535)`);
	}
	return new Promise((done) => {
		const probe = createServer();
		probe.once('error', (error) =>
			done(`port ${port} for the n8n editor is ${error.code === 'EADDRINUSE' ? 'already in use (another n8n?)' : `not usable (${error.code ?? error.message})`}: stop what uses it, or choose another with --editor-port <port>, or use --no-editor`),
		);
		// n8n listens on all interfaces, so the probe does too.
		probe.listen(port, () => probe.close(() => done(null)));
	});
}

async function startEditor(n8n, env, port) {
	const problem = await editorPortProblem(port);
	if (problem) throw new Error(problem);
	step(`Starting the n8n editor on http://localhost:${port}`);
	const child = spawn(n8n, ['start'], { env: { ...env, N8N_PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
	let log = '';
	child.stdout.on('data', (d) => (log += d));
	child.stderr.on('data', (d) => (log += d));
	const exited = new Promise((done) => child.on('close', done));
	const done = ticker('n8n is starting');
	const base = `http://127.0.0.1:${port}`;
	for (;;) {
		const ready = await fetch(`${base}/healthz/readiness`).then((r) => r.ok, () => false);
		if (ready) break;
		if (child.exitCode !== null) {
			done();
			throw new Error(`n8n stopped during start-up:\n${log.slice(-3000)}`);
		}
		await sleep(500);
	}
	await setUpOwner(base);
	console.log(`    n8n is ready (${done()} s)`);
	return { child, exited };
}

async function main() {
	const withEditor = !process.argv.includes('--no-editor');
	const forceOffline = process.argv.includes('--offline');
	const postgres = postgresTarget();
	const { database } = postgres.connection;
	const editorPort = Number(option('editor-port', 5678));
	if (withEditor) {
		const problem = await editorPortProblem(editorPort);
		if (problem) throw new Error(problem);
	}

	if (!process.argv.includes('--no-build')) {
		step('Building the package');
		const build = spawnSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' });
		if (build.status !== 0) throw new Error('npm run build failed');
	}

	const runtime = runtimeFor();
	step(`n8n ${runtime.version}`);
	const n8n = await ensureN8n((text) => console.log(`    ${text}`), runtime);
	console.log(`    ${describeRuntime(runtime).text}: ${n8n}`);

	step('Sample data');
	const { host, port } = postgres.connection;
	const sampleDb = { ...postgres.connection, password: postgres.connection.password ?? '' };
	let online = false;
	if (forceOffline) {
		console.log(`    --offline: using ${SAMPLE_JSON} (no database server needed)`);
	} else if (!(await reachable(host, port))) {
		if (postgres.explicit) throw new Error(`PostgreSQL is not answering on ${host}:${port} (leave out --host/--port/--user/--database, or use --offline, to run without it)`);
		console.log(`    PostgreSQL is not answering on ${host}:${port}: using ${SAMPLE_JSON} (no database server needed)`);
	} else {
		const loaded = await loadIntoPostgres(postgres);
		online = !loaded.problem;
		if (online) {
			console.log(`    PostgreSQL ${host}:${port}, database ${database}: ${Object.entries(loaded.counts).map(([t, n]) => `${n} ${t}`).join(', ')}`);
		} else {
			console.log(`    ${loaded.problem} Going on offline with ${SAMPLE_JSON}.`);
		}
	}

	const demoDir = resolve(option('dir', join(baseDir, 'demo')));
	const userFolder = join(demoDir, 'n8n');
	rmSync(demoDir, { recursive: true, force: true });
	mkdirSync(userFolder, { recursive: true });
	const { n8nEnv } = require('../test/e2e/n8nEnv');
	const env = {
		...(await n8nEnv({ userFolder })),
		N8N_ENCRYPTION_KEY: 'customer-care-demo-key',
		N8N_SECURE_COOKIE: 'false',
		N8N_DYNAMIC_BANNERS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_RESTRICT_FILE_ACCESS_TO: join(EXAMPLES, 'data'),
		GENERIC_TIMEZONE: 'Asia/Shanghai',
	};

	step('Loopback message providers (SMTP, Aliyun SMS, WeCom, Feishu, Slack on 127.0.0.1)');
	const servers = await startProviders();
	const closeServers = () => Promise.all(Object.values(servers).map((s) => s.close()));
	try {
		for (const [kind, server] of Object.entries(servers)) console.log(`    ${kind.padEnd(10)} ${server.baseUrl}`);

		step('Importing the credentials and the example workflows');
		const log = join(demoDir, 'cli.log');
		const examples = readdirSync(EXAMPLES).filter((f) => f.endsWith('.json'));
		const exampleWorkflows = examples.map((file) => ({ file, workflow: JSON.parse(readFileSync(join(EXAMPLES, file), 'utf8')) }));
		const demoCredentials = exampleCredentials(exampleWorkflows, servers, sampleDb);
		writeFileSync(join(demoDir, 'credentials.json'), JSON.stringify(demoCredentials));
		const creds = await n8nCli(n8n, ['import:credentials', `--input=${join(demoDir, 'credentials.json')}`], env, log);
		if (creds.code !== 0) throw new Error(`import:credentials failed:\n${creds.output}`);
		const workflows = join(demoDir, 'workflows');
		mkdirSync(workflows);
		for (const file of examples) writeFileSync(join(workflows, file), readFileSync(join(EXAMPLES, file)));
		const churnWatch = JSON.parse(readFileSync(join(EXAMPLES, 'daily-churn-watch.json'), 'utf8'));
		if (!online) writeFileSync(join(workflows, 'daily-churn-watch-offline.json'), JSON.stringify(offlineChurnWatch(churnWatch), null, 2));
		const imported = await n8nCli(n8n, ['import:workflow', '--separate', `--input=${workflows}`], env, log);
		if (imported.code !== 0) throw new Error(`import:workflow failed:\n${imported.output}`);
		console.log(`    ${examples.length} example workflows${online ? '' : ' + the offline daily churn watch'}, ${demoCredentials.length} credentials`);

		const workflowId = online ? CHURN_WATCH_ID : OFFLINE_CHURN_WATCH_ID;
		step(`Running the daily churn watch (${online ? 'PostgreSQL' : 'offline, sample-data.json'}) with n8n execute`);
		const done = ticker('the workflow is running');
		const runLog = join(demoDir, 'daily-churn-watch.run.log');
		const execution = await n8nCli(n8n, ['execute', `--id=${workflowId}`, '--rawOutput'], env, runLog);
		console.log(`    finished in ${done()} s (exit ${execution.code}; output in ${runLog})`);
		const runData = parseRunData(execution.output);
		if (execution.code !== 0 || runData.status !== 'success') {
			throw new Error(`the daily churn watch failed: ${runData.data?.resultData?.error?.message ?? `exit ${execution.code}`}`);
		}
		const managers = outputOf(runData, 'Account Managers');
		let statusWhere;
		if (online) {
			statusWhere = `table customer_care_status in database ${database} (${psqlCommand(postgres.connection, 'SELECT * FROM customer_care_status LIMIT 20')})`;
		} else {
			const statusFile = join(demoDir, 'customer_care_status.json');
			writeFileSync(statusFile, JSON.stringify(outputOf(runData, 'Care Status Rows')[0].rows, null, 2));
			statusWhere = statusFile;
		}
		printSummary(runData, { wecom: servers.wecom, managers, statusWhere });

		if (!withEditor) return;
		const editor = await startEditor(n8n, env, editorPort);
		console.log(`
n8n editor:  http://localhost:${editorPort}
  login:     ${OWNER.email}
  password:  ${OWNER.password}
The examples are under Overview (open "${online ? churnWatch.name : offlineChurnWatch(churnWatch).name}" and
press Execute workflow); our nodes are in the node panel (search "Segment Customer", "Detect Churn Risk", ...).
Messages go to the loopback servers above. Press Ctrl-C to stop.`);
		const stop = new Promise((done) => {
			process.once('SIGINT', done);
			process.once('SIGTERM', done);
		});
		await Promise.race([stop, editor.exited]);
		console.log('\nStopping n8n...');
		try {
			process.kill(-editor.child.pid, 'SIGTERM');
		} catch {
			// already gone
		}
		await Promise.race([editor.exited, sleep(20_000)]);
	} finally {
		await closeServers();
	}
}

if (require.main === module) {
	main().then(
		() => process.exit(0),
		(error) => {
			console.error(`\ndemo failed: ${error.message}`);
			process.exit(1);
		},
	);
}

module.exports = { credentials, editorPortProblem, exampleCredentials };
