import { NodeConnectionTypes, type IExecuteFunctions, type INodeExecutionData, type INodeType, type INodeTypeDescription } from 'n8n-workflow';
import { outputs, properties } from './description';
import { measureCareImpact } from './execute';

export class MeasureCareImpact implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Measure Care Impact',
		name: 'measureCareImpact',
		icon: { light: 'file:measureCareImpact.svg', dark: 'file:measureCareImpact.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ { assignHoldout: "Assign holdout", measureUplift: "Measure uplift", kpiReport: "KPI report" }[$parameter["operation"]] }}',
		description: 'Split customers into treatment and holdout, measure the uplift of a care campaign with confidence intervals and ROI, and report care KPIs',
		defaults: { name: 'Measure Care Impact' },
		usableAsTool: {
			replacements: {
				description:
					'Customer care impact: assign customers to treatment or holdout for a named campaign (stable, reproducible), measure the uplift of a campaign per outcome (conversion, revenue, retention, satisfaction) with 95% confidence intervals, p-values, minimum detectable effect and ROI, or report churn, retention, repeat-purchase, average order value, CLV and NPS KPIs by month',
			},
		},
		inputs: [NodeConnectionTypes.Main],
		outputs,
		properties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return measureCareImpact.call(this);
	}
}
