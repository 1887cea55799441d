import type { ICredentialType, INodeProperties } from 'n8n-workflow';

/** A DingTalk (钉钉) custom group robot, with 加签 signing. */
export class CareDingtalkRobotApi implements ICredentialType {
	name = 'careDingtalkRobotApi';

	displayName = 'Care DingTalk Robot API';

	// The camelCase rule is for n8n's own docs slugs; a community credential links to the provider's docs.
	// eslint-disable-next-line n8n-nodes-base/cred-class-field-documentation-url-miscased
	documentationUrl = 'https://open.dingtalk.com/document/robots/custom-robot-access';

	icon = 'file:careDingtalkRobot.svg' as const;

	properties: INodeProperties[] = [
		{
			displayName:
				'No credential test: DingTalk checks the token and the signature only on a real message, and posting one to the group is not a test. Send one item with Send Care Message instead.',
			name: 'testNotice',
			type: 'notice',
			default: '',
		},
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
}
