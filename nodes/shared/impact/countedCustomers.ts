import { InputError } from '../input/errors';
import { getField } from '../input/fields';
import { parseKey } from './values';

/**
 * One item per customer where customers are counted (Measure Uplift, KPI Report's Customers With Churn
 * Results). A customer given twice (a join that fans out, a page read twice, an export with a repeated row)
 * counted as two customers without a word: in the group sizes, rates and means, so in the uplift, its
 * interval and the KPIs. The ID is read as Assign Holdout reads it (parseKey: text without its surrounding
 * spaces, or a number as its text, so " C1 " is C1 and 7 is "7"); a later item of an ID already counted is
 * that item's error, naming the item counted first.
 */
export class CountedCustomers {
	private readonly itemOf = new Map<string, number>();

	/** `counted` says what a customer given twice would spoil ("the uplift"). */
	private constructor(
		private readonly column: string,
		private readonly counted: string,
	) {}

	/**
	 * The check for a run's items, or undefined when no item has the column at all: the inputs of workflows
	 * made before the node read customer IDs (IDs under another name, or none) are counted as before, and the
	 * node says so (uncheckedCustomersHint). When some items have it, an item without it is that item's error.
	 */
	static of(items: ReadonlyArray<{ json: Record<string, unknown> }>, column: string, counted: string): CountedCustomers | undefined {
		return items.some((item) => getField(item.json, column) !== undefined) ? new CountedCustomers(column, counted) : undefined;
	}

	/**
	 * Reads item `item`'s customer ID and counts the customer; throws when it is no ID or a customer counted
	 * already. Call it last, once the item's other values are read: an item rejected for another reason claims no ID.
	 */
	count(json: Record<string, unknown>, item: number): void {
		const raw = getField(json, this.column);
		const id = parseKey(raw, this.column, 'a customer ID', 'a customer ID (text or number)');
		const earlier = this.itemOf.get(id);
		if (earlier !== undefined) {
			throw new InputError(this.column, raw, `is also the customer ID of item ${earlier}`, `one item per customer: given twice, a customer counts twice in ${this.counted}`);
		}
		this.itemOf.set(id, item);
	}
}

/** What the node says when no item has the Customer ID Column (see CountedCustomers.of). */
export function uncheckedCustomersHint(column: string, label: string): string {
	return (
		`No item has the field "${column}" (${label}): the customers were counted without checking that each is given once, ` +
		`so a customer in two items counts twice. Set ${label} to the field holding the customer IDs.`
	);
}
