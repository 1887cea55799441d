import { createHash } from 'node:crypto';
import nodemailer from 'nodemailer';

import { ConfigError } from '../../input/errors';
import { optionalBoolean, optionalInteger, optionalString, requiredString } from './credentialFields';
import { headerSafeKey } from './headerKey';
import { DEFAULT_TIMEOUT_MS } from './httpTransport';
import { failedOutcome, redactOutcome, shortBody } from './outcomes';
import { Redactor } from './redaction';
import type { Channel, OutgoingMessage, SendOptions, SendOutcome } from './types';

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
		throw new ConfigError(`The ${CREDENTIAL} credential's "fromEmail" is not an email address`);
	}
	return config;
}

/**
 * A stable Message-ID per idempotency key, so a receiving system (or a human) can tell a repeat from a new
 * message. The key is hashed: it names customers and must not travel in a header.
 */
export function smtpMessageId(idempotencyKey: string, fromEmail: string): string {
	const domain = fromEmail.split('@')[1] ?? 'localhost';
	return `<care.${createHash('sha256').update(headerSafeKey(idempotencyKey)).digest('hex').slice(0, 32)}@${domain}>`;
}

type SmtpError = Error & {
	code?: string;
	command?: string;
	responseCode?: number;
	response?: string;
	syscall?: string;
	originalCode?: string;
};

const NETWORK_BEFORE_SENDING = new Set(['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);
/** OpenSSL and Node codes of a TLS set-up that failed: a certificate refused, or TLS spoken to a plain port. */
const TLS_SET_UP = /^(ERR_SSL_|ERR_TLS_|CERT_|UNABLE_TO_|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|HOSTNAME_MISMATCH)/;

/**
 * Classifies a nodemailer failure. An SMTP reply settles it (4xx retry later, 5xx never); a failure to
 * open the TCP connection or to set up TLS on it means nothing was sent. Any other break is
 * unknown: nodemailer labels socket errors "CONN" whatever the stage, so a reset during the message
 * content looks the same as one during the greeting, and only the reply-less failures of connect() are
 * known to be harmless to repeat.
 */
export function smtpFailureOutcome(error: unknown, timedOut: boolean, timeoutMs: number): SendOutcome {
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
	if (code === 'EDNS' || code === 'ETLS') return failedOutcome(false, code, `${LABEL}: ${e.message}`);
	// A TLS handshake comes before the server's greeting, so no SMTP command went out; retrying cannot fix it.
	if (e.originalCode && TLS_SET_UP.test(e.originalCode)) {
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
	const why = timedOut ? `no answer within ${timeoutMs} ms` : `${e.originalCode ?? code}: ${e.message}`;
	return { status: 'unknown', message: `${LABEL}: ${why}; the message may have been delivered, so it is not sent again` };
}

/** SMTP email through a nodemailer pool (one pool per channel, reused across messages). */
export class SmtpChannel implements Channel {
	readonly kind = 'smtp' as const;
	private readonly redactor: Redactor;
	private readonly transporter: ReturnType<typeof nodemailer.createTransport>;

	constructor(
		private readonly config: SmtpConfig,
		private readonly defaultTimeoutMs = DEFAULT_TIMEOUT_MS,
	) {
		this.redactor = Redactor.forCredentials({ ...config });
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
			connectionTimeout: defaultTimeoutMs,
			greetingTimeout: defaultTimeoutMs,
			socketTimeout: defaultTimeoutMs,
		});
	}

	async send(message: OutgoingMessage, options: SendOptions = {}): Promise<SendOutcome> {
		if (!message.to) return failedOutcome(false, 'NO_RECIPIENT', `${LABEL}: the message has no email address to send to`);
		if (options.signal?.aborted) return failedOutcome(true, 'ABORTED', `${LABEL}: the send was cancelled before it started`, { neverSent: true });
		const timeoutMs = options.timeoutMs ?? this.defaultTimeoutMs;
		const deadline = AbortSignal.timeout(timeoutMs);
		const signal = options.signal ? AbortSignal.any([options.signal, deadline]) : deadline;
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
			return redactOutcome(smtpFailureOutcome(this.redactError(error), deadline.aborted, timeoutMs), this.redactor);
		}
	}

	/** Connects and authenticates without sending: the credential test. */
	async verify(): Promise<{ ok: true } | { ok: false; message: string }> {
		try {
			await this.transporter.verify();
			return { ok: true };
		} catch (error) {
			const e = this.redactError(error);
			return { ok: false, message: this.redactor.redact(`${e.code ? `${e.code}: ` : ''}${e.message}`) };
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
		}) as SmtpError;
		return copy;
	}

	async close(): Promise<void> {
		this.transporter.close();
	}
}
