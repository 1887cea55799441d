import type { LearnedSettings } from '../learnedState';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import type { CustomerNeeds, CustomerRecord } from '../../shared/customers';
import type { Language } from '../../shared/segments';

export interface SegmentSubject {
	record: CustomerRecord;
	/** The item's own fields (in transaction mode: the customer's derived fields). */
	json: IDataObject;
	recencyDays?: number;
}

export interface SegmentOutcome {
	key: string;
	label: string;
	/** The scores or values behind the label, written next to it. */
	details: IDataObject;
}

export interface RunContext {
	asOf: Date;
	timeZone: string;
	language: Language;
	/** Cut points or thresholds learned from the whole base, for a page run (see learnedState.ts). */
	learned?: LearnedSettings;
}

export interface SegmentMethod {
	/** Which customer columns the method reads. */
	needs: CustomerNeeds;
	/** One outcome per subject, in order; an Error for a subject the method cannot segment. */
	segment(subjects: SegmentSubject[], run: RunContext): Array<SegmentOutcome | Error>;
}

export type MethodFactory = (ctx: IExecuteFunctions) => SegmentMethod;
