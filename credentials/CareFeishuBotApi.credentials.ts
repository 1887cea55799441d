import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IDataObject,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { FEISHU_HOOK_PATH, feishuConfig, feishuSignature } from '../nodes/shared/messaging/channels/feishu';

/** A Feishu / Lark custom bot webhook, with signature verification. */
export class CareFeishuBotApi implements ICredentialType {
	name = 'careFeishuBotApi';

	displayName = 'Care Feishu Bot API';

	documentationUrl = 'https://open.feishu.cn/document/client-docs/bot-v3/add-custom-bot';

	icon = 'file:careFeishuBot.svg' as const;

	properties: INodeProperties[] = [
		{
			displayName: 'Webhook Token',
			name: 'webhookToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The last part of the webhook URL (…/open-apis/bot/v2/hook/<token>). Pasting the whole URL also works.',
		},
		{
			displayName: 'Signing Secret',
			name: 'signingSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'The secret shown when "Set signature verification" is on in the bot security settings; leave empty if the bot uses keywords or an IP allowlist instead',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://open.feishu.cn',
			description:
				'Use https://open.larksuite.com for Lark, or leave the default and paste the whole Lark webhook address as the token; change otherwise only to point at a test server',
		},
	];

	/**
	 * The hook path with the token, and a fresh timestamp with, when signature verification is on, its sign
	 * in the JSON body, where Feishu expects them; read by the channel's own reader (feishuConfig), so the
	 * test proves what the node will send, a pasted URL or stray whitespace included.
	 */
	async authenticate(credentials: ICredentialDataDecryptedObject, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		const config = feishuConfig(credentials);
		const body: IDataObject = { ...(requestOptions.body as IDataObject | undefined) };
		// The timestamp goes in even unsigned (bots without verification ignore it): n8n drops an empty body.
		const timestamp = Math.floor(Date.now() / 1000);
		body.timestamp = String(timestamp);
		if (config.signingSecret) body.sign = feishuSignature(timestamp, config.signingSecret);
		return { ...requestOptions, baseURL: config.baseUrl, url: `${FEISHU_HOOK_PATH}${encodeURIComponent(config.token)}`, body, json: true };
	}

	// Posts a signed body without a message: Feishu checks the token (19001) and the signature (19021) or
	// IP allowlist (19022) first, then refuses the missing msg_type with 19002, so nothing reaches the group.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl}}',
			url: FEISHU_HOOK_PATH,
			method: 'POST',
			body: {},
			json: true,
		},
		rules: [
			{
				type: 'responseSuccessBody',
				properties: { key: 'code', value: 19001, message: 'Feishu does not know this webhook token (code 19001)' },
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'code',
					value: 19021,
					message: 'Feishu refused the signature (code 19021): check the signing secret and the n8n server clock',
				},
			},
			{
				type: 'responseSuccessBody',
				properties: { key: 'code', value: 19022, message: 'Feishu refused this IP address (code 19022): check the bot IP allowlist' },
			},
			// Older bots answer {StatusCode, StatusMessage} instead of {code, msg}.
			{
				type: 'responseSuccessBody',
				properties: { key: 'StatusCode', value: 19001, message: 'Feishu does not know this webhook token (code 19001)' },
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'StatusCode',
					value: 19021,
					message: 'Feishu refused the signature (code 19021): check the signing secret and the n8n server clock',
				},
			},
			{
				type: 'responseSuccessBody',
				properties: { key: 'StatusCode', value: 19022, message: 'Feishu refused this IP address (code 19022): check the bot IP allowlist' },
			},
		],
	};
}
