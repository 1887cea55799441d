import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { batchParameter, booleanParameter, checkOutputFieldFree, numberParameter, readChoice, readColumnOf, textParameter, type ItemRouter } from '../../common';
import { fieldAdder } from '../../shared/outputItems/withField';
import { buildOwnerAgendas, readBookings, RevisitRequestReader, scheduleRevisits, type Booking, type Owner, type RevisitRequest } from '../../shared/revisit';
import { businessCalendarProperties, readBusinessCalendar } from '../parameters/businessCalendar';
import { cadenceProperties, readCadencePolicy } from '../parameters/cadence';
import { ownerProperties, readOwners } from '../parameters/owners';
import { optionalColumn } from '../parameters/text';
import { timeZoneColumn } from '../parameters/timeZone';
import { limits, RANGES, readWholeNumber } from '../parameters/numbers';
import type { RunSettings } from './types';

const SHOW = { show: { operation: ['scheduleRevisit'] } };

const customerIdColumn = textParameter('customerIdColumn', 'Customer ID Column', 'customerId', 'Column holding the customer ID (dot paths like customer.code work)', {
	displayOptions: SHOW,
});
const nameColumn = textParameter('nameColumn', 'Name Column', 'name', "Column with the customer's name, used in calendar events and agendas (optional)", { displayOptions: SHOW });
const lastContactColumn = textParameter(
	'lastContactColumn',
	'Last Contact Column',
	'lastContactAt',
	'Column with the date of the last contact; the interval counts from it (from the as-of date when empty)',
	{ displayOptions: SHOW },
);
const nextRevisitColumn = textParameter(
	'nextRevisitColumn',
	'Next Revisit Column',
	'nextRevisitAt',
	'Column with a revisit already planned; customers with one in the future are left alone unless Reschedule is on',
	{ displayOptions: SHOW },
);
const accountManagerColumn = textParameter(
	'accountManagerColumn',
	'Account Manager Column',
	'accountManager',
	"Column with the customer's account manager (an owner ID); kept as owner while they have room",
	{ displayOptions: SHOW },
);
const horizonDays = numberParameter(
	'horizonDays',
	'Horizon (Days)',
	30,
	'How many days past its due date a revisit may move; beyond that the customer is reported as not schedulable',
	{ typeOptions: limits(RANGES.horizon), displayOptions: SHOW },
);
const reschedule = booleanParameter('reschedule', 'Reschedule Existing Revisits', false, 'Whether to plan a new revisit for customers that already have one in the future', {
	displayOptions: SHOW,
});

const alreadyBooked: INodeProperties = {
	displayName: 'Already Booked',
	name: 'alreadyBooked',
	type: 'json',
	default: '[]',
	description:
		"Revisits booked outside this run (earlier pages, earlier runs), usually an expression: rows { owner, slotStart, slotEnd, customerId } or the Owner Agenda items of earlier runs. Each takes its owner's capacity that day and holds its time.",
	placeholder: "{{ $('Read bookings').all().map(i => i.json) }}",
	displayOptions: SHOW,
};

export const scheduleRevisitProperties: INodeProperties[] = [
	customerIdColumn,
	nameColumn,
	lastContactColumn,
	nextRevisitColumn,
	accountManagerColumn,
	...cadenceProperties,
	...businessCalendarProperties,
	...ownerProperties,
	horizonDays,
	reschedule,
	alreadyBooked,
];

/** The Already Booked list; an execution hint names owners it holds that are not in the pool (their bookings take no one's capacity). */
function readAlreadyBooked(ctx: IExecuteFunctions, owners: Owner[], timeZone: string): Booking[] {
	const bookings = readBookings(batchParameter<unknown>(ctx, alreadyBooked.name, '[]', alreadyBooked.displayName), alreadyBooked.displayName, timeZone);
	const pool = new Set(owners.map((owner) => owner.id));
	const outside = [...new Set(bookings.filter((booking) => !pool.has(booking.owner)).map((booking) => booking.owner))];
	if (outside.length > 0) {
		const shown = outside.slice(0, 5).map((owner) => `"${owner}"`).join(', ') + (outside.length > 5 ? ` and ${outside.length - 5} more` : '');
		ctx.addExecutionHints({
			message: `Already Booked holds bookings of ${outside.length === 1 ? 'an owner' : `${outside.length} owners`} not in the owner pool (${shown}): they take no pool owner's capacity. Check the owner IDs if they should.`,
			type: 'warning',
			location: 'outputPane',
		});
	}
	return bookings;
}

/**
 * The "Schedule revisit" operation: read every item into a request, schedule them all, place each
 * customer's result on output 0 and return one agenda per owner and day for output 1.
 */
export function scheduleRevisit(ctx: IExecuteFunctions, settings: RunSettings, router: ItemRouter): INodeExecutionData[] {
	const { asOf, language, outputField, timeZone } = settings;
	const items = ctx.getInputData();
	const reader = new RevisitRequestReader(
		{
			customerId: readColumnOf(ctx, customerIdColumn),
			name: optionalColumn(ctx, nameColumn),
			timeZone: optionalColumn(ctx, timeZoneColumn),
			lastContact: optionalColumn(ctx, lastContactColumn),
			nextRevisit: optionalColumn(ctx, nextRevisitColumn),
			accountManager: optionalColumn(ctx, accountManagerColumn),
		},
		{ policy: readCadencePolicy(ctx), defaultTimeZone: timeZone, asOf },
	);
	const ownerSettings = readOwners(ctx);
	const options = {
		asOf,
		...readBusinessCalendar(ctx),
		...ownerSettings,
		horizonDays: readWholeNumber(ctx, horizonDays, RANGES.horizon),
		reschedule: readChoice<boolean>(ctx, reschedule),
		language,
		alreadyBooked: readAlreadyBooked(ctx, ownerSettings.owners, timeZone),
	};

	const requests: RevisitRequest[] = [];
	for (let i = 0; i < items.length; i++) {
		const json = items[i].json;
		// A try/catch per item rather than router.attempt with a closure per item (100,000 of them).
		try {
			checkOutputFieldFree(json, outputField);
			requests.push(reader.read(json, i));
		} catch (error) {
			router.reject(error, i);
		}
	}
	const results = scheduleRevisits(requests, options);
	const addRevisit = fieldAdder(outputField);
	for (let r = 0; r < requests.length; r++) {
		const index = requests[r].index;
		router.place(index, 0, { json: addRevisit(items[index].json, results[r]), pairedItem: { item: index } });
	}
	return buildOwnerAgendas(requests, results, options.owners, language, timeZone).map(({ itemIndices, ...agenda }) => ({
		json: agenda as unknown as IDataObject,
		pairedItem: itemIndices.map((item) => ({ item })),
	}));
}
