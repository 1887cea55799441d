import type { HttpExchange } from './httpTransport';
import {
	failedOutcome,
	httpStatusOutcome,
	parseJsonObject,
	shortBody,
	transportFailureOutcome,
	retryAfterOf,
} from './outcomes';
import type { SendOutcome } from './types';

export interface RobotReplyRules {
	/** Channel name for messages, e.g. "WeCom robot". */
	label: string;
	/** Field holding the numeric result code, in order of preference ("errcode", "code", "StatusCode"). */
	codeFields: string[];
	messageFields: string[];
	/** Result codes worth retrying, with the wait that the provider's documented window implies. */
	retryable: Record<number, number | undefined>;
}

/**
 * Group robots (WeCom, DingTalk, Feishu) answer HTTP 200 with a result code in the body: 0 is success,
 * anything else is an error even though the status says OK.
 */
export function robotReplyOutcome(exchange: HttpExchange, rules: RobotReplyRules): SendOutcome {
	if (exchange.kind !== 'response') return transportFailureOutcome(rules.label, exchange);
	const body = parseJsonObject(exchange.body);
	const codeField = body && rules.codeFields.find((field) => typeof body[field] === 'number');
	if (!body || !codeField) {
		if (exchange.status >= 200 && exchange.status < 300) {
			// The provider took the request but its reply is unreadable: it may have posted the message.
			return {
				status: 'unknown',
				message: `${rules.label} answered HTTP ${exchange.status} without a result code (${shortBody(exchange.body) || 'empty body'}); it may have been delivered, so it is not sent again`,
			};
		}
		return httpStatusOutcome(rules.label, exchange);
	}
	const code = body[codeField] as number;
	if (code === 0) return { status: 'sent', providerCode: '0' };
	const messageField = rules.messageFields.find((field) => typeof body[field] === 'string');
	const text = messageField ? shortBody(body[messageField] as string) : '';
	const message = `${rules.label} rejected the message: ${codeField} ${code}${text ? ` (${text})` : ''}`;
	if (Object.prototype.hasOwnProperty.call(rules.retryable, code)) {
		return failedOutcome(true, String(code), message, { retryAfterMs: retryAfterOf(exchange) ?? rules.retryable[code] });
	}
	if (exchange.status === 429 || exchange.status >= 500) {
		return failedOutcome(true, String(code), message, { retryAfterMs: retryAfterOf(exchange) });
	}
	return failedOutcome(false, String(code), message);
}

/** Robots can @-mention a group member by mobile number; anything else in `to` (an email, a name) is not mentioned. */
export function mentionableMobile(to: string): string | undefined {
	const compact = to.replace(/[\s-]/g, '');
	return /^\+?\d{5,15}$/.test(compact) ? compact : undefined;
}
