import type { IDataObject, INodeExecutionData, IPairedItemData } from 'n8n-workflow';
import { fieldAdder } from '../../shared/outputItems/withField';
import type { ReadOptions } from '../../shared/customers';
import { calendarDays } from '../../shared/input';
import { scoreRfmColumnArrays, type Language, type RfmBins, type RfmColumns, type ScoreCuts } from '../../shared/segments';
import type { SegmentOutputs } from '../outputs';
import { customerFieldsWriter, type Columns } from '../read';
import { customerPairs, readTransactionTotals } from '../readTransactionsColumnar';
import { rfmSegmentWriter } from './rfm';


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
 * record, Date or outcome object per customer, and per transaction only its place in its customer's
 * pairedItem array (the pair object is n8n's own, see customerPairs), which is what keeps millions of
 * transactions inside the time and memory budget. Output items, pairings, errors and summary are those
 * of the general path (readTransactionSubjects + rfmMethod). Returns the columns it scored, from which
 * a full run's cut points are learned.
 */
export function segmentTransactionRfmColumns(items: INodeExecutionData[], run: RfmTransactionsRun, outputs: SegmentOutputs): RfmColumns {
	const { columns, customerJson, pairsOf } = scoreableCustomers(items, run, outputs);
	const n = pairsOf.length;
	if (n === 0) return columns;
	const scored = scoreRfmColumnArrays(columns, run.bins, run.language, run.cuts);
	const pairCounts = new Map<string, number>();
	for (let row = 0; row < n; row++) {
		const { key } = scored.segments[row];
		const pairs = pairsOf[row];
		pairCounts.set(key, (pairCounts.get(key) ?? 0) + (Array.isArray(pairs) ? pairs.length : 1));
	}
	outputs.sizeSummaryPairs(pairCounts);
	const segmentOf = rfmSegmentWriter(scored, run.bins, run.asOfText);
	const addSegment = fieldAdder(run.outputField);
	// Each customer's fields are written into this one object and copied with the segment added.
	const fields = customerJson(0);
	for (let row = 0; row < n; row++) {
		const recencyDays = columns.recencyDays[row];
		const frequency = columns.frequency[row];
		const monetary = columns.monetary[row];
		const segment = segmentOf(row, recencyDays, frequency, monetary);
		const json = addSegment(customerJson(row, fields), segment);
		const pairs = pairsOf[row];
		if (Array.isArray(pairs)) outputs.accept(pairs[0].item, pairs, json, segment, { revenue: monetary, recencyDays, purchases: frequency });
		else outputs.acceptOne(pairs.item, pairs, json, segment.key, segment.label, monetary, recencyDays, frequency);
	}
	return columns;
}

/**
 * The customers with at least one transaction, in order of first appearance: their RFM columns, fields
 * and pairings, by that order. The rows read (tens of bytes per transaction) stay behind in here, so
 * the heap can take them back while the output items are made.
 */
function scoreableCustomers(items: INodeExecutionData[], run: RfmTransactionsRun, outputs: SegmentOutputs) {
	const totals = readTransactionTotals(items, run.columns, run.readOptions, run.collapseSameDay, outputs);
	const { itemStart } = totals;
	const allPairs = customerPairs(items, totals);
	const customerOf = new Int32Array(totals.ids.length);
	let n = 0;
	for (let c = 0; c < totals.ids.length; c++) if (itemStart[c + 1] > itemStart[c]) customerOf[n++] = c;
	const asOfMs = run.readOptions.asOf.getTime();
	const columns: RfmColumns = { recencyDays: new Float64Array(n), frequency: new Float64Array(n), monetary: new Float64Array(n) };
	const pairsOf = new Array<IPairedItemData | IPairedItemData[]>(n);
	for (let row = 0; row < n; row++) {
		const c = customerOf[row];
		columns.recencyDays[row] = calendarDays(totals.lastMs[c], asOfMs, run.readOptions.timeZone);
		columns.frequency[row] = totals.purchases[c];
		columns.monetary[row] = totals.totalSpend[c];
		pairsOf[row] = allPairs[c];
	}
	const fields = customerFieldsWriter(run.columns.customerId, run.readOptions.timeZone);
	// A dotted ID column is written as the customer's first transaction holds it (nested or not); its item from the pairing.
	const dottedId = run.columns.customerId.includes('.');
	const firstItem = (row: number) => {
		const pairs = pairsOf[row];
		return items[(Array.isArray(pairs) ? pairs[0] : pairs).item].json;
	};
	const { ids, firstMs, lastMs, purchases, totalSpend } = totals;
	const customerJson = (row: number, into?: IDataObject) => {
		const c = customerOf[row];
		return fields(ids[c], dottedId ? firstItem(row) : undefined, firstMs[c], lastMs[c], purchases[c], totalSpend[c], into);
	};
	return { columns, customerJson, pairsOf };
}
