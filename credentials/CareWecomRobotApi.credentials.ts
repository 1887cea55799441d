import type { ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

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

	// Posts an empty request: WeCom checks the key first (errcode 93000 when wrong) and then refuses the
	// missing message type, so nothing appears in the group.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl}}',
			url: '/cgi-bin/webhook/send',
			method: 'POST',
			qs: { key: "={{$credentials.webhookKey.includes('key=') ? $credentials.webhookKey.split('key=')[1].split('&')[0] : $credentials.webhookKey}}" },
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
