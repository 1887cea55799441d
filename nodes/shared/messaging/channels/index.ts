import { AliyunSmsChannel, aliyunSmsConfig } from './aliyunSms';
import { DingTalkChannel, dingTalkConfig } from './dingtalk';
import { FeishuChannel, feishuConfig } from './feishu';
import { HelperTransport, type HelperRequest } from './helperTransport';
import { HttpTransport } from './httpTransport';
import { SlackChannel, slackConfig } from './slack';
import { SmtpChannel, smtpConfig } from './smtp';
import { TwilioSmsChannel, twilioConfig } from './twilioSms';
import type { Channel, ChannelKind } from './types';
import { WebhookChannel, webhookConfig } from './webhook';
import { WeComChannel, weComConfig } from './wecom';

export type { Channel, ChannelKind, OutgoingMessage, SendOptions, SendOutcome } from './types';
export { CHANNEL_KINDS } from './types';
export { Redactor, credentialSecrets } from './redaction';
export type { HelperRequest, HelperRequestOptions } from './helperTransport';

/** The n8n credential type (credentials/*.credentials.ts `name`) each channel reads. */
export const CHANNEL_CREDENTIAL_TYPES: Record<ChannelKind, string> = {
	smtp: 'careSmtpApi',
	aliyunSms: 'careAliyunSmsApi',
	twilioSms: 'careTwilioSmsApi',
	wecom: 'careWecomRobotApi',
	dingtalk: 'careDingtalkRobotApi',
	feishu: 'careFeishuBotApi',
	slack: 'careSlackWebhookApi',
	webhook: 'careWebhookApi',
};

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
	switch (kind) {
		case 'smtp':
			return new SmtpChannel(smtpConfig(credentials), settings.defaultTimeoutMs);
		case 'aliyunSms':
			return new AliyunSmsChannel(aliyunSmsConfig(credentials), http());
		case 'twilioSms':
			return new TwilioSmsChannel(twilioConfig(credentials), http());
		case 'wecom':
			return new WeComChannel(weComConfig(credentials), http());
		case 'dingtalk':
			return new DingTalkChannel(dingTalkConfig(credentials), http());
		case 'feishu':
			return new FeishuChannel(feishuConfig(credentials), http());
		case 'slack':
			return new SlackChannel(slackConfig(credentials), http());
		case 'webhook':
			return new WebhookChannel(webhookConfig(credentials), http());
	}
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
