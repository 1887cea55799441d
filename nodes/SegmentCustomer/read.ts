import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { checkOutputFieldFree, readColumns } from '../common';
import {
	readCustomer,
	readTransaction,
	summariseTransactions,
	type CustomerColumns,
	type CustomerNeeds,
	type ReadOptions,
	type Transaction,
	type TransactionColumns,
} from '../shared/customers';
import { toIsoWithOffset } from '../shared/format/isoDate';
import type { SegmentSubject } from './operations/types';
import type { SegmentOutputs } from './outputs';

const DAY_MS = 86_400_000;

export type Columns = CustomerColumns & TransactionColumns;

export interface Subject extends SegmentSubject {
	/** Input items this customer came from; the first decides its place in the output. */
	itemIndices: number[];
}

export function readColumnParameters(ctx: IExecuteFunctions): Columns {
	const c = readColumns(ctx, {
		customerIdColumn: 'customerId',
		lastPurchaseColumn: 'lastPurchaseAt',
		firstPurchaseColumn: 'firstPurchaseAt',
		purchaseCountColumn: 'orderCount',
		totalSpendColumn: 'totalSpend',
		dateColumn: 'orderDate',
		amountColumn: 'amount',
	});
	return {
		customerId: c.customerIdColumn,
		lastPurchase: c.lastPurchaseColumn,
		firstPurchase: c.firstPurchaseColumn,
		purchaseCount: c.purchaseCountColumn,
		totalSpend: c.totalSpendColumn,
		date: c.dateColumn,
		amount: c.amountColumn,
	};
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
	for (let i = 0; i < items.length; i++) {
		try {
			const json = items[i].json;
			checkOutputFieldFree(json, outputField);
			const record = readCustomer(json, cols, needs, options);
			const recencyDays = record.lastPurchase ? (options.asOf.getTime() - record.lastPurchase.getTime()) / DAY_MS : undefined;
			subjects.push({ record, json, recencyDays, itemIndices: [i] });
		} catch (error) {
			outputs.reject(error, [i]);
		}
	}
	return subjects;
}

/** One item per transaction: rows read (or rejected) and summarised into one subject per customer. */
export function readTransactionSubjects(
	items: INodeExecutionData[],
	cols: Columns,
	options: ReadOptions & { timeZone: string },
	collapseSameDay: boolean,
	outputs: SegmentOutputs,
): Subject[] {
	const transactions: Transaction[] = [];
	for (let i = 0; i < items.length; i++) {
		try {
			transactions.push(readTransaction(items[i].json, cols, i, options));
		} catch (error) {
			outputs.reject(error, [i]);
		}
	}
	const { asOf, timeZone } = options;
	return summariseTransactions(transactions, { asOf, unit: 'days', collapseSameDay, timeZone }).map((s) => {
		const json: IDataObject = {
			[cols.customerId]: s.customerId,
			firstPurchaseAt: toIsoWithOffset(s.firstPurchase, timeZone),
			lastPurchaseAt: toIsoWithOffset(s.lastPurchase, timeZone),
			orderCount: s.purchases,
			totalSpend: s.totalSpend,
		};
		return {
			record: { customerId: s.customerId, firstPurchase: s.firstPurchase, lastPurchase: s.lastPurchase, purchases: s.purchases, revenue: s.totalSpend },
			json,
			recencyDays: (asOf.getTime() - s.lastPurchase.getTime()) / DAY_MS,
			itemIndices: s.itemIndices,
		};
	});
}
