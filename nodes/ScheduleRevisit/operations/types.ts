import type { Language } from '../../shared/revisit';

/** What execute() reads once and hands to the operation. */
export interface RunSettings {
	asOf: Date;
	language: Language;
	outputField: string;
	/** The IANA zone for customers without their own, and for owners' agendas. */
	timeZone: string;
}
