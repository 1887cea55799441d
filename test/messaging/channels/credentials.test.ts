import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

import axios from 'axios';
import type { ICredentialTestRequest, ICredentialType, IHttpRequestOptions } from 'n8n-workflow';

import { CareAliyunSmsApi } from '../../../credentials/CareAliyunSmsApi.credentials';
import { CareDingtalkRobotApi } from '../../../credentials/CareDingtalkRobotApi.credentials';
import { CareFeishuBotApi } from '../../../credentials/CareFeishuBotApi.credentials';
import { CareSlackWebhookApi } from '../../../credentials/CareSlackWebhookApi.credentials';
import { CareSmtpApi } from '../../../credentials/CareSmtpApi.credentials';
import { CareTwilioSmsApi } from '../../../credentials/CareTwilioSmsApi.credentials';
import { CareWebhookApi } from '../../../credentials/CareWebhookApi.credentials';
import { CareWecomRobotApi } from '../../../credentials/CareWecomRobotApi.credentials';
import { SendCareMessage } from '../../../nodes/SendCareMessage/SendCareMessage.node';
import { CHANNELS, createChannel, type ChannelKind } from '../../../nodes/shared/messaging/channels';
import { startProviderServer, startAliyunSmsServer, startTwilioServer, startWeComServer } from '../../helpers/providers';

const root = path.resolve(__dirname, '..', '..', '..');

const CREDENTIALS: Record<ChannelKind, { type: ICredentialType; secrets: string[] }> = {
	smtp: { type: new CareSmtpApi(), secrets: ['password'] },
	aliyunSms: { type: new CareAliyunSmsApi(), secrets: ['accessKeySecret'] },
	twilioSms: { type: new CareTwilioSmsApi(), secrets: ['authToken'] },
	wecom: { type: new CareWecomRobotApi(), secrets: ['webhookKey'] },
	dingtalk: { type: new CareDingtalkRobotApi(), secrets: ['accessToken', 'signingSecret'] },
	feishu: { type: new CareFeishuBotApi(), secrets: ['webhookToken', 'signingSecret'] },
	slack: { type: new CareSlackWebhookApi(), secrets: ['webhookUrl'] },
	webhook: { type: new CareWebhookApi(), secrets: ['signingSecret'] },
};

/** n8n resolves "={{ … }}" against $credentials; this evaluates the same JavaScript for the test. */
function resolve(value: unknown, credentials: Record<string, unknown>): unknown {
	if (typeof value !== 'string' || !value.startsWith('=')) return value;
	return value.slice(1).replace(/\{\{([\s\S]+?)\}\}/g, (_, expression: string) =>
		String(new Function('$credentials', `return (${expression});`)(credentials)),
	);
}

/** Runs a credential's declarative test the way n8n's credentials tester does: any non-2xx or matching rule fails. */
async function runCredentialTest(type: ICredentialType, credentials: Record<string, unknown>): Promise<{ ok: boolean; message: string }> {
	const test = type.test as ICredentialTestRequest;
	const request = test.request;
	let options: IHttpRequestOptions = {
		method: request.method ?? 'GET',
		baseURL: resolve(request.baseURL, credentials) as string,
		url: resolve(request.url, credentials) as string,
		qs: Object.fromEntries(Object.entries(request.qs ?? {}).map(([k, v]) => [k, resolve(v, credentials)])) as IHttpRequestOptions['qs'],
		body: request.body as IHttpRequestOptions['body'],
	};
	const authenticate = type.authenticate;
	if (typeof authenticate === 'function') options = await authenticate(credentials as never, options);
	const generic = authenticate && typeof authenticate !== 'function' ? authenticate.properties.auth : undefined;
	const response = await axios.request({
		method: options.method,
		baseURL: options.baseURL,
		url: options.url,
		params: options.qs,
		data: options.body,
		auth: generic ? { username: String(resolve(generic.username, credentials)), password: String(resolve(generic.password, credentials)) } : options.auth,
		validateStatus: () => true,
	});
	if (response.status < 200 || response.status > 299) return { ok: false, message: `HTTP ${response.status}` };
	for (const rule of test.rules ?? []) {
		if (rule.type === 'responseSuccessBody' && response.data?.[rule.properties.key] === rule.properties.value) {
			return { ok: false, message: rule.properties.message };
		}
	}
	return { ok: true, message: JSON.stringify(response.data) };
}

describe('channel credential types', () => {
	it.each(Object.entries(CREDENTIALS))('%s: named as the channel registry says, with an icon, docs and password-typed secrets', (kind, { type, secrets }) => {
		expect(type.name).toBe(CHANNELS[kind as ChannelKind].credentialType);
		expect(type.displayName).toMatch(/^Care .+ API$/);
		expect(type.documentationUrl).toMatch(/^https:\/\//);
		const icon = String(type.icon).replace(/^file:/, '');
		expect(existsSync(path.join(root, 'credentials', icon))).toBe(true);
		for (const secret of secrets) {
			expect(type.properties.find((p) => p.name === secret)?.typeOptions?.password).toBe(true);
		}
		const packageJson = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
		const className = type.constructor.name;
		expect(packageJson.n8n.credentials).toContain(`dist/credentials/${className}.credentials.js`);
	});

	it.each(Object.keys(CREDENTIALS) as ChannelKind[])(
		'%s: the fields a channel reads are the credential\'s own fields, and a credential filled in the UI way works',
		async (kind) => {
			const server = await startProviderServer(kind);
			const { type } = CREDENTIALS[kind];
			const fields = type.properties.filter((p) => p.type !== 'notice').map((p) => p.name);
			expect(fields).toEqual(expect.arrayContaining(Object.keys(server.credentials)));
			// Untouched fields hold their defaults, as n8n stores them.
			const stored = { ...Object.fromEntries(type.properties.map((p) => [p.name, p.default])), ...server.credentials };
			const channel = createChannel(kind, stored);
			const outcome = await channel.send({
				to: kind === 'smtp' ? 'ann@example.com' : kind === 'aliyunSms' ? '13800138000' : kind === 'twilioSms' ? '+14155550123' : '',
				text: 'credential check',
				templateCode: 'SMS_000001',
				templateParams: { name: 'A' },
				idempotencyKey: `cred-${kind}`,
			});
			await channel.close?.();
			await server.close();
			expect(outcome).toMatchObject({ status: 'sent' });
		},
	);

	it('the HTTP providers that answer a message-less call with 2xx declare a test; SMTP and Slack are tested by the node', () => {
		const tested = Object.entries(CREDENTIALS).filter(([, c]) => c.type.test).map(([kind]) => kind);
		expect(tested).toEqual(['aliyunSms', 'twilioSms', 'wecom', 'dingtalk', 'feishu', 'webhook']);
		const node = new SendCareMessage();
		for (const kind of ['smtp', 'slack'] as const) {
			const testedBy = node.description.credentials?.find((c) => c.name === CREDENTIALS[kind].type.name)?.testedBy;
			expect(typeof (node.methods.credentialTest as Record<string, unknown>)[String(testedBy)]).toBe('function');
		}
		// No credential still claims it cannot be tested.
		for (const { type } of Object.values(CREDENTIALS)) {
			expect(type.properties.filter((p) => p.type === 'notice').map((p) => p.displayName).join(' ')).not.toMatch(/no credential test/i);
		}
	});
});

describe('credential tests against the loopback providers', () => {
	it('Twilio: fetches the account with basic auth; a wrong token fails', async () => {
		const server = await startTwilioServer();
		const type = new CareTwilioSmsApi();
		expect(await runCredentialTest(type, server.credentials)).toMatchObject({ ok: true });
		expect(server.requests.map((r) => [r.method, r.path])).toEqual([['GET', `/2010-04-01/Accounts/${server.credentials.accountSid}.json`]]);
		expect(await runCredentialTest(type, { ...server.credentials, authToken: 'wrong' })).toEqual({ ok: false, message: 'HTTP 401' });
		expect(server.deliveries).toEqual([]);
		await server.close();
	});

	it('Aliyun: signs QuerySmsSignList; the server verifies it; a wrong secret fails', async () => {
		const server = await startAliyunSmsServer();
		const type = new CareAliyunSmsApi();
		const good = await runCredentialTest(type, server.credentials);
		expect(good.ok).toBe(true);
		expect(JSON.parse(good.message)).toMatchObject({ Code: 'OK', SmsSignList: [{ SignName: '客户关怀' }] });
		expect(await runCredentialTest(type, { ...server.credentials, accessKeySecret: 'wrong' })).toEqual({ ok: false, message: 'HTTP 400' });
		expect(server.requests[1].providerCode).toBe('SignatureDoesNotMatch');
		expect(server.deliveries).toEqual([]);
		await server.close();
	});

	it('WeCom: an empty post is refused for a missing message type with a good key and 93000 with a bad one; nothing is posted', async () => {
		const server = await startWeComServer();
		const type = new CareWecomRobotApi();
		expect(await runCredentialTest(type, server.credentials)).toEqual({ ok: true, message: JSON.stringify({ errcode: 40008, errmsg: 'invalid message type' }) });
		const pasted = { ...server.credentials, webhookKey: `https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=${server.credentials.webhookKey}` };
		expect((await runCredentialTest(type, pasted)).ok).toBe(true);
		expect(await runCredentialTest(type, { ...server.credentials, webhookKey: 'not-the-key' })).toEqual({
			ok: false,
			message: 'WeCom does not know this webhook key (errcode 93000)',
		});
		expect(server.deliveries).toEqual([]);
		await server.close();
	});
});
