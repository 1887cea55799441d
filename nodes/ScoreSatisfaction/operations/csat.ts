import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { DEFAULT_CSAT_SCALE, type SatisfactionConfig } from '../../shared/satisfaction';
import { readColumn, readNumber } from '../../common';
import { showFor } from './params';

export const csatProperties: INodeProperties[] = [
	{
		displayName: 'CSAT Column',
		name: 'csatColumn',
		type: 'string',
		default: 'csat',
		description: 'Column with the answer to "How satisfied were you?"; the top two points of the scale count as satisfied',
		displayOptions: showFor('csat'),
	},
	{
		displayName: 'CSAT Scale From',
		name: 'csatScaleMin',
		type: 'number',
		default: 1,
		description: 'Lowest point of the CSAT scale (very dissatisfied)',
		displayOptions: showFor('csat'),
	},
	{
		displayName: 'CSAT Scale To',
		name: 'csatScaleMax',
		type: 'number',
		default: 5,
		description: 'Highest point of the CSAT scale (very satisfied)',
		displayOptions: showFor('csat'),
	},
];

export function readCsatConfig(ctx: IExecuteFunctions): SatisfactionConfig['csat'] {
	return {
		field: readColumn(ctx, 'csatColumn', 'csat'),
		scale: {
			min: readNumber(ctx, 'csatScaleMin', DEFAULT_CSAT_SCALE.min, 'CSAT Scale From'),
			max: readNumber(ctx, 'csatScaleMax', DEFAULT_CSAT_SCALE.max, 'CSAT Scale To'),
		},
	};
}
