import type { Fault } from './faults';
import { memberMobiles } from './groupMembers';
import { isJsonRequest, jsonBody, MinuteWindow, randomSecret, startHttpProvider, utf8Length, type ProviderReply, type ProviderServer } from './httpLoopback';

/** errmsg texts as WeCom sends them (abridged; the real ones add a hint id and a help URL). */
export const WECOM_ERRORS: Record<number, string> = {
	[-1]: 'system busy',
	40008: 'invalid message type',
	40035: 'invalid parameter',
	44004: 'empty content',
	45002: 'content size out of limit',
	45009: 'api freq out of limit',
	45033: 'api concurrent out of limit',
	93000: 'invalid webhook url',
};

export interface WeComServerOptions {
	key?: string;
	/** Enforce WeCom's per-robot limit (20 messages a minute) with errcode 45009. Off by default. */
	perMinuteLimit?: number;
	/** Make 93000 echo the key it was given, as a careless proxy might: proves the client redacts. */
	echoKeyInErrors?: boolean;
	/** The group members' registered mobiles (groupMembers.ts); by default any mobile in a registered form. */
	members?: string[];
}

/**
 * WeCom group robot. Enforces: POST /cgi-bin/webhook/send, `key` query equal to the robot key (93000
 * otherwise), JSON body, msgtype text|markdown (40008), non-empty content (44004) within 2048 bytes for
 * text and 4096 for markdown (45002). Answers HTTP 200 {errcode, errmsg} always, as WeCom does. A delivery's
 * `to` lists the members it mentions: each mentioned_mobile_list entry equal to a member's registered mobile
 * (groupMembers.ts; "@all" is everyone) and each `<@userid>` in the content.
 */
export async function startWeComServer(options: WeComServerOptions = {}): Promise<ProviderServer> {
	const key = options.key ?? randomSecret('wk-');
	const window = new MinuteWindow(options.perMinuteLimit);
	const isMember = memberMobiles(options.members);
	const error = (errcode: number, detail?: string): ProviderReply => ({
		status: 200,
		code: errcode,
		body: { errcode, errmsg: `${WECOM_ERRORS[errcode] ?? 'error'}${detail ? `, ${detail}` : ''}` },
	});

	return startHttpProvider({
		kind: 'wecom',
		secrets: [key],
		credentials: (baseUrl) => ({ webhookKey: key, baseUrl }),
		resetState: () => window.reset(),
		handle: (request) => {
			if (request.method !== 'POST' || request.path !== '/cgi-bin/webhook/send') {
				return { status: 404, body: 'not found' };
			}
			const given = request.query.get('key');
			if (given !== key) return error(93000, options.echoKeyInErrors ? `key: ${given ?? ''}` : undefined);
			const body = jsonBody(request);
			if (!body || !isJsonRequest(request)) return error(40035, 'body is not JSON');
			let content: unknown;
			let limit: number;
			if (body.msgtype === 'text') {
				content = (body.text as Record<string, unknown> | undefined)?.content;
				limit = 2048;
			} else if (body.msgtype === 'markdown') {
				content = (body.markdown as Record<string, unknown> | undefined)?.content;
				limit = 4096;
			} else {
				return error(40008);
			}
			if (typeof content !== 'string' || content === '') return error(44004);
			if (utf8Length(content) > limit) return error(45002);
			if (!window.admit()) return error(45009);
			// Members mentioned: by mobile (text messages), and by `<@userid>` in the content (text and markdown).
			const mobiles = (body.text as Record<string, unknown> | undefined)?.mentioned_mobile_list;
			const mentioned = [...(Array.isArray(mobiles) ? mobiles.map(String).filter((m) => m === '@all' || isMember(m)) : []), ...[...content.matchAll(/<@([^<>\s]+)>/g)].map((m) => m[1])];
			return {
				status: 200,
				code: 0,
				body: { errcode: 0, errmsg: 'ok' },
				delivered: { to: mentioned.join(','), text: content, raw: body },
			};
		},
		faultReply: (fault: Fault) => {
			if (fault.kind === 'rateLimit') return error(45009);
			if (fault.kind === 'serverError') return { status: fault.status ?? 502, body: '<html><body>502 Bad Gateway</body></html>' };
			if (fault.kind === 'providerError') return error(Number(fault.code));
			throw new Error(`unexpected fault ${fault.kind}`);
		},
	});
}
