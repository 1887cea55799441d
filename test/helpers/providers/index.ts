/**
 * Loopback provider servers: one per channel, on 127.0.0.1 with a random port, enforcing the provider's
 * real contract (path, method, auth or signature, required fields) and answering with its documented
 * success and error shapes.
 *
 *   const server = await startProviderServer('wecom', { perMinuteLimit: 20 });   // or startWeComServer(...)
 *   const channel = createChannel('wecom', server.credentials);                  // credentials point at it
 *   server.faults.inject({ kind: 'rateLimit' });                                  // next request: errcode 45009
 *   server.faults.setRandom({ seed: 7, rateLimit: 0.05, serverError: 0.05, slow: 0.02, slowMs: 3000,
 *                             drop: 0.01, dropDelivered: 0.01 });                 // seeded mix for fault runs
 *   server.faults.setHook((req) => (req.seq === 1 ? { kind: 'serverError' } : undefined));
 *   await channel.send(message);
 *   server.requests      // every request seen (HTTP: method, path, query, headers, rawBody, result, status, providerCode)
 *   server.deliveries    // every message the provider accepted (slow and drop-after-delivery included)
 *   server.duplicates()  // delivery keys accepted more than once (idempotency key where the wire carries one)
 *   server.secrets       // the secret values in server.credentials, for secret scans
 *   server.reset(); await server.close();
 *
 * Fault kinds (faults.ts): rateLimit, serverError, providerError(code), slow(delayMs), drop(delivered?),
 * raw(status, body) — each rendered the way that provider renders it. Order: hook, then the one-shot
 * queue, then the random mix.
 */
import type { ChannelKind } from '../../../nodes/shared/messaging/channels/registry';
import { startAliyunSmsServer, type AliyunSmsServerOptions } from './aliyunSmsServer';
import { startDingTalkServer, type DingTalkServerOptions } from './dingtalkServer';
import { startFeishuServer, type FeishuServerOptions } from './feishuServer';
import type { ProviderServer, RecordedRequest } from './httpLoopback';
import { startSlackServer, type SlackServerOptions } from './slackServer';
import { startSmtpServer, type SmtpServerOptions, type SmtpTransaction } from './smtpServer';
import { startTwilioServer, type TwilioServerOptions } from './twilioServer';
import { startWebhookServer, type WebhookServerOptions } from './webhookServer';
import { startWeComServer, type WeComServerOptions } from './wecomServer';

export type { Fault, RandomFaults } from './faults';
export type { Delivery, ProviderServer, RecordedRequest } from './httpLoopback';
export type { SmtpTransaction } from './smtpServer';
export {
	startAliyunSmsServer,
	startDingTalkServer,
	startFeishuServer,
	startSlackServer,
	startSmtpServer,
	startTwilioServer,
	startWebhookServer,
	startWeComServer,
};

export interface ProviderServerOptions {
	smtp: SmtpServerOptions;
	aliyunSms: AliyunSmsServerOptions;
	twilioSms: TwilioServerOptions;
	wecom: WeComServerOptions;
	dingtalk: DingTalkServerOptions;
	feishu: FeishuServerOptions;
	slack: SlackServerOptions;
	webhook: WebhookServerOptions;
}

export type AnyProviderServer = ProviderServer<RecordedRequest> | ProviderServer<SmtpTransaction>;

export async function startProviderServer<K extends ChannelKind>(kind: K, options?: ProviderServerOptions[K]): Promise<AnyProviderServer> {
	switch (kind) {
		case 'smtp':
			return startSmtpServer(options as SmtpServerOptions);
		case 'aliyunSms':
			return startAliyunSmsServer(options as AliyunSmsServerOptions);
		case 'twilioSms':
			return startTwilioServer(options as TwilioServerOptions);
		case 'wecom':
			return startWeComServer(options as WeComServerOptions);
		case 'dingtalk':
			return startDingTalkServer(options as DingTalkServerOptions);
		case 'feishu':
			return startFeishuServer(options as FeishuServerOptions);
		case 'slack':
			return startSlackServer(options as SlackServerOptions);
		case 'webhook':
			return startWebhookServer(options as WebhookServerOptions);
	}
	throw new Error(`no loopback server for channel ${String(kind)}`);
}
