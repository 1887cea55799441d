import { createChannel } from '../../../nodes/shared/messaging/channels';
import { weComBody, weComConfig } from '../../../nodes/shared/messaging/channels/wecom';
import { startWeComServer } from '../../helpers/providers';
import { channelFixture, expectFailed, message } from './helpers';

describe('WeCom group robot channel', () => {
	const fixture = channelFixture('wecom', () => startWeComServer({ echoKeyInErrors: true }));
	const { send, outcomes } = fixture;


	it('posts a text message to /cgi-bin/webhook/send?key= and reads errcode 0 as sent', async () => {
		const outcome = await send(message({ text: '张经理：客户王女士今天生日' }));
		expect(outcome).toEqual({ status: 'sent', providerCode: '0' });
		expect(fixture.server.deliveries.map((d) => d.text)).toEqual(['张经理：客户王女士今天生日']);
		const [request] = fixture.server.requests;
		expect(request.method).toBe('POST');
		expect(request.path).toBe('/cgi-bin/webhook/send');
		expect(JSON.parse(request.rawBody)).toEqual({ msgtype: 'text', text: { content: '张经理：客户王女士今天生日' } });
	});

	it('mentions the recipient by mobile number and sends markdown when asked', () => {
		expect(weComBody(message({ to: '13800138000', text: 'hi' }))).toEqual({
			msgtype: 'text',
			text: { content: 'hi', mentioned_mobile_list: ['13800138000'] },
		});
		expect(weComBody(message({ to: 'owner@example.com', text: 'hi' }))).toEqual({ msgtype: 'text', text: { content: 'hi' } });
		expect(weComBody(message({ text: '**hi**', markdown: true }))).toEqual({ msgtype: 'markdown', markdown: { content: '**hi**' } });
	});

	it('accepts the whole webhook URL in the key field', () => {
		const config = weComConfig({ webhookKey: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7xxx-4bc4' });
		expect(config).toEqual({ key: '693a91f6-7xxx-4bc4', baseUrl: 'https://qyapi.weixin.qq.com' });
	});

	it('classifies a wrong key (93000) as permanent, without the key in the message', async () => {
		const wrongKey = 'wrong-key-0123456789';
		const wrong = createChannel('wecom', { ...fixture.server.credentials, webhookKey: wrongKey });
		const outcome = expectFailed(await wrong.send(message()));
		outcomes.push(outcome);
		await wrong.close?.();
		expect(outcome).toMatchObject({ retryable: false, providerCode: '93000' });
		expect(outcome.message).toContain('invalid webhook url');
		// The key went out and the server echoed it back in errmsg; the channel hides it.
		expect(fixture.server.requests[0].query.get('key')).toBe(wrongKey);
		expect(outcome.message).not.toContain(wrongKey);
		expect(outcome.message).toContain('***');
		expect(fixture.server.deliveries).toEqual([]);
	});

	it('classifies 45009 (rate limit) as retryable with a one-minute wait', async () => {
		fixture.server.faults.inject({ kind: 'rateLimit' });
		expect(await send(message())).toEqual({
			status: 'failed',
			retryable: true,
			providerCode: '45009',
			message: 'WeCom robot rejected the message: errcode 45009 (api freq out of limit)',
			retryAfterMs: 60_000,
		});
	});

	it('enforces the per-minute limit when configured', async () => {
		const limited = await startWeComServer({ perMinuteLimit: 2 });
		const robot = createChannel('wecom', limited.credentials);
		const results = [];
		for (let i = 0; i < 3; i++) results.push(await robot.send(message()));
		expect(results.map((r) => r.status)).toEqual(['sent', 'sent', 'failed']);
		expect(expectFailed(results[2])).toMatchObject({ retryable: true, providerCode: '45009' });
		await robot.close?.();
		await limited.close();
	});

	it.each([
		[40008, false],
		[44004, false],
		[45002, false],
		[-1, true],
		[45033, true],
	])('classifies errcode %i as retryable=%s', async (code, retryable) => {
		fixture.server.faults.inject({ kind: 'providerError', code });
		expect(expectFailed(await send(message()))).toMatchObject({ retryable, providerCode: String(code) });
	});

	it('refuses over-long text with 45002 (2048 bytes of UTF-8)', async () => {
		const outcome = expectFailed(await send(message({ text: '好'.repeat(683) })));
		expect(outcome).toMatchObject({ retryable: false, providerCode: '45002' });
		expect(await send(message({ text: '好'.repeat(682) }))).toMatchObject({ status: 'sent' });
	});

	it('treats HTTP 5xx as retryable and an unreadable 200 as unknown', async () => {
		fixture.server.faults.inject({ kind: 'serverError', status: 503 }, { kind: 'raw', status: 200, body: '<html>proxy</html>' });
		expect(expectFailed(await send(message()))).toMatchObject({ retryable: true, providerCode: 'HTTP_503' });
		expect(await send(message())).toMatchObject({ status: 'unknown' });
	});

	it('reports a timeout after the request went out as unknown, though the robot posted it', async () => {
		fixture.server.faults.inject({ kind: 'slow', delayMs: 1_500 });
		const outcome = await send(message(), { timeoutMs: 200 });
		expect(outcome.status).toBe('unknown');
		expect(outcome).toMatchObject({ message: expect.stringContaining('no answer within 200 ms after the request was sent') });
		expect(fixture.server.deliveries).toHaveLength(1);
	});

	it('reports a dropped connection as unknown', async () => {
		fixture.server.faults.inject({ kind: 'drop', delivered: true });
		expect(await send(message())).toMatchObject({ status: 'unknown' });
	});
});
