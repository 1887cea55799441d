import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { buildCadencePolicy, type CadencePolicy, type CadenceRuleInput, type Channel, type IntervalUnit, type Priority } from '../../shared/revisit';
import { listParameter, numberParameter, optionsParameter, readChoice, textParameter } from '../../common';
import { readListEntries } from './entries';
import { limits, RANGES, readWholeNumber } from './numbers';
import { readText } from './text';

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

const cadenceRules = listParameter(
	'cadenceRules',
	'Cadence Rules',
	{ name: 'rule', displayName: 'Rule' },
	[
		optionsParameter('channel', 'Channel', CHANNEL_OPTIONS, 'call'),
		textParameter('field', 'Field', '', 'Column to test, e.g. segment.key, churn.level, satisfaction.level or valueTier (dot paths work)', { placeholder: 'churn.level' }),
		numberParameter('interval', 'Interval', 1, 'Days after the last contact', { typeOptions: limits(RANGES.days) }),
		optionsParameter('unit', 'Interval Unit', UNIT_OPTIONS, 'businessDays'),
		textParameter('name', 'Name', '', undefined, { placeholder: 'Critical churn risk' }),
		optionsParameter(
			'operator',
			'Operator',
			[
				{ name: 'At Least (Number)', value: 'atLeast' },
				{ name: 'At Most (Number)', value: 'atMost' },
				{ name: 'Is Empty', value: 'isEmpty' },
				{ name: 'Is Not Empty', value: 'isNotEmpty' },
				{ name: 'Is Not One Of', value: 'isNot' },
				{ name: 'Is One Of', value: 'is' },
			],
			'is',
		),
		optionsParameter('priority', 'Priority', PRIORITY_OPTIONS, 'normal'),
		textParameter('reason', 'Reason', '', 'Why the customer is contacted; the rule name when empty'),
		textParameter('value', 'Value', '', 'Values separated by commas (not case-sensitive), or a number for At Least / At Most', { placeholder: 'critical, high' }),
	],
	'Checked top to bottom; the first rule that matches sets the interval, priority, channel and reason',
	{ displayOptions: SHOW },
);
const defaultInterval = numberParameter('defaultInterval', 'Default Interval', 30, 'Interval for customers no rule matches', { typeOptions: limits(RANGES.days), displayOptions: SHOW });
const defaultUnit = optionsParameter('defaultUnit', 'Default Interval Unit', UNIT_OPTIONS, 'calendarDays', undefined, { displayOptions: SHOW });
const defaultPriority = optionsParameter('defaultPriority', 'Default Priority', PRIORITY_OPTIONS, 'normal', undefined, { displayOptions: SHOW });
const defaultChannel = optionsParameter('defaultChannel', 'Default Channel', CHANNEL_OPTIONS, 'call', undefined, { displayOptions: SHOW });
const defaultReason = textParameter('defaultReason', 'Default Reason', 'Regular revisit', undefined, { displayOptions: SHOW });

/** The cadence: rules checked top to bottom, and the defaults for customers no rule matches. */
export const cadenceProperties: INodeProperties[] = [
	cadenceRules,
	defaultInterval,
	defaultUnit,
	defaultPriority,
	defaultChannel,
	defaultReason,
];

export function readCadencePolicy(ctx: IExecuteFunctions): CadencePolicy {
	const rules = readListEntries<CadenceRuleInput>(ctx, cadenceRules, { interval: RANGES.days });
	return buildCadencePolicy(rules, {
		interval: readWholeNumber(ctx, defaultInterval, RANGES.days),
		unit: readChoice<IntervalUnit>(ctx, defaultUnit),
		priority: readChoice<Priority>(ctx, defaultPriority),
		channel: readChoice<Channel>(ctx, defaultChannel),
		reason: readText(ctx, defaultReason, 'text'),
	});
}
