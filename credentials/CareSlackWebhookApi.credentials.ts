import type { ICredentialType, INodeProperties } from 'n8n-workflow';

/** A Slack incoming webhook URL. */
export class CareSlackWebhookApi implements ICredentialType {
	name = 'careSlackWebhookApi';

	displayName = 'Care Slack Webhook API';

	// The camelCase rule is for n8n's own docs slugs; a community credential links to the provider's docs.
	// eslint-disable-next-line n8n-nodes-base/cred-class-field-documentation-url-miscased
	documentationUrl = 'https://api.slack.com/messaging/webhooks';

	icon = 'file:careSlackWebhook.svg' as const;

	properties: INodeProperties[] = [
		{
			displayName:
				'No credential test: an incoming webhook has no read-only call, and the only way to check it is to post a message to the channel. Send one item with Send Care Message instead.',
			name: 'testNotice',
			type: 'notice',
			default: '',
		},
		{
			displayName: 'Webhook URL',
			name: 'webhookUrl',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			placeholder: 'e.g. https://hooks.slack.com/services/T000/B000/XXXX',
			description: 'The whole URL is the secret: anyone who has it can post to the channel',
		},
	];
}
