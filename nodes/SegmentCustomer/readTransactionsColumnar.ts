import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import { summariseTransactionColumns, TransactionColumnReader, type CustomerTotals } from '../shared/customers/transactionsColumnar';
import type { ReadOptions } from '../shared/customers';
import { toIsoWithOffset } from '../shared/format/isoDate';
import type { SegmentOutputs } from './outputs';
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
 * per distinct instant (date-only data has a few thousand).
 */
export function customerJsonWriter(totals: CustomerTotals, customerIdColumn: string, timeZone: string): (c: number) => IDataObject {
	const isoTexts = new Map<number, string>();
	const iso = (ms: number) => {
		let text = isoTexts.get(ms);
		if (text === undefined) isoTexts.set(ms, (text = toIsoWithOffset(new Date(ms), timeZone)));
		return text;
	};
	return (c) => ({
		[customerIdColumn]: totals.ids[c],
		firstPurchaseAt: iso(totals.firstMs[c]),
		lastPurchaseAt: iso(totals.lastMs[c]),
		orderCount: totals.purchases[c],
		totalSpend: totals.totalSpend[c],
	});
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
