import { createHmac } from 'node:crypto';

import { createChannel } from '../../../nodes/shared/messaging/channels';
import { webhookSignature } from '../../../nodes/shared/messaging/channels/webhook';
import { startWebhookServer } from '../../helpers/providers';
import { channelFixture, expectFailed, message } from './helpers';

describe('Generic signed webhook channel', () => {
	const fixture = channelFixture('webhook', () => startWebhookServer());
	const { send, outcomes } = fixture;


	it('signs the raw body: sha256=hex(HMAC-SHA256(secret, body))', () => {
		// RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?".
		expect(webhookSignature('Jefe', 'what do ya want for nothing?')).toBe(
			'sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
		);
	});

	it('posts to the URL as written: a trailing slash is part of the endpoint', async () => {
		// Stripped, '/hooks/care/' became '/hooks/care': a 404, or a redirect that a POST does not follow.
		const slashed = await startWebhookServer({ path: '/hooks/care/' });
		const hook = createChannel('webhook', slashed.credentials);
		expect(await hook.send(message({ idempotencyKey: 'k-slash' }))).toMatchObject({ status: 'sent' });
		expect(slashed.requests.map((r) => r.path)).toEqual(['/hooks/care/']);
		await hook.close?.();
		await slashed.close();
	});

	it('posts the signed JSON with X-Timestamp and Idempotency-Key; 2xx is sent with the receiver id', async () => {
		const outcome = await send(
			message({ to: 'owner@example.com', subject: 'Revisit', text: 'Call Ms Wang', idempotencyKey: 'k-1', data: { customerId: 'C1' } }),
		);
		expect(outcome).toEqual({ status: 'sent', providerCode: 'HTTP_200', providerMessageId: 'evt_1' });
		const [request] = fixture.server.requests;
		const body = JSON.parse(request.rawBody);
		expect(body).toEqual({
			idempotencyKey: 'k-1',
			timestamp: Number(request.headers['x-timestamp']),
			to: 'owner@example.com',
			subject: 'Revisit',
			text: 'Call Ms Wang',
			data: { customerId: 'C1' },
		});
		const secret = String(fixture.server.credentials.signingSecret);
		expect(request.headers['x-signature']).toBe(`sha256=${createHmac('sha256', secret).update(request.rawBody).digest('hex')}`);
		expect(request.headers['idempotency-key']).toBe('k-1');
		expect(fixture.server.deliveries.map((d) => d.idempotencyKey)).toEqual(['k-1']);
	});

	it('is refused with 401 for a wrong secret: permanent', async () => {
		const wrong = createChannel('webhook', { ...fixture.server.credentials, signingSecret: 'wrong-secret-value' });
		const outcome = expectFailed(await wrong.send(message()));
		outcomes.push(outcome);
		expect(outcome).toEqual({
			status: 'failed',
			retryable: false,
			providerCode: 'HTTP_401',
			message: 'Webhook answered HTTP 401: {"error":"invalid signature"}',
		});
		await wrong.close?.();
	});

	it('honours Retry-After on 429 and retries 5xx; other 4xx are permanent', async () => {
		fixture.server.faults.inject(
			{ kind: 'rateLimit', retryAfterSeconds: 7 },
			{ kind: 'serverError', status: 500 },
			{ kind: 'serverError', status: 503 },
			{ kind: 'providerError', code: 404 },
			{ kind: 'providerError', code: 422 },
		);
		const results = [];
		for (let i = 0; i < 5; i++) results.push(expectFailed(await send(message())));
		expect(results.map((r) => [r.providerCode, r.retryable, r.retryAfterMs])).toEqual([
			['HTTP_429', true, 7_000],
			['HTTP_500', true, undefined],
			['HTTP_503', true, undefined],
			['HTTP_404', false, undefined],
			['HTTP_422', false, undefined],
		]);
	});

	it('never retries a drop after delivery: unknown; a drop counts once at the receiver', async () => {
		fixture.server.faults.inject({ kind: 'drop', delivered: true });
		expect(await send(message({ idempotencyKey: 'once' }))).toMatchObject({ status: 'unknown' });
		expect(fixture.server.duplicates()).toEqual([]);
		expect(fixture.server.deliveries.map((d) => d.idempotencyKey)).toEqual(['once']);
	});

	it('fails retryable without contacting anyone when the signal is already aborted', async () => {
		const controller = new AbortController();
		controller.abort();
		expect(await send(message(), { signal: controller.signal })).toMatchObject({ status: 'failed', retryable: true, providerCode: 'ABORTED' });
		expect(fixture.server.requests).toEqual([]);
	});

	it('reports a cancel mid-request as unknown', async () => {
		fixture.server.faults.inject({ kind: 'slow', delayMs: 1_000 });
		const controller = new AbortController();
		const pending = send(message(), { signal: controller.signal, timeoutMs: 5_000 });
		while (fixture.server.requests.length === 0) await new Promise((resolve) => setImmediate(resolve));
		controller.abort();
		expect(await pending).toMatchObject({ status: 'unknown', message: expect.stringContaining('cancelled after the request was sent') });
	});

	it('reports a timeout after the request as unknown', async () => {
		fixture.server.faults.inject({ kind: 'slow', delayMs: 1_000 });
		expect(await send(message(), { timeoutMs: 150 })).toMatchObject({
			status: 'unknown',
			message: 'Webhook: no answer within 150 ms after the request was sent; it may have been delivered, so it is not sent again',
		});
	});
});
