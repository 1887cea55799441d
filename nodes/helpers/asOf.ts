import type { IExecuteFunctions } from 'n8n-workflow';
import { parseDate } from '../shared/input';
import { toNodeError } from './errors';

/**
 * The "As Of" parameter: a date (read in the workflow's time zone when it has no offset), or empty for now (read once per execution, so every item of a run
 * shares the same as-of instant).
 */
export function getAsOf(ctx: IExecuteFunctions, parameterName = 'asOf'): Date {
	const raw = ctx.getNodeParameter(parameterName, 0, '') as string | Date;
	if (raw === '' || raw === null || raw === undefined) return new Date();
	try {
		return parseDate(raw, parameterName, { timeZone: ctx.getTimezone() });
	} catch (error) {
		throw toNodeError(ctx.getNode(), error);
	}
}
