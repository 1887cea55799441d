import type { INodeProperties } from 'n8n-workflow';
import { asOfProperty, languageProperty, optionsParameter, outputFieldProperty } from '../common';
import { assignHoldoutProperties, campaignProperty } from './operations/assignHoldout';
import { kpiReportProperties } from './operations/kpiReport';
import { measureUpliftProperties } from './operations/measureUplift';

export const operationProperty: INodeProperties = optionsParameter(
	'operation',
	'Operation',
	[
		{
			name: 'Assign Holdout',
			value: 'assignHoldout',
			action: 'Split customers into treatment and holdout',
			description: 'Split customers into treatment and holdout by a stable hash of campaign and customer ID',
		},
		{
			name: 'KPI Report',
			value: 'kpiReport',
			action: 'Report care figures by month',
			description: 'Churn, retention and repeat-purchase rates, average order value, CLV, NPS trend and a cohort table',
		},
		{
			name: 'Measure Uplift',
			value: 'measureUplift',
			action: 'Measure the uplift of a campaign',
			description: 'Treatment against holdout per outcome: uplift with confidence interval, p-value, increments and ROI',
		},
	],
	'assignHoldout',
	undefined,
	{ noDataExpression: true },
);

const only = (operations: string[], property: INodeProperties): INodeProperties => ({ ...property, displayOptions: { show: { operation: operations } } });
/** KPI Report's Customers With Churn Results counts no months and writes no sentences: As Of and Language do nothing there. */
const notForCustomers = (property: INodeProperties): INodeProperties => ({ ...property, displayOptions: { ...property.displayOptions, hide: { source: ['customers'] } } });

export const properties: INodeProperties[] = [
	operationProperty,
	campaignProperty,
	...assignHoldoutProperties,
	...measureUpliftProperties,
	...kpiReportProperties,
	notForCustomers(only(['kpiReport'], asOfProperty('the report months are counted back from (orders and answers after it are rejected)'))),
	notForCustomers(only(['measureUplift', 'kpiReport'], languageProperty('the sentences and summaries'))),
	only(['assignHoldout'], outputFieldProperty('impact')),
];

/** Treatment and Holdout for Assign Holdout; one output (Results or Report) for the others. */
export const outputs =
	'={{ $parameter.operation === "assignHoldout" ? [{ type: "main", displayName: "Treatment" }, { type: "main", displayName: "Holdout" }] : [{ type: "main", displayName: $parameter.operation === "kpiReport" ? "Report" : "Results" }] }}';
