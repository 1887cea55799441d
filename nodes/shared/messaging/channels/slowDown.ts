import { parseDelaySeconds, parseRetryAfter } from './retryAfter';

/** A response's headers, names in lower case. */
type Headers = Readonly<Record<string, string | undefined>>;

/** A header that names how long to wait, and how to read it: milliseconds, or undefined when absent or unreadable. */
export interface WaitHeader {
	name: string;
	read: (value: string | undefined, nowMs: number) => number | undefined;
}

/** How one provider says "slow down", and for how long. */
export interface SlowDownSignal {
	/**
	 * The provider's result codes for "too many requests", each with the wait its documented window implies
	 * (undefined: none documented, the retry backs off). A key ending in ".*" stands for every code it starts.
	 */
	codes: Readonly<Record<string, number | undefined>>;
	/** Headers that name the wait, in order of preference; the first readable one decides. */
	waitHeaders: readonly WaitHeader[];
}

/** RFC 9110's Retry-After: delay-seconds or an HTTP-date. */
const RETRY_AFTER: WaitHeader = { name: 'retry-after', read: parseRetryAfter };

/** Any HTTP server: no codes of its own, Retry-After when it sends one. */
export const HTTP_ONLY: SlowDownSignal = { codes: {}, waitHeaders: [RETRY_AFTER] };

/**
 * Feishu's gateway: "x-ogw-ratelimit-reset: 52", seconds until the limit resets, with HTTP 429 (older
 * APIs: 400) and code 99991400 (open.feishu.cn/document/server-docs/api-call-guide/frequency-control).
 */
const FEISHU_RESET: WaitHeader = { name: 'x-ogw-ratelimit-reset', read: (value) => parseDelaySeconds(value) };

/** DingTalk's custom robot: more than 20 messages in a minute blocks it for 10 minutes (限流10分钟). */
const DINGTALK_BLOCK_MS = 10 * 60_000;

/**
 * How each provider signals "slow down" and how long to wait: the one table the channels read. A wait
 * from a header wins over the code's documented window; HTTP 429 (and 408, 5xx) without such a code is
 * retried too, after the same headers. Every wait is bounded as Retry-After is (24 hours), and the
 * node's retry budget decides whether a wait fits the run.
 *
 * - Feishu / Lark custom bot: code 11232 "frequency limited" (100 a minute, 5 a second per bot), and the
 *   gateway's 99991400 with x-ogw-ratelimit-reset, over HTTP 429 or, from older APIs, 400.
 * - DingTalk custom robot: errcode 130101 "send too fast, exceed 20 times per minute" and 410100, each
 *   followed by the 10-minute block.
 * - WeCom group robot: errcode 45009 (call frequency over the limit, 20 a minute) and 45033 (concurrency).
 * - Slack incoming webhook: HTTP 429 "rate_limited" with Retry-After in seconds.
 * - Twilio: error 20429 "Too Many Requests" with HTTP 429; no documented wait, Retry-After if sent.
 * - Aliyun SMS: Throttling and every Throttling.* (API and user flow control), and
 *   isv.BUSINESS_LIMIT_CONTROL, the per-number minute limit (its hourly and daily forms are final; see aliyunSms.ts).
 * - Generic webhook: HTTP 429 with Retry-After, as any HTTP server.
 */
export const SLOW_DOWN = {
	feishu: { codes: { 11232: 1_000, 99991400: undefined }, waitHeaders: [FEISHU_RESET, RETRY_AFTER] },
	dingtalk: { codes: { 130101: DINGTALK_BLOCK_MS, 410100: DINGTALK_BLOCK_MS }, waitHeaders: [RETRY_AFTER] },
	wecom: { codes: { 45009: 60_000, 45033: 1_000 }, waitHeaders: [RETRY_AFTER] },
	slack: { codes: { rate_limited: undefined }, waitHeaders: [RETRY_AFTER] },
	twilioSms: { codes: { 20429: undefined }, waitHeaders: [RETRY_AFTER] },
	aliyunSms: {
		codes: { Throttling: 1_000, 'Throttling.*': 1_000, 'isv.BUSINESS_LIMIT_CONTROL': 60_000 },
		waitHeaders: [RETRY_AFTER],
	},
	webhook: HTTP_ONLY,
} as const satisfies Record<string, SlowDownSignal>;

/** Whether `code` is one of the signal's "slow down" codes, and the wait its window implies. */
export function slowDownCode(signal: SlowDownSignal, code: string): { wait: number | undefined } | undefined {
	if (Object.prototype.hasOwnProperty.call(signal.codes, code) && !code.endsWith('.*')) return { wait: signal.codes[code] };
	for (const [pattern, wait] of Object.entries(signal.codes)) {
		if (pattern.endsWith('.*') && code.startsWith(pattern.slice(0, -1)) && code.length > pattern.length - 1) return { wait };
	}
	return undefined;
}

/** The wait a response's headers name, read the provider's way; undefined when none is readable. */
export function headerWait(signal: SlowDownSignal, headers: Headers, nowMs = Date.now()): number | undefined {
	for (const header of signal.waitHeaders) {
		const wait = header.read(headers[header.name], nowMs);
		if (wait !== undefined) return wait;
	}
	return undefined;
}
