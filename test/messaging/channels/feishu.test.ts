import { createHmac } from 'node:crypto';

import { createChannel } from '../../../nodes/shared/messaging/channels';
import { FeishuChannel, feishuBody, feishuConfig, feishuSignature } from '../../../nodes/shared/messaging/channels/feishu';
import { HttpTransport } from '../../../nodes/shared/messaging/channels/httpTransport';
import { CHANNELS } from '../../../nodes/shared/messaging/channels/registry';
import { Pacer } from '../../../nodes/shared/messaging/sending';
import { VirtualClock } from '../../messaging/helpers/virtualClock';
import { startFeishuServer } from '../../helpers/providers';
import { channelFixture, expectFailed, message } from './helpers';

describe('Feishu / Lark bot channel', () => {
	const fixture = channelFixture('feishu', () => startFeishuServer());
	const { send, outcomes } = fixture;


	it('signs with the timestamp and secret as the HMAC key over an empty message', () => {
		const expected = createHmac('sha256', '1700000000\nmy-secret').update('').digest('base64');
		expect(feishuSignature(1_700_000_000, 'my-secret')).toBe(expected);
		// Not DingTalk's order (key = secret, message = timestamp + "\n" + secret).
		expect(expected).not.toBe(createHmac('sha256', 'my-secret').update('1700000000\nmy-secret').digest('base64'));
		expect(feishuBody(message({ text: 'hi' }), { timestampSeconds: 1_700_000_000, secret: 'my-secret' })).toEqual({
			timestamp: '1700000000',
			sign: expected,
			msg_type: 'text',
			content: { text: 'hi' },
		});
	});

	it('posts to /open-apis/bot/v2/hook/{token} and reads code 0 as sent', async () => {
		expect(await send(message({ text: '新客户投诉，请跟进' }))).toEqual({ status: 'sent', providerCode: '0' });
		expect(fixture.server.requests[0].path.startsWith('/open-apis/bot/v2/hook/')).toBe(true);
		expect(fixture.server.deliveries.map((d) => d.text)).toEqual(['新客户投诉，请跟进']);
	});

	it('sends markdown as an interactive card', async () => {
		expect(await send(message({ text: '**VIP** 客户', markdown: true, title: '回访' }))).toMatchObject({ status: 'sent' });
		const body = JSON.parse(fixture.server.requests[0].rawBody);
		expect(body.msg_type).toBe('interactive');
		expect(body.card).toEqual({
			header: { title: { tag: 'plain_text', content: '回访' } },
			elements: [{ tag: 'markdown', content: '**VIP** 客户' }],
		});
	});

	it('accepts the whole webhook URL and a Lark base URL', () => {
		expect(
			feishuConfig({ webhookToken: 'https://open.larksuite.com/open-apis/bot/v2/hook/abc-123', baseUrl: 'https://open.larksuite.com/' }),
		).toEqual({ token: 'abc-123', signingSecret: undefined, baseUrl: 'https://open.larksuite.com' });
	});

	it('is refused with 19021 for a wrong secret or a timestamp over an hour old: permanent', async () => {
		const wrong = createChannel('feishu', { ...fixture.server.credentials, signingSecret: 'not-the-secret' });
		const outcome = expectFailed(await wrong.send(message()));
		outcomes.push(outcome);
		expect(outcome).toEqual({
			status: 'failed',
			retryable: false,
			providerCode: '19021',
			message: 'Feishu bot rejected the message: code 19021 (sign match fail or timestamp is not within one hour from current time)',
		});
		await wrong.close?.();
		const late = new FeishuChannel(feishuConfig(fixture.server.credentials), new HttpTransport(), () => Date.now() - 2 * 3600_000);
		expect(expectFailed(await late.send(message()))).toMatchObject({ providerCode: '19021', retryable: false });
		await late.close();
		expect(fixture.server.deliveries).toEqual([]);
	});

	it('is refused with 19001 for an unknown token', async () => {
		const wrong = createChannel('feishu', { ...fixture.server.credentials, webhookToken: 'not-a-token' });
		expect(expectFailed(await wrong.send(message()))).toMatchObject({ providerCode: '19001', retryable: false });
		await wrong.close?.();
	});

	it('classifies 11232 (frequency limited) as retryable', async () => {
		fixture.server.faults.inject({ kind: 'rateLimit' });
		expect(expectFailed(await send(message()))).toMatchObject({ retryable: true, providerCode: '11232', retryAfterMs: 1_000 });
	});

	it.each([19022, 19024, 9499])('classifies code %i as permanent', async (code) => {
		fixture.server.faults.inject({ kind: 'providerError', code });
		expect(expectFailed(await send(message()))).toMatchObject({ retryable: false, providerCode: String(code) });
	});

	it('reads the legacy {StatusCode, StatusMessage} replies', async () => {
		const legacy = await startFeishuServer({ legacyReplies: true, secret: null, keywords: ['回访'] });
		const bot = createChannel('feishu', legacy.credentials);
		expect(await bot.send(message({ text: '回访' }))).toEqual({ status: 'sent', providerCode: '0' });
		expect(expectFailed(await bot.send(message({ text: 'nothing' })))).toMatchObject({
			providerCode: '19024',
			message: 'Feishu bot rejected the message: StatusCode 19024 (Key Words Not Found)',
		});
		await bot.close?.();
		await legacy.close();
	});

	it('reports a dropped connection after the request as unknown, and 5xx as retryable', async () => {
		fixture.server.faults.inject({ kind: 'drop' }, { kind: 'serverError', status: 502 });
		expect(await send(message())).toMatchObject({ status: 'unknown' });
		expect(expectFailed(await send(message()))).toMatchObject({ retryable: true, providerCode: 'HTTP_502' });
	});

	it('reports a timeout after the request as unknown (the bot posted it)', async () => {
		fixture.server.faults.inject({ kind: 'slow', delayMs: 1_000 });
		expect(await send(message(), { timeoutMs: 150 })).toMatchObject({ status: 'unknown' });
		expect(fixture.server.deliveries).toHaveLength(1);
	});
});

describe('Feishu / Lark bot pacing', () => {
	// A custom bot may post 100 times a minute and 5 times a second; reaching either limit is 11232.
	it('"Channel Default" pacing keeps both: no minute holds more than 100 posts, no second more than 5', async () => {
		const clock = new VirtualClock(0);
		const pacer = new Pacer(CHANNELS.feishu.defaultRate, clock);
		const times: number[] = [];
		for (let i = 0; i < 250; i++) {
			await pacer.acquire(Number.POSITIVE_INFINITY);
			times.push(clock.now());
		}
		const most = (windowMs: number) => Math.max(...times.map((start) => times.filter((t) => t >= start && t < start + windowMs).length));
		expect(most(60_000)).toBeLessThanOrEqual(100);
		expect(most(1_000)).toBeLessThanOrEqual(5);
	});
});
