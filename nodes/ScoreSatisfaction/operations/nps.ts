import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import type { SatisfactionConfig } from '../../shared/satisfaction';
import { propertyNamed, readColumnOf, textParameter } from '../../common';
import { showFor } from './params';

export const npsProperties: INodeProperties[] = [
	textParameter(
		'npsColumn',
		'NPS Column',
		'nps',
		'Column with the 0-10 answer to "How likely are you to recommend us?" (9-10 promoter, 7-8 passive, 0-6 detractor)',
		{ displayOptions: showFor('nps') },
	),
];

export function readNpsConfig(ctx: IExecuteFunctions): SatisfactionConfig['nps'] {
	return { field: readColumnOf(ctx, propertyNamed(npsProperties, 'npsColumn')) };
}
