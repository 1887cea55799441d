import type { ICredentialType, INodeProperties } from 'n8n-workflow';

/** A Slack incoming webhook URL. Tested by the Send Care Message node (an empty post Slack refuses with no_text). */
export class CareSlackWebhookApi implements ICredentialType {
	name = 'careSlackWebhookApi';

	displayName = 'Care Slack Webhook API';

	documentationUrl = 'https://api.slack.com/messaging/webhooks';

	icon = 'file:careSlackWebhook.svg' as const;

	properties: INodeProperties[] = [
		// The URL is the secret (its last part is the token), so it is masked although its name says URL.
		// eslint-disable-next-line @n8n/community-nodes/credential-unnecessary-password
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
