import { NodeConnectionTypes, type IExecuteFunctions, type INodeExecutionData, type INodeType, type INodeTypeDescription } from 'n8n-workflow';
import { runRouted } from '../common';
import { inputProperties, optionProperties } from './description';
import { segmentCustomers } from './execute';
import { customRulesProperties } from './methods/customRules';
import { lifecycleProperties } from './methods/lifecycle';
import { rfmProperties } from './methods/rfm';
import { valueTierProperties } from './methods/valueTier';

export class SegmentCustomer implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Segment Customer',
		name: 'segmentCustomer',
		icon: { light: 'file:segmentCustomer.svg', dark: 'file:segmentCustomer.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ { rfm: "RFM", valueTier: "Value tier", lifecycle: "Lifecycle stage", customRules: "Custom rules" }[$parameter["method"]] }}',
		description: 'Segment customers by RFM, value tier, lifecycle stage or your own rules, and explain why',
		defaults: { name: 'Segment Customer' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main, NodeConnectionTypes.Main],
		outputNames: ['Customers', 'Summary'],
		properties: [
			{
				displayName: 'Method',
				name: 'method',
				type: 'options',
				noDataExpression: true,
				options: [
					{
						name: 'Custom Rules',
						value: 'customRules',
						description: 'Your own ordered rules; the first match gives the label',
					},
					{
						name: 'Lifecycle Stage',
						value: 'lifecycle',
						description: 'Prospect, new, active, at risk, lapsed or lost',
					},
					{
						name: 'RFM',
						value: 'rfm',
						description: 'Recency, frequency and monetary scores with named segments such as Champions or At Risk',
					},
					{
						name: 'Value Tier (ABC)',
						value: 'valueTier',
						description: 'A, B and C tiers by cumulative share of revenue',
					},
				],
				default: 'rfm',
			},
			...inputProperties,
			...rfmProperties,
			...valueTierProperties,
			...lifecycleProperties,
			...customRulesProperties,
			...optionProperties,
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return runRouted(this, 2, () => segmentCustomers.call(this));
	}
}
