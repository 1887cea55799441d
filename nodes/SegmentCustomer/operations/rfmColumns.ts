import type { INodeExecutionData } from 'n8n-workflow';
import { checkOutputFieldFree } from '../../common';
import { fieldAdder } from '../../shared/outputItems/withField';
import type { CustomerColumns, ReadOptions } from '../../shared/customers';
import { RfmColumnReader, scoreRfmColumnArrays, type Language, type RfmBins, type RfmColumns, type ScoreCuts } from '../../shared/segments';
import { inputPair, type SegmentOutputs } from '../outputs';
import { rfmSegmentWriter } from './rfm';

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
 * only what the output item holds (the item, its json copy, the segment object and its values; the
 * pair is n8n's own, see inputPair), which keeps a million customers inside the time budget. Output,
 * errors and summary are those of the general path. Returns the columns it scored, from which a full
 * run's cut points are learned.
 */
export function segmentRfmColumns(items: INodeExecutionData[], run: RfmColumnsRun, outputs: SegmentOutputs): RfmColumns {
	const reader = new RfmColumnReader(run.columns, items.length, run.readOptions);
	outputs.readEach(items, (json, i) => {
		checkOutputFieldFree(json, run.outputField);
		reader.read(json, i);
	});

	const { recencyDays, frequency, monetary, itemIndices } = reader;
	const columns = reader.rfmColumns();
	const segmentOf = rfmSegmentWriter(scoreRfmColumnArrays(columns, run.bins, run.language, run.cuts), run.bins, run.asOfText);
	const addSegment = fieldAdder(run.outputField);
	for (let row = 0; row < reader.length; row++) {
		const itemIndex = itemIndices[row];
		const segment = segmentOf(row, recencyDays[row], frequency[row], monetary[row]);
		const json = addSegment(items[itemIndex].json, segment);
		outputs.acceptOne(itemIndex, inputPair(items, itemIndex), json, segment.key, segment.label, monetary[row], recencyDays[row], frequency[row]);
	}
	return columns;
}
