import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import type { CesVersion, SatisfactionConfig } from '../../shared/satisfaction';
import { optionsParameter, propertyNamed, readChoice, readColumnOf, textParameter } from '../../common';
import { showFor } from './params';

export const cesProperties: INodeProperties[] = [
	textParameter('cesColumn', 'CES Column', 'ces', 'Column with the Customer Effort Score answer', { displayOptions: showFor('ces') }),
	optionsParameter(
		'cesVersion',
		'CES Version',
		[
			{
				name: 'CES 1.0 (1-5 Effort, Lower Is Easier)',
				value: '1.0',
				description: '"How much effort did you have to put forth?" 1 very low to 5 very high; 1-2 count as easy',
			},
			{
				name: 'CES 2.0 (1-7 Agreement, Higher Is Easier)',
				value: '2.0',
				description: '"The company made it easy for me to handle my issue" 1 strongly disagree to 7 strongly agree; 5-7 count as easy',
			},
		],
		'2.0',
		'Which question was asked; it decides the scale and whether high or low is good',
		{ displayOptions: showFor('ces') },
	),
];

export function readCesConfig(ctx: IExecuteFunctions): SatisfactionConfig['ces'] {
	const version = readChoice<CesVersion>(ctx, propertyNamed(cesProperties, 'cesVersion'));
	return { field: readColumnOf(ctx, propertyNamed(cesProperties, 'cesColumn')), version };
}
