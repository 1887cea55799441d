import { createHmac, randomBytes, randomUUID } from 'node:crypto';

import type { Fault } from './faults';
import { randomSecret, startHttpProvider, type ProviderReply, type ProviderServer, type RecordedRequest } from './httpLoopback';

/** Aliyun error codes with the HTTP status and message the gateway (or dysmsapi) sends. */
export const ALIYUN_ERRORS: Record<string, { status: number; message: string }> = {
	SignatureDoesNotMatch: { status: 400, message: 'Specified signature is not matched with our calculation.' },
	'InvalidAccessKeyId.NotFound': { status: 404, message: 'Specified access key is not found.' },
	SignatureNonceUsed: { status: 400, message: 'Specified signature nonce was used already.' },
	'InvalidTimeStamp.Expired': { status: 400, message: 'Specified time stamp or date value is expired.' },
	'InvalidTimeStamp.Format': { status: 400, message: 'Specified time stamp or date value is not well formatted.' },
	IncompleteSignature: { status: 400, message: 'The request signature does not conform to Aliyun standards.' },
	InvalidVersion: { status: 400, message: 'Specified parameter Version is not valid.' },
	'InvalidAction.NotFound': { status: 404, message: 'Specified api is not found, please check your url and method.' },
	ServiceUnavailable: { status: 503, message: 'The request has failed due to a temporary failure of the server.' },
	Throttling: { status: 400, message: 'Request was denied due to request throttling.' },
	'isv.BUSINESS_LIMIT_CONTROL': { status: 200, message: '触发分钟级流控Permits:1' },
	'isv.MOBILE_NUMBER_ILLEGAL': { status: 200, message: '非法手机号' },
	'isv.SMS_SIGNATURE_ILLEGAL': { status: 200, message: '该账号下找不到对应签名' },
	'isv.SMS_TEMPLATE_ILLEGAL': { status: 200, message: '该账号下找不到对应模板' },
	'isv.TEMPLATE_MISSING_PARAMETERS': { status: 200, message: '模板变量缺少对应参数值' },
	'isv.INVALID_JSON_PARAM': { status: 200, message: 'JSON参数不合法，只接受字符串值' },
	'isv.AMOUNT_NOT_ENOUGH': { status: 200, message: '账户余额不足' },
	'isv.DAY_LIMIT_CONTROL': { status: 200, message: '触发日发送限额' },
	'isv.BLACK_KEY_CONTROL_LIMIT': { status: 200, message: '黑名单管控' },
	'isv.PARAM_LENGTH_LIMIT': { status: 200, message: '参数超出长度限制' },
	'isp.SYSTEM_ERROR': { status: 200, message: 'isp.SYSTEM_ERROR' },
};

export interface AliyunSmsServerOptions {
	accessKeyId?: string;
	accessKeySecret?: string;
	/** Approved signatures (the text inside 【】). */
	signNames?: string[];
	/** Approved templates: code -> text with ${variable} placeholders. */
	templates?: Record<string, string>;
	/** Per-number minute limit, answered with isv.BUSINESS_LIMIT_CONTROL. Off by default. */
	perNumberPerMinute?: number;
	/** Allowed clock skew of Timestamp, ms (Aliyun: 15 minutes). */
	maxSkewMs?: number;
	/** Most characters in one template variable's value (isv.PARAM_LENGTH_LIMIT beyond): Aliyun's default 35, or a lifted limit. */
	paramLengthLimit?: number;
}

/** RFC 3986 percent-encoding byte by byte: only A-Z a-z 0-9 - _ . ~ stay as they are. */
function rfc3986(value: string): string {
	let out = '';
	for (const byte of Buffer.from(value, 'utf8')) {
		const char = String.fromCharCode(byte);
		out += /[A-Za-z0-9\-_.~]/.test(char) ? char : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
	}
	return out;
}

/** The signature the gateway expects, and the string it signed (echoed in SignatureDoesNotMatch, as Aliyun does). */
function expectedSignature(method: string, params: Map<string, string>, secret: string): { signature: string; stringToSign: string } {
	const canonical = [...params.keys()]
		.filter((name) => name !== 'Signature')
		.sort()
		.map((name) => `${rfc3986(name)}=${rfc3986(params.get(name) ?? '')}`)
		.join('&');
	const stringToSign = `${method}&${rfc3986('/')}&${rfc3986(canonical)}`;
	return { signature: createHmac('sha1', `${secret}&`).update(stringToSign, 'utf8').digest('base64'), stringToSign };
}

const REQUIRED_COMMON = ['AccessKeyId', 'Action', 'Format', 'SignatureMethod', 'SignatureNonce', 'SignatureVersion', 'Timestamp', 'Version', 'Signature'];

/**
 * Aliyun SMS (dysmsapi) RPC endpoint. Enforces: GET or form POST on "/", every common parameter
 * (MissingX), Version 2017-05-25, SignatureMethod HMAC-SHA1 / SignatureVersion 1.0, a known AccessKeyId
 * (InvalidAccessKeyId.NotFound), Timestamp in UTC ISO 8601 within 15 minutes, a fresh SignatureNonce
 * (SignatureNonceUsed), and the HMAC-SHA1 signature recomputed here from the decoded parameters
 * (SignatureDoesNotMatch). SendSms: PhoneNumbers (mainland 1xxxxxxxxxx or country code + number),
 * approved SignName and TemplateCode, TemplateParam a JSON object of strings covering every template
 * variable, each value at most 35 characters by default (isv.PARAM_LENGTH_LIMIT). Success {Code: "OK",
 * Message: "OK", BizId, RequestId}. Also answers QuerySmsSignList (the
 * credential test).
 */
export async function startAliyunSmsServer(options: AliyunSmsServerOptions = {}): Promise<ProviderServer> {
	const accessKeyId = options.accessKeyId ?? `LTAI${randomBytes(10).toString('hex')}`;
	const accessKeySecret = options.accessKeySecret ?? randomSecret('ak-');
	const signNames = options.signNames ?? ['客户关怀'];
	const templates = options.templates ?? { SMS_000001: '亲爱的${name}，祝您生日快乐！' };
	const maxSkewMs = options.maxSkewMs ?? 15 * 60 * 1000;
	const usedNonces = new Set<string>();
	const perNumber = new Map<string, number[]>();

	const answer = (code: string, extra: Record<string, unknown> = {}): ProviderReply => {
		const known = ALIYUN_ERRORS[code] ?? { status: 400, message: code };
		return {
			status: known.status,
			code,
			body: { RequestId: randomUUID().toUpperCase(), Message: known.message, Recommend: 'https://api.aliyun.com/troubleshoot', HostId: 'dysmsapi.aliyuncs.com', Code: code, ...extra },
		};
	};

	const parameters = (request: RecordedRequest): Map<string, string> => {
		const params = new Map<string, string>(request.query);
		if (request.method === 'POST') for (const [name, value] of new URLSearchParams(request.rawBody)) params.set(name, value);
		return params;
	};

	const admitNumber = (numbers: string[]): boolean => {
		if (options.perNumberPerMinute === undefined) return true;
		const now = Date.now();
		for (const number of numbers) {
			const recent = (perNumber.get(number) ?? []).filter((t) => now - t < 60_000);
			if (recent.length >= options.perNumberPerMinute) return false;
			perNumber.set(number, recent);
		}
		for (const number of numbers) perNumber.get(number)!.push(now);
		return true;
	};

	const sendSms = (params: Map<string, string>): ProviderReply => {
		for (const name of ['PhoneNumbers', 'SignName', 'TemplateCode']) if (!params.get(name)) return answer(`Missing${name}`);
		const numbers = params.get('PhoneNumbers')!.split(',');
		if (numbers.length > 1000 || numbers.some((n) => !/^(1\d{10}|[2-9]\d{6,15})$/.test(n))) return answer('isv.MOBILE_NUMBER_ILLEGAL');
		const signName = params.get('SignName')!;
		if (!signNames.includes(signName)) return answer('isv.SMS_SIGNATURE_ILLEGAL');
		const template = templates[params.get('TemplateCode')!];
		if (template === undefined) return answer('isv.SMS_TEMPLATE_ILLEGAL');
		let values: Record<string, unknown> = {};
		const rawParam = params.get('TemplateParam');
		if (rawParam !== undefined) {
			try {
				const parsed: unknown = JSON.parse(rawParam);
				if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return answer('isv.INVALID_JSON_PARAM');
				values = parsed as Record<string, unknown>;
			} catch {
				return answer('isv.INVALID_JSON_PARAM');
			}
			if (Object.values(values).some((v) => typeof v !== 'string')) return answer('isv.INVALID_JSON_PARAM');
		}
		const variables = [...template.matchAll(/\$\{(\w+)\}/g)].map((m) => m[1]);
		if (variables.some((v) => values[v] === undefined)) return answer('isv.TEMPLATE_MISSING_PARAMETERS');
		if (Object.values(values).some((v) => String(v).length > (options.paramLengthLimit ?? 35))) return answer('isv.PARAM_LENGTH_LIMIT');
		if (!admitNumber(numbers)) return answer('isv.BUSINESS_LIMIT_CONTROL');
		const text = `【${signName}】${template.replace(/\$\{(\w+)\}/g, (_, v: string) => String(values[v]))}`;
		const bizId = `${Date.now()}${randomBytes(3).toString('hex')}^0`;
		return {
			status: 200,
			code: 'OK',
			body: { Message: 'OK', RequestId: randomUUID().toUpperCase(), BizId: bizId, Code: 'OK' },
			delivered: {
				to: numbers.join(','),
				text,
				...(params.get('OutId') ? { idempotencyKey: params.get('OutId') } : {}),
				raw: Object.fromEntries(params),
			},
		};
	};

	return startHttpProvider({
		kind: 'aliyunSms',
		secrets: [accessKeySecret],
		credentials: (baseUrl) => ({ accessKeyId, accessKeySecret, signName: signNames[0], endpoint: baseUrl }),
		resetState: () => {
			usedNonces.clear();
			perNumber.clear();
		},
		handle: (request) => {
			if (request.path !== '/' || (request.method !== 'GET' && request.method !== 'POST')) return answer('InvalidAction.NotFound');
			const params = parameters(request);
			for (const name of REQUIRED_COMMON) if (!params.get(name)) return answer(`Missing${name}`);
			if (params.get('SignatureMethod') !== 'HMAC-SHA1' || params.get('SignatureVersion') !== '1.0') return answer('IncompleteSignature');
			if (params.get('AccessKeyId') !== accessKeyId) return answer('InvalidAccessKeyId.NotFound');
			const timestamp = params.get('Timestamp')!;
			if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(timestamp)) return answer('InvalidTimeStamp.Format');
			if (Math.abs(Date.now() - Date.parse(timestamp)) > maxSkewMs) return answer('InvalidTimeStamp.Expired');
			const signature = params.get('Signature')!;
			const expected = expectedSignature(request.method, params, accessKeySecret);
			// Aliyun's gateway shows the string it signed, AccessKeyId and all, so a client can find its mistake.
			if (signature !== expected.signature) {
				return answer('SignatureDoesNotMatch', { Message: `${ALIYUN_ERRORS.SignatureDoesNotMatch.message} server string to sign is:${expected.stringToSign}` });
			}
			const nonce = params.get('SignatureNonce')!;
			if (usedNonces.has(nonce)) return answer('SignatureNonceUsed');
			usedNonces.add(nonce);
			if (params.get('Version') !== '2017-05-25') return answer('InvalidVersion');
			switch (params.get('Action')) {
				case 'SendSms':
					return sendSms(params);
				case 'QuerySmsSignList':
					return {
						status: 200,
						code: 'OK',
						body: {
							Code: 'OK',
							Message: 'OK',
							RequestId: randomUUID().toUpperCase(),
							SmsSignList: signNames.map((name) => ({ SignName: name, AuditStatus: 'AUDIT_STATE_PASS', BusinessType: '验证码' })),
						},
					};
				default:
					return answer('InvalidAction.NotFound');
			}
		},
		faultReply: (fault: Fault) => {
			if (fault.kind === 'rateLimit') return answer('isv.BUSINESS_LIMIT_CONTROL');
			if (fault.kind === 'serverError') {
				const reply = answer('ServiceUnavailable');
				return fault.status ? { ...reply, status: fault.status } : reply;
			}
			if (fault.kind === 'providerError') return answer(String(fault.code));
			throw new Error(`unexpected fault ${fault.kind}`);
		},
	});
}
