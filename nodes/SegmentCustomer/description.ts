import { learnedStateProperties } from './learnedState';
import type { INodeProperties } from 'n8n-workflow';
import { asOfProperty, languageProperty, optionsParameter, outputFieldProperty } from '../common';
import { inputProperties } from './columns';
import { customRulesProperties } from './operations/customRules';
import { lifecycleProperties } from './operations/lifecycle';
import { rfmProperties } from './operations/rfm';
import { valueTierProperties } from './operations/valueTier';

export const optionProperties: INodeProperties[] = [
	asOfProperty('recency is measured from'),
	// Custom rules label customers with the user's own labels: no language to choose.
	{ ...languageProperty('the segment labels'), displayOptions: { hide: { method: ['customRules'] } } },
	outputFieldProperty('segment'),
];

/** Every parameter of the node, in the order the editor shows them. */
export const properties: INodeProperties[] = [
	optionsParameter(
		'method',
		'Method',
		[
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
		'rfm',
		undefined,
		{ noDataExpression: true },
	),
	...inputProperties,
	...rfmProperties,
	...valueTierProperties,
	...learnedStateProperties,
	...lifecycleProperties,
	...customRulesProperties,
	...optionProperties,
];
