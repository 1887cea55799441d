import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { errorItem, toNodeError } from '../../helpers/errors';
import { FESTIVALS, type Feb29Rule, type FestivalKey } from '../../shared/calendar';
import { InputError } from '../../shared/input';
import { DEFAULT_OCCASION_COLUMNS, OccasionFinder, type OccasionType, type OccasionWindow } from '../../shared/revisit';
import { toLocalDateString } from '../../shared/format/isoDate';
import type { RunSettings } from './types';
import { fieldAdder } from '../../shared/format/withField';

const show = { show: { operation: ['findOccasions'] } };

export const findOccasionsProperties: INodeProperties[] = [
	{
		displayName: 'Birthday Column',
		name: 'birthdayColumn',
		type: 'string',
		default: 'birthday',
		description: 'Column with the Gregorian date of birth (YYYY-MM-DD, or MM-DD when the year is unknown)',
		displayOptions: show,
	},
	{
		displayName: 'Lunar Birthday Column',
		name: 'lunarBirthdayColumn',
		type: 'string',
		default: 'lunarBirthday',
		description: 'Column with a lunar (农历) birthday as YYYY-MM-DD or MM-DD; mark a leap month with L or 闰 (1990-L06-10)',
		displayOptions: show,
	},
	{
		displayName: 'Member Since Column',
		name: 'memberSinceColumn',
		type: 'string',
		default: 'memberSince',
		description: 'Column with the date the membership started',
		displayOptions: show,
	},
	{
		displayName: 'First Purchase Column',
		name: 'firstPurchaseColumn',
		type: 'string',
		default: 'firstPurchaseAt',
		description: 'Column with the date of the first purchase',
		displayOptions: show,
	},
	{
		displayName: 'Occasions',
		name: 'occasionTypes',
		type: 'multiOptions',
		options: [
			{ name: 'Birthday', value: 'birthday' },
			{ name: 'First Purchase Anniversary', value: 'firstPurchaseAnniversary' },
			{ name: 'Lunar Birthday', value: 'lunarBirthday' },
			{ name: 'Membership Anniversary', value: 'membershipAnniversary' },
		],
		default: ['birthday', 'lunarBirthday', 'membershipAnniversary', 'firstPurchaseAnniversary'],
		description: 'Personal occasions to look for',
		displayOptions: show,
	},
	{
		displayName: 'Lunar Birthday From Birthday',
		name: 'lunarFromBirthday',
		type: 'boolean',
		default: false,
		description: 'Whether customers without a lunar birthday get the lunar date of their Gregorian birthday (for those who celebrate 农历生日)',
		displayOptions: show,
	},
	{
		displayName: 'Festivals',
		name: 'festivals',
		type: 'multiOptions',
		options: FESTIVALS.map((f) => ({ name: f.en, value: f.key, description: f.zh })).sort((a, b) => a.name.localeCompare(b.name)),
		default: ['springFestival', 'dragonBoatFestival', 'midAutumnFestival', 'newYearsDay', 'christmas'],
		description: 'Festivals that are an occasion for every customer',
		displayOptions: show,
	},
	{
		displayName: 'Look For',
		name: 'window',
		type: 'options',
		options: [
			{ name: 'Occasions in the Next Days', value: 'nextDays' },
			{ name: 'Occasions on One Date', value: 'onDate' },
		],
		default: 'nextDays',
		displayOptions: show,
	},
	{
		displayName: 'Days Ahead',
		name: 'lookAheadDays',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: 366 },
		default: 30,
		description: 'Occasions from the as-of date up to this many days later (0: today only)',
		displayOptions: { show: { operation: ['findOccasions'], window: ['nextDays'] } },
	},
	{
		displayName: 'Date',
		name: 'occasionDate',
		type: 'dateTime',
		default: '',
		description: 'The day to look at',
		displayOptions: { show: { operation: ['findOccasions'], window: ['onDate'] } },
	},
	{
		displayName: '29 February in Common Years',
		name: 'feb29',
		type: 'options',
		options: [
			{ name: '1 March', value: 'mar1' },
			{ name: '28 February', value: 'feb28' },
		],
		default: 'feb28',
		description: 'When birthdays and anniversaries on 29 February are observed in years without one',
		displayOptions: show,
	},
];

/** The "Find care occasions" operation: every customer with the occasions in the window (possibly none). */
export async function findOccasions(this: IExecuteFunctions, settings: RunSettings): Promise<INodeExecutionData[][]> {
	const { node, asOf, language, outputField, timeZone, continueOnFail } = settings;
	const items = this.getInputData();
	const column = (name: string, fallback: string) => String(this.getNodeParameter(name, 0, fallback)).trim();

	let finder: OccasionFinder;
	try {
		let window: OccasionWindow;
		if (this.getNodeParameter('window', 0, 'nextDays') === 'onDate') {
			const raw = this.getNodeParameter('occasionDate', 0, '') as string;
			if (!raw) throw new InputError('occasionDate', raw, 'is empty', 'the date to look at');
			// A date picked in the UI arrives as a local date-time; its calendar day is what counts.
			window = { mode: 'onDate', date: /^\d{4}-\d{2}-\d{2}$/.test(raw) ? raw : toLocalDateString(new Date(raw), timeZone) };
		} else {
			window = { mode: 'nextDays', days: this.getNodeParameter('lookAheadDays', 0, 30) as number };
		}
		finder = new OccasionFinder(
			{
				asOf,
				defaultTimeZone: timeZone,
				window,
				types: this.getNodeParameter('occasionTypes', 0, []) as OccasionType[],
				festivals: this.getNodeParameter('festivals', 0, []) as FestivalKey[],
				feb29: this.getNodeParameter('feb29', 0, 'feb28') as Feb29Rule,
				lunarFromBirthday: this.getNodeParameter('lunarFromBirthday', 0, false) as boolean,
				language,
			},
			{
				birthday: column('birthdayColumn', DEFAULT_OCCASION_COLUMNS.birthday),
				lunarBirthday: column('lunarBirthdayColumn', DEFAULT_OCCASION_COLUMNS.lunarBirthday),
				memberSince: column('memberSinceColumn', DEFAULT_OCCASION_COLUMNS.memberSince),
				firstPurchase: column('firstPurchaseColumn', DEFAULT_OCCASION_COLUMNS.firstPurchase),
				timeZone: column('timeZoneColumn', DEFAULT_OCCASION_COLUMNS.timeZone),
			},
		);
	} catch (error) {
		throw toNodeError(node, error);
	}

	const out: INodeExecutionData[] = new Array(items.length);
	const addOccasions = fieldAdder(outputField);
	for (let i = 0; i < items.length; i++) {
		try {
			const json = items[i].json;
			if (outputField in json) {
				throw new InputError(outputField, json[outputField], 'already exists in the item', 'a free output field: change "Output Field"');
			}
			out[i] = { json: addOccasions(json, finder.find(json)), pairedItem: { item: i } };
		} catch (error) {
			if (!continueOnFail) throw toNodeError(node, error, i);
			out[i] = errorItem(node, error, i);
		}
	}
	return [out, []];
}
