import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

import type { Fault } from './faults';
import { isJsonRequest, jsonBody, randomSecret, startHttpProvider, type ProviderReply, type ProviderServer } from './httpLoopback';

export interface WebhookServerOptions {
	secret?: string;
	path?: string;
	/** Allowed age of X-Timestamp, seconds. */
	toleranceSeconds?: number;
}

/**
 * The documented Idempotency-Key encoding, written out independently: visible ASCII except "%" as is,
 * everything else as percent-encoded UTF-8 bytes (lone surrogates in their 3-byte form).
 */
function expectedHeaderKey(key: string): string {
	const bytes = (cp: number): number[] =>
		cp < 0x80
			? [cp]
			: cp < 0x800
				? [0xc0 | (cp >> 6), 0x80 | (cp & 63)]
				: cp < 0x10000
					? [0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63)]
					: [0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63)];
	return Array.from(key, (ch) => {
		const cp = ch.codePointAt(0) as number;
		return cp > 32 && cp < 127 && ch !== '%' ? ch : bytes(cp).map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');
	}).join('');
}

/**
 * The receiver's limit on Idempotency-Key, as Stripe documents it ("Idempotency keys can be up to 255
 * characters long", docs.stripe.com/api/idempotent_requests); longer keys are refused with 400.
 */
const MAX_IDEMPOTENCY_KEY_LENGTH = 255;

/** The documented header value: the encoded key, or "sha256 " + hex SHA-256 of it when over 255 characters. */
function expectedHeaderValue(key: string): string {
	const encoded = expectedHeaderKey(key);
	return encoded.length <= MAX_IDEMPOTENCY_KEY_LENGTH ? encoded : `sha256 ${createHash('sha256').update(encoded, 'ascii').digest('hex')}`;
}

function same(a: string, b: string): boolean {
	const x = Buffer.from(a);
	const y = Buffer.from(b);
	return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * A receiver for the generic signed webhook, written the way a careful integrator would: POST to its
 * path with Content-Type application/json; X-Signature = "sha256=" + hex(HMAC-SHA256(secret, raw body))
 * (401 otherwise); X-Timestamp within the tolerance and equal to the body's `timestamp` (401);
 * Idempotency-Key of at most 255 characters equal to the body's `idempotencyKey` percent-encoded as documented,
 * or its digest when longer (400); `text` present (422).
 * Success 200 {id, received: true}; rate limit 429 with Retry-After; server error 503.
 */
export async function startWebhookServer(options: WebhookServerOptions = {}): Promise<ProviderServer> {
	const secret = options.secret ?? randomSecret('whsec_');
	const path = options.path ?? '/care-hook';
	const toleranceSeconds = options.toleranceSeconds ?? 300;
	let nextId = 0;
	const error = (status: number, message: string, headers?: Record<string, string>): ProviderReply => ({
		status,
		code: status,
		body: { error: message },
		headers,
	});

	return startHttpProvider({
		kind: 'webhook',
		secrets: [secret],
		credentials: (baseUrl) => ({ url: `${baseUrl}${path}`, signingSecret: secret }),
		resetState: () => {
			nextId = 0;
		},
		handle: (request) => {
			if (request.path !== path) return error(404, 'not found');
			if (request.method !== 'POST') return error(405, 'method not allowed');
			if (!isJsonRequest(request)) return error(415, 'expected application/json');
			const signature = String(request.headers['x-signature'] ?? '');
			const expected = `sha256=${createHmac('sha256', secret).update(request.rawBody, 'utf8').digest('hex')}`;
			if (!same(signature, expected)) return error(401, 'invalid signature');
			const body = jsonBody(request);
			if (!body) return error(400, 'body is not a JSON object');
			const timestamp = String(request.headers['x-timestamp'] ?? '');
			if (!/^\d+$/.test(timestamp) || Math.abs(Date.now() / 1000 - Number(timestamp)) > toleranceSeconds) {
				return error(401, 'stale or missing timestamp');
			}
			if (String(body.timestamp) !== timestamp) return error(401, 'timestamp header does not match the signed body');
			// The credential test's signed ping: acknowledged once signature and timestamp check out, never delivered.
			if (body.type === 'ping') return { status: 200, body: { pong: true } };
			const key = String(request.headers['idempotency-key'] ?? '');
			if (key.length > MAX_IDEMPOTENCY_KEY_LENGTH) return error(400, `Idempotency-Key is ${key.length} characters, over the limit of ${MAX_IDEMPOTENCY_KEY_LENGTH}`);
			if (!key || typeof body.idempotencyKey !== 'string' || key !== expectedHeaderValue(body.idempotencyKey)) {
				return error(400, 'Idempotency-Key header missing or not the body idempotencyKey, percent-encoded');
			}
			if (typeof body.text !== 'string' || body.text === '') return error(422, 'text is required');
			const id = `evt_${++nextId}`;
			return {
				status: 200,
				body: { id, received: true },
				delivered: {
					to: typeof body.to === 'string' ? body.to : '',
					text: body.text,
					...(typeof body.subject === 'string' ? { subject: body.subject } : {}),
					idempotencyKey: body.idempotencyKey,
					raw: body,
				},
			};
		},
		faultReply: (fault: Fault) => {
			if (fault.kind === 'rateLimit') {
				return error(429, 'too many requests', fault.retryAfterSeconds !== undefined ? { 'Retry-After': String(fault.retryAfterSeconds) } : {});
			}
			if (fault.kind === 'serverError') return error(fault.status ?? 503, 'temporarily unavailable');
			if (fault.kind === 'providerError') return error(Number(fault.code), `error ${fault.code}`);
			throw new Error(`unexpected fault ${fault.kind}`);
		},
	});
}
