import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { weComConfig } from '../nodes/shared/messaging/channels/wecom';

/** A WeCom (企业微信) group robot webhook. */
export class CareWecomRobotApi implements ICredentialType {
	name = 'careWecomRobotApi';

	displayName = 'Care WeCom Robot API';

	documentationUrl = 'https://developer.work.weixin.qq.com/document/path/91770';

	icon = 'file:careWecomRobot.svg' as const;

	properties: INodeProperties[] = [
		// The key alone lets anyone post to the group: a secret, although its name has no secret-like word.
		// eslint-disable-next-line @n8n/community-nodes/credential-unnecessary-password
		{
			displayName: 'Webhook Key',
			name: 'webhookKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'The key=… part of the robot webhook URL (group chat → … → Group Robots → the robot → Webhook). Pasting the whole URL also works.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://qyapi.weixin.qq.com',
			description: 'Change only to point at a test server',
		},
	];

	/**
	 * The robot key in the query, read by the channel's own reader (weComConfig): the test proves what the
	 * node will send, a pasted URL or stray whitespace included.
	 */
	async authenticate(credentials: ICredentialDataDecryptedObject, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		const config = weComConfig(credentials);
		return { ...requestOptions, baseURL: config.baseUrl, qs: { ...requestOptions.qs, key: config.key } };
	}

	// Posts an empty request: WeCom checks the key first (errcode 93000 when wrong) and then refuses the
	// missing message type, so nothing appears in the group.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl}}',
			url: '/cgi-bin/webhook/send',
			method: 'POST',
			body: {},
		},
		rules: [
			{
				type: 'responseSuccessBody',
				properties: { key: 'errcode', value: 93000, message: 'WeCom does not know this webhook key (errcode 93000)' },
			},
		],
	};
}
