import type { ICredentialType, INodeProperties } from 'n8n-workflow';

/** Any HTTP endpoint that takes care messages as signed JSON (X-Signature: sha256=<HMAC of the body>). */
export class CareWebhookApi implements ICredentialType {
	name = 'careWebhookApi';

	displayName = 'Care Webhook API';

	// The camelCase rule is for n8n's own docs slugs; a community credential links to its README.
	// eslint-disable-next-line n8n-nodes-base/cred-class-field-documentation-url-miscased
	documentationUrl = 'https://www.npmjs.com/package/n8n-nodes-customer-care#channels';

	icon = 'file:careWebhook.svg' as const;

	properties: INodeProperties[] = [
		{
			displayName:
				'No credential test: the receiver is yours and a test call would be a message to it. Send one item with Send Care Message instead.',
			name: 'testNotice',
			type: 'notice',
			default: '',
		},
		{
			displayName: 'URL',
			name: 'url',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. https://crm.example.com/hooks/care',
		},
		{
			displayName: 'Signing Secret',
			name: 'signingSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'Shared with the receiver, which checks X-Signature = "sha256=" + hex(HMAC-SHA256(secret, raw body)) and X-Timestamp',
		},
	];
}
