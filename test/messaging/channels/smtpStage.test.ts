import net, { type AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { createChannel } from '../../../nodes/shared/messaging/channels';
import { SmtpChannel, smtpConfig } from '../../../nodes/shared/messaging/channels/smtp';
import type { SendOutcome } from '../../../nodes/shared/messaging/channels/types';
import { expectFailed, leakedSecrets, message } from './helpers';

/**
 * The stage an SMTP send broke at decides its outcome: until the message content is handed to the server
 * (after its 354 reply to DATA) nothing can have been delivered, so any break or timeout before that is a
 * failure with nothing sent, whichever of nodemailer's timers (greeting, socket, the attempt's deadline)
 * ends it; after that it is unknown.
 */

const PASSWORD = 'stage-secret-Pw-2718281828';
const SETUP_MS = 600;
const outcomes: unknown[] = [];

/** Where a scripted server stops answering: the greeting, or the reply to a command (CONTENT: the final dot). */
type Stage = 'GREETING' | 'EHLO' | 'AUTH' | 'MAIL' | 'RCPT' | 'DATA' | 'CONTENT';

interface Scripted {
	port: number;
	/** What the server received, line by line. */
	lines: string[];
	close: () => Promise<void>;
}

/** A plain SMTP server that answers normally until `stage`, then goes silent or closes the connection. */
async function scriptedServer(stage: Stage, how: 'silent' | 'close'): Promise<Scripted> {
	const lines: string[] = [];
	const sockets = new Set<net.Socket>();
	const server = net.createServer((socket) => {
		sockets.add(socket);
		socket.on('error', () => undefined);
		socket.on('close', () => sockets.delete(socket));
		const stall = (at: Stage): boolean => {
			if (at !== stage) return false;
			if (how === 'close') socket.destroy();
			return true;
		};
		const reply = (at: Stage, text: string) => {
			if (!stall(at)) socket.write(text);
		};
		reply('GREETING', '220 scripted.test ESMTP\r\n');
		let inData = false;
		let buffer = '';
		socket.on('data', (chunk: Buffer) => {
			buffer += chunk.toString('utf8');
			let end: number;
			while ((end = buffer.indexOf('\r\n')) >= 0) {
				const line = buffer.slice(0, end);
				buffer = buffer.slice(end + 2);
				lines.push(line);
				if (inData) {
					if (line === '.') {
						inData = false;
						reply('CONTENT', '250 2.0.0 queued\r\n');
					}
					continue;
				}
				const verb = line.split(/[ :]/)[0].toUpperCase();
				if (verb === 'EHLO') reply('EHLO', '250-scripted.test\r\n250-AUTH PLAIN LOGIN\r\n250 8BITMIME\r\n');
				else if (verb === 'AUTH') reply('AUTH', '235 2.7.0 Authentication successful\r\n');
				else if (verb === 'MAIL') reply('MAIL', '250 2.1.0 OK\r\n');
				else if (verb === 'RCPT') reply('RCPT', '250 2.1.5 OK\r\n');
				else if (verb === 'DATA') {
					inData = !stall('DATA');
					if (inData) socket.write('354 go ahead\r\n');
				} else if (verb === 'QUIT') socket.end('221 bye\r\n');
				else socket.write('502 5.5.2 not implemented\r\n');
			}
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
	return {
		port: (server.address() as AddressInfo).port,
		lines,
		close: async () => {
			for (const socket of sockets) socket.destroy();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}

function credentials(port: number, extra: Record<string, unknown> = {}) {
	return { host: '127.0.0.1', port, secure: false, disableStartTls: true, user: 'care-mailer', password: PASSWORD, fromEmail: 'care@example.com', ...extra };
}

/** One send through a fresh channel whose timeouts are the short `SETUP_MS`-based ones. */
async function sendOnce(creds: Record<string, unknown>, timeoutMs?: number): Promise<SendOutcome> {
	const channel = createChannel('smtp', creds, { defaultTimeoutMs: SETUP_MS });
	try {
		const outcome = await channel.send(message({ to: 'ann@example.com' }), timeoutMs === undefined ? {} : { timeoutMs });
		outcomes.push(outcome);
		return outcome;
	} finally {
		await channel.close?.();
	}
}

afterAll(() => {
	expect(outcomes.length).toBeGreaterThan(0);
	expect(leakedSecrets(outcomes, [PASSWORD])).toEqual([]);
});

describe('SMTP: a server that never greets (a plain connection to an implicit-TLS port)', () => {
	let tls: SMTPServer;
	let tlsPort: number;
	beforeAll(async () => {
		tls = new SMTPServer({ secure: true, authOptional: true, logger: false });
		tls.on('error', () => undefined);
		await new Promise<void>((resolve) => tls.listen(0, '127.0.0.1', () => resolve()));
		tlsPort = (tls.server.address() as AddressInfo).port;
	});
	afterAll(async () => new Promise<void>((resolve) => tls.close(() => resolve())));

	const expectNoGreeting = (outcome: SendOutcome, port: number) => {
		expect(expectFailed(outcome)).toMatchObject({ retryable: true, neverSent: true, providerCode: 'GREETING_TIMEOUT' });
		const text = expectFailed(outcome).message;
		expect(text).toContain(`no greeting from 127.0.0.1:${port} within`);
		expect(text).toMatch(/port may expect TLS from the start \(465\): turn SSL\/TLS on, or use port 587 with STARTTLS/);
		expect(text).toContain('nothing was sent');
	};

	it('an implicit-TLS SMTP server reached without SSL/TLS: not sent, retryable, naming the likely cause', async () => {
		expectNoGreeting(await sendOnce(credentials(tlsPort)), tlsPort);
	});

	it('a server that accepts the connection and says nothing: the same', async () => {
		const silent = await scriptedServer('GREETING', 'silent');
		try {
			expectNoGreeting(await sendOnce(credentials(silent.port)), silent.port);
			expect(silent.lines).toEqual([]);
		} finally {
			await silent.close();
		}
	});

	it('holds with the attempt timeout equal to the channel default, as the node sets them (the greeting wait ends first)', async () => {
		for (let i = 0; i < 3; i++) expectNoGreeting(await sendOnce(credentials(tlsPort), SETUP_MS), tlsPort);
	});

	it('an attempt deadline shorter than the greeting wait: still not sent, only less specific', async () => {
		const outcome = expectFailed(await sendOnce(credentials(tlsPort), 150));
		expect(outcome).toMatchObject({ retryable: true, neverSent: true });
		expect(outcome.message).toContain('nothing was sent');
	});

	it('the credential test names the likely cause too', async () => {
		const channel = new SmtpChannel(smtpConfig(credentials(tlsPort)), SETUP_MS);
		try {
			const result = await channel.verify();
			outcomes.push(result);
			expect(result).toEqual({
				ok: false,
				message: `ETIMEDOUT: no greeting from 127.0.0.1:${tlsPort} within 0.4 s: the port may expect TLS from the start (465): turn SSL/TLS on, or use port 587 with STARTTLS`,
			});
		} finally {
			await channel.close();
		}
	});

	it('SSL/TLS on against a server that says nothing: the handshake never finishes, not sent', async () => {
		const silent = await scriptedServer('GREETING', 'silent');
		try {
			const outcome = expectFailed(await sendOnce(credentials(silent.port, { secure: true })));
			expect(outcome).toMatchObject({ retryable: true, neverSent: true, providerCode: 'CONNECT_TIMEOUT' });
			expect(outcome.message).toContain(`127.0.0.1:${silent.port}`);
			expect(outcome.message).toContain('nothing was sent');
		} finally {
			await silent.close();
		}
	});

	it('SSL/TLS on against a plain server stays a permanent failure with nothing sent', async () => {
		const plain = await scriptedServer('CONTENT', 'silent');
		try {
			const outcome = expectFailed(await sendOnce(credentials(plain.port, { secure: true })));
			expect(outcome).toMatchObject({ retryable: false, neverSent: true, providerCode: expect.stringMatching(/^ERR_SSL_/) });
			expect(outcome.message).toBe(
				`SMTP: SSL/TLS is on but 127.0.0.1:${plain.port} answered without TLS: turn SSL/TLS off (ports 587 and 25 start in plain text and switch to TLS with STARTTLS); nothing was sent`,
			);
		} finally {
			await plain.close();
		}
	});
});

describe('SMTP: a break before the message content left is not sent, after it unknown', () => {
	const before: Stage[] = ['GREETING', 'EHLO', 'AUTH', 'MAIL', 'RCPT', 'DATA'];
	it.each(before.flatMap((stage) => (['silent', 'close'] as const).map((how) => [stage, how] as const)))(
		'no answer at %s (%s): failed, retryable, nothing sent',
		async (stage, how) => {
			const server = await scriptedServer(stage, how);
			try {
				const outcome = expectFailed(await sendOnce(credentials(server.port)));
				expect(outcome).toMatchObject({ retryable: true, neverSent: true });
				expect(outcome.message).toContain('nothing was sent');
				expect(server.lines).not.toContain('.');
			} finally {
				await server.close();
			}
		},
	);

	it('messages waiting in the pool behind connections that get no greeting: not sent either', async () => {
		const silent = await scriptedServer('GREETING', 'silent');
		const channel = createChannel('smtp', credentials(silent.port, { maxConnections: 1 }), { defaultTimeoutMs: SETUP_MS });
		try {
			const sent = await Promise.all([1, 2, 3].map((n) => channel.send(message({ to: `c${n}@example.com` }))));
			outcomes.push(...sent);
			for (const outcome of sent) {
				expect(expectFailed(outcome)).toMatchObject({ retryable: true, neverSent: true });
				expect(expectFailed(outcome).message).toContain('nothing was sent');
			}
			expect(silent.lines).toEqual([]);
		} finally {
			await channel.close?.();
			await silent.close();
		}
	});

	it.each(['silent', 'close'] as const)('no answer to the end of the content (%s): unknown, not sent again', async (how) => {
		const server = await scriptedServer('CONTENT', how);
		try {
			const outcome = await sendOnce(credentials(server.port));
			expect(outcome).toMatchObject({ status: 'unknown', message: expect.stringContaining('may have been delivered') });
			expect(server.lines).toContain('.');
		} finally {
			await server.close();
		}
	});
});
