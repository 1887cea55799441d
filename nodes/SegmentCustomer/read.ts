import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import { checkOutputFieldFree } from '../common';
import {
	OneItemPerCustomer,
	readCustomer,
	readTransaction,
	summariseTransactions,
	type CustomerNeeds,
	type ReadOptions,
	type Transaction,
} from '../shared/customers';
import { toIsoWithOffset } from '../shared/format/isoDate';
import { calendarDaysCounter, fieldWriter, getField } from '../shared/input';
import type { SegmentSubject } from './operations/types';
import type { SegmentOutputs } from './outputs';
import type { Columns } from './columns';
import { readTransactionTotals } from './readTransactionsColumnar';

export type { Columns };

export interface Subject extends SegmentSubject {
	/** Input items this customer came from; the first decides its place in the output. */
	itemIndices: number[];
}

/** One item per customer: each item read into a subject, or rejected. */
export function readCustomerSubjects(
	items: INodeExecutionData[],
	cols: Columns,
	needs: CustomerNeeds,
	options: ReadOptions,
	outputField: string,
	outputs: SegmentOutputs,
): Subject[] {
	const subjects: Subject[] = [];
	const customers = new OneItemPerCustomer(cols.customerId);
	const days = calendarDaysCounter(options.timeZone);
	const asOfMs = options.asOf.getTime();
	outputs.readEach(items, (json, i) => {
		checkOutputFieldFree(json, outputField);
		const record = readCustomer(json, cols, needs, options);
		customers.add(record.customerId, i, getField(json, cols.customerId));
		const recencyDays = record.lastPurchase ? days(record.lastPurchase.getTime(), asOfMs) : undefined;
		subjects.push({ record, json, recencyDays, itemIndices: [i] });
	});
	return subjects;
}

/**
 * One item per transaction: rows read (or rejected) and summarised into one subject per customer, on
 * typed-array columns (`columnar`: no object per transaction, dates parsed once per distinct day) or
 * through summariseTransactions. Same subjects, same errors.
 */
export function readTransactionSubjects(
	items: INodeExecutionData[],
	cols: Columns,
	options: ReadOptions & { timeZone: string },
	collapseSameDay: boolean,
	outputs: SegmentOutputs,
	columnar: boolean,
): Subject[] {
	const fields = customerFieldsWriter(cols.customerId, options.timeZone);
	const asOfMs = options.asOf.getTime();
	const days = calendarDaysCounter(options.timeZone);
	const subject = (customerId: string, firstMs: number, lastMs: number, purchases: number, revenue: number, itemIndices: number[]): Subject => ({
		record: { customerId, firstPurchase: new Date(firstMs), lastPurchase: new Date(lastMs), purchases, revenue },
		json: fields(customerId, items[itemIndices[0]].json, firstMs, lastMs, purchases, revenue),
		recencyDays: days(lastMs, asOfMs),
		itemIndices,
	});
	if (columnar) {
		const totals = readTransactionTotals(items, cols, options, collapseSameDay, outputs);
		const { itemStart } = totals;
		const subjects: Subject[] = [];
		for (let c = 0; c < totals.ids.length; c++) {
			if (itemStart[c] === itemStart[c + 1]) continue;
			const itemIndices = totals.items.slice(itemStart[c], itemStart[c + 1]);
			subjects.push(subject(totals.ids[c], totals.firstMs[c], totals.lastMs[c], totals.purchases[c], totals.totalSpend[c], itemIndices));
		}
		return subjects;
	}
	const transactions: Transaction[] = [];
	outputs.readEach(items, (json, i) => transactions.push(readTransaction(json, cols, i, options)));
	return summariseTransactions(transactions, { asOf: options.asOf, unit: 'days', collapseSameDay, timeZone: options.timeZone }).map((s) =>
		subject(s.customerId, s.firstPurchase.getTime(), s.lastPurchase.getTime(), s.purchases, s.totalSpend, s.itemIndices),
	);
}

/**
 * A transaction customer's derived fields as an item's json; each date text is written once per
 * distinct instant (date-only data has a few thousand). The customer ID goes where `source` (the
 * customer's first transaction item, needed for a dotted column only) holds it: nested when the
 * transactions have it nested (fieldWriter). Given `into` (an object this writer made), the fields are written into it instead
 * of a new object: a caller that copies them at once (fieldAdder) then makes no object per customer for
 * them. A dotted column always makes a new object: its nested ID object is not to be shared.
 */
export function customerFieldsWriter(customerIdColumn: string, timeZone: string) {
	const isoTexts = new Map<number, string>();
	const iso = (ms: number) => {
		let text = isoTexts.get(ms);
		if (text === undefined) isoTexts.set(ms, (text = toIsoWithOffset(new Date(ms), timeZone)));
		return text;
	};
	const dotted = customerIdColumn.includes('.');
	const writeId = fieldWriter(customerIdColumn);
	return (customerId: string, source: IDataObject | undefined, firstMs: number, lastMs: number, orderCount: number, totalSpend: number, into?: IDataObject): IDataObject => {
		if (dotted) {
			const json: IDataObject = {};
			writeId(json, customerId, source ?? {});
			json.firstPurchaseAt = iso(firstMs);
			json.lastPurchaseAt = iso(lastMs);
			json.orderCount = orderCount;
			json.totalSpend = totalSpend;
			return json;
		}
		if (into === undefined) {
			return { [customerIdColumn]: customerId, firstPurchaseAt: iso(firstMs), lastPurchaseAt: iso(lastMs), orderCount, totalSpend };
		}
		// The order of the literal above, so a column named like a derived field ends the same way.
		into[customerIdColumn] = customerId;
		into.firstPurchaseAt = iso(firstMs);
		into.lastPurchaseAt = iso(lastMs);
		into.orderCount = orderCount;
		into.totalSpend = totalSpend;
		return into;
	};
}
