import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { ItemRouter, readAsOf, readLanguage, readOutputField } from '../common';
import { checkTimeZone } from '../shared/calendar';
import { findOccasions } from './operations/findOccasions';
import { scheduleRevisit } from './operations/scheduleRevisit';
import type { RunSettings } from './operations/types';

const OPERATIONS = { scheduleRevisit, findOccasions };

/** Read the settings -> run the operation -> route: customers on output 0, owner agendas on output 1. */
export function execute(ctx: IExecuteFunctions): INodeExecutionData[][] {
	const operation = ctx.getNodeParameter('operation', 0) as keyof typeof OPERATIONS;
	const zone = String(ctx.getNodeParameter('timeZone', 0, '') ?? '').trim();
	const settings: RunSettings = {
		asOf: readAsOf(ctx),
		language: readLanguage(ctx),
		outputField: readOutputField(ctx, 'revisit'),
		timeZone: checkTimeZone(zone || ctx.getTimezone()),
	};
	const router = new ItemRouter(ctx, ctx.getInputData().length, 2);
	const agendas = OPERATIONS[operation](ctx, settings, router);
	return router.outputs({ 1: agendas });
}
