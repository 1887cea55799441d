import { createHmac } from 'node:crypto';

import { endpointUrl, requiredString } from './credentialFields';
import { boundedHeaderKey } from './headerKey';
import { HttpChannel } from './httpChannel';
import type { HttpExchange } from './httpTransport';
import { httpStatusOutcome, parseJsonObject, transportFailureOutcome } from './outcomes';
import type { OutgoingMessage, SendOptions, SendOutcome } from './types';

const CREDENTIAL = 'Care Webhook';
const LABEL = 'Webhook';

export const WEBHOOK_SIGNATURE_HEADER = 'X-Signature';
export const WEBHOOK_TIMESTAMP_HEADER = 'X-Timestamp';
export const WEBHOOK_IDEMPOTENCY_HEADER = 'Idempotency-Key';

export interface WebhookConfig {
	url: string;
	signingSecret: string;
}

export function webhookConfig(credentials: Record<string, unknown>): WebhookConfig {
	return {
		url: endpointUrl(credentials, 'url', 'https://example.com/care-hook', CREDENTIAL),
		signingSecret: requiredString(credentials, 'signingSecret', CREDENTIAL),
	};
}

/** `sha256=` + hex(HMAC-SHA256(secret, raw body)), the GitHub-style signature header value. */
export function webhookSignature(secret: string, rawBody: string): string {
	return `sha256=${createHmac('sha256', secret).update(rawBody, 'utf8').digest('hex')}`;
}

/** The posted JSON. The timestamp is inside the signed body as well, so a receiver can refuse replays. */
export function webhookBody(message: OutgoingMessage, timestampSeconds: number): Record<string, unknown> {
	return {
		idempotencyKey: message.idempotencyKey,
		timestamp: timestampSeconds,
		to: message.to,
		...(message.subject !== undefined ? { subject: message.subject } : {}),
		text: message.text,
		...(message.html !== undefined ? { html: message.html } : {}),
		...(message.data !== undefined ? { data: message.data } : {}),
	};
}

/**
 * Generic signed webhook: POST JSON with X-Signature, X-Timestamp and Idempotency-Key headers (the key
 * percent-encoded, a digest when long, see boundedHeaderKey; the body's `idempotencyKey` carries it as is).
 * 2xx sent; 429 / 5xx / 408 retryable (Retry-After honoured); any other status permanent.
 */
export class WebhookChannel extends HttpChannel<WebhookConfig> {
	readonly kind = 'webhook' as const;

	async send(message: OutgoingMessage, options: SendOptions = {}): Promise<SendOutcome> {
		const timestamp = Math.floor(this.now() / 1000);
		const rawBody = JSON.stringify(webhookBody(message, timestamp));
		return this.exchange(
			{
				method: 'POST',
				url: this.config.url,
				headers: {
					'Content-Type': 'application/json',
					[WEBHOOK_SIGNATURE_HEADER]: webhookSignature(this.config.signingSecret, rawBody),
					[WEBHOOK_TIMESTAMP_HEADER]: String(timestamp),
					[WEBHOOK_IDEMPOTENCY_HEADER]: boundedHeaderKey(message.idempotencyKey),
				},
				body: rawBody,
			},
			options,
			webhookOutcome,
		);
	}
}

/** 2xx sent (a JSON `id` is the provider message id); 429 / 5xx / 408 retryable; any other status permanent. */
function webhookOutcome(exchange: HttpExchange): SendOutcome {
	if (exchange.kind !== 'response') return transportFailureOutcome(LABEL, exchange);
	if (exchange.status >= 200 && exchange.status < 300) {
		const reply = parseJsonObject(exchange.body);
		const id = reply && (typeof reply.id === 'string' || typeof reply.id === 'number') ? String(reply.id) : undefined;
		return { status: 'sent', providerCode: `HTTP_${exchange.status}`, ...(id ? { providerMessageId: id } : {}) };
	}
	return httpStatusOutcome(LABEL, exchange);
}
