import type { Fault } from './faults';
import { jsonBody, randomSecret, startHttpProvider, type ProviderReply, type ProviderServer } from './httpLoopback';

/** Slack's incoming-webhook error strings and the HTTP status each comes with. */
export const SLACK_ERRORS: Record<string, number> = {
	invalid_payload: 400,
	no_text: 400,
	invalid_token: 403,
	action_prohibited: 403,
	no_service: 404,
	channel_not_found: 404,
	channel_is_archived: 410,
	rate_limited: 429,
	rollup_error: 500,
};

export interface SlackServerOptions {
	/** The token part of /services/T…/B…/<token>. */
	token?: string;
	team?: string;
	bot?: string;
}

/**
 * Slack incoming webhook. Enforces: POST /services/{team}/{bot}/{token} (404 no_service for an unknown
 * hook, 403 invalid_token for a wrong token on a known one), a JSON body (or form `payload=`) that parses
 * (400 invalid_payload) with `text` or `blocks` (400 no_text). Success is 200 "ok"; rate limit is
 * 429 rate_limited with Retry-After. A text over 40,000 characters is delivered cut to them, as Slack does.
 */
const MAX_TEXT_CHARACTERS = 40_000;

export async function startSlackServer(options: SlackServerOptions = {}): Promise<ProviderServer> {
	const team = options.team ?? 'T00000000';
	const bot = options.bot ?? 'B00000000';
	const token = options.token ?? randomSecret('');
	const hookPath = `/services/${team}/${bot}/${token}`;
	const error = (code: string, headers?: Record<string, string>): ProviderReply => ({
		status: SLACK_ERRORS[code] ?? 400,
		code,
		body: code,
		headers,
	});

	return startHttpProvider({
		kind: 'slack',
		secrets: [token],
		credentials: (baseUrl) => ({ webhookUrl: `${baseUrl}${hookPath}` }),
		handle: (request) => {
			if (request.method !== 'POST') return { status: 405, body: 'method_not_allowed' };
			if (request.path !== hookPath) {
				return request.path.startsWith(`/services/${team}/${bot}/`) ? error('invalid_token') : error('no_service');
			}
			let body: Record<string, unknown> | undefined;
			const type = String(request.headers['content-type'] ?? '');
			if (/^application\/x-www-form-urlencoded/i.test(type)) {
				const payload = new URLSearchParams(request.rawBody).get('payload');
				try {
					body = payload ? (JSON.parse(payload) as Record<string, unknown>) : undefined;
				} catch {
					body = undefined;
				}
			} else body = jsonBody(request);
			if (!body) return error('invalid_payload');
			const hasBlocks = Array.isArray(body.blocks) && body.blocks.length > 0;
			if ((typeof body.text !== 'string' || body.text === '') && !hasBlocks) return error('no_text');
			// "Slack will truncate messages containing more than 40,000 characters" (api.slack.com/methods/chat.postMessage,
			// Truncating content): accepted with "ok", the rest silently dropped.
			const text = String(body.text ?? '').slice(0, MAX_TEXT_CHARACTERS);
			return { status: 200, body: 'ok', delivered: { to: '', text, raw: body } };
		},
		faultReply: (fault: Fault) => {
			if (fault.kind === 'rateLimit') {
				return error('rate_limited', fault.retryAfterSeconds !== undefined ? { 'Retry-After': String(fault.retryAfterSeconds) } : {});
			}
			if (fault.kind === 'serverError') return { status: fault.status ?? 500, body: 'rollup_error', code: 'rollup_error' };
			if (fault.kind === 'providerError') return error(String(fault.code));
			throw new Error(`unexpected fault ${fault.kind}`);
		},
	});
}
