import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { booleanParameter, optionsParameter, textParameter } from '../common';
import type { CustomerColumns, TransactionColumns } from '../shared/customers';
import { columnOf } from './parameters';

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
	// Only Lifecycle reads the first purchase (one-time buyers' age, and the order count against the dates).
	textParameter('firstPurchaseColumn', 'First Purchase Column', 'firstPurchaseAt', 'Column with the date of the first purchase (used by the lifecycle method)', {
		displayOptions: { show: { inputShape: ['customer'], method: ['lifecycle'] } },
	}),
	textParameter('purchaseCountColumn', 'Order Count Column', 'orderCount', 'Column with the number of purchases', { displayOptions: customerShape }),
	textParameter('totalSpendColumn', 'Total Spend Column', 'totalSpend', 'Column with the total amount spent; "¥1,234.50" style text is accepted', { displayOptions: customerShape }),
	textParameter('dateColumn', 'Order Date Column', 'orderDate', 'Column with the date of the order', { displayOptions: transactionShape }),
	textParameter('amountColumn', 'Amount Column', 'amount', 'Column with the order amount', { displayOptions: transactionShape }),
	booleanParameter('collapseSameDay', 'Collapse Same-Day Orders', true, 'Whether several orders of one customer on one calendar day count as one purchase', { displayOptions: transactionShape }),
];

export type Columns = CustomerColumns & TransactionColumns;

/** One column parameter of the input (Customer ID Column, Order Count Column, …), by its label. */
export const readInputColumn = (ctx: IExecuteFunctions, name: string) => columnOf(ctx, inputProperties, name);

/** The column parameters, each read by its label with its default. */
export function readColumnParameters(ctx: IExecuteFunctions): Columns {
	const column = (name: string) => readInputColumn(ctx, name);
	return {
		customerId: column('customerIdColumn'),
		lastPurchase: column('lastPurchaseColumn'),
		firstPurchase: column('firstPurchaseColumn'),
		purchaseCount: column('purchaseCountColumn'),
		totalSpend: column('totalSpendColumn'),
		date: column('dateColumn'),
		amount: column('amountColumn'),
	};
}
