// The HTTP channels of Send Care Message as the ssrf suite runs them in a real n8n: one loopback provider
// server each (test/helpers/providers, loaded through ts-node as the examples' expectations do), which
// enforces that provider's wire contract (path, auth or signature, required fields) and records every
// request, and the Send Care Message parameters and credential that point a node at it.
const { resolve } = require('node:path');

/** Alphanumeric markers in each item's order number: they reach every provider's wire form unencoded. */
const MARKERS = { plain: 'zqplain', serverError: 'zqfivexx', retryAfter: 'zqwait', unknown: 'zqdrop' };

/** The Retry-After (seconds) the rate-limited attempt gets; the retry delay is far shorter (RETRY_DELAY_MS). */
const RETRY_AFTER_SECONDS = 2;
const RETRY_DELAY_MS = 100;

/** The approved Aliyun template the Aliyun node names; its variables are the custom text's placeholders. */
const ALIYUN_TEMPLATE = { SMS_900001: '${name}您好，您的订单${orderId}已发货。' };

/**
 * kind, credential type, the channel's label in messages, node parameters, and whether the provider
 * itself sends Retry-After with its rate limit (Twilio, Slack and a webhook receiver do; the Chinese
 * providers answer a rate limit in the body, so their case is a 429 with Retry-After from a gateway in front).
 */
const CHANNELS = [
	{ kind: 'webhook', credentialType: 'careWebhookApi', label: 'Webhook', nativeRetryAfter: true, parameters: {} },
	{ kind: 'wecom', credentialType: 'careWecomRobotApi', label: 'WeCom robot', nativeRetryAfter: false, parameters: {} },
	{ kind: 'dingtalk', credentialType: 'careDingtalkRobotApi', label: 'DingTalk robot', nativeRetryAfter: false, parameters: {} },
	{ kind: 'feishu', credentialType: 'careFeishuBotApi', label: 'Feishu bot', nativeRetryAfter: false, parameters: {} },
	{ kind: 'slack', credentialType: 'careSlackWebhookApi', label: 'Slack webhook', nativeRetryAfter: true, parameters: {} },
	{ kind: 'twilioSms', credentialType: 'careTwilioSmsApi', label: 'Twilio', nativeRetryAfter: true, parameters: { recipientField: 'usPhone' } },
	{
		kind: 'aliyunSms',
		credentialType: 'careAliyunSmsApi',
		label: 'Aliyun SMS',
		nativeRetryAfter: false,
		parameters: { recipientField: 'phone', smsTemplateCode: 'SMS_900001', brandName: '客户关怀' },
	},
];

/** The four customers every node gets: a plain send, a 5xx then success, a 429 with Retry-After, a dropped reply. */
const CUSTOMERS = [
	['E2E-PLAIN', 'Ann', MARKERS.plain, '13800138001', '+15550001001'],
	['E2E-5XX', 'Bo', MARKERS.serverError, '13800138002', '+15550001002'],
	['E2E-WAIT', 'Cy', MARKERS.retryAfter, '13800138003', '+15550001003'],
	['E2E-DROP', 'Di', MARKERS.unknown, '13800138004', '+15550001004'],
].map(([customerId, name, orderId, phone, usPhone]) => ({ customerId, name, orderId, phone, usPhone, timeZone: 'Asia/Shanghai' }));

/** Which marker a recorded request carries (in its body or query string), if any. */
function markerOf(request) {
	const text = `${request.rawBody} ${request.query.toString()}`;
	return Object.values(MARKERS).find((marker) => text.includes(marker));
}

/** The first attempt of each faulty customer gets its fault; every other request is handled as the provider would. */
function faultPlan(channel) {
	const attempts = new Map();
	return (request) => {
		const marker = markerOf(request);
		if (!marker) return undefined;
		const attempt = attempts.get(marker) ?? 0;
		attempts.set(marker, attempt + 1);
		if (attempt > 0) return undefined;
		if (marker === MARKERS.serverError) return { kind: 'serverError' };
		if (marker === MARKERS.unknown) return { kind: 'drop', delivered: true };
		if (marker === MARKERS.retryAfter) {
			return channel.nativeRetryAfter
				? { kind: 'rateLimit', retryAfterSeconds: RETRY_AFTER_SECONDS }
				: { kind: 'raw', status: 429, body: 'Too Many Requests', headers: { 'Retry-After': String(RETRY_AFTER_SECONDS) } };
		}
		return undefined;
	};
}

/** The TypeScript loopback providers, loaded once through ts-node. */
function providers(root) {
	require('ts-node').register({ transpileOnly: true, project: resolve(root, 'tsconfig.json') });
	return require(resolve(root, 'test/helpers/providers'));
}

/** Starts one loopback server per channel; `servers[kind]`. */
async function startServers(root) {
	const { startProviderServer } = providers(root);
	const servers = {};
	for (const channel of CHANNELS) {
		servers[channel.kind] = await startProviderServer(channel.kind, channel.kind === 'aliyunSms' ? { templates: ALIYUN_TEMPLATE } : undefined);
	}
	return servers;
}

/** A credential id of 16 characters, as n8n's import expects. */
const credentialId = (kind) => `ccSsrf${kind}`.padEnd(16, '0').slice(0, 16);

module.exports = { CHANNELS, CUSTOMERS, MARKERS, RETRY_AFTER_SECONDS, RETRY_DELAY_MS, credentialId, faultPlan, markerOf, startServers };
