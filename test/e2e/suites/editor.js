// The editor: a real `n8n start` (its own fresh PostgreSQL database, our nodes from dist/) with every example
// workflow and the credentials they use imported, opened in headless Chromium driven by playwright-core.
// For each example workflow the canvas must render without browser console errors and without a node shown
// as unknown or "not installed"; for each of our nodes on it the parameter panel (NDV) must open and show
// its parameters. A Send Care Message panel must offer the credential selector for its channel next to the
// Channel field (so it is on screen when the panel opens) and, with a Redis or Postgres ledger, the one for its
// ledger, and no other. Searching the node panel (the "What happens next?" node creator) for "customer care",
// "RFM", "churn", "NPS" and "回访" must list the nodes whose codex aliases or names match, each with its
// description; a nonsense term must list none of ours. In the light theme the canvas must draw our nodes' light
// icons, in the dark theme their `.dark.svg` variants. The credential Test button must pass the right DingTalk,
// Feishu and webhook credentials and fail wrong ones. Screenshots go to test/e2e/artifacts/editor/
// (UPDATE_SCREENSHOTS=1 also refreshes the README's docs/screenshots/).
const { spawn } = require('node:child_process');
const { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { createDatabase, n8nDatabaseEnv, freePort } = require('../services');
const { startProcess, stopProcess } = require('../processes');

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const OWNER = { email: 'owner@example.com', firstName: 'Care', lastName: 'Owner', password: 'CareDemo2026!' };
const OUR_NODE_TYPES = ['segmentCustomer', 'scoreSatisfaction', 'detectChurnRisk', 'scheduleRevisit', 'sendCareMessage'];
const START_TIMEOUT_MS = 180_000;
/** What the parameter panel says for a node type the editor does not know (n8n's i18n strings). */
const UNKNOWN_NODE = /Install this node|is not currently installed|type \(.*\) is unknown/i;
/**
 * On the canvas n8n 2.8 draws a node of an unknown type with a "?" icon placeholder instead of its icon (and
 * without its input/output handles); a known node without an icon gets the first letter of its name instead.
 */
const UNKNOWN_ICON = '[class*="nodeIconPlaceholder"]';
/** A parameter label that each of our nodes' panels must show (always visible, whatever the other settings). */
const EXPECTED_LABELS = {
	segmentCustomer: ['Method', 'Input Shape', 'Customer ID Column'],
	detectChurnRisk: ['Method', 'Input Shape', 'Customer ID Column'],
	scoreSatisfaction: ['Metrics'],
	scheduleRevisit: ['Operation'],
	sendCareMessage: ['Channel', 'Customer ID Field', 'Template'],
	measureCareImpact: ['Operation'],
};
/**
 * n8n's labels above a node's credential selector (i18n `nodeCredentials.credentialFor` and
 * `nodeCredentials.credentialsLabel`): "Credential for <type>" for a selector of one credential type, "Credential to
 * connect with" for one that offers every credential of the node's authentication switch.
 */
const CREDENTIAL_FOR = (typeDisplayName) => `Credential for ${typeDisplayName}`;
const CREDENTIAL_MIXED = 'Credential to connect with';
const LEDGER_CREDENTIAL_TYPES = { redis: 'careRedisLedgerApi', postgres: 'carePostgresLedgerApi' };
/** A workflow with a node type nobody provides: the detectors above must flag it, or they prove nothing. */
const BOGUS_WORKFLOW = {
	id: 'ccEditorBogusNode1',
	name: 'Editor check: unknown node',
	active: false,
	settings: {},
	nodes: [
		{ id: 'b1', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
		{ id: 'b2', name: 'Does not exist', type: 'CUSTOM.doesNotExist', typeVersion: 1, position: [300, 0], parameters: {} },
	],
	connections: { Start: { main: [[{ node: 'Does not exist', type: 'main', index: 0 }]] } },
};
/**
 * Send Care Message settings the examples do not cover (they all use a Postgres ledger): a Redis ledger, and no
 * ledger at all (then no ledger credential may be offered).
 */
const CREDENTIALS_WORKFLOW = {
	id: 'ccEditorCredentials1',
	name: 'Editor check: Send Care Message credentials by channel and ledger',
	active: false,
	settings: {},
	nodes: [
		{ id: 'c1', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
		{ id: 'c2', name: 'SMS with Redis Ledger', type: 'CUSTOM.sendCareMessage', typeVersion: 1, position: [300, -100], parameters: { channel: 'twilioSms', ledger: 'redis' } },
		{
			id: 'c3',
			name: 'Slack without Ledger',
			type: 'CUSTOM.sendCareMessage',
			typeVersion: 1,
			position: [300, 100],
			parameters: { channel: 'slack', ledger: 'none' },
			credentials: { careSlackWebhookApi: { id: 'careSlack0000001', name: 'Care report (Slack)' } },
		},
	],
	connections: {
		Start: {
			main: [
				[
					{ node: 'SMS with Redis Ledger', type: 'main', index: 0 },
					{ node: 'Slack without Ledger', type: 'main', index: 0 },
				],
			],
		},
	},
};
/**
 * Console errors that do not come from our package, each with the reason it is ignored:
 * - requests to n8n's cloud services (telemetry, templates, version checks, the AI assistant, posthog/rudderstack):
 *   the test network is closed, so these fail with ERR_NAME_NOT_RESOLVED / ERR_CONNECTION_REFUSED;
 * - `Failed to load resource` for those same hosts is how Chromium reports the same blocked requests;
 * - a 404 for `/schemas/<node type>/<version>[/<resource>/<operation>].json`: to preview a node's input before
 *   anything ran, the editor probes for the optional output-schema file that a node package may ship next to the
 *   node (`__schema__/v<version>.json`); n8n answers 404 for every node that ships none (n8n's own Postgres node
 *   included) and the editor falls back to the run data. The probe is the only request on that path.
 */
const IGNORED_CONSOLE_ERRORS = [
	/status of 404 \(Not Found\) \(https?:\/\/[^/]+\/schemas\/[\w.-]+\/\d+\.\d+\.\d+(\/[\w-]+){0,2}\.json\)$/,
	/api\.n8n\.io|n8n\.cloud|telemetry\.n8n|ph\.n8n|posthog|rudderstack|rs\.n8n/i,
	/net::ERR_NAME_NOT_RESOLVED|net::ERR_INTERNET_DISCONNECTED/,
];

const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

/** Dummy credentials (loopback addresses, nothing listening) with the ids the examples use: the editor only needs them to exist. */
function dummyCredentials() {
	const pg = { host: '127.0.0.1', port: 5432, database: 'care_editor_none', user: 'postgres', password: '' };
	return [
		{ id: 'careSamplePg0001', name: 'Customer data (PostgreSQL)', type: 'postgres', data: { ...pg, ssl: 'disable', allowUnauthorizedCerts: false, maxConnections: 10 } },
		{ id: 'careLedgerPg0001', name: 'Care ledger (PostgreSQL)', type: 'carePostgresLedgerApi', data: { ...pg, ssl: false } },
		{ id: 'careSmtp00000001', name: 'Care email (SMTP)', type: 'careSmtpApi', data: { host: '127.0.0.1', port: 2525, secure: false, user: 'care', password: 'editor-only', fromEmail: 'care@example.com', fromName: 'Care' } },
		{ id: 'careAliyunSms001', name: 'Care SMS (Aliyun)', type: 'careAliyunSmsApi', data: { accessKeyId: 'editor-only', accessKeySecret: 'editor-only', signName: 'Care', endpoint: 'http://127.0.0.1:9' } },
		{ id: 'careWecom0000001', name: "Owners' WeCom group", type: 'careWecomRobotApi', data: { webhookKey: 'editor-only', baseUrl: 'http://127.0.0.1:9' } },
		{ id: 'careFeishu000001', name: 'Care report (Feishu)', type: 'careFeishuBotApi', data: { webhookToken: 'editor-only', signingSecret: 'editor-only', baseUrl: 'http://127.0.0.1:9' } },
		{ id: 'careSlack0000001', name: 'Care report (Slack)', type: 'careSlackWebhookApi', data: { webhookUrl: 'http://127.0.0.1:9/services/T/B/X' } },
	];
}

function runCli(n8n, args, env) {
	return new Promise((done) => {
		const child = spawn(n8n, args, { env });
		let output = '';
		child.stdout.on('data', (d) => (output += d));
		child.stderr.on('data', (d) => (output += d));
		child.on('close', (code) => done({ code, output }));
	});
}

async function waitForHealth(base, proc, logPath) {
	const deadline = Date.now() + START_TIMEOUT_MS;
	while (Date.now() < deadline) {
		if (proc.exited) throw new Error(`n8n exited during start-up (see ${logPath})`);
		try {
			if ((await fetch(`${base}/healthz/readiness`)).ok) return;
		} catch {
			// not listening yet
		}
		await sleep(500);
	}
	throw new Error(`n8n did not become ready within ${START_TIMEOUT_MS / 1000} s (see ${logPath})`);
}

/** Creates the owner account (n8n's first-run setup) and returns its session cookie. */
async function setUpOwner(base) {
	// n8n answers its health check before the REST routes are mounted: retry while they are still missing.
	const deadline = Date.now() + START_TIMEOUT_MS;
	let response;
	do {
		if (response) await sleep(500);
		response = await fetch(`${base}/rest/owner/setup`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(OWNER),
		});
	} while (response.status === 404 && Date.now() < deadline);
	if (!response.ok) throw new Error(`owner setup: HTTP ${response.status} ${await response.text()}`);
	const cookie = response.headers.getSetCookie().find((c) => c.startsWith('n8n-auth='));
	if (!cookie) throw new Error('owner setup returned no n8n-auth cookie');
	return cookie.split(';')[0].slice('n8n-auth='.length);
}

/** Credential type name -> display name, from the built credential classes in dist/credentials. */
function credentialDisplayNames(root) {
	const dir = join(root, 'dist', 'credentials');
	const names = {};
	for (const file of readdirSync(dir).filter((f) => f.endsWith('.credentials.js'))) {
		for (const Type of Object.values(require(join(dir, file)))) {
			const credential = new Type();
			names[credential.name] = credential.displayName;
		}
	}
	return names;
}

/** The credential types a Send Care Message node needs for its parameters: its channel's, and its ledger's if any. */
function neededCredentialTypes(root, node) {
	const { CHANNELS } = require(join(root, 'dist', 'nodes', 'shared', 'messaging', 'channels'));
	const { channel = 'smtp', ledger = 'none' } = node.parameters;
	return [CHANNELS[channel].credentialType, LEDGER_CREDENTIAL_TYPES[ledger]].filter(Boolean);
}

/**
 * The panel's labels in page order: each visible credential selector (its label and the credential it shows) and
 * each parameter label, so a check can tell what sits next to what.
 */
function panelLabels(ndv) {
	return ndv.locator('[data-test-id="credentials-label"], [data-test-id="input-label"]').evaluateAll((labels) =>
		labels
			.filter((label) => label.getClientRects().length > 0 && getComputedStyle(label).visibility !== 'hidden')
			.map((label) => {
				const text = (label.querySelector('label') ?? label).innerText.trim().split('\n')[0].trim();
				if (label.dataset.testId === 'input-label') return { kind: 'parameter', label: text };
				// n8n's select keeps the chosen credential's name as the value of its (read-only) input.
				const input = label.querySelector('[data-test-id="node-credentials-select"] input');
				return { kind: 'credential', label: text, selected: input ? input.value : '' };
			}),
	);
}

/**
 * Problems with the credential selectors of a Send Care Message panel. For each credential type the node needs there
 * must be a visible selector labelled "Credential for <type display name>", or a "Credential to connect with" one
 * showing the node's credential of that type (a selector counts for one type only); none for a type it does not need;
 * and the channel's selector must be next to the Channel field (only other credential selectors between them).
 */
function credentialSelectorProblems(node, needed, labels, displayNames) {
	const problems = [];
	const unused = new Set(labels.flatMap((l, i) => (l.kind === 'credential' ? [i] : [])));
	const found = {};
	for (const type of needed) {
		const displayName = displayNames[type] ?? type;
		const chosen = node.credentials?.[type]?.name;
		const index = [...unused].find(
			(i) => labels[i].label === CREDENTIAL_FOR(displayName) || (labels[i].label === CREDENTIAL_MIXED && chosen !== undefined && labels[i].selected === chosen),
		);
		if (index === undefined) problems.push(`no credential selector for ${displayName} (${type})`);
		else {
			unused.delete(index);
			found[type] = index;
		}
	}
	for (const i of unused) problems.push(`a credential selector the node does not use: ${JSON.stringify(labels[i])}`);
	const channel = labels.findIndex((l) => l.kind === 'parameter' && l.label === 'Channel');
	const channelCredential = found[needed[0]];
	if (channel < 0) problems.push('no Channel field');
	else if (channelCredential !== undefined) {
		const [from, to] = channelCredential < channel ? [channelCredential, channel] : [channel, channelCredential];
		const between = labels.slice(from + 1, to).filter((l) => l.kind === 'parameter');
		if (between.length) {
			problems.push(`the selector for ${displayNames[needed[0]]} is not next to Channel: ${between.map((l) => l.label).join(', ')} in between`);
		}
	}
	if (problems.length) problems.push(`panel labels in order: ${JSON.stringify(labels)}`);
	return problems;
}

const isOurNode = (node) => OUR_NODE_TYPES.some((type) => node.type === `CUSTOM.${type}`);
const fileSafe = (text) => text.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase();

const ignoredErrors = [];
/** The console errors of the page since `mark`, minus the documented unrelated ones (kept in ignored-console-errors.txt). */
function newErrors(errors, mark) {
	return errors.slice(mark).filter((text) => {
		const ignored = IGNORED_CONSOLE_ERRORS.some((pattern) => pattern.test(text));
		if (ignored) ignoredErrors.push(text);
		return !ignored;
	});
}

/** Names of the canvas nodes drawn with the unknown-type "?" icon. */
function unknownOnCanvas(page) {
	return page.locator('[data-test-id="canvas-node"]').evaluateAll(
		(nodes, selector) => nodes.filter((n) => n.querySelector(selector)?.textContent.trim() === '?').map((n) => n.dataset.nodeName),
		UNKNOWN_ICON,
	);
}

/** The detectors must fire on a node type that does not exist, on the canvas and in its panel. */
async function checkDetectorsFlagUnknownNode({ page, base, record, shots }) {
	await page.goto(`${base}/workflow/${BOGUS_WORKFLOW.id}`, { waitUntil: 'domcontentloaded' });
	await page.locator('[data-test-id="canvas-node"]').first().waitFor({ timeout: 60_000 });
	await sleep(1500);
	const unknown = await unknownOnCanvas(page);
	record(
		unknown.length === 1 && unknown[0] === 'Does not exist',
		'the canvas check flags a node of the bogus type CUSTOM.doesNotExist (and not the Manual Trigger next to it)',
		`flagged: ${JSON.stringify(unknown)}`,
	);
	await page.locator('[data-test-id="canvas-node"][data-node-name="Does not exist"]').dblclick();
	const ndv = page.locator('[data-test-id="ndv"]');
	await ndv.waitFor({ timeout: 20_000 });
	await sleep(1000);
	const text = await ndv.innerText();
	await page.screenshot({ path: join(shots, 'bogus-node-panel.png') });
	record(UNKNOWN_NODE.test(text), 'the panel check flags the bogus node type CUSTOM.doesNotExist', text.slice(0, 400));
	await page.keyboard.press('Escape');
}

/** In the open panel, picks an option of one of the node's options parameters by (part of) its display name. */
async function pickOption(page, ndv, parameter, optionName) {
	await ndv.locator(`[data-test-id="parameter-input-${parameter}"]`).click();
	await page.locator('.el-select-dropdown__item:visible', { hasText: optionName }).first().click();
	await sleep(500);
}

/**
 * Changing Channel and Ledger in the panel must switch the credential selectors with them. Runs last: it leaves the
 * check workflow changed and unsaved.
 */
async function checkSelectorsFollowParameters({ page, base, record, shots, displayNames, root }) {
	const node = CREDENTIALS_WORKFLOW.nodes.find((n) => n.name === 'SMS with Redis Ledger');
	const changed = { ...node, parameters: { channel: 'dingtalk', ledger: 'none' } };
	const needed = neededCredentialTypes(root, changed);
	const problems = [];
	try {
		await page.goto(`${base}/workflow/${CREDENTIALS_WORKFLOW.id}`, { waitUntil: 'domcontentloaded' });
		await page.locator(`[data-test-id="canvas-node"][data-node-name="${node.name}"]`).dblclick({ timeout: 60_000 });
		const ndv = page.locator('[data-test-id="ndv"]');
		await ndv.waitFor({ timeout: 20_000 });
		await sleep(800);
		await pickOption(page, ndv, 'channel', 'DingTalk Robot');
		await pickOption(page, ndv, 'ledger', 'None (This Execution Only)');
		const channel = await ndv.locator('[data-test-id="parameter-input-channel"] input').first().inputValue();
		const ledger = await ndv.locator('[data-test-id="parameter-input-ledger"] input').first().inputValue();
		if (channel !== 'DingTalk Robot' || !ledger.startsWith('None')) problems.push(`the panel shows Channel "${channel}", Ledger "${ledger}"`);
		problems.push(...credentialSelectorProblems(changed, needed, await panelLabels(ndv), displayNames));
		await page.screenshot({ path: join(shots, 'credentials-after-changing-channel-and-ledger.png') });
	} catch (error) {
		problems.push(error.message.split('\n')[0]);
	}
	record(
		problems.length === 0,
		`changing Channel (Twilio SMS -> DingTalk Robot) and Ledger (Redis -> None) in the panel leaves only the selector for ${displayNames[needed[0]]}, next to Channel`,
		problems.join('\n'),
	);
}

/**
 * Node panel searches and the nodes each must list (by display name). The codex aliases (nodes/<Name>/<Name>.node.json)
 * are what n8n's node creator searches besides the display name; the nonsense term proves the check can fail.
 */
const NODE_SEARCHES = [
	{ query: 'customer care', expect: ['Segment Customer', 'Detect Churn Risk', 'Score Satisfaction', 'Schedule Revisit', 'Send Care Message'] },
	{ query: 'RFM', expect: ['Segment Customer', 'Detect Churn Risk'] },
	{ query: 'churn', expect: ['Detect Churn Risk'] },
	{ query: 'NPS', expect: ['Score Satisfaction'] },
	{ query: '回访', expect: ['Schedule Revisit'] },
	{ query: 'qzxwvk', expect: [] },
];

/** Our node types from the build: display name -> description, as the editor gets them. */
function ourNodeDescriptions(root) {
	const { n8n } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
	const descriptions = {};
	for (const file of n8n.nodes) {
		for (const Type of Object.values(require(join(root, file)))) {
			const { displayName, description } = new Type().description;
			descriptions[displayName] = description;
		}
	}
	return descriptions;
}

/** The node creator's result items as { name, text } in the order shown. */
function creatorItems(page) {
	return page.locator('[data-test-id="node-creator"] [data-test-id="item-iterator-item"]').evaluateAll((items) =>
		items
			.filter((item) => item.getClientRects().length > 0)
			.map((item) => {
				const title = item.querySelector('[class*="title"], [class*="name"]');
				return { name: (title ?? item).innerText.trim().split('\n')[0].trim(), text: item.innerText.replace(/\s+/g, ' ').trim() };
			}),
	);
}

/**
 * Opens the node creator after a workflow's Manual Trigger (Tab on the canvas, as a user adds the next step) and runs
 * each search of NODE_SEARCHES: every expected node listed, with its description; none of ours for the nonsense term.
 */
async function checkNodePanelSearch({ page, base, record, shots, root }) {
	const descriptions = ourNodeDescriptions(root);
	const ours = new Set(Object.keys(descriptions));
	await page.goto(`${base}/workflow/${CREDENTIALS_WORKFLOW.id}`, { waitUntil: 'domcontentloaded' });
	await page.locator('[data-test-id="canvas-node"]').first().waitFor({ timeout: 60_000 });
	await sleep(1000);
	for (const { query, expect } of NODE_SEARCHES) {
		const problems = [];
		let found = [];
		try {
			const creator = page.locator('[data-test-id="node-creator"]');
			if (!(await creator.isVisible())) {
				// n8n 2.8 opens the node creator with Tab on the canvas; newer editors also have a "+" button in the
				// canvas toolbar (and Tab may go to the side bar there), so the button is used where it shows.
				const plus = page.locator('[data-test-id="node-creator-plus-button"], [data-test-id="node-creation-plus"]').first();
				if (await plus.isVisible().catch(() => false)) await plus.click();
				else {
					await page.locator('[data-test-id="canvas-wrapper"], [data-test-id="canvas"]').first().click({ position: { x: 5, y: 5 } }).catch(() => {});
					await page.keyboard.press('Tab');
				}
				await creator.waitFor({ timeout: 20_000 });
			}
			const search = creator.locator('[data-test-id="node-creator-search-bar"] input, [data-test-id="search-bar"] input, input[type="text"]').first();
			await search.fill('');
			await search.fill(query);
			await sleep(1200);
			const items = await creatorItems(page);
			found = items.filter((item) => ours.has(item.name));
			const names = found.map((item) => item.name);
			const missing = expect.filter((name) => !names.includes(name));
			if (missing.length) problems.push(`not listed: ${missing.join(', ')}`);
			if (expect.length === 0 && names.length) problems.push(`lists our nodes for a term none of them has: ${names.join(', ')}`);
			for (const item of found) {
				if (!item.text.includes(descriptions[item.name])) problems.push(`${item.name} is listed without its description ("${item.text}")`);
			}
			if (problems.length) problems.push(`listed: ${JSON.stringify(items.map((item) => item.name))}`);
			await page.screenshot({ path: join(shots, `node-search-${fileSafe(query) || 'chinese'}.png`) });
		} catch (error) {
			problems.push(error.message.split('\n')[0]);
		}
		const what = expect.length ? `lists ${expect.join(', ')} with their descriptions` : 'lists none of our nodes';
		const listed = found.length ? ` (listed: ${found.map((item) => item.name).join(', ')})` : '';
		record(problems.length === 0, `searching the node panel for "${query}" ${what}${listed}`, problems.join('\n'));
	}
	await page.keyboard.press('Escape');
}

/**
 * The canvas draws each of our nodes with its light icon in the light theme and its dark variant (`*.dark.svg`,
 * lighter strokes) in the dark one (n8n's `?theme=` override), for every node of the daily churn watch.
 */
async function checkThemedIcons({ page, base, record, shots, workflows }) {
	const workflow = workflows.find((w) => w.id === 'ccDailyChurnWatch01') ?? workflows[0];
	const ours = workflow.nodes.filter(isOurNode).map((n) => n.name);
	for (const theme of ['light', 'dark']) {
		const problems = [];
		try {
			await page.goto(`${base}/workflow/${workflow.id}?theme=${theme}`, { waitUntil: 'domcontentloaded' });
			await page.locator('[data-test-id="canvas-node"]').first().waitFor({ timeout: 60_000 });
			await sleep(1500);
			for (const name of ours) {
				const src = await page
					.locator(`[data-test-id="canvas-node"][data-node-name="${name}"] img`)
					.first()
					.getAttribute('src', { timeout: 10_000 })
					.catch(() => null);
				const dark = /\.dark\.svg(\?|$)/.test(src ?? '');
				if (!src || !/\.svg(\?|$)/.test(src)) problems.push(`${name}: no SVG icon (${src})`);
				else if (dark !== (theme === 'dark')) problems.push(`${name}: ${src}`);
			}
			await page.screenshot({ path: join(shots, `icons-${theme}.png`) });
		} catch (error) {
			problems.push(error.message.split('\n')[0]);
		}
		record(problems.length === 0, `${theme} theme: the canvas shows the ${theme} icon of each of our ${ours.length} nodes in ${workflow.name}`, problems.join('\n'));
	}
}

/**
 * The credential Test button (POST /rest/credentials/test, n8n's CredentialsTester) for the channel credentials
 * whose tests are declared in the credential (DingTalk, Feishu, generic webhook: signed message-less posts),
 * against the loopback providers: the right credential passes, a wrong secret fails naming why, and nothing
 * reaches the group or receiver. (Slack's test is the node's `testedBy`, which n8n 2.8 finds only for installed
 * packages, not for this suite's custom folder, whose credentials it registers without supported nodes.)
 */
async function checkCredentialTests({ base, auth, record, root }) {
	require('ts-node').register({ transpileOnly: true, project: join(root, 'tsconfig.json') });
	const providers = require(join(root, 'test/helpers/providers'));
	const headers = { 'content-type': 'application/json', cookie: `n8n-auth=${auth}` };
	const rest = async (path, body) => {
		const response = await fetch(`${base}/rest${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
		const json = await response.json().catch(() => ({}));
		if (!response.ok) throw new Error(`POST ${path}: HTTP ${response.status} ${JSON.stringify(json).slice(0, 300)}`);
		return json.data;
	};
	const cases = [
		{ type: 'careDingtalkRobotApi', start: providers.startDingTalkServer, wrong: { signingSecret: 'SECwrong' }, reason: /310000/ },
		{ type: 'careFeishuBotApi', start: providers.startFeishuServer, wrong: { signingSecret: 'wrong' }, reason: /19021/ },
		// n8n's wording of the receiver's 401: "Authorization failed…" in 2.8, "Unauthorized" in 2.41.
		{ type: 'careWebhookApi', start: providers.startWebhookServer, wrong: { signingSecret: 'wrong' }, reason: /Authorization failed|Unauthorized/ },
	];
	for (const { type, start, wrong, reason } of cases) {
		const problems = [];
		const server = await start();
		try {
			const good = server.credentials;
			const bad = { ...good, ...(typeof wrong === 'function' ? wrong(good) : wrong) };
			const results = [];
			for (const data of [good, bad]) {
				const created = await rest('/credentials', { name: `Test ${type}`, type, data });
				results.push(await rest('/credentials/test', { credentials: { id: created.id, name: created.name, type, data } }));
			}
			if (results[0]?.status !== 'OK') problems.push(`the right credential: ${JSON.stringify(results[0])}`);
			if (results[1]?.status !== 'Error' || !reason.test(results[1]?.message ?? '')) problems.push(`a wrong one: ${JSON.stringify(results[1])}`);
			if (server.deliveries.length) problems.push(`${server.deliveries.length} message(s) reached the provider`);
		} catch (error) {
			problems.push(error.message.split('\n')[0]);
		} finally {
			await server.close();
		}
		record(problems.length === 0, `credential Test button for ${type}: the right credential passes, a wrong one fails naming why, nothing is posted`, problems.join('\n'));
	}
}

async function checkWorkflow({ page, base, workflow, record, errors, shots, displayNames, root }) {
	const mark = errors.length;
	await page.goto(`${base}/workflow/${workflow.id}`, { waitUntil: 'domcontentloaded' });
	const canvasNodes = page.locator('[data-test-id="canvas-node"]');
	await canvasNodes.first().waitFor({ timeout: 60_000 });
	await page.waitForLoadState('networkidle', { timeout: 15_000 }).catch(() => {});
	await sleep(1000);
	const shown = await canvasNodes.count();
	const expected = workflow.nodes.filter((n) => n.type !== 'n8n-nodes-base.stickyNote').length;
	const unknown = await unknownOnCanvas(page);
	const canvasShot = join(shots, `${fileSafe(workflow.id)}-canvas.png`);
	await page.screenshot({ path: canvasShot });
	const problems = [
		shown < expected ? `${shown} of ${expected} nodes on the canvas` : undefined,
		unknown.length ? `shown as unknown (a "?" icon): ${unknown.join(', ')}` : undefined,
		...newErrors(errors, mark).map((e) => `console: ${e}`),
	].filter(Boolean);
	record(problems.length === 0, `${workflow.name}: canvas shows all ${expected} nodes, none unknown, no console errors`, problems.join('\n'));

	const panels = [];
	for (const node of workflow.nodes.filter(isOurNode)) {
		const nodeMark = errors.length;
		const problems = [];
		try {
			const onCanvas = page.locator(`[data-test-id="canvas-node"][data-node-name="${node.name}"]`);
			await onCanvas.dblclick();
			const ndv = page.locator('[data-test-id="ndv"]');
			await ndv.waitFor({ timeout: 20_000 });
			const parameters = ndv.locator('[data-test-id="parameter-input-list-wrapper"], [data-test-id="node-parameters"]').first();
			await parameters.waitFor({ timeout: 20_000 });
			await sleep(800);
			const text = await ndv.innerText();
			if (UNKNOWN_NODE.test(text)) problems.push(`the panel says: ${text.split('\n').find((l) => UNKNOWN_NODE.test(l))}`);
			const inputs = await ndv.locator('[data-test-id="parameter-input"], [data-test-id^="parameter-input-"]').count();
			if (inputs === 0) problems.push('the panel shows no parameters');
			const lines = new Set(text.split('\n').map((line) => line.trim()));
			const type = node.type.slice('CUSTOM.'.length);
			const missing = EXPECTED_LABELS[type].filter((label) => !lines.has(label));
			if (missing.length) problems.push(`the panel lacks the parameter(s) ${missing.join(', ')}`);
			if (type === 'sendCareMessage') {
				const needed = neededCredentialTypes(root, node);
				const credentialProblems = credentialSelectorProblems(node, needed, await panelLabels(ndv), displayNames);
				const [channelType, ledgerType] = needed.map((t) => displayNames[t] ?? t);
				record(
					credentialProblems.length === 0,
					`${workflow.name}: ${node.name} panel shows the credential selector for ${channelType} next to Channel, ` +
						(ledgerType ? `and the one for ${ledgerType}` : 'and none for a ledger'),
					credentialProblems.join('\n'),
				);
			}
			const shot = join(shots, `${fileSafe(workflow.id)}-${fileSafe(node.name)}.png`);
			await page.screenshot({ path: shot });
			panels.push({ node, shot });
			await page.keyboard.press('Escape');
			await ndv.waitFor({ state: 'hidden', timeout: 10_000 }).catch(() => {});
		} catch (error) {
			problems.push(error.message.split('\n')[0]);
		}
		problems.push(...newErrors(errors, nodeMark).map((e) => `console: ${e}`));
		record(problems.length === 0, `${workflow.name}: ${node.name} (${node.type}) parameter panel shows ${EXPECTED_LABELS[node.type.slice(7)].join(', ')}`, problems.join('\n'));
	}
	return { canvasShot, panels };
}

async function run({ n8n, env: baseEnv, record, root, artifacts }) {
	if (!existsSync(CHROMIUM)) {
		record(false, 'Chromium is installed', `${CHROMIUM} is missing (apt-get install -y chromium)`);
		return;
	}
	const { chromium } = require('playwright-core');
	const shots = join(artifacts, 'editor');
	rmSync(shots, { recursive: true, force: true });
	mkdirSync(shots, { recursive: true });
	const userFolder = mkdtempSync(join(tmpdir(), 'n8n-editor-'));
	const db = await createDatabase('n8n_editor');
	const port = await freePort();
	const env = {
		...baseEnv,
		...n8nDatabaseEnv(db),
		N8N_USER_FOLDER: userFolder,
		N8N_PORT: String(port),
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_RUNNERS_BROKER_PORT: String(await freePort()),
		N8N_CUSTOM_EXTENSIONS: join(root, 'dist'),
		N8N_SECURE_COOKIE: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		// The banners come from n8n's cloud endpoint, which the closed network cannot reach (a console error otherwise).
		N8N_DYNAMIC_BANNERS_ENABLED: 'false',
	};
	const base = `http://127.0.0.1:${port}`;
	const logPath = join(artifacts, 'editor-n8n.log');
	let proc;
	let browser;
	try {
		const credentialsFile = join(userFolder, 'credentials.json');
		writeFileSync(credentialsFile, JSON.stringify(dummyCredentials()));
		const credentials = await runCli(n8n, ['import:credentials', `--input=${credentialsFile}`], env);
		if (credentials.code !== 0) throw new Error(`import:credentials failed:\n${credentials.output}`);
		const workflows = readdirSync(join(root, 'examples'))
			.filter((f) => f.endsWith('.json'))
			.map((f) => JSON.parse(readFileSync(join(root, 'examples', f), 'utf8')));
		const imported = await runCli(n8n, ['import:workflow', '--separate', `--input=${join(root, 'examples')}`], env);
		record(imported.code === 0, `imports the ${workflows.length} example workflows and their credentials`, imported.output);
		if (imported.code !== 0) return;
		const checkFile = join(userFolder, 'check-workflows.json');
		writeFileSync(checkFile, JSON.stringify([BOGUS_WORKFLOW, CREDENTIALS_WORKFLOW]));
		const checks = await runCli(n8n, ['import:workflow', `--input=${checkFile}`], env);
		if (checks.code !== 0) throw new Error(`import of the check workflows (unknown node, credentials) failed:\n${checks.output}`);

		proc = startProcess(n8n, ['start'], env, logPath);
		await waitForHealth(base, proc, logPath);
		const auth = await setUpOwner(base);

		browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
		const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
		await context.addCookies([{ name: 'n8n-auth', value: auth, domain: '127.0.0.1', path: '/' }]);
		const page = await context.newPage();
		const errors = [];
		page.on('console', (message) => {
			if (message.type() === 'error') errors.push(`${message.text()}${message.location()?.url ? ` (${message.location().url})` : ''}`);
		});
		page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));

		const results = [];
		const displayNames = credentialDisplayNames(root);
		for (const workflow of [...workflows, CREDENTIALS_WORKFLOW]) {
			try {
				const result = await checkWorkflow({ page, base, workflow, record, errors, shots, displayNames, root });
				if (workflow !== CREDENTIALS_WORKFLOW) results.push(result);
			} catch (error) {
				await page.screenshot({ path: join(shots, `${fileSafe(workflow.id)}-failed.png`) }).catch(() => {});
				record(false, `${workflow.name}: opens in the editor`, error.message);
			}
		}
		const covered = new Set(results.flatMap((r) => r.panels.map((p) => p.node.type.slice('CUSTOM.'.length))));
		const uncovered = OUR_NODE_TYPES.filter((type) => !covered.has(type));
		record(uncovered.length === 0, `the examples open the panel of each of our ${OUR_NODE_TYPES.length} node types`, `not covered: ${uncovered.join(', ')}`);
		// Last, and their console output is not judged: a node type that does not exist is expected to complain, and
		// the selector check leaves a workflow changed.
		await checkNodePanelSearch({ page, base, record, shots, root });
		await checkThemedIcons({ page, base, record, shots, workflows });
		await checkCredentialTests({ base, auth, record, root });
		await checkDetectorsFlagUnknownNode({ page, base, record, shots });
		await checkSelectorsFollowParameters({ page, base, record, shots, displayNames, root });
		writeFileSync(join(shots, 'ignored-console-errors.txt'), ignoredErrors.join('\n'));
		if (process.env.UPDATE_SCREENSHOTS === '1') updateDocsScreenshots(root, results);
	} finally {
		if (browser) await browser.close();
		if (proc) await stopProcess(proc);
		await db.drop();
		rmSync(userFolder, { recursive: true, force: true });
	}
}

/** The README's screenshots (docs/screenshots/), refreshed only on request so the committed ones stay stable. */
const DOCS_SCREENSHOTS = {
	'ccDailyChurnWatch01-canvas': 'daily-churn-watch.png',
	'ccDailyChurnWatch01-segment-customer': 'segment-customer.png',
	'ccDailyChurnWatch01-detect-churn-risk': 'detect-churn-risk.png',
	'ccDailyChurnWatch01-schedule-revisit': 'schedule-revisit.png',
	'ccDailyChurnWatch01-agenda-to-wecom': 'send-care-message.png',
	'ccSurveyApology0001-score-satisfaction': 'score-satisfaction.png',
};

function updateDocsScreenshots(root, results) {
	const target = join(root, 'docs', 'screenshots');
	mkdirSync(target, { recursive: true });
	const shots = results.flatMap((r) => [r.canvasShot, ...r.panels.map((p) => p.shot)]);
	for (const shot of shots) {
		const key = Object.keys(DOCS_SCREENSHOTS).find((k) => shot.endsWith(`${k.toLowerCase()}.png`));
		if (key) copyFileSync(shot, join(target, DOCS_SCREENSHOTS[key]));
	}
}

module.exports = { run, dummyCredentials, OWNER };
