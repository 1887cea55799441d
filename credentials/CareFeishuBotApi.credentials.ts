import type { ICredentialType, INodeProperties } from 'n8n-workflow';

/** A Feishu / Lark custom bot webhook, with signature verification. */
export class CareFeishuBotApi implements ICredentialType {
	name = 'careFeishuBotApi';

	displayName = 'Care Feishu Bot API';

	// The camelCase rule is for n8n's own docs slugs; a community credential links to the provider's docs.
	// eslint-disable-next-line n8n-nodes-base/cred-class-field-documentation-url-miscased
	documentationUrl = 'https://open.feishu.cn/document/client-docs/bot-v3/add-custom-bot';

	icon = 'file:careFeishuBot.svg' as const;

	properties: INodeProperties[] = [
		{
			displayName:
				'No credential test: Feishu checks the token and the signature only on a real message, and posting one to the group is not a test. Send one item with Send Care Message instead.',
			name: 'testNotice',
			type: 'notice',
			default: '',
		},
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
			description: 'Use https://open.larksuite.com for Lark; change otherwise only to point at a test server',
		},
	];
}
