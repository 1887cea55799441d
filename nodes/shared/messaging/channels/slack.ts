import { requiredString } from './credentialFields';
import { HttpChannel } from './httpChannel';
import type { HttpExchange } from './httpTransport';
import { failedOutcome, httpStatusOutcome, retryAfterOf, shortBody, transportFailureOutcome } from './outcomes';
import { SLOW_DOWN, slowDownCode } from './slowDown';
import type { OutgoingMessage, SendOptions, SendOutcome } from './types';
import { ConfigError } from '../../input/errors';

const CREDENTIAL = 'Slack Webhook';
const LABEL = 'Slack webhook';

export interface SlackConfig {
	webhookUrl: string;
}

export function slackConfig(credentials: Record<string, unknown>): SlackConfig {
	const webhookUrl = requiredString(credentials, 'webhookUrl', CREDENTIAL);
	if (!/^https?:\/\//i.test(webhookUrl)) {
		// Not shown: the address is the webhook's secret.
		throw new ConfigError(`The ${CREDENTIAL} credential's "webhookUrl" is not a full URL (expected https://hooks.slack.com/services/…)`);
	}
	return { webhookUrl };
}

/**
 * Slack reads `<…>` in a message as a mention (`<!channel>`, `<!here>`, `<@U123>`) or a link
 * (`<https://…|label>`) and `&` as the start of an entity; escaped as Slack documents, a value shows as written.
 */
export function escapeSlackValue(value: string): string {
	return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function slackBody(message: OutgoingMessage): Record<string, unknown> {
	return { text: message.text, ...(message.markdown ? { mrkdwn: true } : {}) };
}

/**
 * Slack incoming webhook: POST the URL with {text}; 200 "ok". Errors are plain-text codes with an HTTP
 * status: 400 invalid_payload / no_text, 403 invalid_token / action_prohibited, 404 no_service /
 * channel_not_found, 410 channel_is_archived, 429 rate limited (Retry-After), 5xx rollup_error.
 */
export class SlackChannel extends HttpChannel<SlackConfig> {
	readonly kind = 'slack' as const;

	async send(message: OutgoingMessage, options: SendOptions = {}): Promise<SendOutcome> {
		return this.postJson(
			this.config.webhookUrl,
			slackBody(message),
			options,
			(exchange) => this.interpret(exchange),
		);
	}

	private interpret(exchange: HttpExchange): SendOutcome {
		if (exchange.kind !== 'response') return transportFailureOutcome(LABEL, exchange);
		if (exchange.status >= 200 && exchange.status < 300) return { status: 'sent', providerCode: shortBody(exchange.body) || 'ok' };
		const code = shortBody(exchange.body);
		const providerCode = /^[a-z_]+$/.test(code) ? code : `HTTP_${exchange.status}`;
		if (exchange.status === 429 || slowDownCode(SLOW_DOWN.slack, providerCode)) {
			return failedOutcome(true, providerCode, `${LABEL} is rate limited (HTTP 429${code ? `: ${code}` : ''})`, {
				retryAfterMs: retryAfterOf(exchange, SLOW_DOWN.slack),
			});
		}
		return httpStatusOutcome(LABEL, exchange, providerCode, undefined, SLOW_DOWN.slack);
	}
}
