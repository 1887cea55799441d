import { createHash } from 'node:crypto';
import { domainToASCII } from 'node:url';
import type { Readable } from 'node:stream';
import nodemailer from 'nodemailer';

import { ConfigError, describeValue } from '../../input/errors';
import { optionalBoolean, optionalInteger, optionalString, requiredString } from './credentialFields';
import { headerSafeKey } from './headerKey';
import { DEFAULT_TIMEOUT_MS } from './httpTransport';
import { failedOutcome, redactOutcome, shortBody } from './outcomes';
import { Redactor } from './redaction';
import type { Channel, OutgoingMessage, SendOptions, SendOutcome } from './types';
import { isCertificateRefusal } from './certificateErrors';

const CREDENTIAL = 'Care SMTP';
const LABEL = 'SMTP';

export interface SmtpConfig {
	host: string;
	port: number;
	secure: boolean;
	disableStartTls: boolean;
	user?: string;
	password?: string;
	fromEmail: string;
	fromName?: string;
	allowUnauthorizedCerts: boolean;
	maxConnections: number;
}

export function smtpConfig(credentials: Record<string, unknown>): SmtpConfig {
	const secure = optionalBoolean(credentials, 'secure', true);
	const config: SmtpConfig = {
		host: requiredString(credentials, 'host', CREDENTIAL),
		port: optionalInteger(credentials, 'port', secure ? 465 : 587, CREDENTIAL, { min: 1, max: 65535 }),
		secure,
		disableStartTls: optionalBoolean(credentials, 'disableStartTls', false),
		user: optionalString(credentials, 'user'),
		password: typeof credentials.password === 'string' && credentials.password !== '' ? credentials.password : undefined,
		fromEmail: requiredString(credentials, 'fromEmail', CREDENTIAL),
		fromName: optionalString(credentials, 'fromName'),
		allowUnauthorizedCerts: optionalBoolean(credentials, 'allowUnauthorizedCerts', false),
		maxConnections: optionalInteger(credentials, 'maxConnections', 5, CREDENTIAL, { min: 1, max: 100 }),
	};
	if (!/^[^@\s]+@[^@\s]+$/.test(config.fromEmail)) {
		throw new ConfigError(`The ${CREDENTIAL} credential's "fromEmail" is ${describeValue(config.fromEmail)}, which is not an email address (expected an address like care@example.com)`);
	}
	return config;
}

/**
 * A stable Message-ID per idempotency key, so a receiving system (or a human) can tell a repeat from a new
 * message. The key is hashed: it names customers and must not travel in a header. A Message-ID is ASCII
 * (RFC 5322), so an internationalised From domain goes in its punycode form, as nodemailer writes From.
 */
export function smtpMessageId(idempotencyKey: string, fromEmail: string): string {
	const domain = fromEmail.split('@')[1] ?? 'localhost';
	const ascii = /^[\x21-\x7e]*$/.test(domain) ? domain : domainToASCII(domain) || 'localhost';
	return `<care.${createHash('sha256').update(headerSafeKey(idempotencyKey)).digest('hex').slice(0, 32)}@${ascii}>`;
}

type SmtpError = Error & {
	code?: string;
	command?: string;
	responseCode?: number;
	response?: string;
	syscall?: string;
	originalCode?: string;
	/** nodemailer's name for the timer that ended the connection: CONNECT_TIMEOUT, GREETING_TIMEOUT, UPGRADE_TIMEOUT, SOCKET_TIMEOUT. */
	timeoutType?: string;
};

/** Where a failed send stood, as only the channel can tell: nodemailer's errors do not say it. */
export interface SmtpSendStage {
	/** Whether any of the message content was handed to the connection (after the server's 354 reply to DATA). */
	contentHandedOver: boolean;
	/** host:port, for the messages. */
	endpoint: string;
	/** The time the connection, its TLS and the greeting may take (nodemailer's connection and greeting timeouts). */
	setupMs: number;
	/** The server is reached over TLS from the start (SSL/TLS on). */
	secure: boolean;
}

/**
 * The share of the attempt timeout that connecting, TLS and the server's greeting may take. Shorter than the
 * attempt's deadline and the socket's idle timeout (both the whole attempt timeout), so a server that never
 * greets is ended by nodemailer's greeting timer, whose error names the stage, and not by one of the others.
 */
export function smtpSetupTimeoutMs(attemptTimeoutMs: number): number {
	return Math.max(1, Math.round((attemptTimeoutMs * 2) / 3));
}

const seconds = (ms: number) => `${Number((ms / 1000).toFixed(3))} s`;

const NETWORK_BEFORE_SENDING = new Set(['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);
/** A host name that could not be resolved for now (EAI_AGAIN, a resolver timeout), as the HTTP channels retry it; ENOTFOUND is final. */
const DNS_TEMPORARY = new Set(['EAI_AGAIN', 'ETIMEOUT', 'ETIMEDOUT']);
/** OpenSSL and Node codes of a TLS set-up that failed: a certificate refused, or TLS spoken to a plain port. */
const TLS_SET_UP = /^(ERR_SSL_|ERR_TLS_|CERT_|UNABLE_TO_|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|HOSTNAME_MISMATCH)/;
/** OpenSSL's codes for a first reply that is not TLS at all: a plain server's "220 …" greeting read as a TLS record. */
const PLAIN_ANSWER = /^ERR_SSL_(WRONG_VERSION_NUMBER|PACKET_LENGTH_TOO_LONG)$/;

/**
 * Classifies a nodemailer failure. An SMTP reply settles it (4xx retry later, 5xx never); a failure to
 * open the TCP connection or to set up TLS on it means nothing was sent. Any other break (a timeout, a reset,
 * a close) is told by the stage, which nodemailer's errors do not carry ("CONN" whatever the step): until the
 * message content is handed to the connection, after the server's 354 reply to DATA, no server can have
 * taken the message, so it is a retryable failure with nothing sent (the greeting, login and envelope may
 * all have been under way); after that it is unknown, as the server may have taken it before the break.
 */
export function smtpFailureOutcome(error: unknown, timedOut: boolean, timeoutMs: number, stage?: SmtpSendStage): SendOutcome {
	const e = (error ?? {}) as SmtpError;
	const code = typeof e.code === 'string' ? e.code : 'EUNKNOWN';
	const reply = e.response ? shortBody(e.response) : '';
	if (typeof e.responseCode === 'number' && e.responseCode >= 400) {
		const transient = e.responseCode < 500;
		return failedOutcome(
			transient,
			String(e.responseCode),
			`${LABEL} server refused ${e.command ? `${e.command.split(' ')[0]} ` : ''}with ${reply || e.responseCode}`,
		);
	}
	if (code === 'EAUTH' || code === 'ENOAUTH') return failedOutcome(false, code, `${LABEL}: authentication failed (${e.message})`);
	if (code === 'ECONFIG' || code === 'EENVELOPE' || code === 'EMESSAGE' || code === 'EREQUIRETLS') {
		return failedOutcome(false, code, `${LABEL}: ${e.message}`);
	}
	if (code === 'EDNS') {
		// nodemailer keeps the resolver's own code: a resolver down for now or too slow may answer the next attempt, an unknown host will not.
		const resolverCode = e.originalCode ?? code;
		return failedOutcome(DNS_TEMPORARY.has(resolverCode), resolverCode, `${LABEL}: ${e.message} (nothing was sent)`, { neverSent: true });
	}
	if (code === 'ETLS') return failedOutcome(false, code, `${LABEL}: ${e.message}`);
	// A TLS handshake comes before the server's greeting, so no SMTP command went out; retrying cannot fix it.
	if (e.originalCode && (TLS_SET_UP.test(e.originalCode) || isCertificateRefusal(e.originalCode))) {
		if (PLAIN_ANSWER.test(e.originalCode)) {
			return failedOutcome(
				false,
				e.originalCode,
				`${LABEL}: SSL/TLS is on but ${stage?.endpoint ?? 'the server'} answered without TLS: turn SSL/TLS off (ports 587 and 25 start in plain text and switch to TLS with STARTTLS); nothing was sent`,
				{ neverSent: true },
			);
		}
		return failedOutcome(
			false,
			e.originalCode,
			`${LABEL}: the TLS connection could not be set up (${e.message.trim()}): check the port and SSL/TLS (465: on, 587 or 25: off) and the server's certificate; nothing was sent`,
			{ neverSent: true },
		);
	}
	const networkCode = [e.originalCode, code].find((c) => c !== undefined && NETWORK_BEFORE_SENDING.has(c));
	if (networkCode || e.syscall === 'connect') {
		return failedOutcome(true, networkCode ?? code, `${LABEL}: ${e.message} (nothing was sent)`, { neverSent: true });
	}
	if (stage && !stage.contentHandedOver) return beforeContentOutcome(e, code, timedOut, timeoutMs, stage);
	const why = timedOut ? `no answer within ${timeoutMs} ms` : `${e.originalCode ?? code}: ${e.message}`;
	return { status: 'unknown', message: `${LABEL}: ${why}; the message may have been delivered, so it is not sent again` };
}

/** A break before any of the message content left: retryable, nothing sent, in the words of the stage where nodemailer names it. */
function beforeContentOutcome(e: SmtpError, code: string, timedOut: boolean, timeoutMs: number, stage: SmtpSendStage): SendOutcome {
	const notSent = (providerCode: string, text: string) => failedOutcome(true, providerCode, `${LABEL}: ${text}; nothing was sent`, { neverSent: true });
	const setUp = setupTimeoutText(e.timeoutType, stage);
	if (setUp) return notSent(e.timeoutType!, setUp);
	if (timedOut) return notSent('ETIMEDOUT', `no answer from ${stage.endpoint} within ${timeoutMs} ms, before the message content was handed over`);
	// The pool's words for a connection that closed with a message assigned to it (it never resends one: maxRequeues 0).
	const what = /^Reached maximum number of retries after connection was closed/.test(e.message) ? 'the connection was closed' : e.message;
	return notSent(code, `${e.originalCode ?? code}: ${what} (${stage.endpoint}), before the message content was handed over`);
}

/** What a timer of the connection's set-up (connecting, TLS, the greeting, STARTTLS) that ran out says; undefined for any other error. */
function setupTimeoutText(timeoutType: string | undefined, stage: Omit<SmtpSendStage, 'contentHandedOver'>): string | undefined {
	const within = seconds(stage.setupMs);
	switch (timeoutType) {
		case 'GREETING_TIMEOUT':
			// A plain connection to an implicit-TLS port waits here: the server waits for a TLS ClientHello and the client for "220".
			return `no greeting from ${stage.endpoint} within ${within}: ${
				stage.secure ? 'check the host and port' : 'the port may expect TLS from the start (465): turn SSL/TLS on, or use port 587 with STARTTLS'
			}`;
		case 'CONNECT_TIMEOUT':
			return `no connection to ${stage.endpoint} within ${within}${stage.secure ? ' (connecting and the TLS handshake)' : ''}`;
		case 'UPGRADE_TIMEOUT':
			return `the STARTTLS handshake with ${stage.endpoint} did not finish within ${within}`;
		default:
			return undefined;
	}
}

/**
 * The streams nodemailer made of one message's content (one per connection it was given to). A stream that
 * a consumer has attached to (nodemailer pipes it into the connection after the 354 reply to DATA) or read
 * from was handed over; until then the server cannot have the message.
 */
class ContentWatch {
	private readonly streams: Readable[] = [];

	add(stream: Readable): Readable {
		this.streams.push(stream);
		return stream;
	}

	get handedOver(): boolean {
		return this.streams.some((s) => s.readableFlowing !== null || s.readableDidRead);
	}
}

/** SMTP email through a nodemailer pool (one pool per channel, reused across messages). */
export class SmtpChannel implements Channel {
	readonly kind = 'smtp' as const;
	private readonly redactor: Redactor;
	private readonly transporter: ReturnType<typeof nodemailer.createTransport>;
	private readonly setupMs: number;
	/** Each send's content watch, found by the send's own abort signal (nodemailer hands it to the plugins). */
	private readonly watches = new WeakMap<AbortSignal, ContentWatch>();

	constructor(
		private readonly config: SmtpConfig,
		private readonly defaultTimeoutMs = DEFAULT_TIMEOUT_MS,
	) {
		this.redactor = Redactor.forCredentials({ ...config });
		this.setupMs = smtpSetupTimeoutMs(defaultTimeoutMs);
		this.transporter = nodemailer.createTransport({
			pool: true,
			host: config.host,
			port: config.port,
			secure: config.secure,
			ignoreTLS: config.disableStartTls,
			auth: config.user ? { user: config.user, pass: config.password ?? '' } : undefined,
			tls: { rejectUnauthorized: !config.allowUnauthorizedCerts },
			maxConnections: config.maxConnections,
			maxMessages: 100,
			// Never let the pool resend on its own after a connection closed mid-delivery: that could deliver twice.
			maxRequeues: 0,
			// Connecting, TLS and the greeting end before the attempt's deadline and the socket's idle timer, so a
			// server that never greets fails with nodemailer's greeting error, which names the stage.
			connectionTimeout: this.setupMs,
			greetingTimeout: this.setupMs,
			socketTimeout: defaultTimeoutMs,
		});
		// The last step before the message goes to the pool: watch the content stream each connection is given.
		this.transporter.use('stream', (mail, done) => {
			const watch = mail.data.signal ? this.watches.get(mail.data.signal) : undefined;
			if (watch) mail.message.processFunc((content) => watch.add(content));
			done();
		});
	}

	async send(message: OutgoingMessage, options: SendOptions = {}): Promise<SendOutcome> {
		if (!message.to) return failedOutcome(false, 'NO_RECIPIENT', `${LABEL}: the message has no email address to send to`);
		if (options.signal?.aborted) return failedOutcome(true, 'ABORTED', `${LABEL}: the send was cancelled before it started`, { neverSent: true });
		const timeoutMs = options.timeoutMs ?? this.defaultTimeoutMs;
		const deadline = AbortSignal.timeout(timeoutMs);
		const signal = options.signal ? AbortSignal.any([options.signal, deadline]) : deadline;
		const watch = new ContentWatch();
		this.watches.set(signal, watch);
		try {
			const info = await this.transporter.sendMail({
				from: this.config.fromName ? { name: this.config.fromName, address: this.config.fromEmail } : this.config.fromEmail,
				to: message.to,
				subject: message.subject ?? '',
				text: message.text,
				...(message.html !== undefined ? { html: message.html } : {}),
				messageId: smtpMessageId(message.idempotencyKey, this.config.fromEmail),
				signal,
			});
			const rejected = (info.rejected ?? []) as unknown[];
			const response = this.redactor.redact(String(info.response ?? ''));
			if (rejected.length > 0) {
				return redactOutcome(failedOutcome(false, 'REJECTED', `${LABEL} server rejected the recipient: ${shortBody(response)}`), this.redactor);
			}
			return { status: 'sent', providerMessageId: info.messageId, providerCode: shortBody(response).slice(0, 3) || undefined };
		} catch (error) {
			return redactOutcome(smtpFailureOutcome(this.redactError(error), deadline.aborted, timeoutMs, this.stage(watch.handedOver)), this.redactor);
		}
	}

	private stage(contentHandedOver: boolean): SmtpSendStage {
		return { contentHandedOver, endpoint: `${this.config.host}:${this.config.port}`, setupMs: this.setupMs, secure: this.config.secure };
	}

	/** Connects and authenticates without sending: the credential test. */
	async verify(): Promise<{ ok: true } | { ok: false; message: string }> {
		try {
			await this.transporter.verify();
			return { ok: true };
		} catch (error) {
			const e = this.redactError(error);
			const setUp = setupTimeoutText(e.timeoutType, this.stage(false));
			return { ok: false, message: this.redactor.redact(setUp ? `${e.code}: ${setUp}` : `${e.code ? `${e.code}: ` : ''}${e.message}`) };
		}
	}

	/** The server's reply and nodemailer's message lose every secret before anything quotes or cuts them. */
	private redactError(error: unknown): SmtpError {
		const e = (error ?? {}) as SmtpError;
		const copy = Object.assign(new Error(this.redactor.redact(String(e.message ?? ''))), {
			code: e.code,
			command: e.command === undefined ? undefined : this.redactor.redact(e.command),
			responseCode: e.responseCode,
			response: e.response === undefined ? undefined : this.redactor.redact(e.response),
			syscall: e.syscall,
			originalCode: e.originalCode,
			timeoutType: e.timeoutType,
		}) as SmtpError;
		return copy;
	}

	async close(): Promise<void> {
		this.transporter.close();
	}
}
