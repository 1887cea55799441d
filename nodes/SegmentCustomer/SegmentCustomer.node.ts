import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { mainOutputs, nodeIdentity, runRouted } from '../common';
import { properties } from './description';
import { segmentCustomers } from './execute';

export class SegmentCustomer implements INodeType {
	description: INodeTypeDescription = {
		...nodeIdentity('Segment Customer'),
		icon: { light: 'file:segmentCustomer.svg', dark: 'file:segmentCustomer.dark.svg' },
		subtitle: '={{ { rfm: "RFM", valueTier: "Value tier", lifecycle: "Lifecycle stage", customRules: "Custom rules" }[$parameter["method"]] }}',
		description: 'Segment customers by RFM, value tier, lifecycle stage or your own rules, and explain why',
		usableAsTool: {
			replacements: {
				description:
					'Segment one customer, with the reason: RFM scores and segment or value tier A/B/C (against cut points learned from all customers), ' +
					'lifecycle stage, or your own rules. Pass the customer as the node\'s columns name its fields, by default customerId, ' +
					'lastPurchaseAt and firstPurchaseAt (dates, YYYY-MM-DD), orderCount and totalSpend.',
			},
		},
		...mainOutputs(['Customers', 'Summary']),
		properties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return runRouted(this, 2, () => segmentCustomers.call(this));
	}
}
