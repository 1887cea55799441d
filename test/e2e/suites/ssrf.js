// n8n's HTTP rules for Send Care Message in a real n8n process. The HTTP channels send through n8n's request
// helper (this.helpers.httpRequest), so the instance's SSRF protection applies to them as to n8n's own nodes.
//   1. SSRF protection on (N8N_SSRF_PROTECTION_ENABLED=true; n8n 2.12 and later, so not on 2.8): every HTTP
//      channel pointed at a loopback provider, and webhooks at "localhost", the cloud metadata address and a
//      private address, are refused per item (Failed, SSRF_BLOCKED, not retryable, one attempt) with a
//      message naming the channel, the address and n8n's SSRF protection; the providers receive nothing. With
//      127.0.0.1/32 on n8n's allow list (N8N_SSRF_ALLOWED_IP_RANGES) the same channels send again and the
//      metadata and private addresses stay refused: the refusal is n8n's configurable rule, not ours.
//   2. SSRF protection off (n8n's default; every version): each HTTP channel sends to a loopback server that
//      enforces the provider's wire contract: a plain send, a 5xx then success, a 429 whose Retry-After is
//      waited for, and a reply lost after the provider acted (unknown outcome, never re-sent).
// No provider secret may appear in anything n8n prints.
const assert = require('node:assert/strict');
const { existsSync, mkdtempSync, rmSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { runtimeFor, describeRuntime } = require('../../../scripts/n8n-runtime');
const { parseRunOutput, runCommand: run } = require('../processes');
const { CHANNELS, CUSTOMERS, MARKERS, RETRY_AFTER_SECONDS, RETRY_DELAY_MS, credentialId, faultPlan, markerOf, startServers } = require('../ssrf/channels');
const { careWorkflow } = require('../ssrf/workflow');

/** Webhook targets that resolve to blocked addresses; with protection off they would hang or fail, so they run only with it on. */
const BLOCKED_WEBHOOKS = [
	{ node: 'Webhook to localhost', id: 'ccSsrfLocalhost0', address: /\b127\.0\.0\.1\b|::1\b/, url: (port) => `http://localhost:${port}/care-hook` },
	{ node: 'Webhook to cloud metadata', id: 'ccSsrfMetadata00', address: /169\.254\.169\.254/, url: () => 'http://169.254.169.254/latest/meta-data/care-hook' },
	{ node: 'Webhook to a private address', id: 'ccSsrfPrivate000', address: /10\.0\.0\.1\b/, url: () => 'http://10.0.0.1/care-hook' },
];

/** SSRF protection (its config, @n8n/backend-network's checks) arrived in n8n 2.12. */
function hasSsrfProtection() {
	const { dir } = runtimeFor();
	return existsSync(join(dir, 'node_modules', '@n8n', 'config', 'dist', 'configs', 'ssrf-protection.config.js'));
}

/** The runner's environment without any SSRF setting the shell may carry: n8n's defaults apply. */
function withoutSsrfSettings(env) {
	return Object.fromEntries(Object.entries(env).filter(([name]) => !name.startsWith('N8N_SSRF_')));
}

const channelNode = (channel) => `Send via ${channel.kind}`;

function channelTargets(options = {}) {
	return CHANNELS.map((channel) => ({
		node: channelNode(channel),
		channel: channel.kind,
		credentialType: channel.credentialType,
		credentialId: credentialId(channel.kind),
		parameters: channel.parameters,
		options,
	}));
}

function blockedWebhookTargets(blocked) {
	// A short attempt timeout and budget, so a target that were not refused would fail within seconds.
	return blocked.map((target) => ({
		node: target.node,
		channel: 'webhook',
		credentialType: 'careWebhookApi',
		credentialId: target.id,
		parameters: {},
		options: { attemptTimeout: 3, timeBudget: 8 },
	}));
}

async function runSuite({ n8n, env, record, root, artifacts }) {
	const folder = mkdtempSync(join(tmpdir(), 'care-ssrf-'));
	const servers = await startServers(root);
	const allSecrets = Object.values(servers).flatMap((server) => server.secrets);
	const httpRequests = () => Object.values(servers).reduce((n, server) => n + server.requests.length, 0);
	try {
		if (allSecrets.length < CHANNELS.length) throw new Error(`the loopback providers handed out ${allSecrets.length} secrets, expected one per channel at least`);
		const credentials = [
			...CHANNELS.map((channel) => ({ id: credentialId(channel.kind), name: channelNode(channel), type: channel.credentialType, data: servers[channel.kind].credentials })),
			...BLOCKED_WEBHOOKS.map((target) => ({
				id: target.id,
				name: target.node,
				type: 'careWebhookApi',
				data: { url: target.url(new URL(servers.webhook.baseUrl).port), signingSecret: servers.webhook.credentials.signingSecret },
			})),
		];
		const credentialsFile = join(folder, 'credentials.json');
		writeFileSync(credentialsFile, JSON.stringify(credentials));
		const imported = await run(n8n, ['import:credentials', `--input=${credentialsFile}`], env);
		record(imported.code === 0, 'imports a credential per HTTP channel, pointed at its loopback provider', imported.stderr.slice(-1000));
		if (imported.code !== 0) return;

		/** Imports and executes a workflow; the run data, or undefined (recorded as a failure) when it did not succeed. */
		const execute = async (workflow, runEnv, logName) => {
			const file = join(folder, `${workflow.id}.json`);
			writeFileSync(file, JSON.stringify(workflow));
			const importedWorkflow = await run(n8n, ['import:workflow', `--input=${file}`], runEnv);
			if (importedWorkflow.code !== 0) {
				record(false, `imports ${workflow.name}`, importedWorkflow.stderr.slice(-1000));
				return undefined;
			}
			const executed = await run(n8n, ['execute', `--id=${workflow.id}`, '--rawOutput'], runEnv);
			writeFileSync(join(artifacts, `ssrf-${logName}.log`), `${executed.stdout}\n--- stderr ---\n${executed.stderr}`);
			const runData = parseRunOutput(executed.stdout);
			const ok = executed.code === 0 && runData?.status === 'success';
			record(ok, `${workflow.name}: executes`, `exit ${executed.code}, status ${runData?.status}\n${(runData?.data?.resultData?.error?.message ?? executed.stderr).slice(-2000)}`);
			const leaked = allSecrets.filter((secret) => executed.stdout.includes(secret) || executed.stderr.includes(secret));
			record(leaked.length === 0, `${workflow.name}: no provider secret in anything n8n printed`, `${leaked.length} secret(s) found`);
			return ok ? runData : undefined;
		};
		const check = (label, fn) => {
			try {
				fn();
				record(true, label);
			} catch (error) {
				record(false, label, error?.message ?? error);
			}
		};
		const outputsOf = (runData) => (node) => {
			const task = runData.data.resultData.runData[node]?.[0];
			if (!task) throw new Error(`node "${node}" did not run`);
			return [0, 1, 2].map((i) => (task.data?.main?.[i] ?? []).map((item) => item.json));
		};
		const resetServers = () => {
			for (const channel of CHANNELS) {
				servers[channel.kind].reset();
				servers[channel.kind].faults.setHook(faultPlan(channel));
			}
		};

		await protectionOff({ env, execute, check, outputsOf, resetServers, servers });

		if (!hasSsrfProtection()) {
			console.log(`  - skipped on ${describeRuntime().text}: SSRF protection (n8n 2.12 and later) is not in this n8n, so there is nothing to refuse with`);
			return;
		}
		await protectionOn({ env, execute, check, outputsOf, resetServers, servers, httpRequests });
	} finally {
		await Promise.all(Object.values(servers).map((server) => server.close()));
		rmSync(folder, { recursive: true, force: true });
	}
}

/** Part 2: n8n's default (no SSRF protection); every channel, its retries, Retry-After and an unknown outcome. */
async function protectionOff({ env, execute, check, outputsOf, resetServers, servers }) {
	resetServers();
	const workflow = careWorkflow({
		id: 'ccSsrfChannelsOff01',
		name: 'HTTP channels with SSRF protection off',
		customers: CUSTOMERS,
		targets: channelTargets({ retryDelay: RETRY_DELAY_MS }),
	});
	const runData = await execute(workflow, withoutSsrfSettings(env), 'protection-off');
	if (!runData) return;
	const outputs = outputsOf(runData);
	for (const channel of CHANNELS) {
		const server = servers[channel.kind];
		const byMarker = (marker) => server.requests.filter((request) => markerOf(request) === marker);
		const prefix = `${channel.kind} (SSRF protection off)`;
		check(`${prefix}: the plain send, the 5xx and the 429 customers on Sent after 1, 2 and 2 attempts; the lost reply on Failed as unknown, once`, () => {
			const [sent, skipped, failed] = outputs(channelNode(channel));
			assert.deepEqual(skipped, []);
			assert.deepEqual(
				sent.map((item) => [item.customerId, item.care.attempts]),
				[
					['E2E-PLAIN', 1],
					['E2E-5XX', 2],
					['E2E-WAIT', 2],
				],
			);
			assert.equal(failed.length, 1, JSON.stringify(failed));
			const { care } = failed[0];
			assert.equal(failed[0].customerId, 'E2E-DROP');
			assert.deepEqual([care.outcome, care.code, care.retryable, care.attempts], ['unknown', 'OUTCOME_UNKNOWN', false, 1], care.message);
			assert.ok(care.message.startsWith(`${channel.label}: `), care.message);
		});
		check(`${prefix}: the provider accepted each customer once, under its wire contract, and was asked no more than that`, () => {
			assert.deepEqual(server.duplicates(), []);
			assert.deepEqual(server.deliveries.map((d) => Object.values(MARKERS).find((marker) => d.text.includes(marker))).sort(), Object.values(MARKERS).sort());
			assert.deepEqual(byMarker(MARKERS.plain).map((r) => r.result), ['delivered']);
			assert.deepEqual(byMarker(MARKERS.unknown).map((r) => r.result), ['drop-after-delivery']);
			const serverError = byMarker(MARKERS.serverError);
			assert.deepEqual(serverError.map((r) => r.result), ['serverError', 'delivered']);
			assert.ok(serverError[0].status >= 500, `first answer ${serverError[0].status}`);
			assert.equal(server.requests.length, 6);
		});
		check(`${prefix}: the retry after HTTP 429 waited for Retry-After (${RETRY_AFTER_SECONDS} s; the retry delay is ${RETRY_DELAY_MS} ms)`, () => {
			const waited = byMarker(MARKERS.retryAfter);
			assert.deepEqual(
				waited.map((r) => [r.status, r.result]),
				[
					[429, channel.nativeRetryAfter ? 'rateLimit' : 'raw'],
					[channel.kind === 'twilioSms' ? 201 : 200, 'delivered'],
				],
			);
			// Stamped when each request had arrived in full; the retry cannot start before the 429 was answered plus Retry-After.
			const gap = waited[1].at - waited[0].at;
			assert.ok(gap >= RETRY_AFTER_SECONDS * 1000 - 20, `retried ${gap} ms after the 429`);
		});
		check(`${prefix}: every request went out through n8n's request helper (User-Agent n8n)`, () => {
			assert.deepEqual([...new Set(server.requests.map((r) => r.headers['user-agent']))], ['n8n']);
		});
	}
}

/** Part 1: SSRF protection on; then with 127.0.0.1 allow-listed. */
async function protectionOn({ env, execute, check, outputsOf, resetServers, servers, httpRequests }) {
	resetServers();
	const workflow = (id, name, blockedTargets) => careWorkflow({ id, name, customers: [CUSTOMERS[0]], targets: [...channelTargets(), ...blockedWebhookTargets(blockedTargets)] });
	const on = { ...withoutSsrfSettings(env), N8N_SSRF_PROTECTION_ENABLED: 'true' };
	const blocked = await execute(workflow('ccSsrfBlocked01', 'HTTP channels with SSRF protection on', BLOCKED_WEBHOOKS), on, 'protection-on');
	if (blocked) {
		const outputs = outputsOf(blocked);
		const expectRefused = (node, label, address) => {
			const [sent, skipped, failed] = outputs(node);
			assert.deepEqual([sent.length, skipped.length, failed.length], [0, 0, 1], `${node}: ${JSON.stringify(failed)}`);
			const { care } = failed[0];
			assert.deepEqual([care.status, care.code, care.retryable, care.attempts], ['failed', 'SSRF_BLOCKED', false, 1], care.message);
			// Refused before any connection: the provider never saw it (not "unknown", which would block a rerun once the address is allowed).
			assert.equal(care.outcome, 'notSent', care.message);
			assert.ok(care.message.startsWith(`${label}: `), `names the channel: ${care.message}`);
			assert.match(care.message, /blocked/i);
			assert.match(care.message, /Server-Side Request Forgery \(SSRF\)/);
			assert.match(care.message, address);
		};
		for (const channel of CHANNELS) {
			check(`${channel.kind} (SSRF protection on): a provider on 127.0.0.1 is refused on Failed as SSRF_BLOCKED, naming the channel, the address and SSRF`, () =>
				expectRefused(channelNode(channel), channel.label, /\b127\.0\.0\.1\b/),
			);
		}
		for (const target of BLOCKED_WEBHOOKS) {
			check(`${target.node} (SSRF protection on): refused as SSRF_BLOCKED, naming the address`, () => expectRefused(target.node, 'Webhook', target.address));
		}
		check('SSRF protection on: no provider received any request', () => assert.equal(httpRequests(), 0));
	}

	// "localhost" is left out here: it may resolve to ::1, which the allow list does not cover.
	const stillBlocked = BLOCKED_WEBHOOKS.filter((target) => target.id !== 'ccSsrfLocalhost0');
	resetServers();
	const allowed = await execute(
		workflow('ccSsrfAllowed01', 'HTTP channels with SSRF protection on and 127.0.0.1 allow-listed', stillBlocked),
		{ ...on, N8N_SSRF_ALLOWED_IP_RANGES: '127.0.0.1/32' },
		'protection-on-allowlist',
	);
	if (!allowed) return;
	const outputs = outputsOf(allowed);
	for (const channel of CHANNELS) {
		check(`${channel.kind} (SSRF protection on, 127.0.0.1/32 allowed): sent, once`, () => {
			const [sent, , failed] = outputs(channelNode(channel));
			assert.deepEqual(failed, []);
			assert.deepEqual(
				sent.map((item) => [item.customerId, item.care.status]),
				[['E2E-PLAIN', 'sent']],
			);
			assert.equal(servers[channel.kind].deliveries.length, 1);
		});
	}
	for (const target of stillBlocked) {
		check(`${target.node} (SSRF protection on, only 127.0.0.1/32 allowed): still refused as SSRF_BLOCKED`, () => {
			const [sent, , failed] = outputs(target.node);
			assert.equal(sent.length, 0);
			assert.equal(failed[0]?.care?.code, 'SSRF_BLOCKED', JSON.stringify(failed));
		});
	}
}

module.exports = { run: runSuite };
