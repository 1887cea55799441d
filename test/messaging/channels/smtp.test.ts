import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { createChannel, verifySmtpCredentials } from '../../../nodes/shared/messaging/channels';
import { smtpConfig, smtpMessageId } from '../../../nodes/shared/messaging/channels/smtp';
import { startSmtpServer } from '../../helpers/providers';
import { channelFixture, expectFailed, message } from './helpers';

describe('SMTP channel (nodemailer pool against smtp-server)', () => {
	const fixture = channelFixture('smtp', () => startSmtpServer({ rejectRecipients: { 'nobody@example.com': 550, 'grey@example.com': 450 } }));
	const { send, outcomes } = fixture;


	it('authenticates, sends text and HTML parts, and uses a Message-ID derived from the idempotency key', async () => {
		const outcome = await send(
			message({
				to: 'ann@example.com',
				subject: '生日快乐，王女士',
				text: '祝您生日快乐！\nReply STOP to opt out',
				html: '<p>祝您生日快乐！</p>',
				idempotencyKey: 'C-1|birthday|smtp|2025',
			}),
		);
		const expectedId = smtpMessageId('C-1|birthday|smtp|2025', 'care@example.com');
		expect(outcome).toEqual({ status: 'sent', providerMessageId: expectedId, providerCode: '250' });
		const [mail] = fixture.server.requests;
		expect(mail.from).toBe('care@example.com');
		expect(mail.to).toEqual(['ann@example.com']);
		expect(mail.subject).toBe('生日快乐，王女士');
		expect(mail.text).toBe('祝您生日快乐！\nReply STOP to opt out');
		expect(mail.html).toBe('<p>祝您生日快乐！</p>');
		expect(mail.messageId).toBe(expectedId);
		expect(mail.raw).not.toContain('C-1|birthday');
		expect(fixture.server.deliveries.map((d) => d.key)).toEqual([expectedId]);
	});

	it('derives a stable, key-specific Message-ID on the sender domain', () => {
		expect(smtpMessageId('a', 'x@shop.cn')).toBe(smtpMessageId('a', 'y@shop.cn'));
		expect(smtpMessageId('a', 'x@shop.cn')).not.toBe(smtpMessageId('b', 'x@shop.cn'));
		expect(smtpMessageId('a', 'x@shop.cn')).toMatch(/^<care\.[0-9a-f]{32}@shop\.cn>$/);
	});

	it('reuses pooled connections across messages', async () => {
		for (let i = 0; i < 5; i++) expect(await send(message({ to: `c${i}@example.com` }))).toMatchObject({ status: 'sent' });
		expect(fixture.server.deliveries).toHaveLength(5);
	});

	it('is refused with 535 for a wrong password: permanent, and nothing is sent', async () => {
		const wrong = createChannel('smtp', { ...fixture.server.credentials, password: 'wrong-password-123' });
		const outcome = expectFailed(await wrong.send(message({ to: 'ann@example.com' })));
		outcomes.push(outcome);
		expect(outcome).toMatchObject({ retryable: false, providerCode: '535' });
		expect(outcome.message).toContain('Authentication credentials invalid');
		expect(fixture.server.requests).toEqual([]);
		await wrong.close?.();
	});

	it('classifies a 550 recipient refusal as permanent and a 450 (greylisting) as retryable', async () => {
		const unknown = expectFailed(await send(message({ to: 'nobody@example.com' })));
		const grey = expectFailed(await send(message({ to: 'grey@example.com' })));
		expect(unknown).toMatchObject({ retryable: false, providerCode: '550' });
		expect(unknown.message).toContain('5.1.1 Mailbox unavailable');
		expect(grey).toMatchObject({ retryable: true, providerCode: '450' });
		expect(fixture.server.deliveries).toEqual([]);
	});

	it('classifies replies to the message: 451 rate limit and 452 retryable, 554 permanent', async () => {
		fixture.server.faults.inject({ kind: 'rateLimit' }, { kind: 'serverError' }, { kind: 'providerError', code: 554 });
		const results = [];
		for (let i = 0; i < 3; i++) results.push(expectFailed(await send(message({ to: 'ann@example.com' }))));
		expect(results.map((r) => [r.providerCode, r.retryable])).toEqual([
			['451', true],
			['452', true],
			['554', false],
		]);
		// The pool stays usable after refusals.
		expect(await send(message({ to: 'ann@example.com' }))).toMatchObject({ status: 'sent' });
	});

	it.each(['reset', 'close'] as const)(
		'reports a connection dropped (%s) after the message was sent as unknown, and never resends it',
		async (how) => {
			fixture.server.faults.inject({ kind: 'drop', delivered: true, how });
			const outcome = await send(message({ to: 'ann@example.com', idempotencyKey: `drop-${how}` }));
			expect(outcome.status).toBe('unknown');
			// A later message goes out over a fresh connection; had the pool resent the dropped one on its
			// own, it would arrive again before this one.
			expect(await send(message({ to: 'bob@example.com' }))).toMatchObject({ status: 'sent' });
			expect(fixture.server.requests.map((r) => r.to[0])).toEqual(['ann@example.com', 'bob@example.com']);
			expect(fixture.server.duplicates()).toEqual([]);
		},
	);

	it('reports a slow answer to the message as unknown', async () => {
		fixture.server.faults.inject({ kind: 'slow', delayMs: 1_500 });
		const outcome = await send(message({ to: 'ann@example.com' }), { timeoutMs: 300 });
		expect(outcome).toMatchObject({ status: 'unknown', message: expect.stringContaining('no answer within 300 ms') });
		expect(fixture.server.deliveries).toHaveLength(1);
	});

	it('classifies a refused connection as retryable (nothing sent)', async () => {
		const closed = await startSmtpServer();
		const credentials = closed.credentials;
		await closed.close();
		const mailer = createChannel('smtp', credentials);
		const outcome = expectFailed(await mailer.send(message({ to: 'ann@example.com' })));
		outcomes.push(outcome);
		expect(outcome).toMatchObject({ retryable: true, providerCode: 'ECONNREFUSED', neverSent: true });
		await mailer.close?.();
	});

	it('classifies a TLS mismatch or a refused certificate as permanent, nothing sent', async () => {
		const tls = new SMTPServer({ secure: true, authOptional: true, onData: (stream, _session, done) => stream.resume().on('end', () => done()) });
		tls.on('error', () => undefined); // the clients that give up mid-handshake, as they should
		await new Promise<void>((resolve) => tls.listen(0, '127.0.0.1', () => resolve()));
		const port = (tls.server.address() as AddressInfo).port;
		const cases: Array<[Record<string, unknown>, Record<string, unknown>]> = [
			[{ host: '127.0.0.1', port, secure: true, fromEmail: 'care@example.com' }, { retryable: false, providerCode: expect.stringMatching(/CERT|SELF_SIGNED/), neverSent: true }],
			[{ ...fixture.server.credentials, secure: true }, { retryable: false, providerCode: expect.stringMatching(/^ERR_SSL_/), neverSent: true }],
		];
		for (const [credentials, expected] of cases) {
			const mailer = createChannel('smtp', credentials);
			const outcome = expectFailed(await mailer.send(message({ to: 'ann@example.com' }), { timeoutMs: 5_000 }));
			outcomes.push(outcome);
			expect(outcome).toMatchObject(expected);
			expect(outcome.message).toContain('nothing was sent');
			await mailer.close?.();
		}
		await new Promise<void>((resolve) => tls.close(() => resolve()));
	});

	it('verifies credentials without sending (the credential test)', async () => {
		expect(await verifySmtpCredentials(fixture.server.credentials)).toEqual({ ok: true });
		const bad = await verifySmtpCredentials({ ...fixture.server.credentials, password: 'another-wrong-one' });
		expect(bad).toMatchObject({ ok: false, message: expect.stringContaining('EAUTH') });
		expect(JSON.stringify(bad)).not.toContain('another-wrong-one');
		expect(await verifySmtpCredentials({ ...fixture.server.credentials, fromEmail: 'not-an-address' })).toMatchObject({ ok: false });
		expect(fixture.server.requests).toEqual([]);
	});

	it('reads credentials with defaults: port 465 for implicit TLS, 587 otherwise', () => {
		expect(smtpConfig({ host: 'smtp.example.com', fromEmail: 'a@b.c' })).toMatchObject({ port: 465, secure: true, maxConnections: 5 });
		expect(smtpConfig({ host: 'smtp.example.com', fromEmail: 'a@b.c', secure: false })).toMatchObject({ port: 587 });
		expect(() => smtpConfig({ host: 'h', fromEmail: 'a@b.c', port: 70000 })).toThrow('"port" is 70000');
	});

	it('reads a port or pool size given as text only as decimal digits', () => {
		// Number() read '0x24B' as port 587, '0b11001' as 25, '1e1' as 10 connections and ' ' as 0 (refused).
		expect(smtpConfig({ host: 'h', fromEmail: 'a@b.c', port: ' 587 ', maxConnections: '10' })).toMatchObject({ port: 587, maxConnections: 10 });
		for (const port of ['0x24B', '0b11001', '0o1113', '5.87e2']) {
			expect(() => smtpConfig({ host: 'h', fromEmail: 'a@b.c', port })).toThrow(`"port" is ${JSON.stringify(port)}, which is not a whole number (expected a whole number from 1 to 65535)`);
		}
		expect(() => smtpConfig({ host: 'h', fromEmail: 'a@b.c', maxConnections: '1e1' })).toThrow('"maxConnections" is "1e1"');
		// Shown as itself (describeValue), not as JSON's null.
		expect(() => smtpConfig({ host: 'h', fromEmail: 'a@b.c', port: Number.NaN })).toThrow('"port" is NaN, which is not a whole number (expected a whole number from 1 to 65535)');
		expect(() => smtpConfig({ host: 'h', fromEmail: 'a@b.c', port: 70000 })).toThrow('"port" is 70000, which is out of range (expected a whole number from 1 to 65535)');
		expect(() => smtpConfig({ host: 'h', fromEmail: 'care.example.com' })).toThrow(
			'The Care SMTP credential\'s "fromEmail" is "care.example.com", which is not an email address (expected an address like care@example.com)',
		);
	});
});
