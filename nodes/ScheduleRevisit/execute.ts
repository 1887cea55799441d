import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { ItemRouter, readAsOf, readLanguage, readOutputField } from '../common';
import { findOccasions } from './operations/findOccasions';
import { scheduleRevisit } from './operations/scheduleRevisit';
import { readTimeZone } from './parameters/timeZone';
import type { RunSettings } from './operations/types';

const OPERATIONS = { scheduleRevisit, findOccasions };

/** Read the settings -> run the operation -> route: customers on output 0, owner agendas on output 1. */
export function execute(ctx: IExecuteFunctions): INodeExecutionData[][] {
	const operation = ctx.getNodeParameter('operation', 0) as keyof typeof OPERATIONS;
	const settings: RunSettings = {
		asOf: readAsOf(ctx),
		language: readLanguage(ctx),
		outputField: readOutputField(ctx, 'revisit'),
		timeZone: readTimeZone(ctx),
	};
	const router = new ItemRouter(ctx, ctx.getInputData().length, 2);
	const agendas = OPERATIONS[operation](ctx, settings, router);
	return router.outputs({ 1: agendas });
}
