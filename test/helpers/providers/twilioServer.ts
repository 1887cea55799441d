import { randomBytes, timingSafeEqual } from 'node:crypto';

import type { Fault } from './faults';
import { randomSecret, startHttpProvider, type ProviderReply, type ProviderServer, type RecordedRequest } from './httpLoopback';

/** Twilio REST error codes with the HTTP status and message Twilio sends. */
export const TWILIO_ERRORS: Record<number, { status: number; message: string }> = {
	20003: { status: 401, message: 'Authenticate' },
	20404: { status: 404, message: 'The requested resource was not found' },
	20429: { status: 429, message: 'Too Many Requests' },
	20500: { status: 500, message: 'Internal Server Error' },
	21211: { status: 400, message: "Invalid 'To' Phone Number" },
	21408: { status: 400, message: 'Permission to send an SMS has not been enabled for the region indicated by the To number' },
	21602: { status: 400, message: 'Message body is required.' },
	21603: { status: 400, message: "A 'From' phone number is required." },
	21604: { status: 400, message: "A 'To' phone number is required." },
	21606: { status: 400, message: "The 'From' phone number provided is not a valid message-capable Twilio phone number for this destination/account" },
	21610: { status: 400, message: 'Attempt to send to unsubscribed recipient' },
	21614: { status: 400, message: "'To' number is not a valid mobile number" },
	21617: { status: 400, message: 'The concatenated message body exceeds the 1600 character limit' },
};

export interface TwilioServerOptions {
	accountSid?: string;
	authToken?: string;
	/** Numbers the account owns (the only valid From values). */
	from?: string[];
	messagingServiceSid?: string;
	/** Recipients that replied STOP: sending to them fails with 21610. */
	optedOut?: string[];
}

function same(a: string, b: string): boolean {
	const x = Buffer.from(a);
	const y = Buffer.from(b);
	return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Twilio Messages API. Enforces: POST /2010-04-01/Accounts/{AccountSid}/Messages.json with HTTP basic
 * auth AccountSid:AuthToken matching the path (401 20003), form-encoded To (21604; E.164 or 21211),
 * From among the account's numbers (21603 / 21606) or the MessagingServiceSid, Body (21602, ≤1600
 * chars 21617); opted-out recipients 21610. Success 201 with the Message resource (sid SM…, status
 * queued). Also GET /2010-04-01/Accounts/{AccountSid}.json (the credential test). Errors are
 * {code, message, more_info, status}.
 */
export async function startTwilioServer(options: TwilioServerOptions = {}): Promise<ProviderServer> {
	const accountSid = options.accountSid ?? `AC${randomBytes(16).toString('hex')}`;
	const authToken = options.authToken ?? randomSecret('tw-');
	const fromNumbers = options.from ?? ['+15005550006'];
	const messagingServiceSid = options.messagingServiceSid ?? `MG${randomBytes(16).toString('hex')}`;
	const optedOut = new Set(options.optedOut ?? []);
	const error = (code: number, headers?: Record<string, string>): ProviderReply => {
		const known = TWILIO_ERRORS[code] ?? { status: 400, message: 'Error' };
		return {
			status: known.status,
			code,
			headers,
			body: { code, message: known.message, more_info: `https://www.twilio.com/docs/errors/${code}`, status: known.status },
		};
	};
	const authenticated = (request: RecordedRequest): boolean => {
		const header = String(request.headers.authorization ?? '');
		if (!header.startsWith('Basic ')) return false;
		const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8');
		return same(decoded, `${accountSid}:${authToken}`);
	};

	return startHttpProvider({
		kind: 'twilioSms',
		secrets: [authToken],
		credentials: (baseUrl) => ({ accountSid, authToken, from: fromNumbers[0], baseUrl }),
		handle: (request) => {
			const account = `/2010-04-01/Accounts/${accountSid}`;
			if (!request.path.startsWith('/2010-04-01/Accounts/')) return error(20404);
			if (!authenticated(request)) return error(20003);
			if (request.method === 'GET' && request.path === `${account}.json`) {
				return { status: 200, body: { sid: accountSid, friendly_name: 'Loopback account', status: 'active', type: 'Full' } };
			}
			if (request.method !== 'POST' || request.path !== `${account}/Messages.json`) return error(20404);
			if (!/^application\/x-www-form-urlencoded/i.test(String(request.headers['content-type'] ?? ''))) return error(21604);
			const form = new URLSearchParams(request.rawBody);
			const to = form.get('To') ?? '';
			const from = form.get('From') ?? '';
			const service = form.get('MessagingServiceSid') ?? '';
			const body = form.get('Body') ?? '';
			if (!to) return error(21604);
			if (!from && !service) return error(21603);
			if (service ? service !== messagingServiceSid : !fromNumbers.includes(from)) return error(21606);
			if (!body) return error(21602);
			if (body.length > 1600) return error(21617);
			if (!/^\+[1-9]\d{6,14}$/.test(to)) return error(21211);
			if (optedOut.has(to)) return error(21610);
			const sid = `SM${randomBytes(16).toString('hex')}`;
			return {
				status: 201,
				body: {
					sid,
					account_sid: accountSid,
					to,
					from: from || null,
					messaging_service_sid: service || null,
					body,
					status: 'queued',
					num_segments: '1',
					direction: 'outbound-api',
					date_created: new Date().toUTCString(),
					uri: `${account}/Messages/${sid}.json`,
				},
				delivered: { to, text: body, raw: Object.fromEntries(form) },
			};
		},
		faultReply: (fault: Fault) => {
			if (fault.kind === 'rateLimit') {
				return error(20429, fault.retryAfterSeconds !== undefined ? { 'Retry-After': String(fault.retryAfterSeconds) } : undefined);
			}
			if (fault.kind === 'serverError') {
				const reply = error(20500);
				return fault.status ? { ...reply, status: fault.status, body: { ...(reply.body as object), status: fault.status } } : reply;
			}
			if (fault.kind === 'providerError') return error(Number(fault.code));
			throw new Error(`unexpected fault ${fault.kind}`);
		},
	});
}
