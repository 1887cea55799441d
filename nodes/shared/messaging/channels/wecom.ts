import { baseUrl, requiredString, tokenFromUrlOrValue } from './credentialFields';
import { HttpChannel } from './httpChannel';
import { resultCodeOutcome, type ResultCodeRules } from './resultCodeReply';
import { mentionableMobile } from './robotMention';
import { SLOW_DOWN } from './slowDown';
import type { OutgoingMessage, SendOptions, SendOutcome } from './types';

export const WECOM_DEFAULT_BASE_URL = 'https://qyapi.weixin.qq.com';
const CREDENTIAL = 'WeCom Robot';

/** WeCom global error codes: -1 system busy; the rate limits 45009 (20 a minute per robot) and 45033 (concurrency) are in slowDown.ts. */
const WECOM_RULES: ResultCodeRules = {
	label: 'WeCom robot',
	codeFields: ['errcode'],
	sent: 0,
	messageFields: ['errmsg'],
	slowDown: SLOW_DOWN.wecom,
	retryable: { [-1]: 1_000 },
};

export interface WeComConfig {
	key: string;
	baseUrl: string;
}

export function weComConfig(credentials: Record<string, unknown>): WeComConfig {
	const raw = requiredString(credentials, 'webhookKey', CREDENTIAL);
	return {
		key: tokenFromUrlOrValue(raw, { queryName: 'key' }),
		baseUrl: baseUrl(credentials, 'baseUrl', WECOM_DEFAULT_BASE_URL, CREDENTIAL),
	};
}

/**
 * WeCom reads `<@userid>` in a text or markdown message as a mention of that member, and has no escape
 * for it: a zero-width space after each "<" of a value keeps it text and looks the same.
 */
export function escapeWeComValue(value: string): string {
	return value.replace(/</g, '<\u200b');
}

/** The JSON body of a WeCom group-robot message. A mobile number in `to` is @-mentioned in text messages. */
export function weComBody(message: OutgoingMessage): Record<string, unknown> {
	if (message.markdown) return { msgtype: 'markdown', markdown: { content: message.text } };
	const mobile = mentionableMobile(message.to);
	return {
		msgtype: 'text',
		text: { content: message.text, ...(mobile ? { mentioned_mobile_list: [mobile] } : {}) },
	};
}

/** WeCom (企业微信) group robot: POST /cgi-bin/webhook/send?key=KEY. */
export class WeComChannel extends HttpChannel<WeComConfig> {
	readonly kind = 'wecom' as const;

	async send(message: OutgoingMessage, options: SendOptions = {}): Promise<SendOutcome> {
		return this.postJson(
			`${this.config.baseUrl}/cgi-bin/webhook/send?key=${encodeURIComponent(this.config.key)}`,
			weComBody(message),
			options,
			(exchange) => resultCodeOutcome(exchange, WECOM_RULES),
		);
	}
}
