import type { IDataObject } from 'n8n-workflow';
import { ScheduleRevisit } from '../../nodes/ScheduleRevisit/ScheduleRevisit.node';
import { NODE_UNDER_TEST, runNode } from '../helpers/runWorkflow';

// README "Schedule Revisit": what a user reading it may rely on, through n8n's engine.
const base = {
	operation: 'scheduleRevisit',
	asOf: '2025-09-29T10:00:00+08:00', // Monday 10:00 in Shanghai, two days before National Day
	timeZone: 'Asia/Shanghai',
	publicHolidays: 'CN',
	owners: { owner: [{ id: 'alice', dailyCapacity: 2 }, { id: 'bob', dailyCapacity: 2 }] },
};

async function run(parameters: object, items: IDataObject[]) {
	const result = await runNode({ type: 'scheduleRevisit', parameters: { ...base, ...parameters }, items, onError: 'continueErrorOutput' });
	expect(result.error).toBeUndefined();
	return {
		revisits: result.json(NODE_UNDER_TEST, 0).map((o) => o.revisit as Record<string, unknown>),
		errors: result.json(NODE_UNDER_TEST, 2).map((e) => e.error),
	};
}

const rule = (operator: string, value: unknown, field = 'score') => ({ cadenceRules: { rule: [{ name: 'R', field, operator, value, interval: 1, priority: 'urgent' }] } });

describe('Schedule Revisit, cadence rules as the README describes them', () => {
	// A number given as text is read as item numbers are: Number() took "0x10" for 16 and "0b11" for 3.
	it.each([
		[{ cadenceRules: { rule: [{ name: 'R', field: 'score', operator: 'atLeast', value: '5', interval: '={{ "0x2" }}' }] } }, 'Parameter "Cadence Rules › Rule 1 › Interval" is "0x2", which is not a number (expected a number)'],
		[{ cadenceRules: { rule: [{ name: 'R', field: 'score', operator: 'atLeast', value: '5', interval: '={{ "0b11" }}' }] } }, 'Parameter "Cadence Rules › Rule 1 › Interval" is "0b11", which is not a number (expected a number)'],
		[rule('atLeast', '0x10'), 'Cadence rule 1 ("R"): "0x10" is not a number to compare with (expected digits such as 30 or 1.5)'],
		[rule('atMost', '0b101'), 'Cadence rule 1 ("R"): "0b101" is not a number to compare with (expected digits such as 30 or 1.5)'],
		[rule('atLeast', 'Infinity'), 'Cadence rule 1 ("R"): "Infinity" is not a number to compare with (expected digits such as 30 or 1.5)'],
	])('refuses a rule number that is no decimal number: %j', async (override, message) => {
		const result = await runNode({ type: 'scheduleRevisit', parameters: { ...base, ...override }, items: [{ customerId: 'A', score: 20 }] });
		expect(result.error?.message).toContain(message);
	});

	it('compares a threshold written with thousands separators, as the item values are read', async () => {
		const { revisits, errors } = await run(rule('atLeast', '1,000'), [
			{ customerId: 'A', score: '2,000' },
			{ customerId: 'B', score: 999 },
			{ customerId: 'C', score: '1,000.5' },
		]);
		expect(errors).toEqual([]);
		expect(revisits.map((r) => (r.rule as { name: string }).name)).toEqual(['R', 'Default', 'R']);
	});

	it('gives an "is one of" rule a value of a list or an object as the item\'s error, not a silent non-match', async () => {
		const { revisits, errors } = await run(rule('is', 'vip', 'tags'), [
			{ customerId: 'A', tags: ['vip'] },
			{ customerId: 'B', tags: { level: 'vip' } },
			{ customerId: 'C', tags: 'VIP' },
			{ customerId: 'D' },
		]);
		expect(errors).toEqual([
			'Item 0: field "tags" is "["vip"]", which is a list, not one value (cadence rule 1 "R" compares it) (expected text or a number)',
			'Item 1: field "tags" is "{"level":"vip"}", which is an object, not one value (cadence rule 1 "R" compares it) (expected text or a number)',
		]);
		expect(revisits.map((r) => (r.rule as { name: string }).name)).toEqual(['R', 'Default']);
	});

	it('names a value an "at least" rule cannot compare', async () => {
		const { errors } = await run(rule('atLeast', '6'), [{ customerId: 'A', score: 'n/a' }, { customerId: 'B', score: [7] }]);
		expect(errors).toEqual([
			'Item 0: field "score" is "n/a", which is not a number (cadence rule 1 "R" compares it) (expected a number)',
			'Item 1: field "score" is "[7]", which is not a number (cadence rule 1 "R" compares it) (expected a number)',
		]);
	});
});

describe('Schedule Revisit, "is empty" rules', () => {
	// A list or an object with nothing in it ("tags": [], "complaints": {}) counted as not empty: "is empty"
	// missed those customers and "is not empty" took them.
	it('counts an empty list or object as empty, as it counts a blank or missing value', async () => {
		const items = [{ customerId: 'A', tags: [] }, { customerId: 'B', tags: {} }, { customerId: 'C', tags: '' }, { customerId: 'D' }, { customerId: 'E', tags: ['vip'] }, { customerId: 'F', tags: { vip: true } }, { customerId: 'G', tags: 0 }];
		const empty = await run(rule('isEmpty', '', 'tags'), items);
		expect(empty.revisits.map((r) => `${r.customerId} ${(r.rule as { name: string }).name}`)).toEqual(['A R', 'B R', 'C R', 'D R', 'E Default', 'F Default', 'G Default']);
		const notEmpty = await run(rule('isNotEmpty', '', 'tags'), items);
		expect(notEmpty.revisits.map((r) => `${r.customerId} ${(r.rule as { name: string }).name}`)).toEqual(['A Default', 'B Default', 'C Default', 'D Default', 'E R', 'F R', 'G R']);
	});
});

describe('Schedule Revisit, input columns', () => {
	// An account manager sent as {id, name} was left out and the customer went to round-robin; a name
	// object left the events and agendas without one. Both silently.
	it('gives a name or account manager that is a list or an object as the item\'s error', async () => {
		const { revisits, errors } = await run({}, [
			{ customerId: 'A', accountManager: { id: 'bob' } },
			{ customerId: 'B', name: ['王', '芳'] },
			{ customerId: 'C', name: '李雷', accountManager: 'bob' },
		]);
		expect(errors).toEqual([
			'Item 0: field "accountManager" is "{"id":"bob"}", which is an object (expected text or a number)',
			'Item 1: field "name" is "["王","芳"]", which is a list (expected text or a number)',
		]);
		expect(revisits).toMatchObject([{ owner: 'bob', ownerSource: 'accountManager' }]);
	});
});

describe('Schedule Revisit, one revisit per customer', () => {
	// Two items of one customer were both booked, by two owners at the same time, and both events had
	// the UID revisit-A-20251029, so a calendar importing both kept one.
	it('gives a second item of a customer ID the item\'s error naming the first', async () => {
		const { revisits, errors } = await run({}, [
			{ customerId: 'A', accountManager: 'bob' },
			{ customerId: 'B' },
			{ customerId: ' A ', accountManager: 'alice' },
			{ customerId: 'C', lastContactAt: 'soon' },
			{ customerId: 'C' },
		]);
		expect(errors).toEqual([
			'Item 2: field "customerId" is " A ", which is also the customer ID of item 0, which is scheduled (expected one item per customer)',
			expect.stringContaining('Item 3: field "lastContactAt" is "soon", which is not a date'),
		]);
		expect(revisits.map((r) => `${r.customerId} ${r.owner}`)).toEqual(['A bob', 'B alice', 'C bob']);
		expect(new Set(revisits.map((r) => /UID:([^\r]+)/.exec(r.vevent as string)![1])).size).toBe(3);
	});
});

describe('Find care occasions, the lunar birthday column', () => {
	const find = { operation: 'findOccasions', asOf: '2025-09-29T10:00:00+08:00', timeZone: 'Asia/Shanghai', festivals: [], occasionTypes: ['lunarBirthday'], lookAheadDays: 366 };

	// The panel's example was 1990-L06-10, a date that does not exist (1990's leap month is the 5th): a
	// user who typed it got "lunar year 1990 has no leap month 6".
	it('reads the leap-month example the panel gives, in both spellings', async () => {
		const property = new ScheduleRevisit().description.properties.find((p) => p.name === 'lunarBirthdayColumn')!;
		const example = /\((\d{4})-L(\d{2})-(\d{2})\)/.exec(property.description ?? '')!;
		expect(example).not.toBeNull();
		const [, year, month, day] = example;
		const result = await runNode({
			type: 'scheduleRevisit',
			parameters: find,
			items: [{ lunarBirthday: `${year}-L${month}-${day}` }, { lunarBirthday: `${year}-闰${month}-${day}` }],
		});
		expect(result.error).toBeUndefined();
		const occasions = result.json(NODE_UNDER_TEST, 0).map((o) => (o.revisit as { occasions: Array<{ type: string; date: string }> }).occasions);
		expect(occasions[0]).toHaveLength(1);
		expect(occasions[1]).toEqual(occasions[0]);
	});
});

describe('Schedule Revisit, time zones are IANA names', () => {
	// ICU reads Java's three-letter IDs: a Chinese customer's "CST" was planned in Chicago time (09:30 there is
	// 22:30 in Shanghai), a British "BST" in Dhaka's, with no word of it.
	it('gives an abbreviation the item\'s error, and reads IANA names in any letter case', async () => {
		const { revisits, errors } = await run({}, [
			{ customerId: 'A', timeZone: 'CST' },
			{ customerId: 'B', timeZone: 'bst' },
			{ customerId: 'C', timeZone: 'asia/shanghai' },
			{ customerId: 'D', timeZone: 'PRC' },
			{ customerId: 'E', timeZone: 'EST' },
		]);
		expect(errors).toEqual([
			'Item 0: field "timeZone" is "CST", which is an abbreviation, not an IANA time zone (CST is China Standard Time as often as US Central) (expected an IANA time zone such as "Asia/Shanghai", "America/New_York" or "UTC")',
			'Item 1: field "timeZone" is "bst", which is an abbreviation, not an IANA time zone (CST is China Standard Time as often as US Central) (expected an IANA time zone such as "Asia/Shanghai", "America/New_York" or "UTC")',
		]);
		expect(revisits.map((r) => `${r.customerId} ${r.timeZone}`)).toEqual(['C Asia/Shanghai', 'D Asia/Shanghai', 'E America/Panama']);
	});

	it('refuses an abbreviation as the node\'s Time Zone or an owner\'s', async () => {
		const node = await runNode({ type: 'scheduleRevisit', parameters: { ...base, timeZone: 'CST' }, items: [{ customerId: 'A' }] });
		expect(node.error?.message).toBe('Time zone "CST" is an abbreviation, not an IANA time zone (CST is China Standard Time as often as US Central) (expected an IANA time zone such as "Asia/Shanghai", "America/New_York" or "UTC")');
		const owner = await runNode({ type: 'scheduleRevisit', parameters: { ...base, owners: { owner: [{ id: 'alice', dailyCapacity: 2, timeZone: 'IST' }] } }, items: [{ customerId: 'A' }] });
		expect(owner.error?.message).toMatch(/^Owner "alice": Time zone "IST" is an abbreviation, not an IANA time zone/);
	});
});
