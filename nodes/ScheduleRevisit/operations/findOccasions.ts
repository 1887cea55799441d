import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { batchParameter, booleanParameter, checkOutputFieldFree, type ItemRouter, multiOptionsParameter, numberParameter, optionsParameter, readChoice, textParameter } from '../../common';
import { FESTIVAL_KEYS, FESTIVAL_LABELS, type Feb29Rule, type FestivalKey } from '../../shared/calendar';
import { toLocalDateString } from '../../shared/format/isoDate';
import { fieldAdder } from '../../shared/outputItems/withField';
import { ConfigError, InputError, parseDate } from '../../shared/input';
import { OccasionFinder, type OccasionType, type OccasionWindow } from '../../shared/revisit';
import { optionalColumn } from '../parameters/text';
import { timeZoneColumn } from '../parameters/timeZone';
import { limits, RANGES, readWholeNumber } from '../parameters/numbers';
import type { RunSettings } from './types';

const SHOW = { show: { operation: ['findOccasions'] } };

const birthdayColumn = textParameter('birthdayColumn', 'Birthday Column', 'birthday', 'Column with the Gregorian date of birth (YYYY-MM-DD, or MM-DD when the year is unknown)', {
	displayOptions: SHOW,
});
const lunarBirthdayColumn = textParameter(
	'lunarBirthdayColumn',
	'Lunar Birthday Column',
	'lunarBirthday',
	'Column with a lunar (农历) birthday as YYYY-MM-DD or MM-DD; mark a leap month with L or 闰 (1987-L06-10)',
	{ displayOptions: SHOW },
);
const memberSinceColumn = textParameter('memberSinceColumn', 'Member Since Column', 'memberSince', 'Column with the date the membership started', { displayOptions: SHOW });
const firstPurchaseColumn = textParameter('firstPurchaseColumn', 'First Purchase Column', 'firstPurchaseAt', 'Column with the date of the first purchase', { displayOptions: SHOW });
const occasionTypes = multiOptionsParameter(
	'occasionTypes',
	'Occasions',
	[
		{ name: 'Birthday', value: 'birthday' },
		{ name: 'First Purchase Anniversary', value: 'firstPurchaseAnniversary' },
		{ name: 'Lunar Birthday', value: 'lunarBirthday' },
		{ name: 'Membership Anniversary', value: 'membershipAnniversary' },
	],
	['birthday', 'lunarBirthday', 'membershipAnniversary', 'firstPurchaseAnniversary'],
	'Personal occasions to look for',
	{ displayOptions: SHOW },
);
const lunarFromBirthday = booleanParameter(
	'lunarFromBirthday',
	'Lunar Birthday From Birthday',
	false,
	'Whether customers without a lunar birthday get the lunar date of their Gregorian birthday (for those who celebrate 农历生日)',
	{ displayOptions: SHOW },
);
const festivals = multiOptionsParameter(
	'festivals',
	'Festivals',
	FESTIVAL_KEYS.map((key) => ({ name: FESTIVAL_LABELS[key].en, value: key, description: FESTIVAL_LABELS[key]['zh-CN'] })).sort((a, b) =>
		a.name.localeCompare(b.name),
	),
	['springFestival', 'dragonBoatFestival', 'midAutumnFestival', 'newYearsDay', 'christmas'],
	'Festivals that are an occasion for every customer',
	{ displayOptions: SHOW },
);
const lookFor = optionsParameter(
	'window',
	'Look For',
	[
		{ name: 'Occasions in the Next Days', value: 'nextDays' },
		{ name: 'Occasions on One Date', value: 'onDate' },
	],
	'nextDays',
	undefined,
	{ displayOptions: SHOW },
);
const feb29 = optionsParameter(
	'feb29',
	'29 February in Common Years',
	[
		{ name: '1 March', value: 'mar1' },
		{ name: '28 February', value: 'feb28' },
	],
	'feb28',
	'When birthdays and anniversaries on 29 February are observed in years without one',
	{ displayOptions: SHOW },
);
const lookAheadDays = numberParameter(
	'lookAheadDays',
	'Days Ahead',
	30,
	'Occasions from the as-of date up to this many days later (0: today only)',
	{
		typeOptions: limits(RANGES.lookAhead),
		displayOptions: { show: { ...SHOW.show, window: ['nextDays'] } },
	},
);

export const findOccasionsProperties: INodeProperties[] = [
	birthdayColumn,
	lunarBirthdayColumn,
	memberSinceColumn,
	firstPurchaseColumn,
	occasionTypes,
	lunarFromBirthday,
	festivals,
	lookFor,
	lookAheadDays,
	{
		displayName: 'Date',
		name: 'occasionDate',
		type: 'dateTime',
		default: '',
		description: 'The day to look at',
		displayOptions: { show: { ...SHOW.show, window: ['onDate'] } },
	},
	feb29,
];

/** The "Find care occasions" operation: every customer with the occasions in the window (possibly none), on output 0. */
export function findOccasions(ctx: IExecuteFunctions, settings: RunSettings, router: ItemRouter): INodeExecutionData[] {
	const { asOf, language, outputField, timeZone } = settings;
	const items = ctx.getInputData();
	const finder = new OccasionFinder(
		{
			asOf,
			defaultTimeZone: timeZone,
			window: readWindow(ctx, timeZone),
			types: readChoice<OccasionType[]>(ctx, occasionTypes),
			festivals: readChoice<FestivalKey[]>(ctx, festivals),
			feb29: readChoice<Feb29Rule>(ctx, feb29),
			lunarFromBirthday: readChoice<boolean>(ctx, lunarFromBirthday),
			language,
		},
		{
			birthday: optionalColumn(ctx, birthdayColumn),
			lunarBirthday: optionalColumn(ctx, lunarBirthdayColumn),
			memberSince: optionalColumn(ctx, memberSinceColumn),
			firstPurchase: optionalColumn(ctx, firstPurchaseColumn),
			timeZone: optionalColumn(ctx, timeZoneColumn),
		},
	);
	const addOccasions = fieldAdder(outputField);
	for (let i = 0; i < items.length; i++) {
		const json = items[i].json;
		try {
			checkOutputFieldFree(json, outputField);
			router.place(i, 0, { json: addOccasions(json, finder.find(json)), pairedItem: { item: i } });
		} catch (error) {
			router.reject(error, i);
		}
	}
	return [];
}

function readWindow(ctx: IExecuteFunctions, timeZone: string): OccasionWindow {
	if (readChoice(ctx, lookFor) !== 'onDate') {
		return { mode: 'nextDays', days: readWholeNumber(ctx, lookAheadDays, RANGES.lookAhead) };
	}
	const raw = batchParameter<unknown>(ctx, 'occasionDate', '', 'Date');
	if (raw === '' || raw === null || raw === undefined) throw new ConfigError('Parameter "Date" is empty (expected the date to look at)');
	// A date picked in the UI arrives as a local date-time, an expression may give a Luxon DateTime. The
	// package's date parser reads both strictly ("1" is not 2001-01-01, 30 February is not rolled into
	// March; any other object is no date); its calendar day in the node's zone is what counts.
	try {
		return { mode: 'onDate', date: toLocalDateString(parseDate(raw, 'Date', { timeZone }), timeZone) };
	} catch (error) {
		throw error instanceof InputError ? new ConfigError(error.message.replace(/^field "Date"/, 'Parameter "Date"')) : error;
	}
}
