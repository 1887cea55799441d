import { DateTime } from 'luxon';
import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { ScheduleRevisit } from '../../nodes/ScheduleRevisit/ScheduleRevisit.node';
import { ABSENT, fullWidth, showsValue, shown, withValue, type Odd } from '../helpers/oddItemValues';
import { names, nonFinite, RAW_ERROR } from '../helpers/runChecks';
import { NODE_UNDER_TEST, runNode, type WorkflowResult } from '../helpers/runWorkflow';
import { setGeneratedItems } from '../helpers/testNodes';

/**
 * Schedule Revisit against the values real sources put in the item fields it reads: a database's texts
 * and Date objects, a spreadsheet's " 5 " and "５", a Code node's NaN and undefined, Chinese dates. For
 * every field of both operations, one run holds a few valid customers and one customer per odd value
 * (each with an account manager of its own, so the customers do not compete for slots), and a second
 * run the same items with each odd value replaced by its equivalent valid value where it has one. Each
 * odd value must either be refused for its item alone, naming the field and showing the value (never a
 * raw JavaScript error), or give the result of its equivalent; the valid customers keep the result they
 * have without the odd ones; every item leaves on exactly one output; no NaN or Infinity anywhere.
 *
 * Team decisions where the standards are silent (a bank's operations staff's expectations):
 * - A time zone is an IANA name. A UTC offset ("+08:00", "GMT+8", "UTC+8") is refused like "CST": an
 *   offset has no daylight-saving rules, and Node 24's ICU takes "+08:00" where Node 20's refuses it, so
 *   the same workflow would schedule on n8n 2.41 and stop on 2.8. "Beijing" is no zone.
 * - Customer IDs, names and account managers are compared as given: NFC and NFD forms, or a zero-width
 *   character, make other texts (as in the source system); only surrounding spaces are trimmed.
 * - A name or account manager is text or a number, as a customer ID is: true/false, NaN, Infinity, a
 *   whole number beyond 2^53 − 1 (it lost digits on its way), a list or an object are the item's error.
 * - An "is one of" rule compares text in any case, trimmed, full-width as half-width; a value it does not
 *   list ("高") is no match (the next rule, then the default rule applies, as documented: the rule's list
 *   is the user's, not a fixed set of choices). NaN or Infinity in a field any rule tests is the item's
 *   error (it is no value a list names, and neither empty nor a value for is empty / is not empty).
 * - Dates follow the package's date rule (nodes/shared/input, settled in 1a187ac): 2026年3月5日 and
 *   full-width digits are read. So a birthday without a year may be written "03-05", "3-5" or "3月5日"
 *   (also full-width), and a lunar birthday 1980-02-20, 1980/02/20 or 1980年2月20日; "03/05" is refused
 *   (day and month order differ between countries), as is 号 for 日 (the date rule has 日 only).
 */

type Value = unknown;

type Operation = 'scheduleRevisit' | 'findOccasions';

interface FieldCase {
	operation: Operation;
	/** The column parameter that names the field, or the rule field's path. */
	parameter: string;
	/** The item key the field is read from (default columns). */
	column: string;
	odd: Odd[];
}

const description = new ScheduleRevisit().description;

// ---------------------------------------------------------------- the two configurations

const ZONE = 'Asia/Shanghai';
const SCHEDULE_AS_OF = '2026-03-02T10:00:00+08:00';
const OCCASIONS_AS_OF = '2026-03-01T10:00:00+08:00';

const cadenceRules = {
	rule: [
		{ name: 'Churn', field: 'churn.level', operator: 'is', value: 'critical, high', interval: 1, unit: 'businessDays', priority: 'urgent', channel: 'call' },
		{ name: 'Detractor', field: 'nps', operator: 'atMost', value: '6', interval: 2, unit: 'businessDays', priority: 'high', channel: 'call' },
		{ name: 'Open tasks', field: 'tasks', operator: 'isNotEmpty', interval: 5, unit: 'calendarDays', priority: 'low', channel: 'message' },
	],
};

function scheduleItem(key: string): IDataObject {
	return { customerId: key, name: `Name ${key}`, accountManager: `m-${key}`, lastContactAt: '2026-02-20', nextRevisitAt: '2026-02-01', timeZone: ZONE, churn: { level: 'low' }, nps: 9 };
}
const scheduleBase: IDataObject[] = [
	{ ...scheduleItem('B0'), churn: { level: 'critical' } },
	{ ...scheduleItem('B1'), nps: 3 },
	{ ...scheduleItem('B2'), nextRevisitAt: '2026-03-10T10:00:00+08:00' },
];

function occasionItem(key: string): IDataObject {
	return { customerId: key, birthday: '1990-03-15', lunarBirthday: '1980-02-20', memberSince: '2020-04-01', firstPurchaseAt: '2021-03-20', timeZone: ZONE };
}
const occasionBase: IDataObject[] = [occasionItem('B0'), { ...occasionItem('B1'), birthday: '02-29' }, { ...occasionItem('B2'), lunarBirthday: 'L02-30' }];

function parametersOf(operation: Operation, owners: string[]): IDataObject {
	if (operation === 'findOccasions') {
		// A festival in the window, so every customer has one occasion besides their own.
		return { operation, asOf: OCCASIONS_AS_OF, timeZone: ZONE, lookAheadDays: 60, festivals: ['womensDay'] };
	}
	return { operation, asOf: SCHEDULE_AS_OF, timeZone: ZONE, publicHolidays: 'CN', cadenceRules, owners: { owner: owners.map((id) => ({ id, dailyCapacity: 10 })) } };
}

// ---------------------------------------------------------------- odd values by kind

const DAY_MS = 86_400_000;
const LONG = 'L'.repeat(300);
const NFC = 'Zoé 李';
const NFD = NFC.normalize('NFD');
const ZERO_WIDTH = 'Zo\u200Be';
const UNSAFE = 2 ** 53 + 1;

/** Midnight in Shanghai of a YYYY-MM-DD day, as epoch ms. */
const shanghaiMidnight = (day: string) => Date.parse(`${day}T00:00:00+08:00`);
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Odd forms of a valid date `day` (YYYY-MM-DD, read as midnight in Shanghai, the customers' zone). */
function dateOdds(day: string, options: { future?: boolean } = {}): Odd[] {
	const [y, m, d] = day.split('-');
	const midnight = shanghaiMidnight(day);
	return [
		{ value: `${day}T00:00:00+08:00`, equivalent: day },
		// The same instant written in New York's offset: still that day in the customer's zone.
		{ value: `${isoDay(midnight)}T11:00:00-05:00`, equivalent: day },
		{ value: ` ${day} `, equivalent: day },
		{ value: `${y}-02-30` },
		{ value: `${y}-13-01` },
		{ value: `${y}/${m}/${d}`, equivalent: day },
		{ value: `${y}${m}${d}`, equivalent: day },
		{ value: `${Number(y)}年${Number(m)}月${Number(d)}日`, equivalent: day },
		{ value: fullWidth(day), equivalent: day },
		{ value: midnight / 1000, equivalent: day },
		{ value: midnight, equivalent: day },
		{ value: String(midnight / 1000), equivalent: day },
		{ value: Number(`${y}${m}${d}`) },
		{ value: 45000 },
		{ value: new Date(midnight), equivalent: day },
		{ value: DateTime.fromMillis(midnight, { zone: 'America/New_York' }), equivalent: day },
		{ value: new Date(Number.NaN) },
		{ value: BigInt(midnight) },
		{ value: '', equivalent: ABSENT },
		{ value: null, equivalent: ABSENT },
		{ value: true },
		{ value: {} },
		{ value: [] },
		{ value: [day] },
		...(options.future ? [] : [{ value: '2026-03-05' }]),
		{ value: '1899-12-31' },
		{ value: Number.NaN },
		{ value: Number.POSITIVE_INFINITY },
		{ value: ABSENT, equivalent: ABSENT },
	];
}

/** Odd forms of an ID or a text the node shows or matches (customer ID, name, account manager). */
function textOdds(options: { required?: boolean } = {}): Odd[] {
	const empty = options.required ? {} : { equivalent: ABSENT };
	return [
		{ value: 5, equivalent: '5' },
		{ value: 5.5, equivalent: '5.5' },
		{ value: UNSAFE },
		{ value: '9007199254740993', equivalent: '9007199254740993' },
		{ value: '  Ann  ', equivalent: 'Ann' },
		{ value: '', ...empty },
		{ value: null, ...empty },
		{ value: true },
		{ value: false },
		{ value: [] },
		{ value: ['Ann'] },
		{ value: {} },
		{ value: LONG, equivalent: LONG },
		{ value: NFC, equivalent: NFC },
		{ value: NFD, equivalent: NFD },
		{ value: ZERO_WIDTH, equivalent: ZERO_WIDTH },
		// Line breaks and iCalendar syntax stay text inside the calendar event (checked for every run below).
		{ value: 'Ann\r\nEND:VEVENT\r\nBEGIN:VEVENT;x', equivalent: 'Ann\r\nEND:VEVENT\r\nBEGIN:VEVENT;x' },
		// A BigInt (a database driver's 64-bit ID) is its exact digits.
		{ value: BigInt('12345678901234567890'), equivalent: '12345678901234567890' },
		{ value: Number.NaN },
		{ value: Number.NEGATIVE_INFINITY },
		{ value: new Date('2026-01-01T00:00:00Z') },
		{ value: ABSENT, ...empty },
	];
}

const zoneOdds: Odd[] = [
	{ value: 'asia/shanghai', equivalent: ZONE },
	{ value: ` ${ZONE} `, equivalent: ZONE },
	{ value: 'PRC', equivalent: ZONE },
	{ value: '+08:00' },
	{ value: '+0800' },
	{ value: 'GMT+8' },
	{ value: 'UTC+8' },
	{ value: 'GMT+08:00' },
	{ value: 'CST' },
	{ value: 'Beijing' },
	{ value: 'Asia/Beijing' },
	{ value: 8 },
	{ value: true },
	{ value: '', equivalent: ABSENT },
	{ value: null, equivalent: ABSENT },
	{ value: [ZONE] },
	{ value: { name: ZONE } },
	{ value: Number.NaN },
	{ value: ABSENT, equivalent: ABSENT },
];

/** A value an "is one of critical, high" rule compares (churn.level). */
const choiceOdds: Odd[] = [
	{ value: 'HIGH', equivalent: 'high' },
	{ value: ' high ', equivalent: 'high' },
	{ value: 'High ', equivalent: 'high' },
	{ value: 'ＨＩＧＨ', equivalent: 'high' },
	{ value: '高', equivalent: 'low' },
	{ value: 'very high', equivalent: 'low' },
	{ value: null, equivalent: ABSENT },
	{ value: '', equivalent: ABSENT },
	{ value: 5, equivalent: '5' },
	{ value: true, equivalent: 'true' },
	{ value: BigInt(5), equivalent: '5' },
	{ value: ['high'] },
	{ value: [] },
	{ value: {} },
	{ value: { value: 'high' } },
	{ value: Number.NaN },
	{ value: Number.POSITIVE_INFINITY },
	{ value: ABSENT, equivalent: ABSENT },
];

/** A value an "at most 6" rule compares (nps). */
const numberOdds: Odd[] = [
	{ value: '5', equivalent: 5 },
	{ value: ' 5 ', equivalent: 5 },
	{ value: '5,000', equivalent: 5000 },
	{ value: '５', equivalent: 5 },
	{ value: '1e1', equivalent: 10 },
	{ value: '0x10' },
	{ value: '5abc' },
	{ value: '¥5', equivalent: 5 },
	{ value: '￥5', equivalent: 5 },
	{ value: true },
	{ value: null, equivalent: ABSENT },
	{ value: '', equivalent: ABSENT },
	{ value: [5] },
	{ value: { value: 5 } },
	{ value: -1, equivalent: -1 },
	{ value: -0, equivalent: 0 },
	{ value: 1e308, equivalent: 1e308 },
	{ value: UNSAFE, equivalent: UNSAFE },
	{ value: String(UNSAFE), equivalent: UNSAFE },
	{ value: BigInt(5), equivalent: 5 },
	{ value: Number.NaN },
	{ value: Number.POSITIVE_INFINITY },
	{ value: ABSENT, equivalent: ABSENT },
];

/** Lunar birthdays: 1980-02-20 is observed on lunar 2/20 of 2026, 2026-04-07. */
const lunarOdds: Odd[] = [
	{ value: ' 1980-02-20 ', equivalent: '1980-02-20' },
	{ value: '1980/02/20', equivalent: '1980-02-20' },
	{ value: '1980-2-20', equivalent: '1980-02-20' },
	{ value: '1980年2月20日', equivalent: '1980-02-20' },
	{ value: fullWidth('1980-02-20'), equivalent: '1980-02-20' },
	{ value: '1980-L02-20' },
	{ value: '2026-L05-01' },
	{ value: '1980-02-31' },
	{ value: '1980-13-01' },
	{ value: '2026-02-01' },
	{ value: '1899-02-20' },
	{ value: 19800220 },
	{ value: shanghaiMidnight('1980-04-05') / 1000 },
	{ value: new Date(shanghaiMidnight('1980-04-05')) },
	{ value: '', equivalent: ABSENT },
	{ value: null, equivalent: ABSENT },
	{ value: true },
	{ value: {} },
	{ value: [] },
	{ value: Number.NaN },
	{ value: ABSENT, equivalent: ABSENT },
];

/** A value an "is not empty" rule tests (tasks). */
const emptinessOdds: Odd[] = [
	{ value: '', equivalent: ABSENT },
	{ value: '  ', equivalent: ABSENT },
	{ value: null, equivalent: ABSENT },
	{ value: [], equivalent: ABSENT },
	{ value: {}, equivalent: ABSENT },
	{ value: ['call back'], equivalent: 'call back' },
	{ value: { open: 1 }, equivalent: 'call back' },
	{ value: 0, equivalent: 'call back' },
	{ value: false, equivalent: 'call back' },
	{ value: Number.NaN },
	{ value: Number.NEGATIVE_INFINITY },
	{ value: ABSENT, equivalent: ABSENT },
];

const FIELDS: FieldCase[] = [
	{ operation: 'scheduleRevisit', parameter: 'customerIdColumn', column: 'customerId', odd: textOdds({ required: true }) },
	{ operation: 'scheduleRevisit', parameter: 'nameColumn', column: 'name', odd: textOdds() },
	{ operation: 'scheduleRevisit', parameter: 'accountManagerColumn', column: 'accountManager', odd: textOdds() },
	{ operation: 'scheduleRevisit', parameter: 'lastContactColumn', column: 'lastContactAt', odd: dateOdds('2026-02-20') },
	{ operation: 'scheduleRevisit', parameter: 'nextRevisitColumn', column: 'nextRevisitAt', odd: dateOdds('2026-03-10', { future: true }) },
	{ operation: 'scheduleRevisit', parameter: 'timeZoneColumn', column: 'timeZone', odd: zoneOdds },
	{ operation: 'scheduleRevisit', parameter: 'cadenceRules.rule.field', column: 'churn.level', odd: choiceOdds },
	{ operation: 'scheduleRevisit', parameter: 'cadenceRules.rule.field', column: 'nps', odd: numberOdds },
	{ operation: 'scheduleRevisit', parameter: 'cadenceRules.rule.field', column: 'tasks', odd: emptinessOdds },
	{ operation: 'findOccasions', parameter: 'birthdayColumn', column: 'birthday', odd: dateOdds('1990-03-15') },
	{ operation: 'findOccasions', parameter: 'lunarBirthdayColumn', column: 'lunarBirthday', odd: lunarOdds },
	{ operation: 'findOccasions', parameter: 'memberSinceColumn', column: 'memberSince', odd: dateOdds('2020-04-01') },
	{ operation: 'findOccasions', parameter: 'firstPurchaseColumn', column: 'firstPurchaseAt', odd: dateOdds('2021-03-20') },
	{ operation: 'findOccasions', parameter: 'timeZoneColumn', column: 'timeZone', odd: zoneOdds },
];

// ---------------------------------------------------------------- running

function itemsFor(field: FieldCase, pick: (odd: Odd) => Value): IDataObject[] {
	const base = field.operation === 'scheduleRevisit' ? scheduleBase : occasionBase;
	const template = field.operation === 'scheduleRevisit' ? scheduleItem : occasionItem;
	return [...base, ...field.odd.map((odd, k) => withValue(template(`X${k}`), field.column, pick(odd)))];
}

interface Outcome {
	/** Per input item: its result (the output field) or its error message, and how many times it left. */
	results: Array<{ revisit?: unknown; error?: string; times: number }>;
	agendas: IDataObject[];
	stopped?: string;
	nonFinite: string[];
}

/**
 * Every account manager of the odd and the equivalent items (as text, trimmed) is an owner with room in
 * both runs, so no customer takes another's slot and the two runs have the same pool.
 */
function ownersOf(...runs: IDataObject[][]): string[] {
	const managers = runs.flat().map((item) => (typeof item.accountManager === 'number' ? String(item.accountManager) : item.accountManager));
	return [...new Set(managers.filter((m): m is string => typeof m === 'string' && m.trim() !== '').map((m) => m.trim()))];
}

let runs = 0;
async function run(operation: Operation, items: IDataObject[], owners: string[]): Promise<Outcome> {
	const key = `itemValues-${runs++}`;
	setGeneratedItems(key, items);
	const result: WorkflowResult = await runNode({ type: 'scheduleRevisit', parameters: parametersOf(operation, owners), items: [], generatedKey: key, onError: 'continueErrorOutput' });
	const results: Outcome['results'] = items.map(() => ({ times: 0 }));
	if (result.error) return { results, agendas: [], stopped: result.error.message, nonFinite: [] };
	const main = result.run.data.resultData.runData[NODE_UNDER_TEST][0].data!.main;
	const place = (output: number, read: (json: IDataObject) => Partial<Outcome['results'][number]>) => {
		for (const item of main[output] ?? []) {
			const index = (item.pairedItem as { item: number }).item;
			Object.assign(results[index], read(item.json));
			results[index].times++;
		}
	};
	place(0, (json) => ({ revisit: json.revisit }));
	place(2, (json) => ({ error: String(json.error) }));
	const agendas = (main[1] ?? []).map((i) => i.json);
	// The input fields pass through as they came (a Code node's NaN stays the user's NaN); what the node writes must be finite.
	return { results, agendas, nonFinite: nonFinite({ results, agendas }) };
}

const cache = new Map<string, Promise<Outcome>>();
function once(key: string, make: () => Promise<Outcome>): Promise<Outcome> {
	if (!cache.has(key)) cache.set(key, make());
	return cache.get(key)!;
}

const fieldId = (field: FieldCase) => `${field.operation} ${field.column}`;
const oddItems = (field: FieldCase) => itemsFor(field, (odd) => odd.value);
const referenceItems = (field: FieldCase) => itemsFor(field, (odd) => ('equivalent' in odd ? odd.equivalent : odd.value));
const fieldOwners = (field: FieldCase) => ownersOf(oddItems(field), referenceItems(field));
const oddRun = (field: FieldCase) => once(`odd ${fieldId(field)}`, () => run(field.operation, oddItems(field), fieldOwners(field)));
const referenceRun = (field: FieldCase) => once(`ref ${fieldId(field)}`, () => run(field.operation, referenceItems(field), fieldOwners(field)));
const baseRun = (field: FieldCase) => once(`base ${fieldId(field)}`, () => run(field.operation, field.operation === 'scheduleRevisit' ? scheduleBase : occasionBase, fieldOwners(field)));

/** The agendas of customers accepted in both runs (an odd value may be refused where its equivalent is not). */
function agendasOfBoth(outcome: Outcome, other: Outcome): IDataObject[] {
	const accepted = (o: Outcome) => new Set(o.results.filter((r) => r.revisit).map((r) => (r.revisit as IDataObject).customerId));
	const [mine, theirs] = [accepted(outcome), accepted(other)];
	return outcome.agendas.filter((agenda) => (agenda.customers as IDataObject[]).every((c) => mine.has(c.customerId) && theirs.has(c.customerId)));
}

/** What is wrong with the odd value's outcome, or undefined when it is one of the allowed ones. */
async function problem(field: FieldCase, k: number): Promise<string | undefined> {
	const odd = field.odd[k];
	const [outcome, reference] = await Promise.all([oddRun(field), referenceRun(field)]);
	const index = (field.operation === 'scheduleRevisit' ? scheduleBase : occasionBase).length + k;
	const mine = outcome.results[index];
	if (outcome.stopped) return `the run stopped: ${outcome.stopped}`;
	if (mine.times !== 1) return `left ${mine.times} times`;
	if (mine.error !== undefined) {
		if (RAW_ERROR.test(mine.error.replace(/field "[^"]*" is missing/, ''))) return `raw error: ${mine.error}`;
		if (!names(mine.error, field.column)) return `message does not name "${field.column}": ${mine.error}`;
		if (!showsValue(mine.error, odd.value)) return `message does not show the value: ${mine.error}`;
		return undefined;
	}
	if (!('equivalent' in odd)) return `accepted (silently coerced): ${JSON.stringify(mine.revisit)}`;
	const equivalent = reference.results[index];
	if (equivalent.error !== undefined) return `accepted, but its equivalent ${shown(odd.equivalent)} is refused: ${equivalent.error}`;
	try {
		expect(mine.revisit).toEqual(equivalent.revisit);
	} catch {
		return `accepted with a result other than ${shown(odd.equivalent)}'s: ${JSON.stringify(mine.revisit)} against ${JSON.stringify(equivalent.revisit)}`;
	}
	return undefined;
}

// ---------------------------------------------------------------- the tests

/** Column parameters each operation shows, from the node's description (rule fields included). */
function columnParameters(operation: Operation): string[] {
	const shownFor = (p: INodeProperties) => !p.displayOptions?.show?.operation || (p.displayOptions.show.operation as string[]).includes(operation);
	return description.properties.filter(shownFor).flatMap((p) => {
		if (p.type === 'fixedCollection') {
			return (p.options as Array<{ name: string; values: INodeProperties[] }>).flatMap((e) => e.values.filter((v) => v.name === 'field' || v.name.endsWith('Column')).map((v) => `${p.name}.${e.name}.${v.name}`));
		}
		return p.name.endsWith('Column') ? [p.name] : [];
	});
}

describe('Schedule Revisit: item values as real sources give them', () => {
	it.each(['scheduleRevisit', 'findOccasions'] as const)('covers every column %s reads', (operation) => {
		expect(new Set(FIELDS.filter((f) => f.operation === operation).map((f) => f.parameter))).toEqual(new Set(columnParameters(operation)));
	});

	it('takes one customer ID in its forms (5, "5", " 5 ", a BigInt) as one customer, and NFC and NFD forms, or a lone surrogate and U+FFFD, as two, each with its own calendar UID', async () => {
		const key = 'itemValues-ids';
		const others = [NFC, NFD, 'C\uD83D1', 'C\uFFFD1'];
		setGeneratedItems(key, [{ customerId: 5 }, { customerId: '5' }, { customerId: ' 5 ' }, { customerId: BigInt(5) }, ...others.map((customerId) => ({ customerId }))]);
		const result = await runNode({ type: 'scheduleRevisit', parameters: parametersOf('scheduleRevisit', ['alice']), items: [], generatedKey: key, onError: 'continueErrorOutput' });
		const revisits = result.json(NODE_UNDER_TEST, 0).map((j) => j.revisit as IDataObject);
		expect(revisits.map((r) => r.customerId)).toEqual(['5', ...others]);
		expect(new Set(revisits.map((r) => /UID:(.*)/.exec(String(r.vevent))![1])).size).toBe(revisits.length);
		expect(result.items(NODE_UNDER_TEST, 2).map((i) => [(i.pairedItem as { item: number }).item, i.json.error])).toEqual(
			[1, 2, 3].map((item) => [item, expect.stringMatching(/field "customerId" is .*5.*, which is also the customer ID of item 0/)]),
		);
	});

	describe.each(FIELDS.map((field) => [fieldId(field), field] as const))('%s', (_id, field) => {
		it('every item leaves once, no NaN or Infinity, and the valid customers keep their results', async () => {
			const [outcome, reference, base] = await Promise.all([oddRun(field), referenceRun(field), baseRun(field)]);
			expect(outcome.stopped).toBeUndefined();
			expect(reference.stopped).toBeUndefined();
			expect(outcome.results.map((r) => r.times)).toEqual(outcome.results.map(() => 1));
			expect(outcome.nonFinite).toEqual([]);
			expect(base.results.map((r) => r.error)).toEqual(base.results.map(() => undefined));
			expect(outcome.results.slice(0, base.results.length)).toEqual(base.results);
			// Each calendar event is one event of folded lines, whatever text the item held.
			for (const { revisit } of outcome.results) {
				const vevent = (revisit as IDataObject | undefined)?.vevent;
				if (typeof vevent !== 'string') continue;
				expect(vevent.match(/^(BEGIN|END):VEVENT\r$/gm)).toEqual(['BEGIN:VEVENT\r', 'END:VEVENT\r']);
				expect(vevent.split('\r\n').filter((line) => Buffer.byteLength(line) > 75)).toEqual([]);
			}
			// Each agenda message has its head and one line per customer, whatever text the items held.
			for (const agenda of outcome.agendas) expect(String(agenda.message).split('\n')).toHaveLength((agenda.customers as unknown[]).length + 1);
			// ... and its calendar file is one calendar of folded lines.
			for (const agenda of outcome.agendas) {
				const ics = String(agenda.ics);
				expect(ics.match(/^(BEGIN|END):VCALENDAR\r$/gm)).toEqual(['BEGIN:VCALENDAR\r', 'END:VCALENDAR\r']);
				expect(ics.split('\r\n').filter((line) => Buffer.byteLength(line) > 75)).toEqual([]);
			}
			// The agendas of the odd run and of its equivalents agree.
			expect(agendasOfBoth(outcome, reference)).toEqual(agendasOfBoth(reference, outcome));
		});

		it.each(field.odd.map((odd, k) => [shown(odd.value), k] as const))('%s', async (_value, k) => {
			expect(await problem(field, k)).toBeUndefined();
		});
	});
});

// ---------------------------------------------------------------- calendar cases

type Occasion = { type: string; date: string; daysUntil: number; age?: number | null; years?: number | null; shift?: string };

async function occasionsOf(parameters: IDataObject, items: IDataObject[]) {
	const result = await runNode({ type: 'scheduleRevisit', parameters: { operation: 'findOccasions', timeZone: ZONE, festivals: [], ...parameters }, items, onError: 'continueErrorOutput' });
	expect(result.error).toBeUndefined();
	const byItem = new Map<number, Occasion[] | string>();
	for (const item of result.items(NODE_UNDER_TEST, 0)) byItem.set((item.pairedItem as { item: number }).item, ((item.json.revisit as IDataObject).occasions as Occasion[]).map(({ type, date, daysUntil, age, years, shift }) => ({ type, date, daysUntil, age, years, shift })));
	for (const item of result.items(NODE_UNDER_TEST, 2)) byItem.set((item.pairedItem as { item: number }).item, String(item.json.error));
	expect([...byItem.keys()].sort((a, b) => a - b)).toEqual(items.map((_, i) => i));
	return items.map((_, i) => byItem.get(i));
}

describe('Schedule Revisit: calendar cases of the item values', () => {
	it('observes 29 February on 28 February or 1 March in common years, on 29 February in leap years, with or without the year', async () => {
		const items = [{ birthday: '2000-02-29', memberSince: '2024-02-29' }, { birthday: '02-29' }, { birthday: '2027-02-29' }];
		const common = { asOf: '2027-02-20T10:00:00+08:00', lookAheadDays: 30, occasionTypes: ['birthday', 'membershipAnniversary'] };
		const birthday = (date: string, age: number | null, shift?: string) => ({ type: 'birthday', date, daysUntil: (Date.parse(date) - Date.parse('2027-02-20')) / DAY_MS, age, years: undefined, shift });
		expect(await occasionsOf({ ...common, feb29: 'feb28' }, items)).toEqual([
			[birthday('2027-02-28', 27, 'feb29ToFeb28'), { type: 'membershipAnniversary', date: '2027-02-28', daysUntil: 8, age: undefined, years: 3, shift: 'feb29ToFeb28' }],
			[birthday('2027-02-28', null, 'feb29ToFeb28')],
			expect.stringMatching(/field "birthday" is "2027-02-29", which is not a date/),
		]);
		expect(await occasionsOf({ ...common, feb29: 'mar1' }, items.slice(0, 2))).toEqual([
			[birthday('2027-03-01', 27, 'feb29ToMar1'), { type: 'membershipAnniversary', date: '2027-03-01', daysUntil: 9, age: undefined, years: 3, shift: 'feb29ToMar1' }],
			[birthday('2027-03-01', null, 'feb29ToMar1')],
		]);
		const leap = await occasionsOf({ ...common, asOf: '2028-02-20T10:00:00+08:00', feb29: 'mar1' }, items.slice(0, 2));
		expect(leap.map((o) => (o as Occasion[]).map((x) => [x.date, x.shift]))).toEqual([[['2028-02-29', undefined], ['2028-02-29', undefined]], [['2028-02-29', undefined]]]);
	});

	it('reads a birthday without its year as 03-05, 3-5, --03-05 or 3月5日, and refuses 03/05 (day and month order differ between countries)', async () => {
		const valid = ['03-05', '3-5', '--03-05', ' 03-05 ', '3月5日', '３月５日', '０３－０５'];
		const refused = ['03/05', '02-30', '13-01', '3月32日', '0305', '3月5号'];
		const outcomes = await occasionsOf({ asOf: OCCASIONS_AS_OF, lookAheadDays: 30, occasionTypes: ['birthday'] }, [...valid, ...refused].map((birthday) => ({ birthday })));
		expect(outcomes.slice(0, valid.length)).toEqual(valid.map(() => [{ type: 'birthday', date: '2026-03-05', daysUntil: 4, age: null, years: undefined, shift: undefined }]));
		expect(outcomes.slice(valid.length)).toEqual(refused.map((value) => expect.stringContaining(`field "birthday" is "${value}", which`)));
	});

	it('observes lunar birthdays that do not exist in the year (a leap month, the 30th of a short month) and refuses lunar dates that never existed', async () => {
		// 2026 has no leap month; its 2nd lunar month has 29 days (2026-03-19 to 2026-04-16). 1980's 2nd month has 29 days, 2000's 30.
		const items = ['L02-10', '闰02-10', '02-30', '2000-02-30', '1980年2月20日', '１９８０-０２-２０', '2026-L05-01', '1980-02-30', '1980-L02-20'].map((lunarBirthday) => ({ lunarBirthday }));
		const lunar = (date: string, age: number | null, shift?: string) => [{ type: 'lunarBirthday', date, daysUntil: (Date.parse(date) - Date.parse('2026-03-01')) / DAY_MS, age, years: undefined, shift }];
		expect(await occasionsOf({ asOf: OCCASIONS_AS_OF, lookAheadDays: 60, occasionTypes: ['lunarBirthday'] }, items)).toEqual([
			lunar('2026-03-28', null, 'leapMonthAsRegular'),
			lunar('2026-03-28', null, 'leapMonthAsRegular'),
			lunar('2026-04-16', null, 'lastDayOfLunarMonth'),
			lunar('2026-04-16', 26, 'lastDayOfLunarMonth'),
			lunar('2026-04-07', 46),
			lunar('2026-04-07', 46),
			expect.stringContaining('field "lunarBirthday" is "2026-L05-01", which is not a lunar date: lunar year 2026 has no leap month 5'),
			expect.stringContaining('field "lunarBirthday" is "1980-02-30", which is not a lunar date: that month of 1980 has 29 days'),
			expect.stringContaining('field "lunarBirthday" is "1980-L02-20", which is not a lunar date: lunar year 1980 has no leap month 2'),
		]);
	});

	it('takes a next revisit given as today\'s date, without a time, as still planned: it is that whole day, not its midnight', async () => {
		// As Of is 10:00 on 2 March in Shanghai. "2026-03-02" (any form of that day) has not passed; 09:00 that day has.
		const planned = ['2026-03-02', '2026/03/02', '2026年3月2日', '2026-03-02T00:00:00+08:00', new Date(shanghaiMidnight('2026-03-02')), '2026-03-03'];
		const passed = ['2026-03-02T09:00:00+08:00', '2026-03-01'];
		const key = 'itemValues-today';
		setGeneratedItems(key, [...planned, ...passed].map((nextRevisitAt, i) => ({ customerId: `C${i}`, accountManager: 'alice', lastContactAt: '2026-01-01', nextRevisitAt })));
		const result = await runNode({ type: 'scheduleRevisit', parameters: parametersOf('scheduleRevisit', ['alice']), items: [], generatedKey: key, onError: 'continueErrorOutput' });
		const revisits = result.json(NODE_UNDER_TEST, 0).map((j) => j.revisit as IDataObject);
		expect(revisits.map((r) => [r.customerId, r.status, r.dueDate])).toEqual([
			...planned.map((_, i) => [`C${i}`, 'alreadyScheduled', i === planned.length - 1 ? '2026-03-03' : '2026-03-02']),
			...passed.map((_, i) => [`C${planned.length + i}`, 'scheduled', '2026-03-02']),
		]);
	});

	it('takes a customer\'s zone as an IANA name only: +08:00, GMT+8, UTC+8, CST and Beijing are that item\'s error', async () => {
		const zones = ['+08:00', 'Asia/Shanghai', 'CST', 'GMT+8', 'UTC+8', 'Beijing'];
		const result = await runNode({
			type: 'scheduleRevisit',
			parameters: { operation: 'scheduleRevisit', asOf: SCHEDULE_AS_OF, timeZone: 'UTC', owners: { owner: [{ id: 'alice', dailyCapacity: 8 }] } },
			items: zones.map((timeZone, i) => ({ customerId: `C${i}`, timeZone })),
			onError: 'continueErrorOutput',
		});
		expect(result.json(NODE_UNDER_TEST, 0).map((j) => [j.customerId, (j.revisit as IDataObject).timeZone])).toEqual([['C1', 'Asia/Shanghai']]);
		expect(result.json(NODE_UNDER_TEST, 2).map((j) => j.error)).toEqual([
			expect.stringContaining('field "timeZone" is "+08:00", which is a UTC offset, not an IANA time zone'),
			expect.stringContaining('field "timeZone" is "CST", which is an abbreviation, not an IANA time zone'),
			expect.stringContaining('field "timeZone" is "GMT+8", which is a UTC offset, not an IANA time zone'),
			expect.stringContaining('field "timeZone" is "UTC+8", which is a UTC offset, not an IANA time zone'),
			expect.stringContaining('field "timeZone" is "Beijing", which is not a known time zone'),
		]);
	});
});
