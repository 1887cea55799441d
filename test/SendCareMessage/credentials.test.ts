import { NodeHelpers, type ICredentialTestFunctions, type INode } from 'n8n-workflow';
import { CHANNELS } from '../../nodes/shared/messaging/channels';
import { SendCareMessage } from '../../nodes/SendCareMessage/SendCareMessage.node';
import { CarePostgresLedgerApi } from '../../credentials/CarePostgresLedgerApi.credentials';
import { CareRedisLedgerApi } from '../../credentials/CareRedisLedgerApi.credentials';
import { POSTGRES, REDIS, describeWithService } from '../helpers/services';

const node = new SendCareMessage();
const tests = node.methods.credentialTest;
const call = (name: keyof typeof tests, data: Record<string, unknown>) =>
	tests[name].call({} as ICredentialTestFunctions, { id: 't', name: 't', type: name, data: data as never });

describe('Send Care Message credentials', () => {
	it('asks for each channel its own credential, and the ledger credentials when a ledger is chosen', () => {
		const declared = node.description.credentials!.map((c) => [c.name, c.displayOptions?.show]);
		expect(declared).toEqual([
			...Object.entries(CHANNELS).map(([channel, { credentialType }]) => [credentialType, { '/channel': [channel] }]),
			['careRedisLedgerApi', { '/ledger': ['redis'] }],
			['carePostgresLedgerApi', { '/ledger': ['postgres'] }],
		]);
		expect(new CareRedisLedgerApi().name).toBe('careRedisLedgerApi');
		expect(new CarePostgresLedgerApi().name).toBe('carePostgresLedgerApi');
		for (const credential of [new CareRedisLedgerApi(), new CarePostgresLedgerApi()]) {
			expect(credential.properties.find((p) => p.name === 'password')?.typeOptions).toEqual({ password: true });
		}
	});

	it('shows each credential by a root path that names no parameter, so the editor takes no field for an authentication switch', () => {
		// n8n's editor treats a parameter named in a credential's displayOptions as auth-related: it hides one whose
		// every option selects a credential, and draws the selectors above the last one (test/e2e/suites/editor.js).
		const parameterNames = new Set(node.description.properties.map((p) => p.name));
		for (const credential of node.description.credentials!) {
			for (const key of Object.keys(credential.displayOptions?.show ?? {})) {
				expect(key.startsWith('/')).toBe(true);
				expect(parameterNames.has(key)).toBe(false);
				expect(parameterNames.has(key.slice(1))).toBe(true);
			}
		}
	});

	it('offers exactly the channel credential and, with a Redis or Postgres ledger, the ledger credential', () => {
		const shown = (parameters: Record<string, string>) => {
			const sendNode = { name: 'Send', type: 'CUSTOM.sendCareMessage', typeVersion: 1, parameters } as unknown as INode;
			return node.description
				.credentials!.filter((c) => NodeHelpers.displayParameter(parameters, c, sendNode, node.description, parameters))
				.map((c) => c.name);
		};
		for (const [channel, { credentialType: type }] of Object.entries(CHANNELS)) {
			expect(shown({ channel, ledger: 'none' })).toEqual([type]);
			expect(shown({ channel, ledger: 'redis' })).toEqual([type, 'careRedisLedgerApi']);
			expect(shown({ channel, ledger: 'postgres' })).toEqual([type, 'carePostgresLedgerApi']);
		}
	});

	it('has a credential test for every credential that n8n cannot test over HTTP', () => {
		const testedBy = node.description.credentials!.filter((c) => c.testedBy).map((c) => [c.name, c.testedBy]);
		expect(testedBy).toEqual([
			['careSmtpApi', 'careSmtpApiTest'],
			// A working Slack hook answers a message-less post with 400 no_text, which a declarative test reads as failure.
			['careSlackWebhookApi', 'careSlackWebhookApiTest'],
			['careRedisLedgerApi', 'careRedisLedgerApiTest'],
			['carePostgresLedgerApi', 'carePostgresLedgerApiTest'],
		]);
		for (const [, method] of testedBy) expect(typeof tests[method as keyof typeof tests]).toBe('function');
	});
});

describeWithService('redis')('Redis ledger credential test', () => {
	it('connects and pings the real Redis', async () => {
		expect(await call('careRedisLedgerApiTest', { ...REDIS, password: '' })).toEqual({ status: 'OK', message: 'Connection successful' });
	});

	it('reports a refused connection', async () => {
		const result = await call('careRedisLedgerApiTest', { host: '127.0.0.1', port: 1, password: 'sekret-xyz' });
		expect(result).toEqual({
			status: 'Error',
			message: 'Ledger connection to Redis at 127.0.0.1:1 failed: the connection was refused (is the server running, and is this the right port?)',
		});
	});
});

describeWithService('postgres')('Postgres ledger credential test', () => {
	it('connects to the real Postgres without creating anything', async () => {
		expect(await call('carePostgresLedgerApiTest', { ...POSTGRES })).toEqual({ status: 'OK', message: 'Connection successful' });
	});

	it('reports a missing database by name, without the password', async () => {
		const result = await call('carePostgresLedgerApiTest', { ...POSTGRES, database: 'no_such_db_care', password: 'sekret-xyz' });
		expect(result.status).toBe('Error');
		expect(result.message).toBe(`Ledger connection to Postgres at ${POSTGRES.host}:${POSTGRES.port} failed: database "no_such_db_care" does not exist`);
	});
});

describe('ledger credential tests: a connection URL pasted as the Host', () => {
	it.each([
		['careRedisLedgerApiTest', { host: 'redis://care:Pw-in-url-7788@127.0.0.1', port: 1, password: 'Pw-in-url-7788' }],
		['careRedisLedgerApiTest', { host: 'redis://:Pw-in-url-7788@127.0.0.1', port: 1 }],
		['carePostgresLedgerApiTest', { host: 'postgres://care:Pw-in-url-7788@127.0.0.1/db', port: 1, password: '' }],
	] as const)('%s does not show the password in its message', async (name, data) => {
		const result = await call(name, data);
		expect(result.status).toBe('Error');
		expect(result.message).toContain('***');
		expect(result.message).not.toContain('Pw-in-url-7788');
	});
});
