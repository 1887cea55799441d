import type { HttpExchange, HttpResponse } from './httpTransport';
import { httpStatusOutcome, parseJsonObject, providerErrorOutcome, shortBody, transportFailureOutcome } from './outcomes';
import type { SlowDownSignal } from './slowDown';
import type { SendOutcome } from './types';

/**
 * How a provider that answers with a result code in a JSON body (group robots, Aliyun's RPC APIs) says
 * what became of a message. Such providers answer HTTP 200 for their own errors too.
 */
export interface ResultCodeRules {
	/** Channel name for messages, e.g. "WeCom robot". */
	label: string;
	/** Fields that may hold the result code, in order of preference ("errcode", "code", "StatusCode"). */
	codeFields: string[];
	/** The code for "sent": 0 for the robots, "OK" for Aliyun. A field holding another type is no code. */
	sent: number | string;
	messageFields: string[];
	/** Field holding the provider's message ID, when it returns one. */
	messageIdField?: string;
	/** How the provider says "slow down" (slowDown.ts): its codes and the headers that name the wait. */
	slowDown: SlowDownSignal;
	/** Other result codes worth retrying (system busy), with the wait the provider's documentation implies. */
	retryable: Record<string, number | undefined>;
}

/** The outcome of one exchange with such a provider: sent, a provider error (retryable or not), unknown or a transport failure. */
export function resultCodeOutcome(exchange: HttpExchange, rules: ResultCodeRules): SendOutcome {
	if (exchange.kind !== 'response') return transportFailureOutcome(rules.label, exchange);
	const body = parseJsonObject(exchange.body);
	const codeField = body && rules.codeFields.find((field) => typeof body[field] === typeof rules.sent);
	if (!body || !codeField) return missingResultCodeOutcome(rules, exchange);
	const code = String(body[codeField]);
	if (code === String(rules.sent)) {
		const messageId = rules.messageIdField === undefined ? undefined : body[rules.messageIdField];
		return { status: 'sent', providerCode: code, ...(typeof messageId === 'string' && messageId ? { providerMessageId: messageId } : {}) };
	}
	const messageField = rules.messageFields.find((field) => typeof body[field] === 'string');
	const text = messageField ? shortBody(body[messageField] as string) : '';
	const status = exchange.status === 200 ? '' : `, HTTP ${exchange.status}`;
	return providerErrorOutcome(exchange, code, `${rules.label} rejected the message: ${codeField} ${code}${text ? ` (${text})` : ''}${status}`, rules.retryable, rules.slowDown);
}

/**
 * An answer without the result code such a provider always sends. A 2xx means the provider took the
 * request but its reply cannot be read: the message may have been posted, so it is not sent again.
 */
function missingResultCodeOutcome({ label, slowDown }: ResultCodeRules, response: HttpResponse): SendOutcome {
	if (response.status >= 200 && response.status < 300) {
		return {
			status: 'unknown',
			message: `${label} answered HTTP ${response.status} without a result code (${shortBody(response.body) || 'empty body'}); it may have been delivered, so it is not sent again`,
		};
	}
	return httpStatusOutcome(label, response, undefined, undefined, slowDown);
}
