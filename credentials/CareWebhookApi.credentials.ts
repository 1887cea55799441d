import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IDataObject,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { WEBHOOK_SIGNATURE_HEADER, WEBHOOK_TIMESTAMP_HEADER, webhookConfig, webhookSignature } from '../nodes/shared/messaging/channels/webhook';

/**
 * Any HTTP endpoint that takes care messages as signed JSON (X-Signature: sha256=<HMAC of the body>).
 * Tested with a signed ping that the receiver acknowledges with 2xx and does not deliver.
 */
export class CareWebhookApi implements ICredentialType {
	name = 'careWebhookApi';

	displayName = 'Care Webhook API';

	documentationUrl = 'https://www.npmjs.com/package/n8n-nodes-customer-care#channels';

	icon = 'file:careWebhook.svg' as const;

	properties: INodeProperties[] = [
		{
			displayName:
				'The credential test posts a signed {"type": "ping"} with no message: the receiver checks the signature and answers 2xx without delivering anything (401 means the signing secrets differ)',
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

	/**
	 * Signs the JSON body as the channel does: a timestamp inside it, X-Signature over the exact bytes sent;
	 * URL and secret read by the channel's own reader (webhookConfig), so the test proves what the node will send.
	 */
	async authenticate(credentials: ICredentialDataDecryptedObject, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		const config = webhookConfig(credentials);
		const timestamp = Math.floor(Date.now() / 1000);
		const body = typeof requestOptions.body === 'object' && requestOptions.body !== null ? (requestOptions.body as IDataObject) : {};
		const rawBody = JSON.stringify({ ...body, timestamp });
		return {
			...requestOptions,
			url: config.url,
			body: rawBody,
			json: false,
			headers: {
				...requestOptions.headers,
				'Content-Type': 'application/json',
				[WEBHOOK_SIGNATURE_HEADER]: webhookSignature(config.signingSecret, rawBody),
				[WEBHOOK_TIMESTAMP_HEADER]: String(timestamp),
			},
		};
	}

	// A signed {"type": "ping"}: the receiver checks signature and timestamp, answers 2xx and delivers nothing.
	// n8n words a refusal by its status (401: "Authorization failed", 404: "could not be found").
	test: ICredentialTestRequest = {
		request: { url: '={{$credentials.url}}', method: 'POST', body: { type: 'ping' } },
	};
}
