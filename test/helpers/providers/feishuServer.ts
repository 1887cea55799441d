import { createHmac, timingSafeEqual } from 'node:crypto';

import type { Fault } from './faults';
import { isJsonRequest, jsonBody, randomSecret, startHttpProvider, type ProviderReply, type ProviderServer } from './httpLoopback';

export const FEISHU_ERRORS: Record<number, string> = {
	9499: 'Bad Request',
	11232: 'frequency limited psm[lark.oapi.app_platform_runtime]appID[1]',
	19001: 'param invalid: incoming webhook access token invalid',
	19002: 'params error, msg_type need',
	19021: 'sign match fail or timestamp is not within one hour from current time',
	19022: 'Ip Not Allowed',
	19024: 'Key Words Not Found',
};

export interface FeishuServerOptions {
	token?: string;
	/** The bot's signature secret. Null turns signature verification off. */
	secret?: string | null;
	keywords?: string[];
	/** Answer in the legacy {StatusCode, StatusMessage} shape some older bots still use. */
	legacyReplies?: boolean;
	maxSkewSeconds?: number;
}

/** Feishu's custom-bot limit on a request body: 20 KB, read as 20,000 bytes (as textLimits.ts reads it). */
export const FEISHU_BODY_LIMIT_BYTES = 20_000;

function same(a: string, b: string): boolean {
	const x = Buffer.from(a);
	const y = Buffer.from(b);
	return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Feishu / Lark custom bot. Enforces: POST /open-apis/bot/v2/hook/{token} (19001 for another token),
 * JSON body; with a secret, `timestamp` (seconds, string) within an hour and `sign` =
 * base64(HMAC-SHA256(key = timestamp + "\n" + secret, message = "")) (19021); keywords (19024);
 * msg_type text with content.text, or interactive with a card (9499 Bad Request otherwise); a body over
 * 20 KB (9499, open.feishu.cn/document/client-docs/bot-v3/add-custom-bot). Success {code: 0, msg: "success",
 * data: {}}. A rate-limit fault with `retryAfterSeconds` is the gateway's answer (HTTP 429, code 99991400,
 * x-ogw-ratelimit-limit and x-ogw-ratelimit-reset in seconds; Feishu sends no Retry-After), without it the
 * bot's own 11232.
 */
export async function startFeishuServer(options: FeishuServerOptions = {}): Promise<ProviderServer> {
	const token = options.token ?? randomSecret('fs-');
	const secret = options.secret === null ? undefined : (options.secret ?? randomSecret('fss-'));
	const maxSkewSeconds = options.maxSkewSeconds ?? 3600;
	const reply = (code: number, msg: string, status = 200): ProviderReply => ({
		status,
		code,
		body: options.legacyReplies ? { Extra: null, StatusCode: code, StatusMessage: msg } : { code, data: {}, msg },
	});
	const error = (code: number) => reply(code, FEISHU_ERRORS[code] ?? 'error', code === 9499 ? 400 : 200);

	return startHttpProvider({
		kind: 'feishu',
		secrets: [token, ...(secret ? [secret] : [])],
		credentials: (baseUrl) => ({ webhookToken: token, ...(secret ? { signingSecret: secret } : {}), baseUrl }),
		handle: (request) => {
			const prefix = '/open-apis/bot/v2/hook/';
			if (request.method !== 'POST' || !request.path.startsWith(prefix)) return { status: 404, body: '404 page not found' };
			if (Buffer.byteLength(request.rawBody, 'utf8') > FEISHU_BODY_LIMIT_BYTES) return error(9499);
			if (decodeURIComponent(request.path.slice(prefix.length)) !== token) return error(19001);
			const body = jsonBody(request);
			if (!body || !isJsonRequest(request)) return error(9499);
			if (secret) {
				const timestamp = typeof body.timestamp === 'string' ? body.timestamp : '';
				const sign = typeof body.sign === 'string' ? body.sign : '';
				const skew = Math.abs(Math.floor(Date.now() / 1000) - Number(timestamp));
				if (!/^\d{10}$/.test(timestamp) || skew > maxSkewSeconds) return error(19021);
				const expected = createHmac('sha256', `${timestamp}\n${secret}`).update(Buffer.alloc(0)).digest('base64');
				if (!same(sign, expected)) return error(19021);
			}
			// A body without msg_type (what the credential test posts) gets 19002 over HTTP 200, after the token
			// and signature checks: the reply Feishu gives a hook call that carries no message.
			if (body.msg_type === undefined) return reply(19002, 'params error, msg_type need');
			let text: string;
			if (body.msg_type === 'text') {
				const content = (body.content as Record<string, unknown> | undefined)?.text;
				if (typeof content !== 'string' || content === '') return error(9499);
				text = content;
			} else if (body.msg_type === 'interactive') {
				const card = body.card as Record<string, unknown> | undefined;
				if (!card || !Array.isArray(card.elements)) return error(9499);
				text = (card.elements as Array<Record<string, unknown>>)
					.map((element) => (typeof element.content === 'string' ? element.content : ''))
					.join('\n');
				if (text === '') return error(9499);
			} else return error(9499);
			if (options.keywords && !options.keywords.some((word) => text.includes(word))) return error(19024);
			return { ...reply(0, 'success'), delivered: { to: '', text, raw: body } };
		},
		faultReply: (fault: Fault) => {
			if (fault.kind === 'rateLimit') {
				if (fault.retryAfterSeconds === undefined) return error(11232);
				return {
					status: 429,
					code: 99991400,
					body: { code: 99991400, msg: 'request trigger frequency limit', data: {} },
					headers: { 'x-ogw-ratelimit-limit': '100', 'x-ogw-ratelimit-reset': String(fault.retryAfterSeconds) },
				};
			}
			if (fault.kind === 'serverError') return { status: fault.status ?? 500, body: 'Internal Server Error' };
			if (fault.kind === 'providerError') return error(Number(fault.code));
			throw new Error(`unexpected fault ${fault.kind}`);
		},
	});
}
