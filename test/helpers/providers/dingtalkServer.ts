import { createHmac, timingSafeEqual } from 'node:crypto';

import type { Fault } from './faults';
import { memberMobiles } from './groupMembers';
import { isJsonRequest, jsonBody, MinuteWindow, randomSecret, startHttpProvider, type ProviderReply, type ProviderServer } from './httpLoopback';

export const DINGTALK_ERRORS: Record<number, string> = {
	[-1]: 'system busy',
	40035: 'missing parameter json',
	130101: 'send too fast, exceed 20 times per minute',
	300001: 'token is not exist',
	310000: 'sign not match',
	400013: 'group has been dissolved',
	410100: 'send too fast, throttled',
	430102: 'message contains inappropriate text',
	460101: 'message too long, exceed 20000 bytes',
};

/** DingTalk's limit on a robot's request body (errcode 460101), as textLimits.ts reads it. */
export const DINGTALK_BODY_LIMIT_BYTES = 20_000;

export interface DingTalkServerOptions {
	accessToken?: string;
	/** The robot's 加签 secret (SEC…). Null turns signing off, as a robot secured by keywords only. */
	secret?: string | null;
	/** Custom keywords: when set, the text must contain one (310000 "keywords not in content" otherwise). */
	keywords?: string[];
	/** Enforce DingTalk's 20 messages a minute with errcode 130101. Off by default. */
	perMinuteLimit?: number;
	/** Allowed clock skew of the signed timestamp, ms (DingTalk: one hour). */
	maxSkewMs?: number;
	/** The group members' registered mobiles (groupMembers.ts); by default any mobile in a registered form. */
	members?: string[];
}

function same(a: string, b: string): boolean {
	const x = Buffer.from(a);
	const y = Buffer.from(b);
	return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * DingTalk custom robot. Enforces: POST /robot/send, access_token (300001), and with 加签 a millisecond
 * `timestamp` within an hour plus `sign` = base64(HMAC-SHA256(secret, timestamp + "\n" + secret))
 * (310000 "sign not match"); keywords (310000); JSON body with msgtype text (text.content) or markdown
 * (markdown.title + markdown.text) (40035); a body over 20,000 bytes of UTF-8 (460101 "message too long, exceed
 * 20000 bytes"). HTTP 200 {errcode, errmsg}. A delivery's `to` lists the members
 * its at.atMobiles mentions: only entries equal to a member's registered mobile (groupMembers.ts).
 */
export async function startDingTalkServer(options: DingTalkServerOptions = {}): Promise<ProviderServer> {
	const accessToken = options.accessToken ?? randomSecret('dt-');
	const secret = options.secret === null ? undefined : (options.secret ?? randomSecret('SEC'));
	const maxSkewMs = options.maxSkewMs ?? 60 * 60 * 1000;
	const window = new MinuteWindow(options.perMinuteLimit);
	const isMember = memberMobiles(options.members);
	const error = (errcode: number, errmsg = DINGTALK_ERRORS[errcode] ?? 'error'): ProviderReply => ({
		status: 200,
		code: errcode,
		body: { errcode, errmsg },
	});

	return startHttpProvider({
		kind: 'dingtalk',
		secrets: [accessToken, ...(secret ? [secret] : [])],
		credentials: (baseUrl) => ({ accessToken, ...(secret ? { signingSecret: secret } : {}), baseUrl }),
		resetState: () => window.reset(),
		handle: (request) => {
			if (request.method !== 'POST' || request.path !== '/robot/send') return { status: 404, body: 'not found' };
			if (request.query.get('access_token') !== accessToken) return error(300001);
			if (secret) {
				const timestamp = request.query.get('timestamp') ?? '';
				const sign = request.query.get('sign') ?? '';
				if (!/^\d{13}$/.test(timestamp) || Math.abs(Date.now() - Number(timestamp)) > maxSkewMs) {
					return error(310000, 'sign not match, more: timestamp is invalid or expired');
				}
				const expected = createHmac('sha256', secret).update(`${timestamp}\n${secret}`).digest('base64');
				if (!same(sign, expected)) return error(310000);
			}
			if (Buffer.byteLength(request.rawBody, 'utf8') > DINGTALK_BODY_LIMIT_BYTES) return error(460101);
			const body = jsonBody(request);
			if (!body || !isJsonRequest(request)) return error(40035);
			let text: unknown;
			if (body.msgtype === 'text') text = (body.text as Record<string, unknown> | undefined)?.content;
			else if (body.msgtype === 'markdown') {
				const markdown = body.markdown as Record<string, unknown> | undefined;
				if (typeof markdown?.title !== 'string' || markdown.title === '') return error(40035, 'missing parameter markdown.title');
				text = markdown.text;
			} else return error(40035, 'unsupported msgtype');
			if (typeof text !== 'string' || text === '') return error(40035, 'missing parameter content');
			if (options.keywords && !options.keywords.some((word) => (text as string).includes(word))) {
				return error(310000, 'keywords not in content');
			}
			if (!window.admit()) return error(130101);
			const atMobiles = (body.at as Record<string, unknown> | undefined)?.atMobiles;
			return {
				status: 200,
				code: 0,
				body: { errcode: 0, errmsg: 'ok' },
				delivered: { to: Array.isArray(atMobiles) ? atMobiles.map(String).filter(isMember).join(',') : '', text, raw: body },
			};
		},
		faultReply: (fault: Fault) => {
			if (fault.kind === 'rateLimit') return error(130101);
			if (fault.kind === 'serverError') return { status: fault.status ?? 503, body: 'Service Unavailable' };
			if (fault.kind === 'providerError') return error(Number(fault.code));
			throw new Error(`unexpected fault ${fault.kind}`);
		},
	});
}
