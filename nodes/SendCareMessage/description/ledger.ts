import type { INodeProperties } from 'n8n-workflow';

export const ledgerProperties: INodeProperties[] = [
	{
		displayName: 'Ledger',
		name: 'ledger',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'None (This Execution Only)', value: 'none', description: 'Remember keys only within this execution' },
			{ name: 'Postgres', value: 'postgres', description: 'A table of keys and outcomes, shared by every execution' },
			{ name: 'Redis', value: 'redis', description: 'Keys with a retention time, shared by every execution' },
		],
		default: 'none',
		description: 'Where idempotency keys are claimed, so that parallel or repeated executions never send a key twice',
	},
	{
		displayName: 'Key Period',
		name: 'keyPeriod',
		type: 'options',
		options: [
			{ name: 'Day', value: 'day' },
			{ name: 'Month', value: 'month' },
			{ name: 'Once Ever', value: 'once' },
			{ name: 'Week (ISO)', value: 'week' },
			{ name: 'Year', value: 'year' },
		],
		default: 'day',
		description:
			"One message per customer, care type and channel in each period (in the recipient's time zone), e.g. Year for birthdays",
	},
	{
		displayName: 'Custom Key',
		name: 'keyTemplate',
		type: 'string',
		default: '',
		placeholder: 'e.g. {{customerId}}:apology:{{surveyId}}',
		description:
			'Replaces the key with your own: {{customerId}}, {{careType}}, {{channel}}, {{period}} and any field of the item. Empty: customer:careType:channel:period.',
	},
];
