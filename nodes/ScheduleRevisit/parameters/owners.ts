import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { buildOwnerPool, parseOwnerList, type AssignmentStrategy, type OverflowPolicy, type Owner, type OwnerInput } from '../../shared/revisit';

const SHOW = { show: { operation: ['scheduleRevisit'] } };

/** Who makes the revisits and how customers are shared among them. */
export const ownerProperties: INodeProperties[] = [
	{
		displayName: 'Owners Input',
		name: 'ownersInput',
		type: 'options',
		options: [
			{ name: 'List', value: 'list', description: 'Enter each owner and capacity below' },
			{ name: 'Text', value: 'text', description: 'One text such as "alice:8, bob:6, carol" (handy with expressions)' },
		],
		default: 'list',
		displayOptions: SHOW,
	},
	{
		displayName: 'Owners',
		name: 'owners',
		placeholder: 'Add Owner',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		default: {},
		description: 'Who makes the revisits, in order (the order breaks ties)',
		displayOptions: { show: { ...SHOW.show, ownersInput: ['list'] } },
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
		displayOptions: { show: { ...SHOW.show, ownersInput: ['text'] } },
	},
	{
		displayName: 'Default Daily Capacity',
		name: 'defaultDailyCapacity',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 8,
		description: 'Capacity of owners in the owner list written without one',
		displayOptions: { show: { ...SHOW.show, ownersInput: ['text'] } },
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
		displayOptions: SHOW,
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
		displayOptions: SHOW,
	},
];

/** The owner pool, the assignment strategy and the overflow policy, from the parameters above. */
export function readOwners(ctx: IExecuteFunctions): { owners: Owner[]; assignment: AssignmentStrategy; overflow: OverflowPolicy } {
	let owners: Owner[];
	if (ctx.getNodeParameter('ownersInput', 0, 'list') === 'text') {
		owners = parseOwnerList(ctx.getNodeParameter('ownerList', 0, '') as string, ctx.getNodeParameter('defaultDailyCapacity', 0, 8));
	} else {
		owners = buildOwnerPool((ctx.getNodeParameter('owners', 0, {}) as { owner?: OwnerInput[] }).owner ?? []);
	}
	return {
		owners,
		assignment: ctx.getNodeParameter('assignment', 0, 'roundRobin') as AssignmentStrategy,
		overflow: ctx.getNodeParameter('overflow', 0, 'nextOpenDay') as OverflowPolicy,
	};
}
