import http, { type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import type { AddressInfo, Socket } from 'node:net';

import type { ChannelKind } from '../../../nodes/shared/messaging/channels/registry';
import { FaultInjector, type Fault } from './faults';

const MAX_BODY_BYTES = 1024 * 1024;

export interface RecordedRequest {
	seq: number;
	at: number;
	method: string;
	/** Path without the query string. */
	path: string;
	query: URLSearchParams;
	headers: IncomingHttpHeaders;
	rawBody: string;
	/** What the server did: 'delivered', 'rejected' (contract or provider error), or the fault kind. */
	result?: string;
	/** The HTTP status it answered with (undefined when the connection was dropped). */
	status?: number;
	/** The provider error code it answered with, if any. */
	providerCode?: string;
}

/** A message the provider accepted. `key` identifies it across retries for duplicate counting. */
export interface Delivery {
	seq: number;
	at: number;
	to: string;
	text: string;
	subject?: string;
	idempotencyKey?: string;
	key: string;
	raw: unknown;
}

export type DeliveredMessage = Omit<Delivery, 'seq' | 'at' | 'key'>;

export interface ProviderReply {
	status: number;
	body: string | Record<string, unknown>;
	headers?: Record<string, string>;
	/** Set when the provider accepted the message. */
	delivered?: DeliveredMessage;
	/** The provider error code, for the request log. */
	code?: string | number;
}

/** What every loopback provider (HTTP or SMTP) offers a test. */
export interface ProviderServer<Request = RecordedRequest> {
	readonly kind: ChannelKind;
	/** http://127.0.0.1:<port> (SMTP: smtp://127.0.0.1:<port>). */
	readonly baseUrl: string;
	/** A credential object for createChannel(kind, credentials) that points at this server. */
	readonly credentials: Record<string, unknown>;
	/** The secret values in `credentials`, for secret scans. */
	readonly secrets: string[];
	readonly requests: Request[];
	readonly deliveries: Delivery[];
	readonly faults: FaultInjector<Request>;
	/** Delivery keys seen more than once (a non-empty list means a duplicate send). */
	duplicates(): string[];
	/** Forget requests, deliveries, faults and provider state (rate windows, nonces); keep the configuration. */
	reset(): void;
	close(): Promise<void>;
}

export interface HttpProviderSpec {
	kind: ChannelKind;
	credentials: (baseUrl: string) => Record<string, unknown>;
	secrets: string[];
	/** The provider's real handling: contract checks, then success or a documented error. */
	handle: (request: RecordedRequest) => ProviderReply;
	/** How a rateLimit / serverError / providerError fault looks from this provider. */
	faultReply: (fault: Exclude<Fault, { kind: 'slow' | 'drop' | 'raw' }>, request: RecordedRequest) => ProviderReply;
	/** Clears provider state (rate windows, used nonces) on reset(). */
	resetState?: () => void;
}

export function deliveryKey(message: DeliveredMessage): string {
	return message.idempotencyKey ?? `${message.to}\u0000${message.subject ?? ''}\u0000${message.text}`;
}

export function duplicateKeys(deliveries: readonly Delivery[]): string[] {
	const seen = new Map<string, number>();
	for (const delivery of deliveries) seen.set(delivery.key, (seen.get(delivery.key) ?? 0) + 1);
	return [...seen].filter(([, count]) => count > 1).map(([key]) => key);
}

export async function startHttpProvider(spec: HttpProviderSpec): Promise<ProviderServer> {
	const requests: RecordedRequest[] = [];
	const deliveries: Delivery[] = [];
	const faults = new FaultInjector<RecordedRequest>();
	const sockets = new Set<Socket>();
	const timers = new Set<NodeJS.Timeout>();
	let seq = 0;

	const record = (request: RecordedRequest, message: DeliveredMessage) => {
		deliveries.push({ ...message, seq: request.seq, at: Date.now(), key: deliveryKey(message) });
	};

	const reply = (res: ServerResponse, request: RecordedRequest, answer: ProviderReply, result: string) => {
		request.result = result;
		request.status = answer.status;
		if (answer.code !== undefined) request.providerCode = String(answer.code);
		const isJson = typeof answer.body !== 'string';
		const body = isJson ? JSON.stringify(answer.body) : (answer.body as string);
		res.writeHead(answer.status, {
			'Content-Type': isJson ? 'application/json; charset=utf-8' : 'text/plain; charset=utf-8',
			...answer.headers,
		});
		res.end(body);
	};

	const drop = (req: IncomingMessage, how: 'reset' | 'close' = 'reset') => {
		const socket = req.socket as Socket & { resetAndDestroy?: () => void };
		if (how === 'reset' && typeof socket.resetAndDestroy === 'function') socket.resetAndDestroy();
		else socket.destroy();
	};

	const server = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		let size = 0;
		req.on('data', (chunk: Buffer) => {
			size += chunk.length;
			if (size > MAX_BODY_BYTES) {
				res.writeHead(413).end('request too large');
				req.destroy();
				return;
			}
			chunks.push(chunk);
		});
		req.on('end', () => {
			const url = new URL(req.url ?? '/', 'http://loopback');
			const request: RecordedRequest = {
				seq: ++seq,
				at: Date.now(),
				method: req.method ?? 'GET',
				path: url.pathname,
				query: url.searchParams,
				headers: req.headers,
				rawBody: Buffer.concat(chunks).toString('utf8'),
			};
			requests.push(request);
			const fault = faults.next(request);
			if (!fault) {
				const answer = spec.handle(request);
				if (answer.delivered) record(request, answer.delivered);
				reply(res, request, answer, answer.delivered ? 'delivered' : 'rejected');
				return;
			}
			switch (fault.kind) {
				case 'drop': {
					if (fault.delivered) {
						const answer = spec.handle(request);
						if (answer.delivered) record(request, answer.delivered);
					}
					request.result = fault.delivered ? 'drop-after-delivery' : 'drop';
					drop(req, fault.how);
					return;
				}
				case 'slow': {
					const answer = spec.handle(request);
					if (answer.delivered) record(request, answer.delivered);
					const timer = setTimeout(() => {
						timers.delete(timer);
						if (!res.destroyed) reply(res, request, answer, answer.delivered ? 'delivered-slowly' : 'rejected-slowly');
					}, fault.delayMs);
					timers.add(timer);
					return;
				}
				case 'raw':
					reply(res, request, { status: fault.status, body: fault.body, headers: fault.headers }, 'raw');
					return;
				default:
					reply(res, request, spec.faultReply(fault, request), fault.kind);
			}
		});
	});
	server.on('connection', (socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

	return {
		kind: spec.kind,
		baseUrl,
		credentials: spec.credentials(baseUrl),
		secrets: spec.secrets,
		requests,
		deliveries,
		faults,
		duplicates: () => duplicateKeys(deliveries),
		reset: () => {
			requests.length = 0;
			deliveries.length = 0;
			faults.clear();
			spec.resetState?.();
		},
		close: async () => {
			for (const timer of timers) clearTimeout(timer);
			timers.clear();
			for (const socket of sockets) socket.destroy();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}

/** Parses a JSON request body, or undefined when it is not a JSON object. */
export function jsonBody(request: RecordedRequest): Record<string, unknown> | undefined {
	try {
		const parsed: unknown = JSON.parse(request.rawBody);
		return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;
	} catch {
		return undefined;
	}
}

export function isJsonRequest(request: RecordedRequest): boolean {
	return /^application\/json\b/i.test(String(request.headers['content-type'] ?? ''));
}

/** A sliding one-minute window per robot, as WeCom and DingTalk enforce (20 messages a minute). */
export class MinuteWindow {
	private stamps: number[] = [];
	constructor(private readonly limit: number | undefined) {}
	/** True when one more message fits in the window (and counts it). */
	admit(now = Date.now()): boolean {
		if (this.limit === undefined) return true;
		this.stamps = this.stamps.filter((t) => now - t < 60_000);
		if (this.stamps.length >= this.limit) return false;
		this.stamps.push(now);
		return true;
	}
	reset(): void {
		this.stamps = [];
	}
}

export function utf8Length(text: string): number {
	return Buffer.byteLength(text, 'utf8');
}

export function randomSecret(prefix = ''): string {
	// Distinctive, so a secret scan cannot match by accident.
	return `${prefix}${randomBytes(18).toString('base64url')}`;
}
