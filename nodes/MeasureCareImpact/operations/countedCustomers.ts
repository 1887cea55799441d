import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { OneItemPerCustomer } from '../../shared/customers';
import { getField } from '../../shared/input/fields';
import { parseKey } from '../../shared/impact/values';

/**
 * One item per customer where Measure Uplift and KPI Report (Customers With Churn Results) count customers:
 * a customer given twice (a join that fans out, a page read twice, an export with a repeated row) counted
 * as two without a word, in the group sizes, rates and means, so in the uplift, its interval and the KPIs.
 * The ID is read as Assign Holdout reads it (parseKey: " C1 " is C1, 7 is "7"); a later item of an ID
 * already counted is that item's error (OneItemPerCustomer), naming the item counted first. `counted`
 * says what a customer given twice would spoil ("the uplift").
 *
 * Returns the count to call on each item once its other values are read (an item refused for another
 * reason claims no ID), or undefined when no item has the column at all: the inputs of workflows made
 * before the node read customer IDs (IDs under another name, or none) are counted as before, with a
 * warning above the output. When some items have it, an item without it is that item's error.
 */
export function countedCustomers(
	ctx: IExecuteFunctions,
	items: INodeExecutionData[],
	column: string,
	label: string,
	counted: string,
): ((json: IDataObject, item: number) => void) | undefined {
	if (!items.some((item) => getField(item.json, column) !== undefined)) {
		if (items.length > 0) ctx.addExecutionHints({ message: uncheckedCustomersHint(column, label), type: 'warning', location: 'outputPane' });
		return undefined;
	}
	const customers = new OneItemPerCustomer(column, `one item per customer: given twice, a customer counts twice in ${counted}`);
	return (json, item) => {
		const raw = getField(json, column);
		customers.add(parseKey(raw, column, 'a customer ID', 'a customer ID (text or number)'), item, raw);
	};
}

function uncheckedCustomersHint(column: string, label: string): string {
	return (
		`No item has the field "${column}" (${label}): the customers were counted without checking that each is given once, ` +
		`so a customer in two items counts twice. Set ${label} to the field holding the customer IDs.`
	);
}
