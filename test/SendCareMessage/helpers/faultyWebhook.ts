import { createHash, createHmac, timingSafeEqual } from 'crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'http';
import type { AddressInfo, Socket } from 'net';

/** What the server does with one request. */
export type Fault = 'ok' | 'rateLimited' | 'serverError' | 'slow' | 'dropBefore' | 'dropAfter';

export interface FaultRates {
	rateLimited: number;
	serverError: number;
	slow: number;
	dropBefore: number;
	dropAfter: number;
}

export interface FaultyWebhookOptions {
	signingSecret: string;
	rates: FaultRates;
	/** Retry-After sent with 429, in seconds (fractions allowed). */
	retryAfterSeconds: number;
	/** How long a slow response is held: longer than the client's timeout. */
	slowMs: number;
}

/** Deterministic uniform [0, 1) from a string, so a run injects the same faults every time. */
function unit(text: string): number {
	return createHash('sha256').update(text).digest().readUInt32BE(0) / 2 ** 32;
}

/**
 * A generic-webhook receiver (the contract of the Generic Webhook channel: JSON body, X-Signature
 * HMAC-SHA256 of the raw body, Idempotency-Key header) that injects faults. It counts, per key, every
 * request and every delivery, where a delivery is a message the receiver acted on, whether or not the
 * sender heard back (a slow answer or a connection dropped after processing still delivered it).
 */
export class FaultyWebhookServer {
	readonly requests = new Map<string, Fault[]>();
	readonly deliveries = new Map<string, number>();
	badSignatures = 0;
	/** Answer every signed request with this HTTP status (a permanent refusal), when set. */
	rejectWith?: number;
	/** Chooses the fault for one request (attempt counts from 0); undefined falls back to the rates. */
	faultFor?: (key: string, attempt: number) => Fault | undefined;
	private server?: Server;
	private readonly sockets = new Set<Socket>();
	private readonly timers = new Set<NodeJS.Timeout>();

	constructor(private readonly options: FaultyWebhookOptions) {}

	get url(): string {
		const address = this.server!.address() as AddressInfo;
		return `http://127.0.0.1:${address.port}/care-hook`;
	}

	async start(): Promise<this> {
		this.server = createServer((req, res) => this.handle(req, res));
		this.server.keepAliveTimeout = 30_000;
		this.server.on('connection', (socket) => {
			this.sockets.add(socket);
			socket.on('close', () => this.sockets.delete(socket));
		});
		await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
		return this;
	}

	async stop(): Promise<void> {
		for (const timer of this.timers) clearTimeout(timer);
		for (const socket of this.sockets) socket.destroy();
		await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
	}

	private pick(key: string, attempt: number): Fault {
		const r = unit(`${key}#${attempt}`);
		const { rates } = this.options;
		let edge = 0;
		for (const fault of ['rateLimited', 'serverError', 'slow', 'dropBefore', 'dropAfter'] as const) {
			edge += rates[fault];
			if (r < edge) return fault;
		}
		return 'ok';
	}

	private deliver(key: string) {
		this.deliveries.set(key, (this.deliveries.get(key) ?? 0) + 1);
	}

	private handle(req: IncomingMessage, res: ServerResponse) {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			const raw = Buffer.concat(chunks).toString('utf8');
			const expected = Buffer.from(`sha256=${createHmac('sha256', this.options.signingSecret).update(raw).digest('hex')}`);
			const given = Buffer.from(String(req.headers['x-signature'] ?? ''));
			if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
				this.badSignatures++;
				res.writeHead(401, { 'Content-Type': 'application/json' }).end('{"error":"bad signature"}');
				return;
			}
			const key = String(req.headers['idempotency-key'] ?? '');
			if (this.rejectWith) {
				res.writeHead(this.rejectWith, { 'Content-Type': 'application/json' }).end('{"error":"invalid recipient"}');
				return;
			}
			const seen = this.requests.get(key) ?? [];
			const fault = this.faultFor?.(key, seen.length) ?? this.pick(key, seen.length);
			seen.push(fault);
			this.requests.set(key, seen);
			switch (fault) {
				case 'rateLimited':
					res
						.writeHead(429, { 'Content-Type': 'application/json', 'Retry-After': String(this.options.retryAfterSeconds) })
						.end('{"error":"rate limited"}');
					return;
				case 'serverError':
					res.writeHead(503, { 'Content-Type': 'application/json' }).end('{"error":"unavailable"}');
					return;
				case 'dropBefore':
					req.socket.destroy();
					return;
				case 'dropAfter':
					this.deliver(key);
					req.socket.destroy();
					return;
				case 'slow': {
					this.deliver(key);
					const timer = setTimeout(() => {
						this.timers.delete(timer);
						if (!res.destroyed) res.writeHead(200, { 'Content-Type': 'application/json' }).end(`{"id":"late-${key}"}`);
					}, this.options.slowMs);
					this.timers.add(timer);
					return;
				}
				case 'ok':
					this.deliver(key);
					res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ id: `msg-${key}` }));
			}
		});
	}
}
