import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { checkOutputFieldFree, readAsOf, readColumns, readLanguage, readOutputField } from '../common';
import { toIsoWithOffset } from '../shared/format/isoDate';
import { fieldAdder } from '../shared/format/withField';
import {
	readCustomer,
	readTransaction,
	summariseTransactions,
	type CustomerColumns,
	type Transaction,
	type TransactionColumns,
} from '../shared/customers';
import { customRulesMethod } from './operations/customRules';
import { lifecycleMethod } from './operations/lifecycle';
import { rfmBins, rfmMethod } from './operations/rfm';
import { segmentRfmColumns } from './operations/rfmColumns';
import { SegmentOutputs } from './outputs';
import type { MethodFactory, SegmentSubject } from './operations/types';
import { valueTierMethod } from './operations/valueTier';

export const METHODS: Record<string, MethodFactory> = {
	rfm: rfmMethod,
	valueTier: valueTierMethod,
	lifecycle: lifecycleMethod,
	customRules: customRulesMethod,
};

const DAY_MS = 86_400_000;

interface Subject extends SegmentSubject {
	/** Input items this customer came from; the first decides its place in the output. */
	itemIndices: number[];
}

function columns(ctx: IExecuteFunctions): CustomerColumns & TransactionColumns {
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

/**
 * RFM on one item per customer runs on column arrays (methods/rfmColumns.ts); the general path gives
 * the same output. Tests switch this off to run both paths on the same data.
 */
export const SEGMENT_PATHS = { columnarRfm: true };

export async function segmentCustomers(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const methodName = this.getNodeParameter('method', 0) as string;
	const shape = this.getNodeParameter('inputShape', 0, 'customer') as 'customer' | 'transaction';
	const language = readLanguage(this);
	const outputField = readOutputField(this, 'segment');
	const asOf = readAsOf(this);
	const timeZone = this.getTimezone();
	const cols = columns(this);
	const method = METHODS[methodName](this);

	const asOfText = toIsoWithOffset(asOf, timeZone);
	const outputs = new SegmentOutputs(this, items.length, methodName, asOfText);
	const reject = (error: unknown, itemIndices: number[]) => outputs.reject(error, itemIndices);
	const readOptions = { asOf, timeZone };

	if (SEGMENT_PATHS.columnarRfm && shape === 'customer' && methodName === 'rfm') {
		segmentRfmColumns(items, { columns: cols, readOptions, outputField, bins: rfmBins(this), language, asOfText }, outputs);
		return outputs.result();
	}

	const subjects: Subject[] = [];
	if (shape === 'customer') {
		for (let i = 0; i < items.length; i++) {
			try {
				const json = items[i].json;
				checkOutputFieldFree(json, outputField);
				const record = readCustomer(json, cols, method.needs, readOptions);
				const recencyDays = record.lastPurchase ? (asOf.getTime() - record.lastPurchase.getTime()) / DAY_MS : undefined;
				subjects.push({ record, json, recencyDays, itemIndices: [i] });
			} catch (error) {
				reject(error, [i]);
			}
		}
	} else {
		const transactions: Transaction[] = [];
		for (let i = 0; i < items.length; i++) {
			try {
				transactions.push(readTransaction(items[i].json, cols, i, readOptions));
			} catch (error) {
				reject(error, [i]);
			}
		}
		const collapseSameDay = this.getNodeParameter('collapseSameDay', 0, true) as boolean;
		for (const s of summariseTransactions(transactions, { asOf, unit: 'days', collapseSameDay, timeZone })) {
			const json: IDataObject = {
				[cols.customerId]: s.customerId,
				firstPurchaseAt: toIsoWithOffset(s.firstPurchase, timeZone),
				lastPurchaseAt: toIsoWithOffset(s.lastPurchase, timeZone),
				orderCount: s.purchases,
				totalSpend: s.totalSpend,
			};
			subjects.push({
				record: { customerId: s.customerId, firstPurchase: s.firstPurchase, lastPurchase: s.lastPurchase, purchases: s.purchases, revenue: s.totalSpend },
				json,
				recencyDays: (asOf.getTime() - s.lastPurchase.getTime()) / DAY_MS,
				itemIndices: s.itemIndices,
			});
		}
	}

	const outcomes = method.segment(subjects, { asOf, timeZone, language });
	const addSegment = fieldAdder(outputField);
	for (let s = 0; s < subjects.length; s++) {
		const subject = subjects[s];
		const outcome = outcomes[s];
		if (outcome instanceof Error) {
			reject(outcome, subject.itemIndices);
			continue;
		}
		const segment: IDataObject = { key: outcome.key, label: outcome.label, method: methodName, ...outcome.details };
		segment.asOf = asOfText;
		const json = addSegment(subject.json, segment);
		const pairs = subject.itemIndices.map((item) => ({ item }));
		outputs.accept(subject.itemIndices[0], pairs, json, outcome, {
			revenue: subject.record.revenue ?? 0,
			recencyDays: subject.recencyDays,
			purchases: subject.record.purchases,
		});
	}
	return outputs.result();
}
