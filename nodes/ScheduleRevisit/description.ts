import type { INodeProperties } from 'n8n-workflow';
import { asOfProperty, languageProperty, optionsParameter, outputFieldProperty, textParameter } from '../common';
import { findOccasionsProperties } from './operations/findOccasions';
import { scheduleRevisitProperties } from './operations/scheduleRevisit';

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

/** Parameters both operations share: the customers' time zone (also the owners' for agendas). */
const timeZoneProperties: INodeProperties[] = [
	textParameter('timeZoneColumn', 'Time Zone Column', 'timeZone', "Column with the customer's IANA time zone (e.g. Asia/Shanghai); when empty for a customer, the Time Zone below applies"),
	textParameter('timeZone', 'Time Zone', '', "IANA time zone for customers without their own, and for owners' agendas. Empty means the workflow's time zone.", { placeholder: 'Asia/Shanghai' }),
];

export const properties: INodeProperties[] = [
	operation,
	...scheduleRevisitProperties,
	...findOccasionsProperties,
	...timeZoneProperties,
	asOfProperty('the schedule or the look-ahead starts from'),
	languageProperty('labels, messages and calendar text'),
	outputFieldProperty('revisit'),
];
