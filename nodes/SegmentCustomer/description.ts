import { learnedStateProperties } from './learnedState';
import type { INodeProperties } from 'n8n-workflow';
import { asOfProperty, booleanParameter, languageProperty, optionsParameter, outputFieldProperty, textParameter } from '../common';
import { customRulesProperties } from './operations/customRules';
import { lifecycleProperties } from './operations/lifecycle';
import { rfmProperties } from './operations/rfm';
import { valueTierProperties } from './operations/valueTier';

const customerShape = { show: { inputShape: ['customer'] } };
const transactionShape = { show: { inputShape: ['transaction'] } };

/** Parameters every method shares: what the input looks like and where the result goes. */
export const inputProperties: INodeProperties[] = [
	optionsParameter(
		'inputShape',
		'Input Shape',
		[
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
		'customer',
		undefined,
		{ noDataExpression: true },
	),
	textParameter('customerIdColumn', 'Customer ID Column', 'customerId', 'Column holding the customer ID (dot paths such as customer.code work)'),
	textParameter('lastPurchaseColumn', 'Last Purchase Column', 'lastPurchaseAt', 'Column with the date of the most recent purchase', { displayOptions: customerShape }),
	textParameter('firstPurchaseColumn', 'First Purchase Column', 'firstPurchaseAt', 'Column with the date of the first purchase (used by the lifecycle method)', { displayOptions: customerShape }),
	textParameter('purchaseCountColumn', 'Order Count Column', 'orderCount', 'Column with the number of purchases', { displayOptions: customerShape }),
	textParameter('totalSpendColumn', 'Total Spend Column', 'totalSpend', 'Column with the total amount spent; "¥1,234.50" style text is accepted', { displayOptions: customerShape }),
	textParameter('dateColumn', 'Order Date Column', 'orderDate', 'Column with the date of the order', { displayOptions: transactionShape }),
	textParameter('amountColumn', 'Amount Column', 'amount', 'Column with the order amount', { displayOptions: transactionShape }),
	booleanParameter('collapseSameDay', 'Collapse Same-Day Orders', true, 'Whether several orders of one customer on one calendar day count as one purchase', { displayOptions: transactionShape }),
];

export const optionProperties: INodeProperties[] = [
	asOfProperty('recency is measured from'),
	languageProperty('the segment labels'),
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
