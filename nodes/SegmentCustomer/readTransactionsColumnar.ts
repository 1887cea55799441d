import type { IDataObject, INodeExecutionData, IPairedItemData } from 'n8n-workflow';
import { summariseTransactionColumns, TransactionColumnReader, type CustomerTotals } from '../shared/customers/transactionsColumnar';
import type { ReadOptions } from '../shared/customers';
import { toIsoWithOffset } from '../shared/format/isoDate';
import { inputPair, type SegmentOutputs } from './outputs';
import type { Columns, Subject } from './read';

const DAY_MS = 86_400_000;

/** Transaction items read into typed-array columns (bad items rejected) and totalled per customer. */
export function readTransactionTotals(
	items: INodeExecutionData[],
	cols: Columns,
	options: ReadOptions,
	collapseSameDay: boolean,
	outputs: SegmentOutputs,
): CustomerTotals {
	const reader = new TransactionColumnReader(cols, items.length, options);
	for (let i = 0; i < items.length; i++) {
		try {
			reader.read(items[i].json, i);
		} catch (error) {
			outputs.reject(error, [i]);
		}
	}
	return summariseTransactionColumns(reader, { asOf: options.asOf, collapseSameDay, timeZone: options.timeZone });
}

/**
 * The derived fields of customer c, as the general path writes them; each date text is written once
 * per distinct instant (date-only data has a few thousand). Given `into` (an object this writer made),
 * the fields are written into it instead of a new object: a caller that copies them at once (fieldAdder)
 * makes no object per customer for them.
 */
export function customerJsonWriter(totals: CustomerTotals, customerIdColumn: string, timeZone: string): (c: number, into?: IDataObject) => IDataObject {
	// Only the per-customer columns are kept, not the rows behind them.
	const { ids, firstMs, lastMs, purchases, totalSpend } = totals;
	const isoTexts = new Map<number, string>();
	const iso = (ms: number) => {
		let text = isoTexts.get(ms);
		if (text === undefined) isoTexts.set(ms, (text = toIsoWithOffset(new Date(ms), timeZone)));
		return text;
	};
	return (c, into) => {
		if (into === undefined) {
			return {
				[customerIdColumn]: ids[c],
				firstPurchaseAt: iso(firstMs[c]),
				lastPurchaseAt: iso(lastMs[c]),
				orderCount: purchases[c],
				totalSpend: totalSpend[c],
			};
		}
		// The order of the literal above, so a column named like a derived field ends the same way.
		into[customerIdColumn] = ids[c];
		into.firstPurchaseAt = iso(firstMs[c]);
		into.lastPurchaseAt = iso(lastMs[c]);
		into.orderCount = purchases[c];
		into.totalSpend = totalSpend[c];
		return into;
	};
}

/**
 * Each customer's pairing with its input items, in input order: its one pair, or an array of them.
 * Filled in one pass over the rows in input order, so n8n's pair objects (inputPair) are read in the
 * order they lie in memory; read customer by customer, each is a cache miss (2.4 s of CPU on 5,000,000
 * items, against 0.3 s in order).
 */
export function customerPairs(items: INodeExecutionData[], totals: CustomerTotals): Array<IPairedItemData | IPairedItemData[]> {
	const { itemStart, rows, rowCustomer } = totals;
	const customers = totals.ids.length;
	const pairsOf = new Array<IPairedItemData | IPairedItemData[]>(customers);
	for (let c = 0; c < customers; c++) if (itemStart[c + 1] - itemStart[c] > 1) pairsOf[c] = new Array<IPairedItemData>(itemStart[c + 1] - itemStart[c]);
	const filled = new Int32Array(customers);
	for (let r = 0; r < rowCustomer.length; r++) {
		const c = rowCustomer[r];
		const pair = inputPair(items, rows[3 * r + 2]);
		const pairs = pairsOf[c];
		if (pairs === undefined) pairsOf[c] = pair;
		else (pairs as IPairedItemData[])[filled[c]++] = pair;
	}
	return pairsOf;
}

/**
 * readTransactionSubjects on typed-array columns: no object per transaction, dates parsed once per
 * distinct day. Same subjects, same errors.
 */
export function readTransactionSubjectsColumnar(
	items: INodeExecutionData[],
	cols: Columns,
	options: ReadOptions & { timeZone: string },
	collapseSameDay: boolean,
	outputs: SegmentOutputs,
): Subject[] {
	const totals = readTransactionTotals(items, cols, options, collapseSameDay, outputs);
	const customerJson = customerJsonWriter(totals, cols.customerId, options.timeZone);
	const asOfMs = options.asOf.getTime();
	const subjects: Subject[] = [];
	for (let c = 0; c < totals.ids.length; c++) {
		const start = totals.itemStart[c];
		const end = totals.itemStart[c + 1];
		if (start === end) continue;
		const firstMs = totals.firstMs[c];
		const lastMs = totals.lastMs[c];
		const itemIndices: number[] = new Array(end - start);
		for (let i = start; i < end; i++) itemIndices[i - start] = totals.items[i];
		subjects.push({
			record: { customerId: totals.ids[c], firstPurchase: new Date(firstMs), lastPurchase: new Date(lastMs), purchases: totals.purchases[c], revenue: totals.totalSpend[c] },
			json: customerJson(c),
			recencyDays: (asOfMs - lastMs) / DAY_MS,
			itemIndices,
		});
	}
	return subjects;
}
