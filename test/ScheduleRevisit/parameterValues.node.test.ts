import type { IDataObject } from 'n8n-workflow';
import { NODE_UNDER_TEST, runNode } from '../helpers/runWorkflow';

/**
 * Any parameter can be an expression, so it can give a value the panel never offers. Such a value stops
 * the run naming the parameter and the value, rather than running as some other setting.
 */

const revisit = {
	operation: 'scheduleRevisit',
	asOf: '2025-09-29T10:00:00+08:00',
	timeZone: 'Asia/Shanghai',
	owners: { owner: [{ id: 'alice', dailyCapacity: 2 }] },
};
const occasions = { operation: 'findOccasions', asOf: '2026-07-01T10:00:00+08:00', timeZone: 'Asia/Shanghai' };
const customers = [{ customerId: 'C1', lastContactAt: '2025-09-26', birthday: '2025-08-03' }];

async function errorOf(base: IDataObject, override: IDataObject): Promise<string | undefined> {
	return (await runNode({ type: 'scheduleRevisit', parameters: { ...base, ...override }, items: customers })).error?.message;
}

describe('Schedule Revisit: options, multi-options and booleans given none of their choices', () => {
	it.each([
		// Text for a multi-options list: `.map is not a function` before.
		[{ workingDays: '={{ "monday" }}' }, revisit, 'Parameter "Working Days" is "monday", which is not a list of its choices'],
		[{ workingDays: '={{ ["monday", "funday"] }}' }, revisit, 'Parameter "Working Days" is "["monday","funday"]", which is not a list of its choices'],
		// Ran as no public holidays.
		[{ publicHolidays: '={{ ["CN"] }}' }, revisit, 'Parameter "Public Holidays" is "["CN"]", which is not one of its choices (expected "CN", "none")'],
		// Ran as the owner list of the panel.
		[{ ownersInput: '={{ "csv" }}' }, revisit, 'Parameter "Owners Input" is "csv", which is not one of its choices'],
		[{ assignment: '={{ "random" }}' }, revisit, 'Parameter "Assignment" is "random", which is not one of its choices'],
		[{ overflow: '={{ null }}' }, revisit, 'Parameter "When the Owner Is Full" is null, which is not one of its choices'],
		// "false" as text is truthy: revisits planned earlier were replaced.
		[{ reschedule: '={{ "false" }}' }, revisit, 'Parameter "Reschedule Existing Revisits" is "false", which is not one of its choices (expected true, false)'],
		// Ran as the default cadence's unit, priority and channel, without a word.
		[{ defaultUnit: '={{ null }}' }, revisit, 'Parameter "Default Interval Unit" is null, which is not one of its choices'],
		[{ defaultPriority: '={{ ["high"] }}' }, revisit, 'Parameter "Default Priority" is "["high"]", which is not one of its choices'],
		[{ defaultChannel: '={{ "email" }}' }, revisit, 'Parameter "Default Channel" is "email", which is not one of its choices'],
		[{ occasionTypes: '={{ null }}' }, occasions, 'Parameter "Occasions" is null, which is not a list of its choices'],
		[{ festivals: '={{ "christmas" }}' }, occasions, 'Parameter "Festivals" is "christmas", which is not a list of its choices'],
		[{ festivals: '={{ ["xmas"] }}' }, occasions, 'Parameter "Festivals" is "["xmas"]", which is not a list of its choices'],
		[{ lunarFromBirthday: '={{ "false" }}' }, occasions, 'Parameter "Lunar Birthday From Birthday" is "false", which is not one of its choices'],
		[{ window: '={{ "onDay" }}' }, occasions, 'Parameter "Look For" is "onDay", which is not one of its choices'],
		[{ feb29: '={{ "mar01" }}' }, occasions, 'Parameter "29 February in Common Years" is "mar01", which is not one of its choices'],
	])('%j', async (override, base, message) => {
		expect(await errorOf(base, override)).toContain(message);
	});
});

describe('Schedule Revisit: text parameters given no text', () => {
	it.each([
		// Each ran as a column named "true", "1,2" or "[object Object]" that no item has: the column was silently never read.
		[{ nameColumn: '={{ true }}' }, revisit, 'Parameter "Name Column" is true, which is not text (expected a column name)'],
		[{ lastContactColumn: '={{ ["lastContactAt"] }}' }, revisit, 'Parameter "Last Contact Column" is "["lastContactAt"]", which is not text (expected a column name)'],
		[{ nextRevisitColumn: '={{ {} }}' }, revisit, 'Parameter "Next Revisit Column" is "{}", which is not text'],
		[{ accountManagerColumn: '={{ true }}' }, revisit, 'Parameter "Account Manager Column" is true, which is not text'],
		[{ timeZoneColumn: '={{ [1, 2] }}' }, revisit, 'Parameter "Time Zone Column" is "[1,2]", which is not text'],
		[{ birthdayColumn: '={{ true }}' }, occasions, 'Parameter "Birthday Column" is true, which is not text'],
		[{ lunarBirthdayColumn: '={{ {} }}' }, occasions, 'Parameter "Lunar Birthday Column" is "{}", which is not text'],
		[{ memberSinceColumn: '={{ [1] }}' }, occasions, 'Parameter "Member Since Column" is "[1]", which is not text'],
		[{ firstPurchaseColumn: '={{ false }}' }, occasions, 'Parameter "First Purchase Column" is false, which is not text'],
		[{ timeZoneColumn: '={{ true }}' }, occasions, 'Parameter "Time Zone Column" is true, which is not text'],
		// Named by its internal name (customerIdColumn) before.
		[{ customerIdColumn: '={{ true }}' }, revisit, 'Parameter "Customer ID Column" is true, which is not text (expected a column name)'],
		// 'Time zone "[object Object]" is not a known time zone'.
		[{ timeZone: '={{ { zone: "Asia/Shanghai" } }}' }, revisit, 'Parameter "Time Zone" is "{"zone":"Asia/Shanghai"}", which is not text'],
		[{ timeZone: '={{ { zone: "Asia/Shanghai" } }}' }, occasions, 'Parameter "Time Zone" is "{"zone":"Asia/Shanghai"}", which is not text'],
		// Working hours "[object Object]" are not valid.
		[{ workingHours: '={{ { from: "09:00" } }}' }, revisit, 'Parameter "Working Hours" is "{"from":"09:00"}", which is not text'],
		// An owner "true", and the reason "[object Object]" in every revisit.
		[{ ownersInput: 'text', ownerList: '={{ true }}' }, revisit, 'Parameter "Owner List" is true, which is not text'],
		[{ defaultReason: '={{ { a: 1 } }}' }, revisit, 'Parameter "Default Reason" is "{"a":1}", which is not text'],
	])('%j', async (override, base, message) => {
		expect(await errorOf(base, override)).toContain(message);
	});

	it('reads a cleared optional column (null) as not mapped, and a number as the column of that name', async () => {
		const items = [{ customerId: 'C1', 2024: '2025-09-26', lastContactAt: '2025-09-01' }];
		const run = (lastContactColumn: unknown) =>
			runNode({ type: 'scheduleRevisit', parameters: { ...revisit, lastContactColumn: lastContactColumn as string }, items }).then((r) => r.json(NODE_UNDER_TEST, 0)[0].revisit);
		expect(await run('={{ null }}')).toEqual(await run(''));
		expect(await run('={{ 2024 }}')).toEqual(await run('2024'));
		expect(await run('={{ 2024 }}')).not.toEqual(await run(''));
	});
});

describe('Schedule Revisit: whole-number parameters out of range', () => {
	it.each([
		// Named by the scheduler's words before ("Default cadence: interval …", "Horizon …", "Look-ahead …", "No 1e+308-minute appointment fits …").
		[{ defaultInterval: -1 }, revisit, 'Parameter "Default Interval" is -1, which is not valid (expected a whole number of days from 0 to 3660)'],
		[{ defaultInterval: 1.5 }, revisit, 'Parameter "Default Interval" is 1.5, which is not valid (expected a whole number of days from 0 to 3660)'],
		[{ horizonDays: '={{ 1e308 }}' }, revisit, 'Parameter "Horizon (Days)" is 1e+308, which is not valid (expected a whole number of days from 0 to 3660)'],
		[{ appointmentMinutes: '={{ 1e308 }}' }, revisit, 'Parameter "Appointment Length (Minutes)" is 1e+308, which is not valid (expected a whole number of minutes from 1 to 1440)'],
		[{ lookAheadDays: -1 }, occasions, 'Parameter "Days Ahead" is -1, which is not valid (expected a whole number of days from 0 to 366)'],
		// 'Owner "alice": daily capacity "0x10" is not valid', as if the owner list had said so.
		[{ ownersInput: 'text', ownerList: 'alice', defaultDailyCapacity: '={{ "0x10" }}' }, revisit, 'Parameter "Default Daily Capacity" is "0x10", which is not a number (expected a number)'],
		[{ ownersInput: 'text', ownerList: 'alice', defaultDailyCapacity: 0 }, revisit, 'Parameter "Default Daily Capacity" is 0, which is not valid (expected a whole number of revisits from 1 to 1000)'],
	])('%j', async (override, base, message) => {
		expect(await errorOf(base, override)).toBe(message);
	});
});

describe('Schedule Revisit: values of the Cadence Rules and Owners entries', () => {
	const detractor = { name: 'Detractor', field: 'nps', operator: 'atMost', value: '6', interval: 2, unit: 'businessDays', priority: 'high', channel: 'call', reason: 'Detractor' };
	const secondRule = (values: IDataObject) => ({ cadenceRules: { rule: [detractor, { ...detractor, name: 'Second', ...values }] } });
	const firstOwner = (values: IDataObject) => ({ owners: { owner: [{ id: 'alice', dailyCapacity: 2, ...values }, { id: 'bob', dailyCapacity: 2 }] } });
	it.each([
		// null ran as the default channel, unit, operator and priority without a word.
		['Parameter "Cadence Rules › Rule 2 › Channel" is null, which is not one of its choices (expected "message", "call", "visit")', secondRule({ channel: '={{ null }}' })],
		['Parameter "Cadence Rules › Rule 2 › Interval Unit" is null, which is not one of its choices (expected "businessDays", "calendarDays")', secondRule({ unit: '={{ null }}' })],
		['Parameter "Cadence Rules › Rule 2 › Operator" is null, which is not one of its choices (expected "atLeast", "atMost", "isEmpty", "isNotEmpty", "isNot", "is")', secondRule({ operator: '={{ null }}' })],
		['Parameter "Cadence Rules › Rule 2 › Priority" is "["high"]", which is not one of its choices (expected "high", "low", "normal", "urgent")', secondRule({ priority: '={{ ["high"] }}' })],
		// A rule named or tested on "[object Object]" or "true".
		['Parameter "Cadence Rules › Rule 2 › Name" is "{"a":1}", which is not text (expected text such as "Critical churn risk")', secondRule({ name: '={{ { a: 1 } }}' })],
		['Parameter "Cadence Rules › Rule 2 › Field" is true, which is not text (expected text such as "churn.level")', secondRule({ field: '={{ true }}' })],
		['Parameter "Cadence Rules › Rule 2 › Reason" is "[1,2]", which is not text (expected text)', secondRule({ reason: '={{ [1, 2] }}' })],
		// 'Cadence rule 2 ("Second"): "[object Object]" is not a number to compare with'.
		['Parameter "Cadence Rules › Rule 2 › Value" is "{"a":1}", which is not text (expected text such as "critical, high")', secondRule({ value: '={{ { a: 1 } }}' })],
		// 'interval undefined is not valid'.
		['Parameter "Cadence Rules › Rule 2 › Interval" is null, which is not a number (expected a number)', secondRule({ interval: '={{ null }}' })],
		['Parameter "Cadence Rules › Rule 2 › Interval" is -1, which is not valid (expected a whole number of days from 0 to 3660)', secondRule({ interval: -1 })],
		// An owner "true"; 'daily capacity undefined'; 'Time zone "[object Object]"'.
		['Parameter "Owners › Owner 1 › Owner ID" is true, which is not text (expected text)', firstOwner({ id: '={{ true }}' })],
		['Parameter "Owners › Owner 1 › Daily Capacity" is "", which is not a number (expected a number)', firstOwner({ dailyCapacity: '' })],
		['Parameter "Owners › Owner 1 › Time Zone" is "{"a":1}", which is not text (expected text such as "Asia/Shanghai")', firstOwner({ timeZone: '={{ { a: 1 } }}' })],
	])('%s', async (message, override) => {
		expect(await errorOf(revisit, override)).toBe(message);
	});

	it('reads a number given where a rule expects text as its digits, as the same rule written so', async () => {
		const items = [{ customerId: 'C1', nps: 3 }];
		const run = (value: unknown) => runNode({ type: 'scheduleRevisit', parameters: { ...revisit, ...secondRule({ field: 'nps', value: value as string }) }, items }).then((r) => r.json(NODE_UNDER_TEST, 0));
		expect(await run('={{ 6 }}')).toEqual(await run('6'));
	});
});

describe('Schedule Revisit: the Date of Find Occasions', () => {
	const onDate = { ...occasions, window: 'onDate', festivals: ['qixiFestival'] };
	it('refuses an object that is no date, naming it', async () => {
		// 'Parameter "Date" is "[object Object]"' before: the object was made text first.
		expect(await errorOf(onDate, { occasionDate: '={{ { day: "2026-08-19" } }}' })).toBe(
			'Parameter "Date" is "{"day":"2026-08-19"}", which is not a date (expected a date from 1900-01-01 to 2199-12-31 (ISO 8601, YYYY-MM-DD, YYYY/MM/DD, YYYYMMDD or epoch seconds/milliseconds))',
		);
	});

	it('reads a Luxon DateTime an expression gives as its day in the node\'s zone', async () => {
		const result = await runNode({ type: 'scheduleRevisit', parameters: { ...onDate, occasionDate: '={{ DateTime.fromISO("2026-08-19T00:30:00", { zone: "Asia/Shanghai" }) }}' }, items: customers });
		expect(result.json(NODE_UNDER_TEST, 0)[0].revisit).toMatchObject({ window: { from: '2026-08-19', to: '2026-08-19' }, occasions: [{ key: 'qixiFestival' }] });
	});

	it('refuses a Date that reads the item and differs between items, as every whole-run parameter', async () => {
		const result = await runNode({ type: 'scheduleRevisit', parameters: { ...onDate, occasionDate: '={{ $json.day }}' }, items: [{ customerId: 'A', day: '2026-08-19' }, { customerId: 'B', day: '2026-08-20' }] });
		expect(result.error?.message).toContain('Parameter "Date" is an expression that gives item 0 "2026-08-19" but item 1 "2026-08-20"');
	});
});

describe('Schedule Revisit: Extra Closed Dates and Extra Open Dates apply to the whole run', () => {
	it.each([['extraClosedDates', 'Extra Closed Dates'], ['extraOpenDates', 'Extra Open Dates']])('refuses %s that differ between items', async (name, label) => {
		// The first item's dates were used for every customer.
		const items = [
			{ customerId: 'A', closed: '2025-09-30' },
			{ customerId: 'B', closed: '2025-10-09' },
		];
		const result = await runNode({ type: 'scheduleRevisit', parameters: { ...revisit, [name]: '={{ $json.closed }}' }, items });
		expect(result.error?.message).toContain(`Parameter "${label}" is an expression that gives item 0 "2025-09-30" but item 1 "2025-10-09"`);
	});
});

describe('Schedule Revisit: a value of an entry that differs between items', () => {
	it('names the value and shows both, not the whole list', async () => {
		// 'Parameter "cadenceRules.rule" is an expression that gives item 0 "[{"channel":"call",…" but item 1 "[{"channel":"call",…"'.
		const rules = { rule: [{ name: 'R', field: 'nps', operator: 'atMost', value: '={{ $json.limit }}', interval: 1 }] };
		const result = await runNode({ type: 'scheduleRevisit', parameters: { ...revisit, cadenceRules: rules }, items: [{ customerId: 'A', nps: 3, limit: 5 }, { customerId: 'B', nps: 3, limit: 6 }] });
		expect(result.error?.message).toMatch(/^Parameter "Cadence Rules › Rule 1 › Value" is an expression that gives item 0 5 but item 1 6; it applies to the whole run/);
	});
});
