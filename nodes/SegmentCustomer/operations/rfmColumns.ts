import type { INodeExecutionData } from 'n8n-workflow';
import { checkOutputFieldFree } from '../../common';
import { sharedFrozen } from '../../shared/outputItems/sharedFrozen';
import { fieldAdder } from '../../shared/outputItems/withField';
import type { CustomerColumns, ReadOptions } from '../../shared/customers';
import { RfmColumnReader, scoreRfmColumnArrays, type Language, type RfmBins, type RfmColumns, type ScoreCuts } from '../../shared/segments';
import type { SegmentOutputs } from '../outputs';
import { round2 } from './rfm';

export interface RfmColumnsRun {
	columns: CustomerColumns;
	readOptions: ReadOptions;
	outputField: string;
	bins: RfmBins;
	language: Language;
	asOfText: string;
	/** Cut points learned from the whole base (a page run); none: relative to these customers. */
	cuts?: ScoreCuts;
}

/**
 * RFM on one item per customer, read into column arrays and scored there. Per customer it allocates
 * only what the output item holds (the item, its json copy, the segment object, its values and its pair), which keeps
 * a million customers inside the time budget. Output, errors and summary are those of the general path.
 */
/** Returns the columns it scored, from which a full run's cut points are learned. */
export function segmentRfmColumns(items: INodeExecutionData[], run: RfmColumnsRun, outputs: SegmentOutputs): RfmColumns {
	const reader = new RfmColumnReader(run.columns, items.length, run.readOptions);
	for (let i = 0; i < items.length; i++) {
		try {
			checkOutputFieldFree(items[i].json, run.outputField);
			reader.read(items[i].json, i);
		} catch (error) {
			outputs.reject(error, [i]);
		}
	}

	const { recencyDays, frequency, monetary, itemIndices } = reader;
	const { r, f, m, codes, segments } = scoreRfmColumnArrays(reader.rfmColumns(), run.bins, run.language, run.cuts);
	const { bins, asOfText } = run;
	const addSegment = fieldAdder(run.outputField);
	// One frozen `scores` object per distinct R-F-M triple (at most k^3, k <= 10, so each fits 4 bits of
	// the key), shared by the customers that have it as their labels and codes are.
	const scoresOf = sharedFrozen((code: number) => ({ recency: code >> 8, frequency: (code >> 4) & 15, monetary: code & 15 }));
	for (let row = 0; row < reader.length; row++) {
		const itemIndex = itemIndices[row];
		const { key, label } = segments[row];
		// Same fields in the same order as the general path's segment object.
		const segment = {
			key,
			label,
			method: 'rfm',
			scores: scoresOf((r[row] << 8) | (f[row] << 4) | m[row]),
			code: codes[row],
			bins,
			values: { recencyDays: round2(recencyDays[row]), frequency: frequency[row], monetary: monetary[row] },
			asOf: asOfText,
		};
		outputs.acceptOne(itemIndex, addSegment(items[itemIndex].json, segment), key, label, monetary[row], recencyDays[row], frequency[row]);
	}
	return reader.rfmColumns();
}
