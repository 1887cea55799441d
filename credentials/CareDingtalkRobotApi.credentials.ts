import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { dingTalkConfig, dingTalkSignature } from '../nodes/shared/messaging/channels/dingtalk';

/** A DingTalk (钉钉) custom group robot, with 加签 signing. */
export class CareDingtalkRobotApi implements ICredentialType {
	name = 'careDingtalkRobotApi';

	displayName = 'Care DingTalk Robot API';

	documentationUrl = 'https://open.dingtalk.com/document/robots/custom-robot-access';

	icon = 'file:careDingtalkRobot.svg' as const;

	properties: INodeProperties[] = [
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The access_token=… part of the robot webhook URL. Pasting the whole URL also works.',
		},
		{
			displayName: 'Signing Secret',
			name: 'signingSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			placeholder: 'e.g. SEC…',
			description:
				'The 加签 secret shown under the robot security settings (starts with SEC). Leave empty only if the robot is secured by keywords or an IP allowlist instead.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://oapi.dingtalk.com',
			description: 'Change only to point at a test server',
		},
	];

	/**
	 * The robot's access_token, and with 加签 a fresh timestamp and sign, read by the channel's own reader
	 * (dingTalkConfig): the test proves what the node will send, a pasted URL or stray whitespace included.
	 */
	async authenticate(credentials: ICredentialDataDecryptedObject, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		const config = dingTalkConfig(credentials);
		const qs: Record<string, string | number> = { ...(requestOptions.qs as Record<string, string | number> | undefined), access_token: config.accessToken };
		if (config.signingSecret) {
			const timestamp = Date.now();
			qs.timestamp = timestamp;
			qs.sign = dingTalkSignature(timestamp, config.signingSecret);
		}
		return { ...requestOptions, baseURL: config.baseUrl, qs };
	}

	// Posts an empty JSON object: DingTalk checks the token (300001) and the signature, IP allowlist
	// (310000) before the message, then refuses the missing message with 40035, so nothing reaches the group.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl}}',
			url: '/robot/send',
			method: 'POST',
			body: {},
			json: true,
		},
		rules: [
			{
				type: 'responseSuccessBody',
				properties: { key: 'errcode', value: 300001, message: 'DingTalk does not know this access token (errcode 300001)' },
			},
			{
				type: 'responseSuccessBody',
				properties: { key: 'errcode', value: 400101, message: 'DingTalk does not know this access token (errcode 400101)' },
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'errcode',
					value: 310000,
					message: 'DingTalk refused the signature or this IP (errcode 310000): check the signing secret and the robot security settings',
				},
			},
		],
	};
}
