import type { HttpExchange, HttpNotSent, HttpResponse, HttpUnknown } from './httpTransport';
import type { Redactor } from './redaction';
import { headerWait, HTTP_ONLY, slowDownCode, type SlowDownSignal } from './slowDown';
import type { SendOutcome } from './types';

const MAX_DETAIL_LENGTH = 300;

export function sentOutcome(providerMessageId?: string, providerCode?: string): SendOutcome {
	return {
		status: 'sent',
		...(providerMessageId ? { providerMessageId } : {}),
		...(providerCode ? { providerCode } : {}),
	};
}

export function failedOutcome(
	retryable: boolean,
	providerCode: string,
	message: string,
	extra: { retryAfterMs?: number; optedOut?: boolean; neverSent?: boolean } = {},
): SendOutcome {
	return {
		status: 'failed',
		retryable,
		providerCode,
		message,
		...(extra.retryAfterMs !== undefined ? { retryAfterMs: extra.retryAfterMs } : {}),
		...(extra.optedOut ? { optedOut: true } : {}),
		...(extra.neverSent ? { neverSent: true } : {}),
	};
}

/** A network failure before or after the request left, in the words of the channel (`label`). */
export function transportFailureOutcome(label: string, failure: HttpNotSent | HttpUnknown): SendOutcome {
	if (failure.kind === 'unknown') {
		return { status: 'unknown', message: `${label}: ${failure.detail}; it may have been delivered, so it is not sent again` };
	}
	return failedOutcome(failure.retryable, failure.code, `${label}: ${failure.detail}`, { neverSent: true });
}

/** HTTP 429 and 5xx (and 408) are worth retrying; any other status is the request's own fault. */
export function isRetryableStatus(status: number): boolean {
	return status === 429 || status === 408 || status >= 500;
}

/** The wait the response's headers name, read as the provider sends it (slowDown.ts); Retry-After by default. */
export function retryAfterOf(response: HttpResponse, signal: SlowDownSignal = HTTP_ONLY, nowMs = Date.now()): number | undefined {
	return headerWait(signal, response.headers, nowMs);
}

/** An HTTP error status without a more specific provider code. */
export function httpStatusOutcome(
	label: string,
	response: HttpResponse,
	providerCode?: string,
	detail?: string,
	signal: SlowDownSignal = HTTP_ONLY,
): SendOutcome {
	const retryable = isRetryableStatus(response.status);
	const shown = detail ?? shortBody(response.body);
	return failedOutcome(
		retryable,
		providerCode ?? `HTTP_${response.status}`,
		`${label} answered HTTP ${response.status}${shown ? `: ${shown}` : ''}`,
		retryable ? { retryAfterMs: retryAfterOf(response, signal) } : {},
	);
}

/**
 * A provider's own error code. Retryable when it is one of the provider's "slow down" codes (`signal`) or
 * another code listed as transient (`transient`), after the wait its headers name or else the wait of the
 * code's documented window; or when the HTTP status is retryable (429, 408, 5xx, as without a code). Any
 * other code is the request's own fault.
 */
export function providerErrorOutcome(
	response: HttpResponse,
	code: string,
	message: string,
	transient: Readonly<Record<string, number | undefined>>,
	signal: SlowDownSignal = HTTP_ONLY,
): SendOutcome {
	const known = slowDownCode(signal, code) ?? (Object.prototype.hasOwnProperty.call(transient, code) ? { wait: transient[code] } : undefined);
	if (known) return failedOutcome(true, code, message, { retryAfterMs: retryAfterOf(response, signal) ?? known.wait });
	if (isRetryableStatus(response.status)) return failedOutcome(true, code, message, { retryAfterMs: retryAfterOf(response, signal) });
	return failedOutcome(false, code, message);
}

export function shortBody(body: string): string {
	const flat = body.replace(/\s+/g, ' ').trim();
	return flat.length > MAX_DETAIL_LENGTH ? `${flat.slice(0, MAX_DETAIL_LENGTH - 1)}…` : flat;
}

export function parseJsonObject(body: string): Record<string, unknown> | undefined {
	try {
		const parsed: unknown = JSON.parse(body);
		return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)
			? (parsed as Record<string, unknown>)
			: undefined;
	} catch {
		return undefined;
	}
}

/**
 * The boundary where provider text enters: body, headers and failure detail lose every secret before
 * anything reads, shortens or quotes them (cutting first could leave a secret's prefix behind).
 */
export function redactExchange(exchange: HttpExchange, redactor: Redactor): HttpExchange {
	if (exchange.kind !== 'response') return { ...exchange, detail: redactor.redact(exchange.detail) };
	const headers: Record<string, string | undefined> = {};
	for (const [name, value] of Object.entries(exchange.headers)) headers[name] = value === undefined ? undefined : redactor.redact(value);
	return { ...exchange, headers, body: redactor.redact(exchange.body) };
}

/** The last line of defence: no secret leaves a channel inside an outcome. */
export function redactOutcome(outcome: SendOutcome, redactor: Redactor): SendOutcome {
	if (outcome.status === 'unknown') return { ...outcome, message: redactor.redact(outcome.message) };
	if (outcome.status === 'failed') {
		return { ...outcome, message: redactor.redact(outcome.message), providerCode: redactor.redact(outcome.providerCode) };
	}
	return outcome;
}
