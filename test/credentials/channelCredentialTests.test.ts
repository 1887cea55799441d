import { readFileSync } from 'node:fs';
import path from 'node:path';

import type { ICredentialType } from 'n8n-workflow';

import { CareAliyunSmsApi } from '../../credentials/CareAliyunSmsApi.credentials';
import { CareDingtalkRobotApi } from '../../credentials/CareDingtalkRobotApi.credentials';
import { CareFeishuBotApi } from '../../credentials/CareFeishuBotApi.credentials';
import { CareSlackWebhookApi } from '../../credentials/CareSlackWebhookApi.credentials';
import { CareTwilioSmsApi } from '../../credentials/CareTwilioSmsApi.credentials';
import { CareWebhookApi } from '../../credentials/CareWebhookApi.credentials';
import { CareWecomRobotApi } from '../../credentials/CareWecomRobotApi.credentials';
import { SendCareMessage } from '../../nodes/SendCareMessage/SendCareMessage.node';
import { careSlackWebhookApiTest } from '../../nodes/SendCareMessage/credentialTests';
import { createChannel, type ChannelKind, type OutgoingMessage } from '../../nodes/shared/messaging/channels';
import {
	startAliyunSmsServer,
	startDingTalkServer,
	startFeishuServer,
	startSlackServer,
	startTwilioServer,
	startWebhookServer,
	startWeComServer,
	type ProviderServer,
} from '../helpers/providers';
import { ECHO_FORMS, message } from '../messaging/channels/helpers';
import { runDeclarativeCredentialTest, runFunctionCredentialTest } from './n8nCredentialTester';

const OK = { status: 'OK', message: expect.any(String) };

/** Nothing was delivered and no reply or request log carries more than the provider saw. */
function expectNothingPosted(server: ProviderServer) {
	expect(server.deliveries).toEqual([]);
	expect(server.requests.length).toBeGreaterThan(0);
}

describe('DingTalk robot credential test (declarative, signed by the credential, run by n8n-core RoutingNode)', () => {
	let server: ProviderServer;
	afterEach(async () => server.close());

	it('passes with the right token and 加签 secret: the robot refuses the empty post for its content (40035) only', async () => {
		server = await startDingTalkServer();
		expect(await runDeclarativeCredentialTest(new CareDingtalkRobotApi(), server.credentials)).toEqual(OK);
		expect(server.requests[0]).toMatchObject({ method: 'POST', path: '/robot/send', providerCode: '40035' });
		expect(server.requests[0].query.get('sign')).toBeTruthy();
		expectNothingPosted(server);
	});

	it('passes with the whole webhook URL pasted as the token, and for a robot secured without 加签', async () => {
		server = await startDingTalkServer({ secret: null });
		const token = String(server.credentials.accessToken);
		const pasted = { ...server.credentials, accessToken: `https://oapi.dingtalk.com/robot/send?access_token=${token}` };
		expect(await runDeclarativeCredentialTest(new CareDingtalkRobotApi(), pasted)).toEqual(OK);
		expect(server.requests[0].query.get('access_token')).toBe(token);
		expectNothingPosted(server);
	});

	it.each([
		['a wrong token', { accessToken: 'not-the-token' }, 'DingTalk does not know this access token (errcode 300001)'],
		['a wrong signing secret', { signingSecret: 'SECwrong' }, expect.stringContaining('errcode 310000')],
		['no signing secret for a signed robot', { signingSecret: '' }, expect.stringContaining('errcode 310000')],
	])('fails with %s', async (_case, change, message) => {
		server = await startDingTalkServer();
		expect(await runDeclarativeCredentialTest(new CareDingtalkRobotApi(), { ...server.credentials, ...change })).toEqual({ status: 'Error', message });
		expectNothingPosted(server);
	});
});

describe('Feishu bot credential test (declarative, signed by the credential, run by n8n-core RoutingNode)', () => {
	let server: ProviderServer;
	afterEach(async () => server.close());

	it('passes with the right token and secret: the bot refuses the message-less post with 19002 only', async () => {
		server = await startFeishuServer();
		expect(await runDeclarativeCredentialTest(new CareFeishuBotApi(), server.credentials)).toEqual(OK);
		expect(server.requests[0]).toMatchObject({ method: 'POST', providerCode: '19002' });
		expect(JSON.parse(server.requests[0].rawBody)).toEqual({ timestamp: expect.stringMatching(/^\d{10}$/), sign: expect.any(String) });
		expectNothingPosted(server);
	});

	it('passes with the whole webhook URL pasted, for an unsigned bot, and for a bot answering in the legacy shape', async () => {
		for (const options of [{ secret: null }, { legacyReplies: true }] as const) {
			server = await startFeishuServer(options);
			const pasted = { ...server.credentials, webhookToken: `https://open.feishu.cn/open-apis/bot/v2/hook/${String(server.credentials.webhookToken)}` };
			expect(await runDeclarativeCredentialTest(new CareFeishuBotApi(), pasted)).toEqual(OK);
			expectNothingPosted(server);
			await server.close();
		}
		server = await startFeishuServer();
	});

	it.each([
		['a wrong token', {}, { webhookToken: 'not-the-token' }, 'Feishu does not know this webhook token (code 19001)'],
		['a wrong secret', {}, { signingSecret: 'wrong' }, expect.stringContaining('code 19021')],
		['a wrong secret (legacy reply shape)', { legacyReplies: true }, { signingSecret: 'wrong' }, expect.stringContaining('code 19021')],
		['no secret for a signed bot', {}, { signingSecret: '' }, expect.stringContaining('code 19021')],
	])('fails with %s', async (_case, options, change, message) => {
		server = await startFeishuServer(options);
		expect(await runDeclarativeCredentialTest(new CareFeishuBotApi(), { ...server.credentials, ...change })).toEqual({ status: 'Error', message });
		expectNothingPosted(server);
	});
});

describe('Slack webhook credential test (the node\'s testedBy, in n8n-core\'s CredentialTestContext)', () => {
	let server: ProviderServer;
	afterEach(async () => server.close());

	it('passes when Slack refuses the empty post with 400 no_text; nothing reaches the channel', async () => {
		server = await startSlackServer();
		expect(await runFunctionCredentialTest(careSlackWebhookApiTest, new CareSlackWebhookApi(), server.credentials)).toEqual(OK);
		expect(server.requests[0]).toMatchObject({ method: 'POST', status: 400, providerCode: 'no_text' });
		expectNothingPosted(server);
	});

	it.each([
		['a wrong token (403 invalid_token)', (url: string) => url.replace(/[^/]+$/, 'wrongtoken'), 'Slack refused the token in this webhook URL (invalid_token)'],
		['an unknown hook (404 no_service)', (url: string) => url.replace('/services/', '/services/TX/'), expect.stringContaining('no_service')],
		['not a full URL', () => 'hooks.slack.com/services/T/B/x', expect.stringContaining('full URL')],
	])('fails with %s, without the URL in the message', async (_case, change, message) => {
		server = await startSlackServer();
		const webhookUrl = change(String(server.credentials.webhookUrl));
		const result = await runFunctionCredentialTest(careSlackWebhookApiTest, new CareSlackWebhookApi(), { webhookUrl });
		expect(result).toEqual({ status: 'Error', message });
		expect(result.message).not.toContain(webhookUrl);
		expect(server.deliveries).toEqual([]);
	});

	it('an unexpected reply that echoes the token in any form (base64, percent, case, hex, escaped, cut) shows none of it', async () => {
		server = await startSlackServer();
		const token = server.secrets[0];
		const forms = { ...ECHO_FORMS, base64: (s: string) => Buffer.from(s).toString('base64'), percent: encodeURIComponent };
		for (const [name, form] of Object.entries(forms)) {
			server.faults.inject({ kind: 'raw', status: 500, body: `oops ${form(token)}` });
			const result = await runFunctionCredentialTest(careSlackWebhookApiTest, new CareSlackWebhookApi(), server.credentials);
			expect([name, result.message]).toEqual([name, 'Unexpected reply from the webhook URL: HTTP 500 oops ***']);
		}
		expect(server.deliveries).toEqual([]);
	});

	it('fails for a URL that accepts an empty message (not a Slack webhook) and for one nobody listens on', async () => {
		server = await startSlackServer();
		server.faults.inject({ kind: 'raw', status: 200, body: 'ok' });
		expect(await runFunctionCredentialTest(careSlackWebhookApiTest, new CareSlackWebhookApi(), server.credentials)).toEqual({
			status: 'Error',
			message: 'This URL accepted an empty message, which a Slack incoming webhook never does',
		});
		const closedUrl = String(server.credentials.webhookUrl);
		await server.close();
		const unreachable = await runFunctionCredentialTest(careSlackWebhookApiTest, new CareSlackWebhookApi(), { webhookUrl: closedUrl });
		expect(unreachable).toEqual({ status: 'Error', message: 'Could not reach the URL (ECONNREFUSED)' });
		server = await startSlackServer();
	});
});

describe('generic webhook credential test (declarative, signed by the credential, run by n8n-core RoutingNode)', () => {
	let server: ProviderServer;
	afterEach(async () => server.close());

	it('passes when the receiver verifies the signed ping and acknowledges it; nothing is delivered', async () => {
		server = await startWebhookServer();
		expect(await runDeclarativeCredentialTest(new CareWebhookApi(), server.credentials)).toEqual(OK);
		expect(server.requests[0]).toMatchObject({ method: 'POST', status: 200 });
		expect(JSON.parse(server.requests[0].rawBody)).toEqual({ type: 'ping', timestamp: expect.any(Number) });
		expectNothingPosted(server);
	});

	it.each([
		// n8n's own wording of the status (NodeApiError), as its credentials tester shows it: n8n 2.8's, or the
		// status text later versions show (the README names both).
		['a wrong secret (401)', (c: Record<string, unknown>) => ({ ...c, signingSecret: 'wrong' }), /^(Authorization failed - please check your credentials|Unauthorized)$/],
		['a wrong path (404)', (c: Record<string, unknown>) => ({ ...c, url: `${String(c.url)}-old` }), /^(The resource you are requesting could not be found|Not Found)$/],
	])('fails with %s', async (_case, change, message) => {
		server = await startWebhookServer();
		expect(await runDeclarativeCredentialTest(new CareWebhookApi(), change(server.credentials))).toEqual({ status: 'Error', message: expect.stringMatching(message) });
		expect(server.deliveries).toEqual([]);
	});

	it('fails for a receiver that verifies but does not acknowledge pings', async () => {
		server = await startWebhookServer();
		server.faults.inject({ kind: 'raw', status: 422, body: 'text is required' });
		expect(await runDeclarativeCredentialTest(new CareWebhookApi(), server.credentials)).toMatchObject({ status: 'Error' });
		expect(server.deliveries).toEqual([]);
	});
});

describe('every credential has a test', () => {
	const root = path.resolve(__dirname, '..', '..');
	const packageJson = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { n8n: { credentials: string[] } };

	it.each(packageJson.n8n.credentials.map((file) => path.basename(file, '.credentials.js')))('%s: a test request, or a node testedBy function that exists', async (className) => {
		const module = (await import(path.join(root, 'credentials', `${className}.credentials`))) as Record<string, new () => ICredentialType>;
		const type = new module[className]();
		if (type.test) return;
		const node = new SendCareMessage();
		const testedBy = node.description.credentials?.find((credential) => credential.name === type.name)?.testedBy;
		expect(typeof testedBy).toBe('string');
		expect(typeof (node.methods.credentialTest as Record<string, unknown>)[testedBy as string]).toBe('function');
	});
});

/**
 * A credential test proves what the node will send only if it reads the credential as the channel does.
 * Values copied from a console often carry a space or a line break, which the channel's reader trims; a
 * test that signed or addressed with the raw value refused a credential the node sends with.
 */
describe('a credential test reads the credential as the channel does (n8n-core RoutingNode)', () => {
	const padded = (value: unknown) => ` ${String(value)}\n`;
	const cases: Array<[ChannelKind, () => Promise<ProviderServer>, ICredentialType, string[], OutgoingMessage]> = [
		['dingtalk', () => startDingTalkServer(), new CareDingtalkRobotApi(), ['accessToken', 'signingSecret', 'baseUrl'], message()],
		['feishu', () => startFeishuServer(), new CareFeishuBotApi(), ['webhookToken', 'signingSecret', 'baseUrl'], message()],
		['wecom', () => startWeComServer(), new CareWecomRobotApi(), ['webhookKey', 'baseUrl'], message()],
		['webhook', () => startWebhookServer(), new CareWebhookApi(), ['url', 'signingSecret'], message()],
		['twilioSms', () => startTwilioServer(), new CareTwilioSmsApi(), ['accountSid', 'authToken', 'from', 'baseUrl'], message({ to: '+15005550001' })],
		[
			'aliyunSms',
			() => startAliyunSmsServer(),
			new CareAliyunSmsApi(),
			['accessKeyId', 'accessKeySecret', 'signName', 'endpoint'],
			message({ to: '13800138000', templateCode: 'SMS_000001', templateParams: { name: '韩梅梅' } }),
		],
	];

	it.each(cases)('%s: each field with whitespace around it passes the test, and the channel sends with it', async (kind, start, type, fields, sample) => {
		const server = await start();
		try {
			for (const field of fields) {
				const credentials = { ...server.credentials, [field]: padded(server.credentials[field]) };
				expect([field, await runDeclarativeCredentialTest(type, credentials)]).toEqual([field, OK]);
				const channel = createChannel(kind, credentials);
				expect([field, (await channel.send(sample)).status]).toEqual([field, 'sent']);
				await channel.close?.();
			}
		} finally {
			await server.close();
		}
	});

	it.each([
		['DingTalk without an access token', new CareDingtalkRobotApi(), () => startDingTalkServer(), { accessToken: ' ' }, /DingTalk Robot credential has no "accessToken"/],
		['Twilio without a From Number or Messaging Service', new CareTwilioSmsApi(), () => startTwilioServer(), { from: '' }, /has neither a "from" number nor a "messagingServiceSid" \(expected one of them/],
	])('%s fails the test as it fails sending, with the same words', async (_case, type, start, change, words) => {
		const server = await start();
		try {
			const credentials = { ...server.credentials, ...change };
			expect(await runDeclarativeCredentialTest(type, credentials)).toEqual({ status: 'Error', message: expect.stringMatching(words) });
			expect(() => createChannel(type.name === 'careTwilioSmsApi' ? 'twilioSms' : 'dingtalk', credentials)).toThrow(words);
			expect(server.requests).toEqual([]);
		} finally {
			await server.close();
		}
	});
});
