import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { CountedCustomers, uncheckedCustomersHint } from '../../shared/impact/countedCustomers';

/**
 * The one-item-per-customer check of a run (see CountedCustomers), or undefined with a warning above the
 * output when no item has the Customer ID Column.
 */
export function countedCustomers(ctx: IExecuteFunctions, items: INodeExecutionData[], column: string, label: string, counted: string): CountedCustomers | undefined {
	const customers = CountedCustomers.of(items, column, counted);
	if (!customers && items.length > 0) ctx.addExecutionHints({ message: uncheckedCustomersHint(column, label), type: 'warning', location: 'outputPane' });
	return customers;
}
