import { createHmac } from 'node:crypto';

import { createChannel } from '../../../nodes/shared/messaging/channels';
import { dingTalkBody, dingTalkConfig, dingTalkQuery, dingTalkSignature } from '../../../nodes/shared/messaging/channels/dingtalk';
import { startDingTalkServer } from '../../helpers/providers';
import { channelFixture, expectFailed, message } from './helpers';

describe('DingTalk robot channel', () => {
	const fixture = channelFixture('dingtalk', () => startDingTalkServer({ secret: 'SECc0ffee0123456789abcdef' }));
	const { send, outcomes } = fixture;


	it('signs with 加签: base64(HMAC-SHA256(secret, timestamp + "\\n" + secret)), URL-encoded in the query', () => {
		const secret = 'SECc0ffee0123456789abcdef';
		const expected = createHmac('sha256', secret).update('1700000000000\nSECc0ffee0123456789abcdef').digest('base64');
		expect(dingTalkSignature(1_700_000_000_000, secret)).toBe(expected);
		const query = new URLSearchParams(dingTalkQuery({ accessToken: 'tok', signingSecret: secret, baseUrl: '' }, 1_700_000_000_000));
		expect(query.get('access_token')).toBe('tok');
		expect(query.get('timestamp')).toBe('1700000000000');
		// URLSearchParams decodes "+" to a space, so this sign (which has a "+") survives only if percent-encoded.
		expect(expected).toContain('+');
		expect(query.get('sign')).toBe(expected);
		expect(dingTalkQuery({ accessToken: 'tok', baseUrl: '' }, 1)).toBe('access_token=tok');
	});

	it('posts to /robot/send and reads errcode 0 as sent', async () => {
		expect(await send(message({ text: '客户回访提醒' }))).toEqual({ status: 'sent', providerCode: '0' });
		const [request] = fixture.server.requests;
		expect(request.path).toBe('/robot/send');
		expect(request.query.get('timestamp')).toMatch(/^\d{13}$/);
		expect(fixture.server.deliveries.map((d) => d.text)).toEqual(['客户回访提醒']);
	});

	it('@-mentions the recipient in the text and the at block, and builds markdown with a title', () => {
		expect(dingTalkBody(message({ to: '13800138000', text: '请回访' }))).toEqual({
			msgtype: 'text',
			text: { content: '请回访 @13800138000' },
			at: { atMobiles: ['13800138000'], isAtAll: false },
		});
		expect(dingTalkBody(message({ to: 'owner@example.com', text: '请回访' }))).toEqual({ msgtype: 'text', text: { content: '请回访' } });
		expect(dingTalkBody(message({ text: '## 回访\n内容', markdown: true }))).toEqual({
			msgtype: 'markdown',
			markdown: { title: '## 回访', text: '## 回访\n内容' },
		});
	});

	it('accepts the whole webhook URL as the access token', () => {
		expect(dingTalkConfig({ accessToken: 'https://oapi.dingtalk.com/robot/send?access_token=abc123', signingSecret: ' SEC1 ' })).toEqual({
			accessToken: 'abc123',
			signingSecret: 'SEC1',
			baseUrl: 'https://oapi.dingtalk.com',
		});
	});

	it('is refused with 310000 when the secret is wrong: permanent', async () => {
		const wrong = createChannel('dingtalk', { ...fixture.server.credentials, signingSecret: 'SECwrongwrongwrong' });
		const outcome = expectFailed(await wrong.send(message()));
		outcomes.push(outcome);
		await wrong.close?.();
		expect(outcome).toEqual({
			status: 'failed',
			retryable: false,
			providerCode: '310000',
			message: 'DingTalk robot rejected the message: errcode 310000 (sign not match)',
		});
		expect(fixture.server.deliveries).toEqual([]);
	});

	it('is refused with 310000 when the signed timestamp is more than an hour old', async () => {
		// A clock two hours behind: build the channel by hand to inject it.
		const { DingTalkChannel } = await import('../../../nodes/shared/messaging/channels/dingtalk');
		const { HttpTransport } = await import('../../../nodes/shared/messaging/channels/httpTransport');
		const late = new DingTalkChannel(dingTalkConfig(fixture.server.credentials), new HttpTransport(), () => Date.now() - 2 * 3600_000);
		expect(expectFailed(await late.send(message()))).toMatchObject({ retryable: false, providerCode: '310000' });
		await late.close();
	});

	it('is refused with 300001 for an unknown token', async () => {
		const wrong = createChannel('dingtalk', { ...fixture.server.credentials, accessToken: 'nope-nope-nope' });
		expect(expectFailed(await wrong.send(message()))).toMatchObject({ retryable: false, providerCode: '300001' });
		await wrong.close?.();
	});

	it('enforces keywords (310000 keywords not in content)', async () => {
		const keyed = await startDingTalkServer({ secret: null, keywords: ['回访'] });
		const robot = createChannel('dingtalk', keyed.credentials);
		expect(expectFailed(await robot.send(message({ text: 'hello' })))).toMatchObject({
			retryable: false,
			providerCode: '310000',
			message: expect.stringContaining('keywords not in content'),
		});
		expect(await robot.send(message({ text: '请回访客户' }))).toMatchObject({ status: 'sent' });
		expect(keyed.requests[1].query.has('sign')).toBe(false);
		await robot.close?.();
		await keyed.close();
	});

	// DingTalk: a robot that sends more than 20 messages in a minute is throttled for 10 minutes (限流10分钟);
	// a retry after one minute falls inside that block.
	it('classifies 130101 (send too fast) as retryable after the ten-minute block', async () => {
		fixture.server.faults.inject({ kind: 'rateLimit' });
		expect(expectFailed(await send(message()))).toEqual({
			status: 'failed',
			retryable: true,
			providerCode: '130101',
			message: 'DingTalk robot rejected the message: errcode 130101 (send too fast, exceed 20 times per minute)',
			retryAfterMs: 600_000,
		});
	});

	it('waits the ten-minute block after 410100 (throttled) too', async () => {
		fixture.server.faults.inject({ kind: 'providerError', code: 410100 });
		expect(expectFailed(await send(message()))).toMatchObject({ retryable: true, providerCode: '410100', retryAfterMs: 600_000 });
	});

	it('enforces 20 messages a minute when configured', async () => {
		const limited = await startDingTalkServer({ perMinuteLimit: 20 });
		const robot = createChannel('dingtalk', limited.credentials);
		const statuses = [];
		for (let i = 0; i < 21; i++) statuses.push((await robot.send(message())).status);
		expect(statuses.filter((s) => s === 'sent')).toHaveLength(20);
		expect(statuses[20]).toBe('failed');
		await robot.close?.();
		await limited.close();
	});

	it.each([
		[410100, true],
		[-1, true],
		[400013, false],
		[430102, false],
	])('classifies errcode %i as retryable=%s', async (code, retryable) => {
		fixture.server.faults.inject({ kind: 'providerError', code });
		expect(expectFailed(await send(message()))).toMatchObject({ retryable, providerCode: String(code) });
	});

	it('treats 5xx as retryable, a slow answer as unknown, a refused connection as retryable', async () => {
		fixture.server.faults.inject({ kind: 'serverError' }, { kind: 'slow', delayMs: 1_000 });
		const refusedByProvider = expectFailed(await send(message()));
		expect(refusedByProvider).toMatchObject({ retryable: true, providerCode: 'HTTP_503' });
		expect(refusedByProvider.neverSent).toBeUndefined();
		expect(await send(message(), { timeoutMs: 150 })).toMatchObject({ status: 'unknown' });

		const closed = await startDingTalkServer();
		const credentials = closed.credentials;
		await closed.close();
		const robot = createChannel('dingtalk', credentials);
		const outcome = expectFailed(await robot.send(message()));
		outcomes.push(outcome);
		expect(outcome).toMatchObject({ retryable: true, providerCode: 'ECONNREFUSED', neverSent: true });
		await robot.close?.();
	});
});
