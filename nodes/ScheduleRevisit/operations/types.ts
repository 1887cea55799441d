import type { INode } from 'n8n-workflow';
import type { Language } from '../../shared/revisit';

/** What execute() reads once and hands to the operation. */
export interface RunSettings {
	node: INode;
	asOf: Date;
	language: Language;
	outputField: string;
	/** The IANA zone for customers without their own. */
	timeZone: string;
	continueOnFail: boolean;
}
