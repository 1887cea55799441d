import { HelperTransport, type HelperRequest } from './helperTransport';
import { HttpTransport } from './httpTransport';
import { CHANNELS, type ChannelKind } from './registry';
import { SmtpChannel, smtpConfig } from './smtp';
import type { Channel } from './types';

export type { Channel, OutgoingMessage, Rate, SendOptions, SendOutcome } from './types';
export { CHANNEL_KINDS, CHANNELS, type ChannelEntry, type ChannelKind, type RecipientKind } from './registry';
export { Redactor, credentialSecrets } from './redaction';
export type { HelperRequest, HelperRequestOptions } from './helperTransport';

export interface ChannelSettings {
	/** Per-send timeout when send() is not given one. */
	defaultTimeoutMs?: number;
	/** n8n's request helper (`this.helpers.httpRequest`); without it, our own HTTP client (tests, scripts). */
	http?: HelperRequest;
}

/**
 * Builds a channel from its decrypted credential. Throws ConfigError when the credential is unusable
 * (missing field, bad URL); send() itself never throws for provider or network failures.
 */
export function createChannel(kind: ChannelKind, credentials: Record<string, unknown>, settings: ChannelSettings = {}): Channel {
	const http = () =>
		settings.http ? new HelperTransport(settings.http, settings.defaultTimeoutMs) : new HttpTransport(settings.defaultTimeoutMs);
	return CHANNELS[kind].create(credentials, http, settings.defaultTimeoutMs);
}

/**
 * The SMTP credential test (n8n cannot test SMTP with an HTTP request): connect, STARTTLS/TLS and log in
 * without sending. For a node's `methods.credentialTest.careSmtpApiTest`.
 */
export async function verifySmtpCredentials(credentials: Record<string, unknown>): Promise<{ ok: true } | { ok: false; message: string }> {
	let channel: SmtpChannel | undefined;
	try {
		channel = new SmtpChannel(smtpConfig(credentials));
		return await channel.verify();
	} catch (error) {
		return { ok: false, message: error instanceof Error ? error.message : String(error) };
	} finally {
		await channel?.close();
	}
}
