import type { INodeProperties } from 'n8n-workflow';
import { asOfProperty, languageProperty, optionsParameter, outputFieldProperty } from '../common';
import { findOccasionsProperties } from './operations/findOccasions';
import { scheduleRevisitProperties } from './operations/scheduleRevisit';
import { timeZoneProperties } from './parameters/timeZone';

const operation: INodeProperties = optionsParameter(
	'operation',
	'Operation',
	[
		{
			name: 'Find Care Occasions',
			value: 'findOccasions',
			action: 'Find care occasions',
			description: 'Birthdays (also lunar), membership and first-purchase anniversaries, and festivals coming up',
		},
		{
			name: 'Schedule Revisit',
			value: 'scheduleRevisit',
			action: 'Schedule a revisit',
			description: 'A due date from your cadence rules, moved to open days and slots, with an owner within capacity',
		},
	],
	'scheduleRevisit',
	undefined,
	{ noDataExpression: true },
);

export const properties: INodeProperties[] = [
	operation,
	...scheduleRevisitProperties,
	...findOccasionsProperties,
	...timeZoneProperties,
	asOfProperty('the schedule or the look-ahead starts from'),
	languageProperty('labels, messages and calendar text'),
	outputFieldProperty('revisit'),
];
