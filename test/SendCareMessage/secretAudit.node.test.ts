import { Client } from 'pg';
import { LoggerProxy, type IDataObject, type Logger } from 'n8n-workflow';
import { startWebhookServer, type ProviderServer } from '../helpers/providers';
import { POSTGRES, describeWithService, uniqueName } from '../helpers/services';
import { ECHO_FORMS } from '../messaging/channels/helpers';
import { runCare, type CareRun } from './helpers/run';
import { strings } from './helpers/strings';

/**
 * Each way the secret was echoed (ECHO_FORMS, as the provider wrote it) that shows in the texts, and
 * each 8-character stretch of the secret itself. The provider's reply is in every failed item's message
 * and in the ledger row, so without redaction each form shows there as it was written: every case fails.
 */
function leaks(texts: string[], secret: string): string[] {
	const all = texts.join('\n');
	const lower = all.toLowerCase();
	const found = Object.entries(ECHO_FORMS)
		.filter(([, form]) => all.includes(form(secret)))
		.map(([name]) => name);
	for (let i = 0; i + 8 <= secret.length; i++) if (lower.includes(secret.slice(i, i + 8).toLowerCase())) found.push(secret.slice(i, i + 8));
	return found;
}

/** n8n's log lines of a run: LoggerProxy (the engine's and this.logger's), with their metadata. */
const logged: unknown[] = [];
const capture: Logger = {
	error: (...args) => void logged.push(args),
	warn: (...args) => void logged.push(args),
	info: (...args) => void logged.push(args),
	debug: (...args) => void logged.push(args),
} as Logger;

const item = (i: number): IDataObject => ({ customerId: `A${i}`, name: 'Ann', orderId: `O-${i}`, timeZone: 'Asia/Shanghai' });

describe('Send Care Message: a provider reply echoing the secret in any form shows it nowhere', () => {
	let server: ProviderServer;
	let secret: string;
	const forms = Object.entries(ECHO_FORMS);
	/** One refusal per form, each echoing the request's secret in that form, one item each. */
	const injectEchoes = () => {
		for (const [name, form] of forms) server.faults.inject({ kind: 'raw', status: 400, body: `denied (${name}): ${form(secret)}` });
	};
	const expectNoLeak = (run: CareRun) => {
		expect(logged.length).toBeGreaterThan(0);
		const texts = [...strings(run.result.run), ...strings(run.result.error), ...strings(logged)];
		expect(texts.some((t) => t.includes('***'))).toBe(true);
		expect(leaks(texts, secret)).toEqual([]);
	};
	beforeAll(async () => {
		server = await startWebhookServer();
		secret = String(server.credentials.signingSecret);
	});
	beforeEach(() => {
		logged.length = 0;
		// Again before each run: n8n-core's own Logger takes LoggerProxy over when the engine first makes it.
		LoggerProxy.init(capture);
	});
	afterEach(() => server.reset());
	afterAll(() => server.close());

	it('in outputs, errors, hints, execution metadata and log lines, under Continue (regular output)', async () => {
		injectEchoes();
		const run = await runCare(server, forms.map((_, i) => item(i)), { frequencyCap: 'off' }, { onError: 'continueRegularOutput' });
		expect(run.failed).toHaveLength(forms.length);
		expectNoLeak(run);
	});

	it('without Continue On Fail too', async () => {
		injectEchoes();
		const run = await runCare(server, forms.map((_, i) => item(i)), { frequencyCap: 'off' });
		expectNoLeak(run);
	});
});

// Postgres keeps a failed row with its detail (Redis deletes it: a failed key may be claimed again).
describeWithService('postgres')('Send Care Message: the Postgres ledger rows hold no echoed secret', () => {
	let server: ProviderServer;
	const table = uniqueName('care_secrets');
	beforeAll(async () => {
		server = await startWebhookServer();
	});
	afterAll(async () => {
		const client = new Client(POSTGRES);
		await client.connect();
		await client.query(`DROP TABLE IF EXISTS "${table}"`);
		await client.end();
		await server.close();
	});

	it('every failed row records the reply with the secret as ***', async () => {
		const secret = String(server.credentials.signingSecret);
		const forms = Object.entries(ECHO_FORMS);
		for (const [name, form] of forms) server.faults.inject({ kind: 'raw', status: 400, body: `denied (${name}): ${form(secret)}` });
		const run = await runCare(server, forms.map((_, i) => item(i)), { ledger: 'postgres', frequencyCap: 'off', options: { postgresTable: table } }, {
			credentials: { carePostgresLedgerApi: { ...POSTGRES } },
			nodeCredentials: { carePostgresLedgerApi: { id: 'pg', name: 'Ledger DB' } },
			onError: 'continueRegularOutput',
		});
		expect(run.failed).toHaveLength(forms.length);
		const client = new Client(POSTGRES);
		await client.connect();
		const { rows } = await client.query(`SELECT * FROM "${table}"`);
		await client.end();
		expect(rows).toHaveLength(forms.length);
		const texts = rows.flatMap((row: Record<string, unknown>) => Object.values(row).map(String));
		expect(texts.filter((t) => t.includes('***'))).toHaveLength(forms.length);
		expect(leaks(texts, secret)).toEqual([]);
	});
});
