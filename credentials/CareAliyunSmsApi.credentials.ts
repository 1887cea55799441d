import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { aliyunCommonParams, aliyunSignature } from '../nodes/shared/messaging/channels/aliyunSignature';
import { ALIYUN_SMS_VERSION, aliyunSmsConfig } from '../nodes/shared/messaging/channels/aliyunSms';

/** Aliyun SMS (dysmsapi 2017-05-25) with RPC signing (HMAC-SHA1, SignatureVersion 1.0). */
export class CareAliyunSmsApi implements ICredentialType {
	name = 'careAliyunSmsApi';

	displayName = 'Care Aliyun SMS API';

	documentationUrl = 'https://help.aliyun.com/zh/sms/developer-reference/api-dysmsapi-2017-05-25-sendsms';

	icon = 'file:careAliyunSms.svg' as const;

	properties: INodeProperties[] = [
		{
			displayName: 'Access Key ID',
			name: 'accessKeyId',
			type: 'string',
			default: '',
			required: true,
			description: 'AccessKey ID of a RAM user allowed to send SMS (AliyunDysmsFullAccess)',
		},
		{
			displayName: 'Access Key Secret',
			name: 'accessKeySecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
		},
		{
			displayName: 'Sign Name',
			name: 'signName',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. 客户关怀',
			description: 'An approved SMS signature (签名), without the 【】',
		},
		{
			displayName: 'Endpoint',
			name: 'endpoint',
			type: 'string',
			default: 'https://dysmsapi.aliyuncs.com',
			description: 'Change only for a regional endpoint (e.g. https://dysmsapi.ap-southeast-1.aliyuncs.com) or a test server',
		},
		{
			displayName: 'Region ID',
			name: 'regionId',
			type: 'string',
			default: '',
			placeholder: 'e.g. cn-hangzhou',
			description: 'Sent as RegionId when set; the default endpoint does not need it',
		},
	];

	/**
	 * Signs any dysmsapi call: common parameters, a fresh nonce, then Signature over the sorted query. The
	 * fields are read by the channel's own reader (aliyunSmsConfig), so the test proves what the node will send.
	 */
	async authenticate(credentials: ICredentialDataDecryptedObject, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		const config = aliyunSmsConfig(credentials);
		const qs = Object.fromEntries(Object.entries(requestOptions.qs ?? {}).map(([name, value]) => [name, String(value)]));
		const action = qs.Action ?? 'SendSms';
		const params: Record<string, string> = {
			...aliyunCommonParams(config.accessKeyId, action, qs.Version ?? ALIYUN_SMS_VERSION, new Date()),
			...(config.regionId ? { RegionId: config.regionId } : {}),
			...qs,
		};
		params.Signature = aliyunSignature('GET', params, config.accessKeySecret);
		return { ...requestOptions, baseURL: config.endpoint, method: 'GET', qs: params };
	}

	// Lists one approved signature: proves the key pair and the signing without sending a message.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.endpoint}}',
			url: '/',
			method: 'GET',
			qs: { Action: 'QuerySmsSignList', Version: '2017-05-25', PageIndex: 1, PageSize: 1 },
		},
	};
}
