import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { csatRules, DEFAULT_CSAT_SCALE, type SatisfactionConfig } from '../../shared/satisfaction';
import { numberParameter, propertyNamed, readColumnOf, readNumber, textParameter } from '../../common';
import { showFor } from './params';

export const csatProperties: INodeProperties[] = [
	textParameter('csatColumn', 'CSAT Column', 'csat', 'Column with the answer to "How satisfied were you?"; the top two points of the scale count as satisfied', { displayOptions: showFor('csat') }),
	numberParameter('csatScaleMin', 'CSAT Scale From', 1, 'Lowest point of the CSAT scale (very dissatisfied)', { displayOptions: showFor('csat') }),
	numberParameter('csatScaleMax', 'CSAT Scale To', 5, 'Highest point of the CSAT scale (very satisfied)', { displayOptions: showFor('csat') }),
];

export function readCsatConfig(ctx: IExecuteFunctions): SatisfactionConfig['csat'] {
	const labels = { min: propertyNamed(csatProperties, 'csatScaleMin').displayName, max: propertyNamed(csatProperties, 'csatScaleMax').displayName };
	const scale = { min: readNumber(ctx, 'csatScaleMin', DEFAULT_CSAT_SCALE.min, labels.min), max: readNumber(ctx, 'csatScaleMax', DEFAULT_CSAT_SCALE.max, labels.max) };
	// Checked here to name the parameters; the scorer checks it again, for any caller.
	csatRules(scale, labels);
	return { field: readColumnOf(ctx, propertyNamed(csatProperties, 'csatColumn')), scale };
}
