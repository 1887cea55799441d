import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { buildCadencePolicy, type CadencePolicy, type CadenceRuleInput, type Channel, type IntervalUnit, type Priority } from '../../shared/revisit';

const SHOW = { show: { operation: ['scheduleRevisit'] } };

const PRIORITY_OPTIONS = [
	{ name: 'High', value: 'high' },
	{ name: 'Low', value: 'low' },
	{ name: 'Normal', value: 'normal' },
	{ name: 'Urgent', value: 'urgent' },
];
const CHANNEL_OPTIONS = [
	{ name: 'Message', value: 'message' },
	{ name: 'Phone Call', value: 'call' },
	{ name: 'Visit', value: 'visit' },
];
const UNIT_OPTIONS = [
	{ name: 'Business Days', value: 'businessDays', description: 'Only open days of the business calendar count' },
	{ name: 'Calendar Days', value: 'calendarDays', description: 'Every day counts; a closed due day moves to the next open one' },
];

/** The cadence: rules checked top to bottom, and the defaults for customers no rule matches. */
export const cadenceProperties: INodeProperties[] = [
	{
		displayName: 'Cadence Rules',
		name: 'cadenceRules',
		placeholder: 'Add Rule',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		default: {},
		description: 'Checked top to bottom; the first rule that matches sets the interval, priority, channel and reason',
		displayOptions: SHOW,
		options: [
			{
				displayName: 'Rule',
				name: 'rule',
				values: [
					{ displayName: 'Channel', name: 'channel', type: 'options', options: CHANNEL_OPTIONS, default: 'call' },
					{
						displayName: 'Field',
						name: 'field',
						type: 'string',
						default: '',
						placeholder: 'churn.level',
						description: 'Column to test, e.g. segment.key, churn.level, satisfaction.level or valueTier (dot paths work)',
					},
					{ displayName: 'Interval', name: 'interval', type: 'number', typeOptions: { minValue: 0 }, default: 1, description: 'Days after the last contact' },
					{ displayName: 'Interval Unit', name: 'unit', type: 'options', options: UNIT_OPTIONS, default: 'businessDays' },
					{ displayName: 'Name', name: 'name', type: 'string', default: '', placeholder: 'Critical churn risk' },
					{
						displayName: 'Operator',
						name: 'operator',
						type: 'options',
						options: [
							{ name: 'At Least (Number)', value: 'atLeast' },
							{ name: 'At Most (Number)', value: 'atMost' },
							{ name: 'Is Empty', value: 'isEmpty' },
							{ name: 'Is Not Empty', value: 'isNotEmpty' },
							{ name: 'Is Not One Of', value: 'isNot' },
							{ name: 'Is One Of', value: 'is' },
						],
						default: 'is',
					},
					{ displayName: 'Priority', name: 'priority', type: 'options', options: PRIORITY_OPTIONS, default: 'normal' },
					{ displayName: 'Reason', name: 'reason', type: 'string', default: '', description: 'Why the customer is contacted; the rule name when empty' },
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
						placeholder: 'critical, high',
						description: 'Values separated by commas (not case-sensitive), or a number for At Least / At Most',
					},
				],
			},
		],
	},
	{
		displayName: 'Default Interval',
		name: 'defaultInterval',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 30,
		description: 'Interval for customers no rule matches',
		displayOptions: SHOW,
	},
	{ displayName: 'Default Interval Unit', name: 'defaultUnit', type: 'options', options: UNIT_OPTIONS, default: 'calendarDays', displayOptions: SHOW },
	{ displayName: 'Default Priority', name: 'defaultPriority', type: 'options', options: PRIORITY_OPTIONS, default: 'normal', displayOptions: SHOW },
	{ displayName: 'Default Channel', name: 'defaultChannel', type: 'options', options: CHANNEL_OPTIONS, default: 'call', displayOptions: SHOW },
	{ displayName: 'Default Reason', name: 'defaultReason', type: 'string', default: 'Regular revisit', displayOptions: SHOW },
];

export function readCadencePolicy(ctx: IExecuteFunctions): CadencePolicy {
	const rules = (ctx.getNodeParameter('cadenceRules', 0, {}) as { rule?: CadenceRuleInput[] }).rule ?? [];
	return buildCadencePolicy(rules, {
		interval: ctx.getNodeParameter('defaultInterval', 0, 30) as number,
		unit: ctx.getNodeParameter('defaultUnit', 0, 'calendarDays') as IntervalUnit,
		priority: ctx.getNodeParameter('defaultPriority', 0, 'normal') as Priority,
		channel: ctx.getNodeParameter('defaultChannel', 0, 'call') as Channel,
		reason: ctx.getNodeParameter('defaultReason', 0, 'Regular revisit') as string,
	});
}
