import http from 'node:http';
import https from 'node:https';
import axios, { AxiosError, type AxiosInstance } from 'axios';
import { isCertificateRefusal } from './certificateErrors';

export const DEFAULT_TIMEOUT_MS = 10_000;
const MAX_RESPONSE_BYTES = 1024 * 1024;

export interface HttpRequestSpec {
	method: 'GET' | 'POST';
	url: string;
	headers?: Record<string, string>;
	body?: string;
	/** Basic auth, sent as the Authorization header (never placed in the URL). */
	auth?: { username: string; password: string };
}

export interface HttpResponse {
	kind: 'response';
	status: number;
	headers: Record<string, string | undefined>;
	body: string;
}

/** The request never reached the provider: safe to try again if `retryable`. */
export interface HttpNotSent {
	kind: 'notSent';
	code: string;
	retryable: boolean;
	detail: string;
}

/** The request was written, then the exchange broke: the provider may have acted on it. */
export interface HttpUnknown {
	kind: 'unknown';
	code: string;
	detail: string;
}

export type HttpExchange = HttpResponse | HttpNotSent | HttpUnknown;

export interface ExchangeOptions {
	timeoutMs?: number;
	signal?: AbortSignal;
}

/** What every HTTP channel sends through: n8n's request helper in a node, our own axios client elsewhere. */
export interface HttpClient {
	exchange(spec: HttpRequestSpec, options?: ExchangeOptions): Promise<HttpExchange>;
	close(): void;
}

/** Failures that happen before any byte of the request can reach the provider. */
const BEFORE_SENDING: Record<string, boolean> = {
	ECONNREFUSED: true,
	EHOSTUNREACH: true,
	ENETUNREACH: true,
	EAI_AGAIN: true,
	EADDRNOTAVAIL: true,
	ENOTFOUND: false,
	ERR_INVALID_URL: false,
	ERR_BAD_OPTION_VALUE: false,
};

/**
 * The one HTTP client every HTTP channel uses. Connections are not kept alive on purpose: on a reused
 * keep-alive socket a reset cannot tell "the server closed an idle socket" (safe to resend) from "the
 * server dropped the connection after taking the request" (not safe), and a duplicate message is worse
 * than one extra TCP handshake.
 */
export class HttpTransport implements HttpClient {
	private readonly httpAgent = new http.Agent({ keepAlive: false });
	private readonly httpsAgent = new https.Agent({ keepAlive: false });
	private readonly client: AxiosInstance;

	constructor(private readonly defaultTimeoutMs = DEFAULT_TIMEOUT_MS) {
		this.client = axios.create({
			httpAgent: this.httpAgent,
			httpsAgent: this.httpsAgent,
			maxRedirects: 0,
			maxContentLength: MAX_RESPONSE_BYTES,
			responseType: 'text',
			transformResponse: [(data: unknown) => data],
			validateStatus: () => true,
			transitional: { clarifyTimeoutError: true },
		});
	}

	async exchange(spec: HttpRequestSpec, options: ExchangeOptions = {}): Promise<HttpExchange> {
		if (options.signal?.aborted) {
			return { kind: 'notSent', code: 'ABORTED', retryable: true, detail: 'the send was cancelled before it started' };
		}
		const timeoutMs = options.timeoutMs ?? this.defaultTimeoutMs;
		const deadline = AbortSignal.timeout(timeoutMs);
		const signal = options.signal ? AbortSignal.any([options.signal, deadline]) : deadline;
		try {
			const response = await this.client.request<string>({
				method: spec.method,
				url: spec.url,
				headers: spec.headers,
				data: spec.body,
				auth: spec.auth,
				signal,
			});
			return {
				kind: 'response',
				status: response.status,
				headers: flattenHeaders(response.headers as Record<string, unknown>),
				body: typeof response.data === 'string' ? response.data : String(response.data ?? ''),
			};
		} catch (error) {
			return describeFailure(error, deadline.aborted ? `no answer within ${timeoutMs} ms` : undefined);
		}
	}

	close(): void {
		this.httpAgent.destroy();
		this.httpsAgent.destroy();
	}
}

export function flattenHeaders(headers: Record<string, unknown>): Record<string, string | undefined> {
	const out: Record<string, string | undefined> = {};
	for (const [name, value] of Object.entries(headers)) {
		out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value === undefined ? undefined : String(value);
	}
	return out;
}

/**
 * OpenSSL's words for a TLS handshake that failed (an https:// URL on a plain-HTTP port, no protocol in
 * common): the request was queued on the socket, but nothing of it can have left, encrypted or not.
 */
const TLS_HANDSHAKE = /wrong version number|packet length too long|unknown protocol|unsupported protocol|no protocols available|handshake failure/i;

export function describeFailure(error: unknown, timedOut: string | undefined): HttpNotSent | HttpUnknown {
	// Duck-typed: n8n's request helper throws errors of its own axios copy, which are not our AxiosError.
	const axiosError = error instanceof AxiosError || (error as { isAxiosError?: unknown } | undefined)?.isAxiosError === true ? (error as AxiosError) : undefined;
	const cause = (axiosError?.cause ?? error) as NodeJS.ErrnoException | undefined;
	const code = (cause?.code ?? axiosError?.code ?? 'EUNKNOWN').toString();
	const request = axiosError?.request as { writableFinished?: boolean } | undefined;
	const written = request?.writableFinished === true;

	if ((code === 'EPROTO' || code.startsWith('ERR_SSL_')) && TLS_HANDSHAKE.test(cause?.message ?? '')) {
		const reason = (cause?.message ?? '').replace(/^.*SSL routines:[^:]*:/s, '').split(':')[0].trim();
		return { kind: 'notSent', code, retryable: false, detail: `${code}: the TLS connection could not be set up (${reason}); check that the URL's https:// or http:// is what the server speaks` };
	}
	if ((code in BEFORE_SENDING || isCertificateRefusal(code)) && !written) {
		return { kind: 'notSent', code, retryable: BEFORE_SENDING[code] ?? false, detail: `${code}: ${cause?.message ?? 'connection failed'}` };
	}
	if (timedOut) {
		return written
			? { kind: 'unknown', code: 'ETIMEDOUT', detail: `${timedOut} after the request was sent` }
			: { kind: 'notSent', code: 'ETIMEDOUT', retryable: true, detail: `${timedOut}; the request was not sent` };
	}
	if (axiosError?.code === 'ERR_CANCELED') {
		return written
			? { kind: 'unknown', code: 'ABORTED', detail: 'the send was cancelled after the request was sent' }
			: { kind: 'notSent', code: 'ABORTED', retryable: true, detail: 'the send was cancelled before the request was sent' };
	}
	const message = cause?.message ?? (error instanceof Error ? error.message : String(error));
	return written
		? { kind: 'unknown', code, detail: `${code}: ${message} (after the request was sent)` }
		: { kind: 'notSent', code, retryable: true, detail: `${code}: ${message} (before the request was sent)` };
}
