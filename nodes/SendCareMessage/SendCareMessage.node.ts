import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { mainOutputs, nodeIdentity, runRouted } from '../common';
import { credentialTest } from './credentialTests';
import { properties } from './description';
import { execute } from './execute';
import { OUTPUT } from './result';

export class SendCareMessage implements INodeType {
	description: INodeTypeDescription = {
		...nodeIdentity('Send Care Message', 'output'),
		icon: { light: 'file:sendCareMessage.svg', dark: 'file:sendCareMessage.dark.svg' },
		subtitle: '={{ $parameter["template"] + " via " + $parameter["channel"] }}',
		description: 'Send care messages by email, SMS or staff chat with consent, quiet hours, frequency caps and no double sends',
		usableAsTool: {
			replacements: {
				description:
					'Send one care message to one customer (email, SMS or a staff chat robot, as configured) and answer with the outcome: ' +
					'status sent (with providerMessageId), skipped (reason noConsent, quietHours, capped or duplicate, with deferUntil ' +
					'where it may be sent later) or failed (code, message, retryable). Pass the customer ID, the recipient (email address or ' +
					'mobile number for those channels), the consent value when the message needs consent, and the template fields such as name. ' +
					'A key already sent in its period is never sent twice.',
			},
		},
		...mainOutputs(['Sent', 'Skipped', 'Failed']),
		credentials: [
			// One per channel, in the order of the channel registry and named by its `credentialType`, then one per
			// ledger (test/SendCareMessage/credentials.test.ts keeps them in step). Written out, not derived: n8n's
			// lint rules read this array as literal objects (`testedBy` above all). All are shown by root paths
			// ('/channel', '/ledger'), never by bare parameter names. n8n's editor (2.8) treats a bare name as an
			// auth-related field: one whose every option selects a credential ('channel') becomes the authentication
			// switch and is hidden, and the credential selectors are drawn just above the last such field, so with
			// 'ledger' they sat above Ledger, twenty fields below Channel. A root path is resolved the same way (from
			// the node's parameters) but names no field, so Channel and Ledger both show and the selectors come first
			// in the panel, next to Channel (test/e2e/suites/editor.js checks both).
			{
				name: 'careSmtpApi',
				required: true,
				displayOptions: { show: { '/channel': ['smtp'] } },
				testedBy: 'careSmtpApiTest',
			},
			{
				name: 'careAliyunSmsApi',
				required: true,
				displayOptions: { show: { '/channel': ['aliyunSms'] } },
			},
			{
				name: 'careTwilioSmsApi',
				required: true,
				displayOptions: { show: { '/channel': ['twilioSms'] } },
			},
			{
				name: 'careWecomRobotApi',
				required: true,
				displayOptions: { show: { '/channel': ['wecom'] } },
			},
			{
				name: 'careDingtalkRobotApi',
				required: true,
				displayOptions: { show: { '/channel': ['dingtalk'] } },
			},
			{
				name: 'careFeishuBotApi',
				required: true,
				displayOptions: { show: { '/channel': ['feishu'] } },
			},
			{
				name: 'careSlackWebhookApi',
				required: true,
				displayOptions: { show: { '/channel': ['slack'] } },
				testedBy: 'careSlackWebhookApiTest',
			},
			{
				name: 'careWebhookApi',
				required: true,
				displayOptions: { show: { '/channel': ['webhook'] } },
			},
			{
				name: 'careRedisLedgerApi',
				required: true,
				displayOptions: { show: { '/ledger': ['redis'] } },
				testedBy: 'careRedisLedgerApiTest',
			},
			{
				name: 'carePostgresLedgerApi',
				required: true,
				displayOptions: { show: { '/ledger': ['postgres'] } },
				testedBy: 'carePostgresLedgerApiTest',
			},
		],
		properties,
	};

	methods = { credentialTest };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return runRouted(this, 3, () => execute(this), OUTPUT.failed);
	}
}
