import type { INodeProperties } from 'n8n-workflow';

const onChannels = (...channel: string[]) => ({ show: { channel } });

export const channelProperties: INodeProperties[] = [
	{
		displayName: 'Channel',
		name: 'channel',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Aliyun SMS', value: 'aliyunSms', description: 'SMS to customers in China through an approved Aliyun template' },
			{ name: 'DingTalk Robot', value: 'dingtalk', description: 'A DingTalk group robot (signed), for staff' },
			{ name: 'Email (SMTP)', value: 'smtp', description: 'Email with HTML and plain-text parts' },
			{ name: 'Feishu / Lark Bot', value: 'feishu', description: 'A Feishu or Lark custom bot (signed), for staff' },
			{ name: 'Generic Webhook', value: 'webhook', description: 'Your own endpoint, with an HMAC-SHA256 signature header' },
			{ name: 'Slack Incoming Webhook', value: 'slack', description: 'A Slack channel, for staff' },
			{ name: 'Twilio SMS', value: 'twilioSms', description: 'SMS through the Twilio Messages API' },
			{ name: 'WeCom Group Robot', value: 'wecom', description: 'A WeCom (企业微信) group robot, for staff' },
		],
		default: 'smtp',
	},
	{
		displayName: 'Email Field',
		name: 'recipientField',
		type: 'string',
		default: 'email',
		description: 'Field with the recipient email address (dot paths like customer.email work)',
		displayOptions: onChannels('smtp'),
	},
	{
		displayName: 'Phone Field',
		name: 'recipientField',
		type: 'string',
		default: 'phone',
		description: 'Field with the mobile number; spaces and dashes are ignored',
		displayOptions: onChannels('aliyunSms', 'twilioSms'),
	},
	{
		displayName: 'Recipient Field',
		name: 'recipientField',
		type: 'string',
		default: '',
		description: 'Optional field passed to the endpoint as the recipient (the group robots post to their group)',
		displayOptions: onChannels('wecom', 'dingtalk', 'feishu', 'slack', 'webhook'),
	},
	{
		displayName: 'Customer ID Field',
		name: 'customerIdField',
		type: 'string',
		default: 'customerId',
		description: 'Field identifying the customer: the idempotency key and the frequency cap are per customer',
	},
];
