import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { textParameter } from '../../common';
import { checkTimeZone } from '../../shared/calendar';
import { readText } from './text';

export const timeZoneColumn = textParameter(
	'timeZoneColumn',
	'Time Zone Column',
	'timeZone',
	"Column with the customer's IANA time zone (e.g. Asia/Shanghai); when empty for a customer, the Time Zone below applies",
);
const timeZone = textParameter('timeZone', 'Time Zone', '', "IANA time zone for customers without their own, and for owners' agendas. Empty means the workflow's time zone.", {
	placeholder: 'Asia/Shanghai',
});

/** Parameters both operations share: the customers' time zone (also the owners' for agendas). */
export const timeZoneProperties: INodeProperties[] = [timeZoneColumn, timeZone];

/** The run's IANA zone: the Time Zone parameter, else the workflow's. */
export function readTimeZone(ctx: IExecuteFunctions): string {
	return checkTimeZone(readText(ctx, timeZone, 'an IANA time zone such as Asia/Shanghai').trim() || ctx.getTimezone());
}
