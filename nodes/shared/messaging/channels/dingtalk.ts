import { createHmac } from 'node:crypto';

import { baseUrl, optionalString, requiredString, tokenFromUrlOrValue } from './credentialFields';
import { HttpChannel } from './httpChannel';
import { resultCodeOutcome, type ResultCodeRules } from './resultCodeReply';
import { mentionableMobile } from './robotMention';
import { SLOW_DOWN } from './slowDown';
import type { OutgoingMessage, SendOptions, SendOutcome } from './types';

export const DINGTALK_DEFAULT_BASE_URL = 'https://oapi.dingtalk.com';
const CREDENTIAL = 'DingTalk Robot';

/**
 * DingTalk custom-robot codes: -1 (system busy) is worth a retry, and its rate limits (130101 "send too
 * fast", 410100, each followed by a 10-minute block) are in slowDown.ts. 310000 (signature, keyword or IP
 * allowlist), 300001 / 400101 (token) and the 4301xx content checks are not worth one.
 */
const DINGTALK_RULES: ResultCodeRules = {
	label: 'DingTalk robot',
	codeFields: ['errcode'],
	sent: 0,
	messageFields: ['errmsg'],
	slowDown: SLOW_DOWN.dingtalk,
	retryable: { [-1]: 1_000 },
};

export interface DingTalkConfig {
	accessToken: string;
	signingSecret?: string;
	baseUrl: string;
}

export function dingTalkConfig(credentials: Record<string, unknown>): DingTalkConfig {
	const raw = requiredString(credentials, 'accessToken', CREDENTIAL);
	return {
		accessToken: tokenFromUrlOrValue(raw, { queryName: 'access_token' }),
		signingSecret: optionalString(credentials, 'signingSecret'),
		baseUrl: baseUrl(credentials, 'baseUrl', DINGTALK_DEFAULT_BASE_URL, CREDENTIAL),
	};
}

/** 加签: base64(HMAC-SHA256(key = secret, message = timestamp + "\n" + secret)), timestamp in ms. */
export function dingTalkSignature(timestampMs: number, secret: string): string {
	return createHmac('sha256', secret).update(`${timestampMs}\n${secret}`, 'utf8').digest('base64');
}

/** The query string of a DingTalk robot call: access_token, and timestamp + sign when 加签 is on. */
export function dingTalkQuery(config: DingTalkConfig, nowMs: number): string {
	const parts = [`access_token=${encodeURIComponent(config.accessToken)}`];
	if (config.signingSecret) {
		parts.push(`timestamp=${nowMs}`, `sign=${encodeURIComponent(dingTalkSignature(nowMs, config.signingSecret))}`);
	}
	return parts.join('&');
}

/** The JSON body; a mobile number in `to` is @-mentioned, which DingTalk requires in the text too. */
export function dingTalkBody(message: OutgoingMessage): Record<string, unknown> {
	const mobile = mentionableMobile(message.to);
	const at = mobile ? { at: { atMobiles: [mobile], isAtAll: false } } : {};
	const mention = mobile && !message.text.includes(`@${mobile}`) ? ` @${mobile}` : '';
	if (message.markdown) {
		const title = message.title ?? message.subject ?? message.text.split('\n')[0].slice(0, 64);
		return { msgtype: 'markdown', markdown: { title, text: `${message.text}${mention}` }, ...at };
	}
	return { msgtype: 'text', text: { content: `${message.text}${mention}` }, ...at };
}

/** DingTalk (钉钉) custom group robot: POST /robot/send?access_token=…&timestamp=…&sign=…. */
export class DingTalkChannel extends HttpChannel<DingTalkConfig> {
	readonly kind = 'dingtalk' as const;

	async send(message: OutgoingMessage, options: SendOptions = {}): Promise<SendOutcome> {
		return this.postJson(
			`${this.config.baseUrl}/robot/send?${dingTalkQuery(this.config, this.now())}`,
			dingTalkBody(message),
			options,
			(exchange) => resultCodeOutcome(exchange, DINGTALK_RULES),
		);
	}
}
