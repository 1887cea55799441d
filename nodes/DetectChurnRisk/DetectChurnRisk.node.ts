import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { mainOutputs, nodeIdentity, runRouted } from '../common';
import { properties } from './description';
import { detectChurnRisk } from './execute';

export class DetectChurnRisk implements INodeType {
	description: INodeTypeDescription = {
		...nodeIdentity('Detect Churn Risk'),
		icon: { light: 'file:detectChurnRisk.svg', dark: 'file:detectChurnRisk.dark.svg' },
		subtitle: '={{ { bgNbd: "BG/NBD", paretoNbd: "Pareto/NBD", sbg: "sBG", rules: "Rules only" }[$parameter["method"]] }}',
		description: 'Score how likely each customer is to churn, what they are worth, and why',
		usableAsTool: {
			replacements: {
				description:
					'Churn risk of one customer: risk level (low, medium, high or critical, healthy customers included), risk score 0-100 and the reasons, ' +
					'plus the probability still active and expected value when a model with supplied parameters is set. Pass the customer as the node\'s ' +
					'columns name its fields, by default customerId, firstPurchaseAt and lastPurchaseAt (dates, YYYY-MM-DD), orderCount (orders including ' +
					'the first) and optionally totalSpend; for subscriptions customerId, tenure (renewals completed) and active (true/false).',
			},
		},
		...mainOutputs(['At Risk', 'Healthy', 'Model']),
		properties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return runRouted(this, 3, () => detectChurnRisk.call(this));
	}
}
