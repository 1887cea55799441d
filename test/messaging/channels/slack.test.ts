import { createChannel } from '../../../nodes/shared/messaging/channels';
import { startSlackServer } from '../../helpers/providers';
import { channelFixture, expectFailed, message } from './helpers';

describe('Slack incoming webhook channel', () => {
	const fixture = channelFixture('slack', () => startSlackServer());
	const { send, outcomes } = fixture;


	it('posts {text} as JSON and reads 200 "ok" as sent', async () => {
		expect(await send(message({ text: 'Customer 42 rated us 3/10' }))).toEqual({ status: 'sent', providerCode: 'ok' });
		expect(JSON.parse(fixture.server.requests[0].rawBody)).toEqual({ text: 'Customer 42 rated us 3/10' });
		expect(fixture.server.requests[0].headers['content-type']).toMatch(/^application\/json/);
	});

	it('classifies 429 rate_limited as retryable and parses Retry-After seconds', async () => {
		fixture.server.faults.inject({ kind: 'rateLimit', retryAfterSeconds: 30 });
		expect(await send(message())).toEqual({
			status: 'failed',
			retryable: true,
			providerCode: 'rate_limited',
			message: 'Slack webhook is rate limited (HTTP 429: rate_limited)',
			retryAfterMs: 30_000,
		});
	});

	it('parses an HTTP-date Retry-After', async () => {
		const at = new Date(Date.now() + 120_000).toUTCString();
		fixture.server.faults.inject({ kind: 'raw', status: 429, body: 'rate_limited', headers: { 'Retry-After': at } });
		const outcome = expectFailed(await send(message()));
		// HTTP-dates have whole seconds: the wait is 119 to 120 s from now.
		expect(outcome.retryAfterMs).toBeGreaterThan(118_000);
		expect(outcome.retryAfterMs).toBeLessThanOrEqual(120_000);
	});

	it('is refused with 403 invalid_token for a wrong token and 404 no_service for an unknown hook: permanent', async () => {
		const url = String(fixture.server.credentials.webhookUrl);
		const wrongToken = createChannel('slack', { webhookUrl: url.replace(/\/[^/]+$/, '/WrongToken123') });
		const unknownHook = createChannel('slack', { webhookUrl: url.replace('/B00000000/', '/B99999999/') });
		const forbidden = expectFailed(await wrongToken.send(message()));
		const missing = expectFailed(await unknownHook.send(message()));
		outcomes.push(forbidden, missing);
		expect(forbidden).toEqual({ status: 'failed', retryable: false, providerCode: 'invalid_token', message: 'Slack webhook answered HTTP 403: invalid_token' });
		expect(missing).toMatchObject({ retryable: false, providerCode: 'no_service' });
		expect(fixture.server.deliveries).toEqual([]);
		await wrongToken.close?.();
		await unknownHook.close?.();
	});

	it.each([
		['channel_is_archived', false],
		['action_prohibited', false],
		['no_text', false],
		['rollup_error', true],
	])('classifies %s as retryable=%s', async (code, retryable) => {
		fixture.server.faults.inject({ kind: 'providerError', code });
		expect(expectFailed(await send(message()))).toMatchObject({ retryable, providerCode: code });
	});

	it('reports a timeout after the request as unknown', async () => {
		fixture.server.faults.inject({ kind: 'slow', delayMs: 1_000 });
		expect(await send(message(), { timeoutMs: 100 })).toMatchObject({ status: 'unknown' });
	});
});
