#!/usr/bin/env node
// Runs every example workflow in a real n8n process and checks its results.
//   examples/<name>.json         an importable workflow with a fixed id (at most 21 characters)
//   test/e2e/<name>.expect.js    its expectations (see test/e2e/README.md)
// Prints "e2e: N passed, N failed" and writes the counts to test/e2e/artifacts/results.json.
//   npm run test:e2e -- [name ...] [--skip=name,name] [--no-build]
// runs the examples and suites named (all when none is), less those skipped, in the n8n of N8N_VERSION
// (scripts/n8n-runtime.js). E2E_ARTIFACTS moves the artifacts folder (.ci/run keeps one per n8n version).
const { spawnSync } = require('child_process');
const { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } = require('fs');
const { tmpdir } = require('os');
const { join, resolve, basename } = require('path');
const { Client } = require('pg');
const { ensureN8n, describeRuntime, runtimeFor } = require('../../scripts/n8n-runtime');
const { n8nEnv } = require('./n8nEnv');
const { createDatabase, freePort } = require('./services');
const { parseRunOutput, runCommand, stopCommands } = require('./processes');
const { loadSampleData } = require('../../scripts/sample-data/load');

const ROOT = resolve(__dirname, '..', '..');
const EXAMPLES = join(ROOT, 'examples');
const ARTIFACTS = resolve(process.env.E2E_ARTIFACTS || join(__dirname, 'artifacts'));
/** Lines n8n prints when a community node cannot be loaded or is unknown to the workflow. */
const LOAD_FAILURE = /Unrecognized node type|Error loading|could not be loaded|Cannot find module|is not installed|Unknown node type/i;

const run = (bin, args, env) => runCommand(bin, args, env, { cwd: ROOT });

/** What a run leaves behind (databases, the user folder), removed at its end whether it passed or not. */
const cleanups = [];
async function cleanUp() {
	for (const cleanup of cleanups.splice(0).reverse()) {
		try {
			await cleanup();
		} catch (error) {
			console.error(`cleanup: ${error?.message ?? error}`);
		}
	}
}

/**
 * The last `count` executions of a workflow as n8n saved them in its own database. `n8n execute` prints
 * large run data (thousands of items) only partly before it exits, so the saved copy is read instead.
 */
async function savedExecutions(database, workflowId, count) {
	const { parse } = require(join(runtimeFor().dir, 'node_modules', 'flatted'));
	const client = new Client(database);
	await client.connect();
	try {
		const { rows } = await client.query(
			`SELECT e.status, d.data FROM execution_entity e JOIN execution_data d ON d."executionId" = e.id
			 WHERE e."workflowId" = $1 ORDER BY e.id DESC LIMIT $2`,
			[workflowId, count],
		);
		return rows.reverse().map((row) => ({ status: row.status, data: parse(row.data) }));
	} finally {
		await client.end();
	}
}

function outputsOf(runData) {
	return (nodeName, outputIndex = 0) => {
		const task = runData?.data?.resultData?.runData?.[nodeName]?.[0];
		if (!task) throw new Error(`node "${nodeName}" did not run`);
		return (task.data?.main?.[outputIndex] ?? []).map((item) => item.json);
	};
}

/** n8n's own Postgres credential for the sample database; the examples refer to it by this id. */
function sampleDataCredential(db) {
	return {
		id: 'careSamplePg0001',
		name: 'Customer data (PostgreSQL)',
		type: 'postgres',
		data: { host: db.host, port: db.port, database: db.database, user: db.user, password: db.password, ssl: 'disable', allowUnauthorizedCerts: false, maxConnections: 10 },
	};
}

async function main() {
	const only = process.argv.slice(2).filter((a) => !a.startsWith('--'));
	const skipped = new Set(process.argv.filter((a) => a.startsWith('--skip=')).flatMap((a) => a.slice('--skip='.length).split(',')));
	const selected = (name) => (only.length === 0 || only.includes(name)) && !skipped.has(name);
	const n8n = await ensureN8n();
	if (!process.argv.includes('--no-build')) {
		console.log('Building the package...');
		const build = spawnSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' });
		if (build.status !== 0) throw new Error('npm run build failed');
	}
	mkdirSync(ARTIFACTS, { recursive: true });
	const userFolder = mkdtempSync(join(tmpdir(), 'n8n-e2e-'));
	cleanups.push(() => rmSync(userFolder, { recursive: true, force: true }));
	const n8nDatabase = await createDatabase('n8n_e2e');
	cleanups.push(() => n8nDatabase.drop());
	const env = await n8nEnv({ userFolder, database: n8nDatabase });
	console.log(`${describeRuntime().text}, database ${env.DB_TYPE} ${n8nDatabase.database}, custom nodes from ${env.N8N_CUSTOM_EXTENSIONS}`);
	// The sample data (examples/data/seed.sql) in its own database, behind the credential the examples use.
	const sampleDatabase = await createDatabase('care_e2e');
	const { drop: dropSampleDatabase, ...sampleDb } = sampleDatabase;
	cleanups.push(dropSampleDatabase);
	await loadSampleData(sampleDb);
	const sampleCredentials = join(userFolder, 'sample-data.credentials.json');
	writeFileSync(sampleCredentials, JSON.stringify([sampleDataCredential(sampleDb)]));
	const importedSample = await run(n8n, ['import:credentials', `--input=${sampleCredentials}`], env);
	if (importedSample.code !== 0) throw new Error(`import:credentials failed:\n${importedSample.stderr || importedSample.stdout}`);
	console.log(`sample data loaded into ${sampleDb.database}`);

	const examples = readdirSync(EXAMPLES)
		.filter((f) => f.endsWith('.json'))
		.map((f) => basename(f, '.json'))
		.filter(selected);
	let passed = 0;
	let failed = 0;
	const record = (ok, label, detail) => {
		if (ok) passed++;
		else failed++;
		console.log(`${ok ? '  ✓' : '  ✗'} ${label}${ok || !detail ? '' : `\n      ${String(detail).split('\n').join('\n      ')}`}`);
	};

	for (const name of examples) {
		const workflowPath = join(EXAMPLES, `${name}.json`);
		const expectPath = join(__dirname, `${name}.expect.js`);
		console.log(`\n${name}`);
		if (!existsSync(expectPath)) {
			record(false, 'has expectations', `missing ${expectPath}`);
			continue;
		}
		const workflow = JSON.parse(readFileSync(workflowPath, 'utf8'));
		const expectations = require(expectPath);
		if (expectations.runBySuite) {
			console.log(`  (run by the suite ${expectations.runBySuite})`);
			continue;
		}
		const context = { env: { ...env }, root: ROOT, workflow, sampleDb };
		let teardown;
		try {
			if (expectations.setup) teardown = await expectations.setup(context);
			if (expectations.credentials) {
				const credsFile = join(userFolder, `${name}.credentials.json`);
				writeFileSync(credsFile, JSON.stringify(await expectations.credentials(context)));
				const imported = await run(n8n, ['import:credentials', `--input=${credsFile}`], context.env);
				if (imported.code !== 0) throw new Error(`import:credentials failed:\n${imported.stderr || imported.stdout}`);
			}
			const imported = await run(n8n, ['import:workflow', `--input=${workflowPath}`], context.env);
			record(imported.code === 0, 'imports into n8n', imported.stderr || imported.stdout);
			if (imported.code !== 0) continue;

			const runs = expectations.runs ?? 1;
			const executions = await Promise.all(
				Array.from({ length: runs }, async () =>
					run(n8n, ['execute', `--id=${workflow.id}`, '--rawOutput'], { ...context.env, N8N_RUNNERS_BROKER_PORT: String(await freePort()) }),
				),
			);
			for (const [i, execution] of executions.entries()) {
				writeFileSync(join(ARTIFACTS, `${name}${runs > 1 ? `-${i + 1}` : ''}.log`), `${execution.stdout}\n--- stderr ---\n${execution.stderr}`);
			}
			const loadProblem = executions.map((e) => `${e.stdout}\n${e.stderr}`.split('\n').find((l) => LOAD_FAILURE.test(l))).find(Boolean);
			record(!loadProblem, 'our nodes load in n8n', loadProblem);
			let runDatas = executions.map((e) => parseRunOutput(e.stdout));
			if (runDatas.some((r) => r === undefined) && executions.every((e) => e.code === 0)) {
				runDatas = await savedExecutions(n8nDatabase, workflow.id, runs);
			}
			for (const [i, execution] of executions.entries()) {
				const status = runDatas[i]?.status;
				const ok = execution.code === 0 && status === 'success';
				record(ok, `executes${runs > 1 ? ` (run ${i + 1})` : ''}`, `exit ${execution.code}, status ${status}\n${(runDatas[i]?.data?.resultData?.error?.message ?? execution.stderr).slice(-2000)}`);
			}
			if (!runDatas.every((r) => r?.status === 'success')) continue;
			for (const [label, check] of Object.entries(expectations.checks)) {
				try {
					await check({ output: outputsOf(runDatas[0]), runs: runDatas.map(outputsOf), runData: runDatas[0], context });
					record(true, label);
				} catch (error) {
					record(false, label, error?.message ?? error);
				}
			}
		} catch (error) {
			record(false, 'runs', error?.stack ?? error);
		} finally {
			if (teardown) await teardown();
		}
	}
	// Suites that need more than one `n8n execute` (queue mode, the editor): test/e2e/suites/<name>.js
	// export `run({ n8n, env, record, root, artifacts })`; see README.md.
	const suites = readdirSync(join(__dirname, 'suites'))
		.filter((f) => f.endsWith('.js'))
		.map((f) => basename(f, '.js'))
		.filter(selected);
	for (const name of suites) {
		console.log(`\n${name}`);
		try {
			await require(join(__dirname, 'suites', `${name}.js`)).run({ n8n, env: { ...env }, record, root: ROOT, artifacts: ARTIFACTS, sampleDb });
		} catch (error) {
			record(false, 'runs', error?.stack ?? error);
		}
	}

	await cleanUp();
	if (only.length === 0 && examples.length === 0) record(false, 'finds example workflows', `none in ${EXAMPLES}`);
	writeFileSync(join(ARTIFACTS, 'results.json'), JSON.stringify({ passed, failed, n8n: describeRuntime().text }));
	console.log(`\ne2e: ${passed} passed, ${failed} failed`);
	process.exitCode = failed > 0 ? 1 : 0;
}

// Stopped (Ctrl-C, a CI timeout): stop the n8n commands under way and remove what the run made.
for (const signal of ['SIGINT', 'SIGTERM']) {
	process.once(signal, async () => {
		console.error(`\n${signal}: stopping`);
		stopCommands();
		await cleanUp();
		process.exit(1);
	});
}

main().catch(async (error) => {
	console.error(error);
	await cleanUp();
	mkdirSync(ARTIFACTS, { recursive: true });
	writeFileSync(join(ARTIFACTS, 'results.json'), JSON.stringify({ passed: 0, failed: 1 }));
	process.exitCode = 1;
});
