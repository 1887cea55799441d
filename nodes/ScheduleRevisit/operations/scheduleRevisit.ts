import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { errorItem, toNodeError } from '../../helpers/errors';
import {
	appointmentSlots,
	BusinessCalendar,
	parseDateList,
	parseWorkingHours,
	type PublicHolidays,
	type Weekday,
} from '../../shared/calendar';
import { InputError } from '../../shared/input';
import {
	buildCadencePolicy,
	buildOwnerAgendas,
	buildOwnerPool,
	DEFAULT_REVISIT_COLUMNS,
	parseOwnerList,
	RevisitRequestReader,
	scheduleRevisits,
	type AssignmentStrategy,
	type CadenceRuleInput,
	type Channel,
	type IntervalUnit,
	type OverflowPolicy,
	type Owner,
	type Priority,
	type RevisitRequest,
} from '../../shared/revisit';
import type { RunSettings } from './types';
import { fieldAdder } from '../../shared/format/withField';

const show = { show: { operation: ['scheduleRevisit'] } };

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
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

export const scheduleRevisitProperties: INodeProperties[] = [
	{
		displayName: 'Customer ID Column',
		name: 'customerIdColumn',
		type: 'string',
		default: 'customerId',
		description: 'Column holding the customer ID (dot paths like customer.code work)',
		displayOptions: show,
	},
	{
		displayName: 'Name Column',
		name: 'nameColumn',
		type: 'string',
		default: 'name',
		description: 'Column with the customer\'s name, used in calendar events and agendas (optional)',
		displayOptions: show,
	},
	{
		displayName: 'Last Contact Column',
		name: 'lastContactColumn',
		type: 'string',
		default: 'lastContactAt',
		description: 'Column with the date of the last contact; the interval counts from it (from the as-of date when empty)',
		displayOptions: show,
	},
	{
		displayName: 'Next Revisit Column',
		name: 'nextRevisitColumn',
		type: 'string',
		default: 'nextRevisitAt',
		description: 'Column with a revisit already planned; customers with one in the future are left alone unless Reschedule is on',
		displayOptions: show,
	},
	{
		displayName: 'Account Manager Column',
		name: 'accountManagerColumn',
		type: 'string',
		default: 'accountManager',
		description: 'Column with the customer\'s account manager (an owner ID); kept as owner while they have room',
		displayOptions: show,
	},
	{
		displayName: 'Cadence Rules',
		name: 'cadenceRules',
		placeholder: 'Add Rule',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		default: {},
		description: 'Checked top to bottom; the first rule that matches sets the interval, priority, channel and reason',
		displayOptions: show,
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
		displayOptions: show,
	},
	{ displayName: 'Default Interval Unit', name: 'defaultUnit', type: 'options', options: UNIT_OPTIONS, default: 'calendarDays', displayOptions: show },
	{ displayName: 'Default Priority', name: 'defaultPriority', type: 'options', options: PRIORITY_OPTIONS, default: 'normal', displayOptions: show },
	{ displayName: 'Default Channel', name: 'defaultChannel', type: 'options', options: CHANNEL_OPTIONS, default: 'call', displayOptions: show },
	{ displayName: 'Default Reason', name: 'defaultReason', type: 'string', default: 'Regular revisit', displayOptions: show },
	{
		displayName: 'Working Days',
		name: 'workingDays',
		type: 'multiOptions',
		options: [
			{ name: 'Friday', value: 'friday' },
			{ name: 'Monday', value: 'monday' },
			{ name: 'Saturday', value: 'saturday' },
			{ name: 'Sunday', value: 'sunday' },
			{ name: 'Thursday', value: 'thursday' },
			{ name: 'Tuesday', value: 'tuesday' },
			{ name: 'Wednesday', value: 'wednesday' },
		],
		default: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'],
		description: 'Weekdays customers are contacted on (public holidays and make-up working days are applied on top)',
		displayOptions: show,
	},
	{
		displayName: 'Working Hours',
		name: 'workingHours',
		type: 'string',
		default: '09:30-12:00, 14:00-18:00',
		description: 'Contact windows in the customer\'s local time, HH:MM-HH:MM separated by commas',
		displayOptions: show,
	},
	{
		displayName: 'Appointment Length (Minutes)',
		name: 'appointmentMinutes',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 30,
		description: 'Each revisit takes one slot of this length in the working hours',
		displayOptions: show,
	},
	{
		displayName: 'Public Holidays',
		name: 'publicHolidays',
		type: 'options',
		options: [
			{ name: 'Mainland China (Incl. Make-Up Working Days)', value: 'CN', description: 'Official holidays and 调休 working days, 2004 to 2026' },
			{ name: 'None', value: 'none' },
		],
		default: 'none',
		displayOptions: show,
	},
	{
		displayName: 'Extra Closed Dates',
		name: 'extraClosedDates',
		type: 'string',
		default: '',
		placeholder: '2025-12-24, 2025-12-31',
		description: 'More days without contact: YYYY-MM-DD or ranges YYYY-MM-DD..YYYY-MM-DD, separated by commas',
		displayOptions: show,
	},
	{
		displayName: 'Extra Open Dates',
		name: 'extraOpenDates',
		type: 'string',
		default: '',
		placeholder: '2025-12-27',
		description: 'Days that are open whatever else applies (e.g. a weekend campaign)',
		displayOptions: show,
	},
	{
		displayName: 'Owners Input',
		name: 'ownersInput',
		type: 'options',
		options: [
			{ name: 'List', value: 'list', description: 'Enter each owner and capacity below' },
			{ name: 'Text', value: 'text', description: 'One text such as "alice:8, bob:6, carol" (handy with expressions)' },
		],
		default: 'list',
		displayOptions: show,
	},
	{
		displayName: 'Owners',
		name: 'owners',
		placeholder: 'Add Owner',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		default: {},
		description: 'Who makes the revisits, in order (the order breaks ties)',
		displayOptions: { show: { operation: ['scheduleRevisit'], ownersInput: ['list'] } },
		options: [
			{
				displayName: 'Owner',
				name: 'owner',
				values: [
					{ displayName: 'Owner ID', name: 'id', type: 'string', default: '', description: 'As it appears in the account manager column' },
					{
						displayName: 'Daily Capacity',
						name: 'dailyCapacity',
						type: 'number',
						typeOptions: { minValue: 0 },
						default: 8,
						description: 'Most revisits this owner takes on one day',
					},
					{
						displayName: 'Time Zone',
						name: 'timeZone',
						type: 'string',
						default: '',
						placeholder: 'Asia/Shanghai',
						description: "The owner's IANA time zone: their agenda shows times in it (with the customer's local time where it differs). Empty: the node's Time Zone.",
					},
				],
			},
		],
	},
	{
		displayName: 'Owner List',
		name: 'ownerList',
		type: 'string',
		default: '',
		placeholder: 'alice:8, bob:6, carol',
		description: 'Owner IDs separated by commas, each with an optional ":capacity"',
		displayOptions: { show: { operation: ['scheduleRevisit'], ownersInput: ['text'] } },
	},
	{
		displayName: 'Default Daily Capacity',
		name: 'defaultDailyCapacity',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 8,
		description: 'Capacity of owners in the owner list written without one',
		displayOptions: { show: { operation: ['scheduleRevisit'], ownersInput: ['text'] } },
	},
	{
		displayName: 'Assignment',
		name: 'assignment',
		type: 'options',
		options: [
			{ name: 'Least Loaded', value: 'leastLoaded', description: 'The owner with the fewest revisits that day (then in total)' },
			{ name: 'Round-Robin', value: 'roundRobin', description: 'Owners take turns in list order' },
		],
		default: 'roundRobin',
		description: 'How customers without an available account manager get an owner',
		displayOptions: show,
	},
	{
		displayName: 'When the Owner Is Full',
		name: 'overflow',
		type: 'options',
		options: [
			{ name: 'Give It to Another Owner', value: 'otherOwner', description: 'Another owner with room on the same day' },
			{ name: 'Wait for the Owner\'s Next Open Day', value: 'nextOpenDay', description: 'Keep the owner, move the day' },
		],
		default: 'nextOpenDay',
		description: 'Applies to account managers and round-robin; least loaded always picks an owner with room',
		displayOptions: show,
	},
	{
		displayName: 'Horizon (Days)',
		name: 'horizonDays',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 30,
		description: 'How many days past its due date a revisit may move; beyond that the customer is reported as not schedulable',
		displayOptions: show,
	},
	{
		displayName: 'Reschedule Existing Revisits',
		name: 'reschedule',
		type: 'boolean',
		default: false,
		description: 'Whether to plan a new revisit for customers that already have one in the future',
		displayOptions: show,
	},
];

function ownersFrom(ctx: IExecuteFunctions): Owner[] {
	if (ctx.getNodeParameter('ownersInput', 0, 'list') === 'text') {
		return parseOwnerList(ctx.getNodeParameter('ownerList', 0, '') as string, ctx.getNodeParameter('defaultDailyCapacity', 0, 8));
	}
	const list = (ctx.getNodeParameter('owners', 0, {}) as { owner?: Array<{ id?: string; dailyCapacity?: number; timeZone?: string }> }).owner ?? [];
	return buildOwnerPool(list);
}

/** The "Schedule revisit" operation: one result per customer on output 1, one agenda per owner and day on output 2. */
export async function scheduleRevisit(this: IExecuteFunctions, settings: RunSettings): Promise<INodeExecutionData[][]> {
	const { node, asOf, language, outputField, timeZone, continueOnFail } = settings;
	const items = this.getInputData();
	const column = (name: string, fallback: string) => String(this.getNodeParameter(name, 0, fallback)).trim();

	let reader: RevisitRequestReader;
	let options: Parameters<typeof scheduleRevisits>[1];
	try {
		const rules = (this.getNodeParameter('cadenceRules', 0, {}) as { rule?: CadenceRuleInput[] }).rule ?? [];
		const policy = buildCadencePolicy(rules, {
			interval: this.getNodeParameter('defaultInterval', 0, 30) as number,
			unit: this.getNodeParameter('defaultUnit', 0, 'calendarDays') as IntervalUnit,
			priority: this.getNodeParameter('defaultPriority', 0, 'normal') as Priority,
			channel: this.getNodeParameter('defaultChannel', 0, 'call') as Channel,
			reason: this.getNodeParameter('defaultReason', 0, 'Regular revisit') as string,
		});
		reader = new RevisitRequestReader(
			{
				customerId: column('customerIdColumn', DEFAULT_REVISIT_COLUMNS.customerId) || DEFAULT_REVISIT_COLUMNS.customerId,
				name: column('nameColumn', DEFAULT_REVISIT_COLUMNS.name),
				timeZone: column('timeZoneColumn', DEFAULT_REVISIT_COLUMNS.timeZone),
				lastContact: column('lastContactColumn', DEFAULT_REVISIT_COLUMNS.lastContact),
				nextRevisit: column('nextRevisitColumn', DEFAULT_REVISIT_COLUMNS.nextRevisit),
				accountManager: column('accountManagerColumn', DEFAULT_REVISIT_COLUMNS.accountManager),
			},
			{ policy, defaultTimeZone: timeZone, asOf },
		);
		const workingDays = (this.getNodeParameter('workingDays', 0, []) as string[]).map((day) => WEEKDAYS.indexOf(day) as Weekday);
		options = {
			asOf,
			calendar: new BusinessCalendar({
				workingDays,
				publicHolidays: this.getNodeParameter('publicHolidays', 0, 'none') as PublicHolidays,
				extraClosed: parseDateList(this.getNodeParameter('extraClosedDates', 0, ''), 'Extra closed dates'),
				extraOpen: parseDateList(this.getNodeParameter('extraOpenDates', 0, ''), 'Extra open dates'),
			}),
			slots: appointmentSlots(
				parseWorkingHours(this.getNodeParameter('workingHours', 0, '') as string),
				this.getNodeParameter('appointmentMinutes', 0, 30) as number,
			),
			owners: ownersFrom(this),
			assignment: this.getNodeParameter('assignment', 0, 'roundRobin') as AssignmentStrategy,
			overflow: this.getNodeParameter('overflow', 0, 'nextOpenDay') as OverflowPolicy,
			horizonDays: this.getNodeParameter('horizonDays', 0, 30) as number,
			reschedule: this.getNodeParameter('reschedule', 0, false) as boolean,
			language,
		};
	} catch (error) {
		throw toNodeError(node, error);
	}

	const out: INodeExecutionData[] = new Array(items.length);
	const requests: RevisitRequest[] = [];
	for (let i = 0; i < items.length; i++) {
		try {
			const json = items[i].json;
			if (outputField in json) {
				throw new InputError(outputField, json[outputField], 'already exists in the item', 'a free output field: change "Output Field"');
			}
			requests.push(reader.read(json, i));
		} catch (error) {
			if (!continueOnFail) throw toNodeError(node, error, i);
			out[i] = errorItem(node, error, i);
		}
	}

	let results;
	try {
		results = scheduleRevisits(requests, options);
	} catch (error) {
		throw toNodeError(node, error);
	}
	const addRevisit = fieldAdder(outputField);
	for (let r = 0; r < requests.length; r++) {
		const index = requests[r].index;
		out[index] = { json: addRevisit(items[index].json, results[r]), pairedItem: { item: index } };
	}
	const agendas = buildOwnerAgendas(requests, results, options.owners, language, timeZone).map(({ itemIndices, ...agenda }) => ({
		json: agenda as unknown as IDataObject,
		pairedItem: itemIndices.map((item) => ({ item })),
	}));
	return [out, agendas];
}
