import { createHash } from 'node:crypto';

import { baseUrl, optionalString, requiredString } from './credentialFields';
import { aliyunCommonParams, aliyunSignedQuery } from './aliyunSignature';
import { headerSafeKey } from './headerKey';
import { HttpChannel } from './httpChannel';
import { failedOutcome } from './outcomes';
import { resultCodeOutcome, type ResultCodeRules } from './resultCodeReply';
import { SLOW_DOWN } from './slowDown';
import type { OutgoingMessage, SendOptions, SendOutcome } from './types';

export const ALIYUN_SMS_DEFAULT_ENDPOINT = 'https://dysmsapi.aliyuncs.com';
export const ALIYUN_SMS_VERSION = '2017-05-25';
const CREDENTIAL = 'Aliyun SMS';
const MAX_OUT_ID_LENGTH = 64;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Success is Code "OK" in the body, with the BizId of the message; business errors (isv.*) come with
 * HTTP 200 too. The rate limits (Throttling.*, and BUSINESS_LIMIT_CONTROL, the per-number frequency
 * control, for example 1 message a minute to the same number) are in slowDown.ts; other codes worth a
 * later retry carry the wait their documented window implies.
 */
const RULES: ResultCodeRules = {
	label: 'Aliyun SMS',
	codeFields: ['Code'],
	sent: 'OK',
	messageFields: ['Message'],
	messageIdField: 'BizId',
	slowDown: SLOW_DOWN.aliyunSms,
	retryable: {
		ServiceUnavailable: 1_000,
		InternalError: 1_000,
		'isp.SYSTEM_ERROR': 1_000,
		// A repeated nonce is refused; the next attempt signs with a fresh one.
		SignatureNonceUsed: undefined,
	},
};

export interface AliyunSmsConfig {
	accessKeyId: string;
	accessKeySecret: string;
	signName: string;
	endpoint: string;
	regionId?: string;
}

export function aliyunSmsConfig(credentials: Record<string, unknown>): AliyunSmsConfig {
	return {
		accessKeyId: requiredString(credentials, 'accessKeyId', CREDENTIAL),
		accessKeySecret: requiredString(credentials, 'accessKeySecret', CREDENTIAL),
		signName: requiredString(credentials, 'signName', CREDENTIAL),
		endpoint: baseUrl(credentials, 'endpoint', ALIYUN_SMS_DEFAULT_ENDPOINT, CREDENTIAL),
		regionId: optionalString(credentials, 'regionId'),
	};
}

/**
 * SendSms wants mainland numbers without a country code (13800138000) and other numbers as country code
 * plus number without "+" or "00" (85212345678). E.164 input is converted accordingly.
 */
export function aliyunPhoneNumber(to: string): string {
	const compact = to.replace(/[\s-]/g, '');
	const international = compact.startsWith('+') ? compact.slice(1) : compact.startsWith('00') ? compact.slice(2) : undefined;
	if (international === undefined) return compact;
	return international.startsWith('86') && international.length === 13 ? international.slice(2) : international;
}

/** OutId echoes back in delivery receipts; keys too long (or not plain text) are hashed to fit, one-to-one. */
export function aliyunOutId(idempotencyKey: string): string {
	const plain = headerSafeKey(idempotencyKey);
	return plain.length <= MAX_OUT_ID_LENGTH ? plain : createHash('sha256').update(plain).digest('hex').slice(0, MAX_OUT_ID_LENGTH);
}

export function aliyunSendSmsParams(
	config: AliyunSmsConfig,
	message: OutgoingMessage & { templateCode: string },
	now: Date,
	nonce?: string,
): Record<string, string> {
	return {
		...aliyunCommonParams(config.accessKeyId, 'SendSms', ALIYUN_SMS_VERSION, now, nonce),
		...(config.regionId ? { RegionId: config.regionId } : {}),
		PhoneNumbers: aliyunPhoneNumber(message.to),
		SignName: config.signName,
		TemplateCode: message.templateCode,
		...(message.templateParams && Object.keys(message.templateParams).length > 0
			? { TemplateParam: JSON.stringify(message.templateParams) }
			: {}),
		OutId: aliyunOutId(message.idempotencyKey),
	};
}

/** Aliyun SMS (dysmsapi) SendSms, RPC style: signed GET with the parameters in the query. */
export class AliyunSmsChannel extends HttpChannel<AliyunSmsConfig> {
	readonly kind = 'aliyunSms' as const;

	async send(message: OutgoingMessage, options: SendOptions = {}): Promise<SendOutcome> {
		if (!message.to) return failedOutcome(false, 'NO_RECIPIENT', `${RULES.label}: the message has no phone number to send to`);
		if (!message.templateCode) {
			return failedOutcome(false, 'NO_TEMPLATE_CODE', `${RULES.label}: SendSms needs an approved template code (SMS_…) and none was given`);
		}
		if (LONE_SURROGATE.test(message.templateCode)) {
			// Nothing can percent-encode it into the signed query: the request is never made.
			return failedOutcome(false, 'BAD_TEMPLATE_CODE', `${RULES.label}: the template code ${JSON.stringify(message.templateCode)} holds broken Unicode (a lone surrogate); nothing was sent`, { neverSent: true });
		}
		const params = aliyunSendSmsParams(this.config, { ...message, templateCode: message.templateCode }, new Date(this.now()));
		return this.exchange(
			{ method: 'GET', url: `${this.config.endpoint}/?${aliyunSignedQuery(params, this.config.accessKeySecret)}` },
			options,
			(exchange) => aliyunOutcome(resultCodeOutcome(exchange, RULES)),
		);
	}
}

/** BUSINESS_LIMIT_CONTROL names its window in the message: 分钟级 (a minute), 小时级 (an hour), 天级 (a day). */
const LONG_WINDOW = /小时级|天级|日级|hour|day/i;

/**
 * The per-number hourly and daily limits reopen only after an hour or a day: no retry of this run can
 * pass, and each retry's wait would pause the channel for every other customer. They are final here.
 */
export function aliyunOutcome(outcome: SendOutcome): SendOutcome {
	if (outcome.status !== 'failed' || outcome.providerCode !== 'isv.BUSINESS_LIMIT_CONTROL' || !LONG_WINDOW.test(outcome.message)) return outcome;
	return failedOutcome(false, outcome.providerCode, `${outcome.message}; this number's limit does not reset within this run, so it is not retried`);
}
