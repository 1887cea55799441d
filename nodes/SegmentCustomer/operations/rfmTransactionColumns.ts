import type { INodeExecutionData, IPairedItemData } from 'n8n-workflow';
import { sharedFrozen } from '../../shared/outputItems/sharedFrozen';
import { fieldAdder } from '../../shared/outputItems/withField';
import type { ReadOptions } from '../../shared/customers';
import { scoreRfmColumnArrays, type Language, type RfmBins, type RfmColumns, type ScoreCuts } from '../../shared/segments';
import type { SegmentOutputs } from '../outputs';
import type { Columns } from '../read';
import { customerJsonWriter, readTransactionTotals } from '../readTransactionsColumnar';
import { round2 } from './rfm';

const DAY_MS = 86_400_000;

export interface RfmTransactionsRun {
	columns: Columns;
	readOptions: ReadOptions & { timeZone: string };
	collapseSameDay: boolean;
	outputField: string;
	bins: RfmBins;
	language: Language;
	asOfText: string;
	/** Cut points learned from the whole base (a page run); none: relative to these customers. */
	cuts?: ScoreCuts;
}

/**
 * RFM on one item per transaction, from the per-customer totals straight to output items: no subject,
 * record, Date or outcome object per customer, which is what keeps millions of transactions inside the
 * time and memory budget. Output items, pairings, errors and summary are those of the general path
 * (readTransactionSubjects + rfmMethod). Returns the columns it scored, from which a full run's cut
 * points are learned.
 */
export function segmentTransactionRfmColumns(items: INodeExecutionData[], run: RfmTransactionsRun, outputs: SegmentOutputs): RfmColumns {
	const totals = readTransactionTotals(items, run.columns, run.readOptions, run.collapseSameDay, outputs);
	const { itemStart } = totals;
	// Customers with at least one transaction kept, in order of first appearance.
	const customerOf: number[] = [];
	for (let c = 0; c < totals.ids.length; c++) if (itemStart[c + 1] > itemStart[c]) customerOf.push(c);
	const n = customerOf.length;
	const asOfMs = run.readOptions.asOf.getTime();
	const columns: RfmColumns = { recencyDays: new Float64Array(n), frequency: new Float64Array(n), monetary: new Float64Array(n) };
	for (let row = 0; row < n; row++) {
		const c = customerOf[row];
		columns.recencyDays[row] = (asOfMs - totals.lastMs[c]) / DAY_MS;
		columns.frequency[row] = totals.purchases[c];
		columns.monetary[row] = totals.totalSpend[c];
	}
	const { r, f, m, codes, segments } = scoreRfmColumnArrays(columns, run.bins, run.language, run.cuts);
	const { bins, asOfText } = run;
	const customerJson = customerJsonWriter(totals, run.columns.customerId, run.readOptions.timeZone);
	const addSegment = fieldAdder(run.outputField);
	// One frozen `scores` object per distinct R-F-M triple, shared as in the one-item-per-customer path.
	const scoresOf = sharedFrozen((code: number) => ({ recency: code >> 8, frequency: (code >> 4) & 15, monetary: code & 15 }));
	for (let row = 0; row < n; row++) {
		const c = customerOf[row];
		const { key, label } = segments[row];
		const recencyDays = columns.recencyDays[row];
		const frequency = columns.frequency[row];
		const monetary = columns.monetary[row];
		// Same fields in the same order as the general path's segment object.
		const segment = {
			key,
			label,
			method: 'rfm',
			scores: scoresOf((r[row] << 8) | (f[row] << 4) | m[row]),
			code: codes[row],
			bins,
			values: { recencyDays: round2(recencyDays), frequency, monetary },
			asOf: asOfText,
		};
		const json = addSegment(customerJson(c), segment);
		const start = itemStart[c];
		const end = itemStart[c + 1];
		if (end - start === 1) {
			outputs.acceptOne(totals.items[start], json, key, label, monetary, recencyDays, frequency);
			continue;
		}
		const pairs: IPairedItemData[] = new Array(end - start);
		for (let i = start; i < end; i++) pairs[i - start] = { item: totals.items[i] };
		outputs.accept(totals.items[start], pairs, json, segments[row], { revenue: monetary, recencyDays, purchases: frequency });
	}
	return columns;
}
