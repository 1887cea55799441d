/**
 * The contract between the sending engine and the channel implementations.
 * A channel turns one OutgoingMessage into one provider request and classifies the provider's answer.
 * send() never throws for provider or network problems: it returns a SendOutcome.
 */

/** `count` messages per `perMs` milliseconds (a provider's documented limit, or the pace a user sets). */
export interface Rate {
	count: number;
	perMs: number;
}

export interface OutgoingMessage {
	/** Email address, E.164 phone number, or '' for group robots and webhooks. */
	to: string;
	/** Email subject. */
	subject?: string;
	/** Plain-text body (always present). */
	text: string;
	/** Email HTML part. */
	html?: string;
	/** Aliyun SMS template code. */
	templateCode?: string;
	/** Aliyun SMS TemplateParam values. */
	templateParams?: Record<string, string>;
	/** Passed through to the provider where it supports one (webhook header, SMTP Message-ID, Aliyun OutId). */
	idempotencyKey: string;
	/** Group robots: render `text` as markdown instead of plain text (WeCom, DingTalk, Slack mrkdwn). */
	markdown?: boolean;
	/** Group robots: a title for markdown messages (DingTalk requires one). */
	title?: string;
	/** Generic webhook: extra JSON fields merged into the posted body under `data`. */
	data?: Record<string, unknown>;
}

export type SendOutcome =
	| { status: 'sent'; providerMessageId?: string; providerCode?: string }
	| {
			status: 'failed';
			retryable: boolean;
			providerCode: string;
			message: string;
			retryAfterMs?: number;
			optedOut?: boolean;
			/** The request never left this machine (connection refused, refused by n8n's SSRF rule, cancelled before it started). */
			neverSent?: boolean;
	  }
	/** Timeout or connection reset after the request may have been delivered. */
	| { status: 'unknown'; message: string };

export interface SendOptions {
	timeoutMs?: number;
	signal?: AbortSignal;
}

export interface Channel {
	/** The registry key it was built for (registry.ts). */
	readonly kind: string;
	send(message: OutgoingMessage, options?: SendOptions): Promise<SendOutcome>;
	close?(): Promise<void>;
}

