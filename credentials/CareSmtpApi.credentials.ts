import type { ICredentialType, INodeProperties } from 'n8n-workflow';

/** An SMTP account for care emails. Tested by the Send Care Message node (connect and log in, nothing sent). */
export class CareSmtpApi implements ICredentialType {
	name = 'careSmtpApi';

	displayName = 'Care SMTP API';

	documentationUrl = 'https://nodemailer.com/smtp/';

	icon = 'file:careSmtp.svg' as const;

	properties: INodeProperties[] = [
		{
			displayName:
				'The credential test connects and logs in without sending anything (SMTP has no HTTP check, so the Send Care Message node runs it)',
			name: 'testNotice',
			type: 'notice',
			default: '',
		},
		{
			displayName: 'Host',
			name: 'host',
			type: 'string',
			default: '',
			placeholder: 'e.g. smtp.exmail.qq.com',
			required: true,
		},
		{
			displayName: 'Port',
			name: 'port',
			type: 'number',
			default: 465,
			description: 'Usually 465 with SSL/TLS, 587 with STARTTLS',
		},
		{
			displayName: 'SSL/TLS',
			name: 'secure',
			type: 'boolean',
			default: true,
			description: 'Whether to use TLS from the start (port 465); turn off for STARTTLS on 587 or 25',
		},
		{
			displayName: 'Disable STARTTLS',
			name: 'disableStartTls',
			type: 'boolean',
			default: false,
			description: 'Whether to stay unencrypted even if the server offers STARTTLS (only for trusted local relays)',
			displayOptions: { show: { secure: [false] } },
		},
		{
			displayName: 'User',
			name: 'user',
			type: 'string',
			default: '',
			description: 'Login name, usually the full mailbox address; leave empty for a relay without authentication',
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'The password or the app-specific authorisation code (授权码) of the mailbox',
		},
		{
			displayName: 'From Email',
			name: 'fromEmail',
			type: 'string',
			default: '',
			placeholder: 'e.g. care@example.com',
			required: true,
		},
		{
			displayName: 'From Name',
			name: 'fromName',
			type: 'string',
			default: '',
			placeholder: 'e.g. Customer Care',
		},
		// A yes/no switch, not a secret: the rule matches "cert" in the name, and a boolean cannot be masked.
		// The name stays n8n's usual one (as in n8n's own SMTP and IMAP credentials) so saved credentials keep it.
		// eslint-disable-next-line @n8n/community-nodes/credential-password-field
		{
			displayName: 'Ignore SSL Issues (Insecure)',
			name: 'allowUnauthorizedCerts',
			type: 'boolean',
			default: false,
			description: 'Whether to connect even if the server certificate cannot be verified',
		},
		{
			displayName: 'Max Connections',
			name: 'maxConnections',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 100 },
			default: 5,
			description: 'Most connections kept open to the server at once (the pool reuses them across messages)',
		},
	];
}
