import type { INodeProperties } from 'n8n-workflow';
import { languageProperty } from '../../common';
import { onChannels } from './channel';

const custom = { show: { template: ['custom'] } };
const builtin = { hide: { template: ['custom'] } };
const sms = onChannels((entry) => entry.format === 'sms');

export const messageProperties: INodeProperties[] = [
	{
		displayName: 'Template',
		name: 'template',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Apology After a Poor Survey', value: 'apology', description: 'Service message; uses name, ownerName' },
			{ name: 'Birthday Greeting', value: 'birthday', description: 'Marketing message; uses name' },
			{ name: 'Custom', value: 'custom', description: 'Your own text with {{field}} placeholders' },
			{ name: 'Holiday Greeting', value: 'holiday', description: 'Marketing message; uses name, holidayName' },
			{ name: 'Post-Purchase Follow-Up', value: 'postPurchase', description: 'Service message; uses name, productName' },
			{
				name: 'Revisit Reminder to Owner',
				value: 'revisitReminder',
				description: 'Staff message; uses name, customerId and revisit.dueAt / owner / reason from Schedule Revisit',
			},
			{ name: 'Win-Back', value: 'winBack', description: 'Marketing message; uses name, offer' },
		],
		default: 'birthday',
		description: 'The message text, in English and Chinese, and its purpose (marketing, service or staff); Custom uses your own text',
	},
	languageProperty('the built-in texts, the SMS opt-out wording and the skip labels', 'zh-CN'),
	{
		displayName: 'Brand Name',
		name: 'brandName',
		type: 'string',
		default: '',
		placeholder: 'e.g. 星河银行',
		description: 'Fills {{brand}} in the templates and signs marketing SMS in 【】. Built-in templates need it.',
		displayOptions: builtin,
	},
	{
		displayName: 'Brand Name',
		name: 'brandName',
		type: 'string',
		default: '',
		description: 'Fills {{brand}} in your template and signs marketing SMS in 【】',
		displayOptions: custom,
	},
	{
		displayName: 'Purpose',
		name: 'purpose',
		type: 'options',
		options: [
			{ name: 'Marketing', value: 'marketing', description: 'Needs opt-in consent; SMS get the opt-out text' },
			{ name: 'Service', value: 'service', description: 'Follows up on something the customer did; respects opt-outs' },
			{ name: 'Staff', value: 'staff', description: 'To colleagues, not customers; no consent needed' },
		],
		default: 'marketing',
		description: 'What the message is for, which decides the consent rule and the SMS compliance text',
		displayOptions: custom,
	},
	{
		displayName: 'Subject',
		name: 'subject',
		type: 'string',
		default: '',
		placeholder: 'e.g. A gift for you, {{name|valued customer}}',
		description: 'Email subject or robot message title; {{field}} and {{field|default}} placeholders',
		displayOptions: custom,
	},
	{
		displayName: 'Text',
		name: 'text',
		type: 'string',
		typeOptions: { rows: 5 },
		default: '',
		required: true,
		placeholder: 'e.g. Dear {{name|valued customer}}, your points ({{points}}) expire on {{expiresOn}}.',
		description: 'Message text; a placeholder without a value and without a default makes the item fail, never a blank',
		displayOptions: custom,
	},
	{
		displayName: 'HTML',
		name: 'html',
		type: 'string',
		typeOptions: { rows: 5 },
		default: '',
		description: 'Email HTML with placeholders (values are HTML-escaped). Empty: built from the text.',
		displayOptions: { show: { template: ['custom'], ...onChannels((entry) => entry.format === 'email').show } },
	},
	{
		displayName: 'SMS Compliance Text',
		name: 'smsCompliance',
		type: 'options',
		options: [
			{ name: 'Always', value: 'always', description: 'Signature and opt-out text on every SMS' },
			{ name: 'For Marketing Messages', value: 'marketing', description: 'Signature and opt-out text on marketing SMS' },
			{ name: 'Never', value: 'never', description: 'Only for texts that already carry them' },
		],
		default: 'marketing',
		description: 'Whether to sign the SMS in 【】 and add 拒收请回复R / Reply STOP to opt out',
		displayOptions: sms,
	},
	{
		displayName: 'SMS Signature',
		name: 'smsSignature',
		type: 'string',
		default: '',
		description: 'Signature written in 【】; empty uses the brand name',
		displayOptions: sms,
	},
	{
		displayName: 'Aliyun Template Code',
		name: 'smsTemplateCode',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. SMS_123456789',
		description: 'The approved Aliyun SMS template; the rendered text is kept in the output as a preview',
		displayOptions: { show: { channel: ['aliyunSms'] } },
	},
	{
		displayName: 'Aliyun Template Parameters',
		name: 'smsTemplateParams',
		type: 'json',
		default: '{}',
		description:
			'TemplateParam names and values with placeholders, e.g. {"name": "{{name|客户}}"}. Empty: every placeholder of the text, by field name.',
		displayOptions: { show: { channel: ['aliyunSms'] } },
	},
	{
		displayName: 'Aliyun Variable Limit (Characters)',
		name: 'smsParamMaxLength',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 500 },
		default: 35,
		description:
			"Most characters Aliyun takes in one template variable's value: 35, unless Aliyun lifted the limit for your template (then up to 500). A longer value is the item's error before anything is sent.",
		displayOptions: { show: { channel: ['aliyunSms'] } },
	},
	{
		displayName: 'Care Type',
		name: 'careType',
		type: 'string',
		default: '',
		description: 'Name of this kind of message in the idempotency key and the output. Empty: the template name.',
	},
];
