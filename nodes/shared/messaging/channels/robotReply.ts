import type { HttpExchange } from './httpTransport';
import {
	missingResultCodeOutcome,
	parseJsonObject,
	providerErrorOutcome,
	shortBody,
	transportFailureOutcome,
} from './outcomes';
import type { SendOutcome } from './types';

export interface RobotReplyRules {
	/** Channel name for messages, e.g. "WeCom robot". */
	label: string;
	/** Field holding the numeric result code, in order of preference ("errcode", "code", "StatusCode"). */
	codeFields: string[];
	messageFields: string[];
	/** Result codes worth retrying, with the wait that the provider's documented window implies. */
	retryable: Record<string, number | undefined>;
}

/**
 * Group robots (WeCom, DingTalk, Feishu) answer HTTP 200 with a result code in the body: 0 is success,
 * anything else is an error even though the status says OK.
 */
export function robotReplyOutcome(exchange: HttpExchange, rules: RobotReplyRules): SendOutcome {
	if (exchange.kind !== 'response') return transportFailureOutcome(rules.label, exchange);
	const body = parseJsonObject(exchange.body);
	const codeField = body && rules.codeFields.find((field) => typeof body[field] === 'number');
	if (!body || !codeField) return missingResultCodeOutcome(rules.label, exchange, 'a result code');
	const code = body[codeField] as number;
	if (code === 0) return { status: 'sent', providerCode: '0' };
	const messageField = rules.messageFields.find((field) => typeof body[field] === 'string');
	const text = messageField ? shortBody(body[messageField] as string) : '';
	return providerErrorOutcome(exchange, String(code), `${rules.label} rejected the message: ${codeField} ${code}${text ? ` (${text})` : ''}`, rules.retryable);
}

/** Robots can @-mention a group member by mobile number; anything else in `to` (an email, a name) is not mentioned. */
export function mentionableMobile(to: string): string | undefined {
	const compact = to.replace(/[\s-]/g, '');
	return /^\+?\d{5,15}$/.test(compact) ? compact : undefined;
}
