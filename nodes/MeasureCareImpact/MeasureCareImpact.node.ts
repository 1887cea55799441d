import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { nodeIdentity } from '../common';
import { outputs, properties } from './description';
import { measureCareImpact } from './execute';

export class MeasureCareImpact implements INodeType {
	description: INodeTypeDescription = {
		...nodeIdentity('Measure Care Impact'),
		icon: { light: 'file:measureCareImpact.svg', dark: 'file:measureCareImpact.dark.svg' },
		subtitle: '={{ { assignHoldout: "Assign holdout", measureUplift: "Measure uplift", kpiReport: "KPI report" }[$parameter["operation"]] }}',
		description: 'Split customers into treatment and holdout, measure the uplift of a care campaign with confidence intervals and ROI, and report care KPIs',
		// As a tool, only Assign Holdout: one customer's group is the same as in a batch run (a stable hash),
		// while Measure Uplift and KPI Report need a whole population and are refused in a tool call.
		usableAsTool: {
			replacements: {
				description:
					'Whether one customer is in the treatment group (give them the campaign) or the holdout (leave them out, to measure the campaign ' +
					'against), stable for a named campaign: the same answer every time and as in the batch assignment. Pass the customer\'s ID as the ' +
					'node\'s Customer ID Column names it (by default customerId). Only the Assign Holdout operation answers as a tool.',
			},
		},
		outputs,
		properties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return measureCareImpact.call(this);
	}
}
