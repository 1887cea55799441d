import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { mainOutputs, nodeIdentity, runRouted } from '../common';
import { properties } from './description';
import { execute } from './execute';

export class ScheduleRevisit implements INodeType {
	description: INodeTypeDescription = {
		...nodeIdentity('Schedule Revisit'),
		icon: { light: 'file:scheduleRevisit.svg', dark: 'file:scheduleRevisit.dark.svg' },
		subtitle: '={{ { scheduleRevisit: "Schedule revisit", findOccasions: "Find care occasions" }[$parameter["operation"]] }}',
		description: 'Plan revisits on business days with owner capacity, and find birthdays, anniversaries and festivals',
		usableAsTool: {
			replacements: {
				description:
					'Plan the next revisit of one customer (Schedule Revisit: date and time on an open day, owner, or why it cannot be scheduled) or ' +
					'find their coming care occasions (Find Care Occasions: birthdays, lunar birthdays, anniversaries, festivals). Pass the customer as ' +
					'the node\'s columns name its fields, by default customerId, lastContactAt (date), accountManager and timeZone (IANA) for a revisit; ' +
					'customerId, birthday, lunarBirthday, memberSince or firstPurchaseAt (dates) for occasions. Owner capacity counts this customer only: ' +
					'book the proposed revisit where your team keeps its agenda.',
			},
		},
		...mainOutputs(['Customers', 'Owner Agenda']),
		properties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return runRouted(this, 2, () => execute(this));
	}
}
