import type { IExecuteFunctions } from 'n8n-workflow';
import type { Language } from '../../shared/revisit';

/** What execute() reads once and hands to the operation. */
export interface RunSettings {
	asOf: Date;
	language: Language;
	outputField: string;
	/** The IANA zone for customers without their own, and for owners' agendas. */
	timeZone: string;
}

/** A column parameter that may be left empty: the column is then not read. */
export function optionalColumn(ctx: IExecuteFunctions, name: string, fallback: string): string {
	return String(ctx.getNodeParameter(name, 0, fallback) ?? '').trim();
}
