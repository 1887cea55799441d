import type { MessageFormat } from '../templates/render';
import { AliyunSmsChannel, aliyunSmsConfig } from './aliyunSms';
import { DingTalkChannel, dingTalkConfig } from './dingtalk';
import { escapeFeishuValue, FeishuChannel, feishuConfig } from './feishu';
import type { HttpClient } from './httpTransport';
import { escapeSlackValue, SlackChannel, slackConfig } from './slack';
import { SmtpChannel, smtpConfig } from './smtp';
import { TwilioSmsChannel, twilioConfig } from './twilioSms';
import type { Channel, Rate } from './types';
import { WebhookChannel, webhookConfig } from './webhook';
import { escapeWeComValue, WeComChannel, weComConfig } from './wecom';

/** Whom a channel's `to` names: an email address, a phone number, or nobody (group robots, webhooks). */
export type RecipientKind = 'email' | 'phone' | 'none';

/** Everything the package knows about one channel. A new channel is one more entry (and its credential file). */
export interface ChannelEntry {
	/** The option in the node's Channel list, and its one-line description. */
	label: string;
	summary: string;
	/** The `name` of its credential type (credentials/*.credentials.ts). */
	credentialType: string;
	/** What the templates render for it, and what its recipient field holds. */
	format: MessageFormat;
	recipient: RecipientKind;
	/**
	 * Escapes what a placeholder inserts into the text where the channel would read it as markup (a
	 * mention of the whole group, a disguised link): customer data is shown as written. The template's own
	 * text is left as it is.
	 */
	valueEscape?: (value: string) => string;
	/** The provider's documented limit, used by Pacing "Channel Default"; none: not paced unless asked. */
	defaultRate?: Rate;
	/** Builds the channel from its decrypted credential; throws ConfigError when the credential is unusable. */
	create(credentials: Record<string, unknown>, http: () => HttpClient, defaultTimeoutMs?: number): Channel;
}

/**
 * The channels, in the order their credentials are listed. The rates are the providers' documented limits:
 * WeCom and DingTalk group robots 20 messages a minute, Feishu custom bots 100 a minute and 5 a second
 * (evenly spaced, 100 a minute keeps both; 5 a second would be 300 a minute), Slack incoming webhooks 1
 * a second. Email and SMS gateways queue on their side and answer 429 when pressed, which the retry honours.
 */
const ENTRIES = {
	smtp: {
		label: 'Email (SMTP)',
		summary: 'Email with HTML and plain-text parts',
		credentialType: 'careSmtpApi',
		format: 'email',
		recipient: 'email',
		create: (credentials, _http, timeoutMs) => new SmtpChannel(smtpConfig(credentials), timeoutMs),
	},
	aliyunSms: {
		label: 'Aliyun SMS',
		summary: 'SMS to customers in China through an approved Aliyun template',
		credentialType: 'careAliyunSmsApi',
		format: 'sms',
		recipient: 'phone',
		create: (credentials, http) => new AliyunSmsChannel(aliyunSmsConfig(credentials), http()),
	},
	twilioSms: {
		label: 'Twilio SMS',
		summary: 'SMS through the Twilio Messages API',
		credentialType: 'careTwilioSmsApi',
		format: 'sms',
		recipient: 'phone',
		create: (credentials, http) => new TwilioSmsChannel(twilioConfig(credentials), http()),
	},
	wecom: {
		label: 'WeCom Group Robot',
		summary: 'A WeCom (企业微信) group robot, for staff',
		credentialType: 'careWecomRobotApi',
		format: 'chat',
		recipient: 'none',
		defaultRate: { count: 20, perMs: 60_000 },
		valueEscape: escapeWeComValue,
		create: (credentials, http) => new WeComChannel(weComConfig(credentials), http()),
	},
	dingtalk: {
		label: 'DingTalk Robot',
		summary: 'A DingTalk group robot (signed), for staff',
		credentialType: 'careDingtalkRobotApi',
		format: 'chat',
		recipient: 'none',
		defaultRate: { count: 20, perMs: 60_000 },
		create: (credentials, http) => new DingTalkChannel(dingTalkConfig(credentials), http()),
	},
	feishu: {
		label: 'Feishu / Lark Bot',
		summary: 'A Feishu or Lark custom bot (signed), for staff',
		credentialType: 'careFeishuBotApi',
		format: 'chat',
		recipient: 'none',
		defaultRate: { count: 100, perMs: 60_000 },
		valueEscape: escapeFeishuValue,
		create: (credentials, http) => new FeishuChannel(feishuConfig(credentials), http()),
	},
	slack: {
		label: 'Slack Incoming Webhook',
		summary: 'A Slack channel, for staff',
		credentialType: 'careSlackWebhookApi',
		format: 'chat',
		recipient: 'none',
		defaultRate: { count: 1, perMs: 1_000 },
		valueEscape: escapeSlackValue,
		create: (credentials, http) => new SlackChannel(slackConfig(credentials), http()),
	},
	webhook: {
		label: 'Generic Webhook',
		summary: 'Your own endpoint, with an HMAC-SHA256 signature header',
		credentialType: 'careWebhookApi',
		format: 'chat',
		recipient: 'none',
		create: (credentials, http) => new WebhookChannel(webhookConfig(credentials), http()),
	},
} satisfies Record<string, ChannelEntry>;

export type ChannelKind = keyof typeof ENTRIES;

export const CHANNELS: Readonly<Record<ChannelKind, ChannelEntry>> = ENTRIES;

export const CHANNEL_KINDS = Object.keys(CHANNELS) as ChannelKind[];
