import { createHmac } from 'node:crypto';

import { baseUrl, optionalString, requiredString, tokenFromUrlOrValue } from './credentialFields';
import { HttpChannel } from './httpChannel';
import { resultCodeOutcome, type ResultCodeRules } from './resultCodeReply';
import { SLOW_DOWN } from './slowDown';
import type { OutgoingMessage, SendOptions, SendOutcome } from './types';

export const FEISHU_DEFAULT_BASE_URL = 'https://open.feishu.cn';
export const FEISHU_HOOK_PATH = '/open-apis/bot/v2/hook/';
const CREDENTIAL = 'Feishu Bot';

/**
 * Feishu/Lark custom-bot codes: its rate limits (11232, and the gateway's 99991400 with
 * x-ogw-ratelimit-reset) are in slowDown.ts; 19021 (signature or timestamp), 19022 (IP), 19024 (keyword)
 * and 19001 (token) are not worth a retry. Older bots answer {StatusCode, StatusMessage} instead of {code, msg}.
 */
const FEISHU_RULES: ResultCodeRules = {
	label: 'Feishu bot',
	codeFields: ['code', 'StatusCode'],
	sent: 0,
	messageFields: ['msg', 'StatusMessage'],
	slowDown: SLOW_DOWN.feishu,
	retryable: {},
};

export interface FeishuConfig {
	token: string;
	signingSecret?: string;
	baseUrl: string;
}

export function feishuConfig(credentials: Record<string, unknown>): FeishuConfig {
	const raw = requiredString(credentials, 'webhookToken', CREDENTIAL);
	const configured = baseUrl(credentials, 'baseUrl', FEISHU_DEFAULT_BASE_URL, CREDENTIAL);
	return {
		token: tokenFromUrlOrValue(raw, { pathPrefix: FEISHU_HOOK_PATH }),
		signingSecret: optionalString(credentials, 'signingSecret'),
		baseUrl: configured === FEISHU_DEFAULT_BASE_URL ? (pastedOrigin(raw) ?? configured) : configured,
	};
}

/**
 * The origin of a whole webhook address pasted as the token: a Lark bot's address is on open.larksuite.com,
 * which Feishu's default host does not know. A Base URL changed from the default still decides.
 */
function pastedOrigin(value: string): string | undefined {
	if (!/^https?:\/\//i.test(value)) return undefined;
	try {
		const url = new URL(value);
		return url.pathname.startsWith(FEISHU_HOOK_PATH) ? url.origin : undefined;
	} catch {
		return undefined;
	}
}

/**
 * Feishu's signature: base64(HMAC-SHA256(key = timestamp + "\n" + secret, message = empty)), timestamp in
 * seconds. The key/message order is the reverse of DingTalk's, as in Feishu's own sample code.
 */
export function feishuSignature(timestampSeconds: number, secret: string): string {
	return createHmac('sha256', `${timestampSeconds}\n${secret}`).update('').digest('base64');
}

/**
 * Feishu reads `<at user_id="all">…</at>` in a text message as a mention of the whole group, and has no
 * escape for it: a zero-width space after each "<" of a value keeps it text and looks the same.
 */
export function escapeFeishuValue(value: string): string {
	return value.replace(/</g, '<\u200b');
}

export function feishuBody(message: OutgoingMessage, signing?: { timestampSeconds: number; secret: string }): Record<string, unknown> {
	const signed = signing
		? { timestamp: String(signing.timestampSeconds), sign: feishuSignature(signing.timestampSeconds, signing.secret) }
		: {};
	if (message.markdown) {
		const title = message.title ?? message.subject;
		return {
			...signed,
			msg_type: 'interactive',
			card: {
				...(title ? { header: { title: { tag: 'plain_text', content: title } } } : {}),
				elements: [{ tag: 'markdown', content: message.text }],
			},
		};
	}
	return { ...signed, msg_type: 'text', content: { text: message.text } };
}

/** Feishu / Lark custom bot: POST /open-apis/bot/v2/hook/{token}. */
export class FeishuChannel extends HttpChannel<FeishuConfig> {
	readonly kind = 'feishu' as const;

	async send(message: OutgoingMessage, options: SendOptions = {}): Promise<SendOutcome> {
		const signing = this.config.signingSecret
			? { timestampSeconds: Math.floor(this.now() / 1000), secret: this.config.signingSecret }
			: undefined;
		return this.postJson(
			`${this.config.baseUrl}${FEISHU_HOOK_PATH}${encodeURIComponent(this.config.token)}`,
			feishuBody(message, signing),
			options,
			(exchange) => resultCodeOutcome(exchange, FEISHU_RULES),
		);
	}
}
