import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerSession } from 'smtp-server';

import { FaultInjector } from './faults';
import { deliveryKey, duplicateKeys, randomSecret, type Delivery, type DeliveredMessage, type ProviderServer } from './httpLoopback';
import { parseMail } from './mime';

export interface SmtpTransaction {
	seq: number;
	at: number;
	from: string;
	to: string[];
	raw: string;
	subject: string;
	messageId: string;
	text?: string;
	html?: string;
	/** 'delivered', 'rejected', or the fault kind. */
	result?: string;
	/** The SMTP reply code sent for the message (undefined when dropped). */
	replyCode?: number;
}

export const SMTP_REPLIES: Record<number, string> = {
	421: '4.3.2 Service not available, closing transmission channel',
	450: '4.2.1 Mailbox temporarily unavailable',
	451: '4.7.1 Rate limit exceeded, try again later',
	452: '4.3.1 Insufficient system storage',
	550: '5.1.1 Mailbox unavailable',
	552: '5.3.4 Message size exceeds fixed maximum message size',
	553: '5.1.3 Mailbox name not allowed',
	554: '5.7.1 Message rejected as spam',
};

export interface SmtpServerOptions {
	user?: string;
	password?: string;
	/** Recipients refused at RCPT TO, with their reply code (e.g. 550 unknown mailbox, 450 greylisted). */
	rejectRecipients?: Record<string, number>;
	/** Senders the account may use (553 at MAIL FROM otherwise); any sender when unset. */
	allowedSenders?: string[];
	/** Make the 535 reply quote the password it was given, as a careless server might: proves the client redacts. */
	echoPasswordInErrors?: boolean;
	/** Make the 535 reply quote the AUTH PLAIN response it was given, base64(\0user\0password). */
	echoAuthPlainInErrors?: boolean;
}

type SmtpError = Error & { responseCode?: number };

function smtpError(code: number, text = SMTP_REPLIES[code] ?? 'Error'): SmtpError {
	const error: SmtpError = new Error(text);
	error.responseCode = code;
	return error;
}

/**
 * A loopback SMTP server (the smtp-server package) for the SMTP channel. Enforces AUTH PLAIN/LOGIN with
 * the configured user and password (535 otherwise, and no mail without it), allowed senders (553),
 * refused recipients (their code at RCPT TO), and records each accepted message with its headers, text
 * and HTML parts. STARTTLS is off: the channel connects with secure=false, disableStartTls=true. A header
 * beyond ASCII without SMTPUTF8 on MAIL FROM is refused with 554 5.6.7, as a strict server does.
 * Faults apply at the end of DATA: rateLimit 451, serverError 452 (or `status`), providerError(code),
 * slow (accept, answer late), drop (close the connection without answering; `delivered` keeps the message).
 */
export async function startSmtpServer(options: SmtpServerOptions = {}): Promise<ProviderServer<SmtpTransaction>> {
	const user = options.user ?? 'care-mailer';
	const password = options.password ?? randomSecret('smtp-');
	const requests: SmtpTransaction[] = [];
	const deliveries: Delivery[] = [];
	const faults = new FaultInjector<SmtpTransaction>();
	const timers = new Set<NodeJS.Timeout>();
	let seq = 0;

	const server = new SMTPServer({
		authMethods: ['PLAIN', 'LOGIN'],
		authOptional: false,
		allowInsecureAuth: true,
		disabledCommands: ['STARTTLS'],
		logger: false,
		onAuth(auth, _session, callback) {
			if (auth.username === user && auth.password === password) return callback(null, { user });
			const plain = Buffer.from(`\0${auth.username ?? ''}\0${auth.password ?? ''}`).toString('base64');
			const echo =
				(options.echoPasswordInErrors ? ` (password "${auth.password ?? ''}")` : '') +
				(options.echoAuthPlainInErrors ? ` (AUTH PLAIN ${plain})` : '');
			return callback(smtpError(535, `5.7.8 Authentication credentials invalid${echo}`));
		},
		onMailFrom(address, _session, callback) {
			if (options.allowedSenders && !options.allowedSenders.includes(address.address)) return callback(smtpError(553));
			callback();
		},
		onRcptTo(address, _session, callback) {
			const code = options.rejectRecipients?.[address.address];
			if (code !== undefined) return callback(smtpError(code));
			callback();
		},
		onData(stream, session, callback) {
			const chunks: Buffer[] = [];
			stream.on('data', (chunk: Buffer) => chunks.push(chunk));
			stream.on('end', () => {
				const raw = Buffer.concat(chunks).toString('utf8');
				const mail = parseMail(raw);
				const transaction: SmtpTransaction = {
					seq: ++seq,
					at: Date.now(),
					from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
					to: session.envelope.rcptTo.map((r) => r.address),
					raw,
					subject: mail.subject,
					messageId: mail.messageId,
					text: mail.text,
					html: mail.html,
				};
				requests.push(transaction);
				// Header bytes beyond ASCII need SMTPUTF8 (RFC 6531/6532); a strict server refuses them otherwise.
				const headerBlock = raw.split('\r\n\r\n')[0];
				if (/[^\x00-\x7f]/.test(headerBlock) && !session.envelope.smtpUtf8) {
					transaction.result = 'rejected';
					transaction.replyCode = 554;
					return callback(smtpError(554, '5.6.7 Non-ASCII header without SMTPUTF8'));
				}
				const deliver = () => {
					const message: DeliveredMessage = {
						to: transaction.to.join(','),
						text: mail.text ?? '',
						subject: mail.subject,
						idempotencyKey: mail.messageId || undefined,
						raw: transaction,
					};
					deliveries.push({ ...message, seq: transaction.seq, at: Date.now(), key: deliveryKey(message) });
				};
				const accept = () => {
					transaction.replyCode = 250;
					callback(null, `OK: queued as ${transaction.seq}`);
				};
				const fault = faults.next(transaction);
				if (!fault) {
					transaction.result = 'delivered';
					deliver();
					return accept();
				}
				transaction.result = fault.kind;
				switch (fault.kind) {
					case 'rateLimit':
						transaction.replyCode = 451;
						return callback(smtpError(451));
					case 'serverError':
						transaction.replyCode = fault.status ?? 452;
						return callback(smtpError(fault.status ?? 452));
					case 'providerError':
						transaction.replyCode = Number(fault.code);
						return callback(smtpError(Number(fault.code)));
					case 'slow': {
						deliver();
						const timer = setTimeout(() => {
							timers.delete(timer);
							accept();
						}, fault.delayMs);
						timers.add(timer);
						return;
					}
					case 'drop': {
						if (fault.delivered) deliver();
						dropConnection(session, fault.how);
						return;
					}
					case 'raw':
						throw new Error('raw faults are for HTTP providers');
				}
			});
		},
	});

	function dropConnection(session: SMTPServerSession, how: 'reset' | 'close' = 'reset'): void {
		for (const connection of server.connections) {
			if (connection.session === session || connection.id === session.id) {
				const socket = connection._socket as typeof connection._socket & { resetAndDestroy?: () => void };
				if (how === 'reset' && typeof socket.resetAndDestroy === 'function') socket.resetAndDestroy();
				else socket.destroy();
			}
		}
	}

	server.on('error', () => undefined);
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
	const port = (server.server.address() as AddressInfo).port;

	return {
		kind: 'smtp',
		baseUrl: `smtp://127.0.0.1:${port}`,
		credentials: {
			host: '127.0.0.1',
			port,
			secure: false,
			disableStartTls: true,
			user,
			password,
			fromEmail: options.allowedSenders?.[0] ?? 'care@example.com',
			fromName: 'Customer Care',
		},
		secrets: [password],
		requests,
		deliveries,
		faults,
		duplicates: () => duplicateKeys(deliveries),
		reset: () => {
			requests.length = 0;
			deliveries.length = 0;
			faults.clear();
		},
		close: async () => {
			for (const timer of timers) clearTimeout(timer);
			timers.clear();
			for (const connection of server.connections) connection._socket.destroy();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}
