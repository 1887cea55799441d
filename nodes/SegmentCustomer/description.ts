import { learnedStateProperties } from './learnedState';
import type { INodeProperties } from 'n8n-workflow';
import { asOfProperty, languageProperty, optionsParameter, outputFieldProperty } from '../common';
import { inputProperties } from './columns';
import { customRulesProperties } from './operations/customRules';
import { lifecycleProperties } from './operations/lifecycle';
import { rfmProperties } from './operations/rfm';
import { valueTierProperties } from './operations/valueTier';

const language = languageProperty('the segment labels');

/**
 * Language, where labels are written: lifecycle stages, and RFM segments and value tiers unless the run
 * only learns from value histograms (its one item is the learned state, without labels). Custom rules
 * label customers with the user's own labels. Two entries of one name, because a rule on Cut Points must
 * not reach Lifecycle: n8n checks display rules against a hidden parameter's stored value, so a
 * `hide: { cutPoints: ['histograms'] }` also hid Language for Lifecycle after a switch from RFM with
 * histograms, and its zh-CN labels came out in English.
 */
export const languageProperties: INodeProperties[] = [
	{ ...language, displayOptions: { show: { method: ['lifecycle'] } } },
	{ ...language, displayOptions: { show: { method: ['rfm', 'valueTier'], cutPoints: ['learn', 'apply'] } } },
];

export const optionProperties: INodeProperties[] = [asOfProperty('recency is measured from'), ...languageProperties, outputFieldProperty('segment')];

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
