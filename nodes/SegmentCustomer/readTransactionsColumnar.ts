import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import { summariseTransactionColumns, TransactionColumnReader } from '../shared/customers/transactionsColumnar';
import type { ReadOptions } from '../shared/customers';
import { toIsoWithOffset } from '../shared/format/isoDate';
import type { SegmentOutputs } from './outputs';
import type { Columns, Subject } from './read';

const DAY_MS = 86_400_000;

/**
 * readTransactionSubjects on typed-array columns: no object per transaction, dates parsed once per
 * distinct day, each date text written once per distinct instant. Same subjects, same errors.
 */
export function readTransactionSubjectsColumnar(
	items: INodeExecutionData[],
	cols: Columns,
	options: ReadOptions & { timeZone: string },
	collapseSameDay: boolean,
	outputs: SegmentOutputs,
): Subject[] {
	const reader = new TransactionColumnReader(cols, items.length, options);
	for (let i = 0; i < items.length; i++) {
		try {
			reader.read(items[i].json, i);
		} catch (error) {
			outputs.reject(error, [i]);
		}
	}
	const { asOf, timeZone } = options;
	const totals = summariseTransactionColumns(reader, { asOf, collapseSameDay, timeZone });
	const isoTexts = new Map<number, string>();
	const iso = (ms: number) => {
		let text = isoTexts.get(ms);
		if (text === undefined) isoTexts.set(ms, (text = toIsoWithOffset(new Date(ms), timeZone)));
		return text;
	};
	const subjects: Subject[] = [];
	for (let c = 0; c < totals.ids.length; c++) {
		const start = totals.itemStart[c];
		const end = totals.itemStart[c + 1];
		if (start === end) continue;
		const customerId = totals.ids[c];
		const firstMs = totals.firstMs[c];
		const lastMs = totals.lastMs[c];
		const json: IDataObject = {
			[cols.customerId]: customerId,
			firstPurchaseAt: iso(firstMs),
			lastPurchaseAt: iso(lastMs),
			orderCount: totals.purchases[c],
			totalSpend: totals.totalSpend[c],
		};
		const itemIndices: number[] = new Array(end - start);
		for (let i = start; i < end; i++) itemIndices[i - start] = totals.items[i];
		subjects.push({
			record: { customerId, firstPurchase: new Date(firstMs), lastPurchase: new Date(lastMs), purchases: totals.purchases[c], revenue: totals.totalSpend[c] },
			json,
			recencyDays: (asOf.getTime() - lastMs) / DAY_MS,
			itemIndices,
		});
	}
	return subjects;
}
