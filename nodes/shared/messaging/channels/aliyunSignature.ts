import { createHmac, randomUUID } from 'node:crypto';

/**
 * Aliyun RPC-style request signing (SignatureVersion 1.0, HMAC-SHA1), as dysmsapi documents it:
 * percent-encode every name and value (RFC 3986 unreserved characters stay, space is %20), sort by
 * name, join with & and =, then sign "GET&%2F&" + percentEncode(that) with key secret + "&".
 */
export function aliyunPercentEncode(value: string): string {
	return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export function aliyunCanonicalQuery(params: Record<string, string>): string {
	return Object.keys(params)
		.filter((name) => name !== 'Signature')
		.sort()
		.map((name) => `${aliyunPercentEncode(name)}=${aliyunPercentEncode(params[name])}`)
		.join('&');
}

export function aliyunStringToSign(method: 'GET' | 'POST', params: Record<string, string>): string {
	return `${method}&${aliyunPercentEncode('/')}&${aliyunPercentEncode(aliyunCanonicalQuery(params))}`;
}

export function aliyunSignature(method: 'GET' | 'POST', params: Record<string, string>, accessKeySecret: string): string {
	return createHmac('sha1', `${accessKeySecret}&`).update(aliyunStringToSign(method, params), 'utf8').digest('base64');
}

/** Aliyun timestamps are UTC ISO 8601 without milliseconds: 2017-07-12T02:42:19Z. */
export function aliyunTimestamp(date: Date): string {
	return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The common parameters every RPC call carries, for one action of one API version. */
export function aliyunCommonParams(
	accessKeyId: string,
	action: string,
	version: string,
	now: Date,
	nonce: string = randomUUID(),
): Record<string, string> {
	return {
		AccessKeyId: accessKeyId,
		Action: action,
		Format: 'JSON',
		SignatureMethod: 'HMAC-SHA1',
		SignatureNonce: nonce,
		SignatureVersion: '1.0',
		Timestamp: aliyunTimestamp(now),
		Version: version,
	};
}

/** A complete signed query string (parameters plus Signature), ready to append after "?". */
export function aliyunSignedQuery(params: Record<string, string>, accessKeySecret: string): string {
	const signature = aliyunSignature('GET', params, accessKeySecret);
	return `${aliyunCanonicalQuery(params)}&Signature=${aliyunPercentEncode(signature)}`;
}
