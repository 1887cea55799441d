import { DEFAULT_TIMEOUT_MS, describeFailure, flattenHeaders, type ExchangeOptions, type HttpClient, type HttpExchange, type HttpRequestSpec } from './httpTransport';

/** The options of n8n's `this.helpers.httpRequest` that the channels use (IHttpRequestOptions): the request itself, and how to make it. */
export interface HelperRequestOptions extends HttpRequestSpec {
	abortSignal: AbortSignal;
	disableFollowRedirect: true;
	ignoreHttpStatusErrors: true;
	returnFullResponse: true;
	json: false;
	encoding: 'text';
}

/** n8n's request helper, handed in by the node: proxy settings and (n8n >= 2.41) SSRF protection apply. */
export type HelperRequest = (options: HelperRequestOptions) => Promise<unknown>;

interface FullResponse {
	statusCode: number;
	headers?: Record<string, unknown>;
	body?: unknown;
}

/**
 * HTTP through n8n's request helper. The answer is classified exactly as our own client does (a reply of
 * any status is a response; a failure before the request was written is "not sent", after it "unknown"),
 * and a request n8n's SSRF protection refuses is a permanent failure with n8n's reason.
 */
export class HelperTransport implements HttpClient {
	constructor(
		private readonly request: HelperRequest,
		private readonly defaultTimeoutMs = DEFAULT_TIMEOUT_MS,
	) {}

	async exchange(spec: HttpRequestSpec, options: ExchangeOptions = {}): Promise<HttpExchange> {
		if (options.signal?.aborted) {
			return { kind: 'notSent', code: 'ABORTED', retryable: true, detail: 'the send was cancelled before it started' };
		}
		const timeoutMs = options.timeoutMs ?? this.defaultTimeoutMs;
		const deadline = AbortSignal.timeout(timeoutMs);
		try {
			const response = (await this.request({
				method: spec.method,
				url: spec.url,
				...(spec.headers ? { headers: spec.headers } : {}),
				...(spec.body !== undefined ? { body: spec.body } : {}),
				...(spec.auth ? { auth: spec.auth } : {}),
				abortSignal: options.signal ? AbortSignal.any([options.signal, deadline]) : deadline,
				disableFollowRedirect: true,
				ignoreHttpStatusErrors: true,
				returnFullResponse: true,
				json: false,
				encoding: 'text',
			})) as FullResponse;
			const body = response.body;
			return {
				kind: 'response',
				status: response.statusCode,
				headers: flattenHeaders(response.headers ?? {}),
				body: typeof body === 'string' ? body : body === undefined || body === null ? '' : Buffer.isBuffer(body) ? body.toString('utf8') : JSON.stringify(body),
			};
		} catch (error) {
			const blocked = ssrfRefusal(error);
			if (blocked) return blocked;
			return describeFailure(error, deadline.aborted ? `no answer within ${timeoutMs} ms` : undefined);
		}
	}

	close(): void {}
}

/** n8n's SsrfBlockedIpError / SsrfBlockedHostnameError: nothing was sent, and a retry would be refused too. */
function ssrfRefusal(error: unknown): HttpExchange | undefined {
	const e = error as { name?: unknown; message?: unknown; description?: unknown } | undefined;
	if (typeof e?.name !== 'string' || !e.name.startsWith('Ssrf')) return undefined;
	const description = typeof e.description === 'string' ? ` ${e.description}` : '';
	return { kind: 'notSent', code: 'SSRF_BLOCKED', retryable: false, detail: `n8n refused the request: ${String(e.message)}.${description}` };
}
