import type { ICredentialType, INodeProperties } from 'n8n-workflow';

/**
 * Any HTTP endpoint that takes care messages as signed JSON (X-Signature: sha256=<HMAC of the body>).
 * Tested by the Send Care Message node with a signed ping.
 */
export class CareWebhookApi implements ICredentialType {
	name = 'careWebhookApi';

	displayName = 'Care Webhook API';

	documentationUrl = 'https://www.npmjs.com/package/n8n-nodes-customer-care#channels';

	icon = 'file:careWebhook.svg' as const;

	properties: INodeProperties[] = [
		{
			displayName:
				'The credential test posts a signed {"type": "ping"} with no message; the receiver checks the signature and answers it with 2xx',
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
