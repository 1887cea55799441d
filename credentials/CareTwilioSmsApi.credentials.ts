import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { twilioConfig } from '../nodes/shared/messaging/channels/twilioSms';

/** Twilio Programmable Messaging with the Account SID and Auth Token. */
export class CareTwilioSmsApi implements ICredentialType {
	name = 'careTwilioSmsApi';

	displayName = 'Care Twilio SMS API';

	documentationUrl = 'https://www.twilio.com/docs/messaging/api/message-resource';

	icon = 'file:careTwilioSms.svg' as const;

	properties: INodeProperties[] = [
		{
			displayName: 'Account SID',
			name: 'accountSid',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. AC0123456789abcdef0123456789abcdef',
		},
		{
			displayName: 'Auth Token',
			name: 'authToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
		},
		{
			displayName: 'From Number',
			name: 'from',
			type: 'string',
			default: '',
			placeholder: 'e.g. +15005550006',
			description: 'A Twilio number of this account in E.164 form; leave empty when using a Messaging Service',
		},
		{
			displayName: 'Messaging Service SID',
			name: 'messagingServiceSid',
			type: 'string',
			default: '',
			placeholder: 'e.g. MG0123456789abcdef0123456789abcdef',
			description: 'Send through a Messaging Service (sender pool, opt-out handling) instead of one From number',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.twilio.com',
			description: 'Change only to point at a test server',
		},
	];

	/**
	 * Basic auth and the account's own URL, read by the channel's own reader (twilioConfig): the test proves
	 * what the node will send, stray whitespace included, and needs a From Number or Messaging Service as sending does.
	 */
	async authenticate(credentials: ICredentialDataDecryptedObject, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		const config = twilioConfig(credentials);
		return {
			...requestOptions,
			baseURL: config.baseUrl,
			url: `/2010-04-01/Accounts/${encodeURIComponent(config.accountSid)}.json`,
			auth: { username: config.accountSid, password: config.authToken },
		};
	}

	// Fetches the account resource: free, and fails with 20003 for a wrong SID or token.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl}}',
			url: '/2010-04-01/Accounts',
			method: 'GET',
		},
	};
}
