import { createChannel } from '../../../nodes/shared/messaging/channels';
import { twilioConfig, twilioForm } from '../../../nodes/shared/messaging/channels/twilioSms';
import { startTwilioServer } from '../../helpers/providers';
import { channelFixture, expectFailed, message } from './helpers';

describe('Twilio SMS channel', () => {
	const fixture = channelFixture('twilioSms', () => startTwilioServer({ optedOut: ['+14155550100'] }));
	const { send, outcomes } = fixture;


	it('POSTs the form to /2010-04-01/Accounts/{sid}/Messages.json with basic auth; 201 is sent with the SM sid', async () => {
		const outcome = await send(message({ to: '+14155550123', text: 'Happy birthday, Ann! Reply STOP to opt out' }));
		expect(outcome).toMatchObject({ status: 'sent', providerCode: 'queued', providerMessageId: expect.stringMatching(/^SM[0-9a-f]{32}$/) });
		const [request] = fixture.server.requests;
		expect(request.path).toBe(`/2010-04-01/Accounts/${fixture.server.credentials.accountSid}/Messages.json`);
		expect(request.headers.authorization).toBe(
			`Basic ${Buffer.from(`${fixture.server.credentials.accountSid}:${fixture.server.credentials.authToken}`).toString('base64')}`,
		);
		expect(Object.fromEntries(new URLSearchParams(request.rawBody))).toEqual({
			To: '+14155550123',
			From: '+15005550006',
			Body: 'Happy birthday, Ann! Reply STOP to opt out',
		});
	});

	it('prefers a Messaging Service over a From number', () => {
		const config = twilioConfig({ accountSid: 'AC1', authToken: 'token', from: '+15005550006', messagingServiceSid: 'MG1' });
		expect(twilioForm(config, message({ to: '+1', text: 'x' }))).toBe('To=%2B1&MessagingServiceSid=MG1&Body=x');
	});

	it('is refused with 20003 (HTTP 401) for a wrong auth token: permanent', async () => {
		const wrong = createChannel('twilioSms', { ...fixture.server.credentials, authToken: 'wrong-token-123' });
		const outcome = expectFailed(await wrong.send(message({ to: '+14155550123' })));
		outcomes.push(outcome);
		expect(outcome).toEqual({ status: 'failed', retryable: false, providerCode: '20003', message: 'Twilio error 20003 (HTTP 401): Authenticate' });
		await wrong.close?.();
	});

	it('marks 21610 (recipient replied STOP) as permanent and opted out', async () => {
		expect(await send(message({ to: '+14155550100' }))).toEqual({
			status: 'failed',
			retryable: false,
			optedOut: true,
			providerCode: '21610',
			message: 'Twilio error 21610 (HTTP 400): Attempt to send to unsubscribed recipient',
		});
	});

	it('classifies 21211 (invalid To) as permanent', async () => {
		expect(expectFailed(await send(message({ to: '0044 20 7946 0000' })))).toMatchObject({ retryable: false, providerCode: '21211' });
	});

	it('classifies 20429 / HTTP 429 as retryable and reads Retry-After when present', async () => {
		fixture.server.faults.inject({ kind: 'rateLimit', retryAfterSeconds: 2 }, { kind: 'rateLimit' });
		expect(await send(message({ to: '+14155550123' }))).toEqual({
			status: 'failed',
			retryable: true,
			providerCode: '20429',
			message: 'Twilio error 20429 (HTTP 429): Too Many Requests',
			retryAfterMs: 2_000,
		});
		const withoutHeader = expectFailed(await send(message({ to: '+14155550123' })));
		expect(withoutHeader).toMatchObject({ retryable: true, providerCode: '20429' });
		expect(withoutHeader.retryAfterMs).toBeUndefined();
	});

	it.each([
		[21408, false],
		[21614, false],
		[21606, false],
	])('classifies error %i as retryable=%s', async (code, retryable) => {
		fixture.server.faults.inject({ kind: 'providerError', code });
		expect(expectFailed(await send(message({ to: '+14155550123' })))).toMatchObject({ retryable, providerCode: String(code) });
	});

	it('treats HTTP 408 with an error code as retryable, as it is without one: the server did not take the request', async () => {
		const body = JSON.stringify({ code: 20001, message: 'Request Timeout', status: 408 });
		fixture.server.faults.inject({ kind: 'raw', status: 408, body, headers: { 'Retry-After': '3' } }, { kind: 'raw', status: 408, body: 'Request Timeout' });
		expect(expectFailed(await send(message({ to: '+14155550123' })))).toMatchObject({ retryable: true, providerCode: '20001', retryAfterMs: 3_000 });
		expect(expectFailed(await send(message({ to: '+14155550123' })))).toMatchObject({ retryable: true, providerCode: 'HTTP_408' });
	});

	it('treats 5xx as retryable and a drop as unknown; no number means no request', async () => {
		fixture.server.faults.inject({ kind: 'serverError' }, { kind: 'drop', delivered: true });
		expect(expectFailed(await send(message({ to: '+14155550123' })))).toMatchObject({ retryable: true, providerCode: '20500' });
		expect(await send(message({ to: '+14155550123' }))).toMatchObject({ status: 'unknown' });
		expect(expectFailed(await send(message({ to: '' })))).toMatchObject({ retryable: false, providerCode: 'NO_RECIPIENT' });
		expect(fixture.server.requests).toHaveLength(2);
	});

	it('reports a timeout after the request as unknown (the message was queued)', async () => {
		fixture.server.faults.inject({ kind: 'slow', delayMs: 1_000 });
		expect(await send(message({ to: '+14155550123' }), { timeoutMs: 150 })).toMatchObject({ status: 'unknown' });
		expect(fixture.server.deliveries).toHaveLength(1);
	});
});
