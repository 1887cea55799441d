import type { INodeProperties } from 'n8n-workflow';

/** Parameters both operations share: the customers' time zone, the as-of moment, labels, output field. */
export const commonProperties: INodeProperties[] = [
	{
		displayName: 'Time Zone Column',
		name: 'timeZoneColumn',
		type: 'string',
		default: 'timeZone',
		description: 'Column with the customer\'s IANA time zone (e.g. Asia/Shanghai); when empty for a customer, the Time Zone below applies',
	},
	{
		displayName: 'Time Zone',
		name: 'timeZone',
		type: 'string',
		default: '',
		placeholder: 'Asia/Shanghai',
		description: 'IANA time zone for customers without their own. Empty means the workflow\'s time zone.',
	},
];

export const optionProperties: INodeProperties[] = [
	{
		displayName: 'As Of',
		name: 'asOf',
		type: 'dateTime',
		default: '',
		description: 'The moment the schedule or the look-ahead starts from. Empty means now (the start of this execution).',
	},
	{
		displayName: 'Label Language',
		name: 'language',
		type: 'options',
		options: [
			{ name: 'English', value: 'en' },
			{ name: 'Chinese (Simplified)', value: 'zh-CN' },
		],
		default: 'en',
		description: 'Language of labels, messages and calendar text; the keys stay in English',
	},
	{
		displayName: 'Output Field',
		name: 'outputField',
		type: 'string',
		default: 'revisit',
		description: 'Name of the field the result is written to; input fields are never overwritten',
	},
];
