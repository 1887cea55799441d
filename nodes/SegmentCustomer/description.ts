import { learnedStateProperties } from './learnedState';
import type { INodeProperties } from 'n8n-workflow';
import { asOfProperty, languageProperty, outputFieldProperty } from '../common';
import { customRulesProperties } from './operations/customRules';
import { lifecycleProperties } from './operations/lifecycle';
import { rfmProperties } from './operations/rfm';
import { valueTierProperties } from './operations/valueTier';

const customerShape = { show: { inputShape: ['customer'] } };
const transactionShape = { show: { inputShape: ['transaction'] } };

/** Parameters every method shares: what the input looks like and where the result goes. */
export const inputProperties: INodeProperties[] = [
	{
		displayName: 'Input Shape',
		name: 'inputShape',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'One Item per Customer',
				value: 'customer',
				description: 'Each item is a customer with last purchase date, order count and total spend',
			},
			{
				name: 'One Item per Transaction',
				value: 'transaction',
				description: 'Each item is an order; the node aggregates them per customer and outputs one item per customer',
			},
		],
		default: 'customer',
	},
	{
		displayName: 'Customer ID Column',
		name: 'customerIdColumn',
		type: 'string',
		default: 'customerId',
		description: 'Column holding the customer ID (dot paths such as customer.code work)',
	},
	{
		displayName: 'Last Purchase Column',
		name: 'lastPurchaseColumn',
		type: 'string',
		default: 'lastPurchaseAt',
		description: 'Column with the date of the most recent purchase',
		displayOptions: customerShape,
	},
	{
		displayName: 'First Purchase Column',
		name: 'firstPurchaseColumn',
		type: 'string',
		default: 'firstPurchaseAt',
		description: 'Column with the date of the first purchase (used by the lifecycle method)',
		displayOptions: customerShape,
	},
	{
		displayName: 'Order Count Column',
		name: 'purchaseCountColumn',
		type: 'string',
		default: 'orderCount',
		description: 'Column with the number of purchases',
		displayOptions: customerShape,
	},
	{
		displayName: 'Total Spend Column',
		name: 'totalSpendColumn',
		type: 'string',
		default: 'totalSpend',
		description: 'Column with the total amount spent; "¥1,234.50" style text is accepted',
		displayOptions: customerShape,
	},
	{
		displayName: 'Order Date Column',
		name: 'dateColumn',
		type: 'string',
		default: 'orderDate',
		description: 'Column with the date of the order',
		displayOptions: transactionShape,
	},
	{
		displayName: 'Amount Column',
		name: 'amountColumn',
		type: 'string',
		default: 'amount',
		description: 'Column with the order amount',
		displayOptions: transactionShape,
	},
	{
		displayName: 'Collapse Same-Day Orders',
		name: 'collapseSameDay',
		type: 'boolean',
		default: true,
		description: 'Whether several orders of one customer on one calendar day count as one purchase',
		displayOptions: transactionShape,
	},
];

export const optionProperties: INodeProperties[] = [
	asOfProperty('recency is measured from'),
	languageProperty('the segment labels'),
	outputFieldProperty('segment'),
];

/** Every parameter of the node, in the order the editor shows them. */
export const properties: INodeProperties[] = [
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
	...learnedStateProperties,
	...lifecycleProperties,
	...customRulesProperties,
	...optionProperties,
];
