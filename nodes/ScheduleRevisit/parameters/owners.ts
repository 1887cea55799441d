import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { buildOwnerPool, parseOwnerList, type AssignmentStrategy, type OverflowPolicy, type Owner, type OwnerInput } from '../../shared/revisit';
import { listParameter, numberParameter, optionsParameter, readChoice, textParameter } from '../../common';
import { readListEntries } from './entries';
import { limits, RANGES, readWholeNumber } from './numbers';
import { readText } from './text';

const SHOW = { show: { operation: ['scheduleRevisit'] } };

const ownersInput = optionsParameter(
	'ownersInput',
	'Owners Input',
	[
		{ name: 'List', value: 'list', description: 'Enter each owner and capacity below' },
		{ name: 'Text', value: 'text', description: 'One text such as "alice:8, bob:6, carol" (handy with expressions)' },
	],
	'list',
	undefined,
	{ displayOptions: SHOW },
);
const assignment = optionsParameter(
	'assignment',
	'Assignment',
	[
		{ name: 'Least Loaded', value: 'leastLoaded', description: 'The owner with the fewest revisits that day (then in total)' },
		{ name: 'Round-Robin', value: 'roundRobin', description: 'Owners take turns in list order' },
	],
	'roundRobin',
	'How customers without an available account manager get an owner',
	{ displayOptions: SHOW },
);
const overflow = optionsParameter(
	'overflow',
	'When the Owner Is Full',
	[
		{ name: 'Give It to Another Owner', value: 'otherOwner', description: 'Another owner with room on the same day' },
		{ name: 'Wait for the Owner\'s Next Open Day', value: 'nextOpenDay', description: 'Keep the owner, move the day' },
	],
	'nextOpenDay',
	'Applies to account managers and round-robin; least loaded always picks an owner with room',
	{ displayOptions: SHOW },
);

const ownerEntries = listParameter(
	'owners',
	'Owners',
	{ name: 'owner', displayName: 'Owner' },
	[
		textParameter('id', 'Owner ID', '', 'As it appears in the account manager column'),
		numberParameter('dailyCapacity', 'Daily Capacity', 8, 'Most revisits this owner takes on one day', { typeOptions: limits(RANGES.capacity) }),
		textParameter(
			'timeZone',
			'Time Zone',
			'',
			"The owner's IANA time zone: their agenda shows times in it (with the customer's local time where it differs). Empty: the node's Time Zone.",
			{ placeholder: 'Asia/Shanghai' },
		),
	],
	'Who makes the revisits, in order (the order breaks ties)',
	{ displayOptions: { show: { ...SHOW.show, ownersInput: ['list'] } } },
);
const ownerList = textParameter('ownerList', 'Owner List', '', 'Owner IDs separated by commas, each with an optional ":capacity"', {
	placeholder: 'alice:8, bob:6, carol',
	displayOptions: { show: { ...SHOW.show, ownersInput: ['text'] } },
});
const defaultDailyCapacity = numberParameter(
	'defaultDailyCapacity',
	'Default Daily Capacity',
	8,
	'Capacity of owners in the owner list written without one',
	{ typeOptions: limits(RANGES.capacity), displayOptions: { show: { ...SHOW.show, ownersInput: ['text'] } } },
);

/** Who makes the revisits and how customers are shared among them. */
export const ownerProperties: INodeProperties[] = [
	ownersInput,
	ownerEntries,
	ownerList,
	defaultDailyCapacity,
	assignment,
	overflow,
];

/** The owner pool, the assignment strategy and the overflow policy, from the parameters above. */
export function readOwners(ctx: IExecuteFunctions): { owners: Owner[]; assignment: AssignmentStrategy; overflow: OverflowPolicy } {
	let owners: Owner[];
	if (readChoice(ctx, ownersInput) === 'text') {
		owners = parseOwnerList(readText(ctx, ownerList, 'owner IDs separated by commas'), readWholeNumber(ctx, defaultDailyCapacity, RANGES.capacity));
	} else {
		owners = buildOwnerPool(readListEntries<OwnerInput>(ctx, ownerEntries, { dailyCapacity: RANGES.capacity }));
	}
	return {
		owners,
		assignment: readChoice<AssignmentStrategy>(ctx, assignment),
		overflow: readChoice<OverflowPolicy>(ctx, overflow),
	};
}
