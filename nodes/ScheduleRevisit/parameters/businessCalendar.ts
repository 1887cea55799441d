import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { appointmentSlots, BusinessCalendar, parseDateList, parseWorkingHours, WORKING_HOURS_EXPECTED, type PublicHolidays, type TimeWindow, type Weekday } from '../../shared/calendar';
import { batchParameter, multiOptionsParameter, numberParameter, optionsParameter, readChoice, textParameter } from '../../common';
import { limits, RANGES, readWholeNumber } from './numbers';
import { readText } from './text';

const SHOW = { show: { operation: ['scheduleRevisit'] } };
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

const workingDays = multiOptionsParameter(
	'workingDays',
	'Working Days',
	WEEKDAYS.map((day) => ({ name: day[0].toUpperCase() + day.slice(1), value: day })).sort((a, b) => a.name.localeCompare(b.name)),
	['monday', 'tuesday', 'wednesday', 'thursday', 'friday'],
	'Weekdays customers are contacted on (public holidays and make-up working days are applied on top)',
	{ displayOptions: SHOW },
);
const publicHolidays = optionsParameter(
	'publicHolidays',
	'Public Holidays',
	[
		{ name: 'Mainland China (Incl. Make-Up Working Days)', value: 'CN', description: 'Official holidays and 调休 working days, 2004 to 2026' },
		{ name: 'None', value: 'none' },
	],
	'none',
	undefined,
	{ displayOptions: SHOW },
);
const workingHours = textParameter('workingHours', 'Working Hours', '09:30-12:00, 14:00-18:00', "Contact windows in the customer's local time, HH:MM-HH:MM separated by commas", {
	displayOptions: SHOW,
});
const appointmentMinutes = numberParameter('appointmentMinutes', 'Appointment Length (Minutes)', 30, 'Each revisit takes one slot of this length in the working hours', { typeOptions: limits(RANGES.appointment), displayOptions: SHOW });
const extraClosedDates = textParameter(
	'extraClosedDates',
	'Extra Closed Dates',
	'',
	'More days without contact: YYYY-MM-DD or ranges YYYY-MM-DD..YYYY-MM-DD, separated by commas',
	{ placeholder: '2025-12-24, 2025-12-31', displayOptions: SHOW },
);
const extraOpenDates = textParameter('extraOpenDates', 'Extra Open Dates', '', 'Days that are open whatever else applies (e.g. a weekend campaign)', {
	placeholder: '2025-12-27',
	displayOptions: SHOW,
});

/** When customers may be contacted: working days, public holidays, extra dates, working hours and slot length. */
export const businessCalendarProperties: INodeProperties[] = [
	workingDays,
	workingHours,
	appointmentMinutes,
	publicHolidays,
	extraClosedDates,
	extraOpenDates,
];

/** The business calendar and the appointment slots of a working day, from the parameters above. */
export function readBusinessCalendar(ctx: IExecuteFunctions): { calendar: BusinessCalendar; slots: TimeWindow[] } {
	return {
		calendar: new BusinessCalendar({
			workingDays: readChoice<string[]>(ctx, workingDays).map((day) => WEEKDAYS.indexOf(day) as Weekday),
			publicHolidays: readChoice<PublicHolidays>(ctx, publicHolidays),
			extraClosed: readDates(ctx, extraClosedDates),
			extraOpen: readDates(ctx, extraOpenDates),
		}),
		slots: appointmentSlots(parseWorkingHours(readText(ctx, workingHours, WORKING_HOURS_EXPECTED)), readWholeNumber(ctx, appointmentMinutes, RANGES.appointment)),
	};
}

/** A list of dates as text, or as a list an expression gives; one for the whole run. */
function readDates(ctx: IExecuteFunctions, property: INodeProperties): Set<number> {
	return parseDateList(batchParameter(ctx, property.name, property.default, property.displayName), property.displayName);
}
