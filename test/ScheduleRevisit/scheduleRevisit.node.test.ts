import ICAL from 'ical.js';
import { NODE_UNDER_TEST, runNode } from '../helpers/runWorkflow';

const asOf = '2025-09-29T10:00:00+08:00'; // Monday 10:00 in Shanghai, two days before National Day
const rules = {
	rule: [
		{ name: 'Critical churn', field: 'churn.level', operator: 'is', value: 'critical', interval: 1, unit: 'businessDays', priority: 'urgent', channel: 'call', reason: 'Critical churn risk' },
		{ name: 'Detractor', field: 'satisfaction.nps', operator: 'atMost', value: '6', interval: 2, unit: 'businessDays', priority: 'high', channel: 'call', reason: '' },
		{ name: 'Top tier', field: 'valueTier', operator: 'is', value: 'A', interval: 30, unit: 'calendarDays', priority: 'normal', channel: 'visit', reason: 'Monthly visit' },
	],
};
const base = {
	operation: 'scheduleRevisit',
	asOf,
	timeZone: 'Asia/Shanghai',
	cadenceRules: rules,
	publicHolidays: 'CN',
	workingHours: '09:30-12:00, 14:00-18:00',
	owners: { owner: [{ id: 'alice', dailyCapacity: 2 }, { id: 'bob', dailyCapacity: 2 }] },
};
const customers = [
	{ customerId: 'C1', name: '王芳', churn: { level: 'critical' } },
	{ customerId: 'C2', satisfaction: { nps: 3 }, lastContactAt: '2025-09-26', accountManager: 'bob' },
	{ customerId: 'C3', valueTier: 'A', lastContactAt: '2025-09-01' },
	{ customerId: 'C4', lastContactAt: '2025-08-01', nextRevisitAt: '2025-10-15T10:00:00+08:00', accountManager: 'alice' },
	{ customerId: 'C5', timeZone: 'America/New_York', churn: { level: 'critical' } },
];

describe('Schedule Revisit node, "Schedule revisit", in the real engine', () => {
	it('plans every customer, keeps their fields, and writes owner agendas', async () => {
		const result = await runNode({ type: 'scheduleRevisit', parameters: base, items: customers });
		expect(result.error).toBeUndefined();
		const out = result.json(NODE_UNDER_TEST, 0);
		expect(out).toHaveLength(5);
		expect(out[0].name).toBe('王芳');
		expect(out.map((o) => o.revisit)).toMatchObject([
			{ status: 'scheduled', dueAt: '2025-09-30T09:30:00+08:00', owner: 'bob', priority: 'urgent', rule: { index: 1, name: 'Critical churn' } },
			// 09-26 + 2 business days: Sunday 09-28 is a make-up working day; bob is C2's account manager.
			{ status: 'scheduled', dueAt: '2025-09-29T10:00:00+08:00', owner: 'bob', ownerSource: 'accountManager', reason: 'Detractor' },
			// 09-01 + 30 days = National Day: moved to 2025-10-09.
			{ status: 'scheduled', dueAt: '2025-10-09T09:30:00+08:00', channel: 'visit', movedFrom: '2025-10-01', movedBecause: ['closedDay'] },
			{ status: 'alreadyScheduled', dueAt: '2025-10-15T10:00:00+08:00', owner: 'alice' },
			// New York: the as-of is Sunday 09-28 22:00 there, the next business day is Monday 09-29. It is
			// due before C1, so it is booked first and round-robin gives it the first owner.
			{ status: 'scheduled', dueAt: '2025-09-29T09:30:00-04:00', timeZone: 'America/New_York', owner: 'alice' },
		]);
		expect(result.items(NODE_UNDER_TEST, 0).map((i) => i.pairedItem)).toEqual([0, 1, 2, 3, 4].map((item) => ({ item })));

		const vevent = (out[0].revisit as { vevent: string }).vevent;
		const event = new ICAL.Event(new ICAL.Component(ICAL.parse(`BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:test\r\n${vevent}END:VCALENDAR\r\n`)).getFirstSubcomponent('vevent')!);
		expect([event.uid, event.summary, event.startDate.toJSDate().toISOString()]).toEqual([
			'revisit-C1-20250930@n8n-nodes-customer-care',
			'Phone call: 王芳',
			'2025-09-30T01:30:00.000Z',
		]);

		const agendas = result.json(NODE_UNDER_TEST, 1);
		expect(agendas.map((a) => `${a.owner} ${a.date} ${(a.customers as Array<{ customerId: string }>).map((c) => c.customerId).join(',')}`)).toEqual([
			'alice 2025-09-29 C5',
			'alice 2025-10-09 C3',
			'alice 2025-10-15 C4',
			'bob 2025-09-29 C2',
			'bob 2025-09-30 C1',
		]);
		expect(result.items(NODE_UNDER_TEST, 1).map((i) => i.pairedItem)).toEqual([[{ item: 4 }], [{ item: 2 }], [{ item: 3 }], [{ item: 1 }], [{ item: 0 }]]);
		expect(agendas[4].message).toBe('Revisits for bob on 2025-09-30 (1):\n09:30 Phone call — 王芳 (C1), Urgent: Critical churn risk');
		expect(agendas[4]).not.toHaveProperty('itemIndices');
	});

	it('gives the same schedule for the same input, and writes to the chosen field in Chinese', async () => {
		const parameters = { ...base, language: 'zh-CN', outputField: 'plan' };
		const first = await runNode({ type: 'scheduleRevisit', parameters, items: customers });
		const second = await runNode({ type: 'scheduleRevisit', parameters, items: customers });
		expect(first.json(NODE_UNDER_TEST, 0)).toEqual(second.json(NODE_UNDER_TEST, 0));
		expect(first.json(NODE_UNDER_TEST, 0)[2].plan).toMatchObject({ statusLabel: '已排期', channelLabel: '上门拜访', closedDay: { holiday: '国庆节' } });
	});

	it('gives no owner a new revisit over one planned earlier, and shows both in the agenda without overlap', async () => {
		const result = await runNode({
			type: 'scheduleRevisit',
			parameters: { ...base, ownersInput: 'text', ownerList: 'alice:4', workingHours: '09:30-11:00' },
			items: [
				{ customerId: 'E', accountManager: 'alice', nextRevisitAt: '2025-09-30T09:40:00+08:00' },
				{ customerId: 'A', churn: { level: 'critical' } },
				{ customerId: 'B', churn: { level: 'critical' } },
			],
		});
		expect(result.error).toBeUndefined();
		const agenda = result.json(NODE_UNDER_TEST, 1).find((a) => a.date === '2025-09-30')!;
		// E holds 09:40-10:10: the 09:30 and 10:00 slots overlap it; B waits for the next open day after National Day.
		expect(result.json(NODE_UNDER_TEST, 0).map((o) => (o.revisit as { slotStart: string }).slotStart)).toEqual(['2025-09-30T09:40:00+08:00', '2025-09-30T10:30:00+08:00', '2025-10-09T09:30:00+08:00']);
		expect(agenda.message).toBe(
			'Revisits for alice on 2025-09-30 (2):\n09:40 Phone call — E, Normal: Regular revisit [planned earlier]\n10:30 Phone call — A, Urgent: Critical churn risk',
		);
	});

	it('gives an owner no two revisits at the same time when the customers live in zones with different offsets', async () => {
		const result = await runNode({
			type: 'scheduleRevisit',
			parameters: { ...base, owners: { owner: [{ id: 'alice', dailyCapacity: 4 }] }, workingHours: '09:00-13:00', appointmentMinutes: 60 },
			items: [
				{ customerId: 'A', churn: { level: 'critical' } },
				{ customerId: 'B', churn: { level: 'critical' } },
				{ customerId: 'C', churn: { level: 'critical' }, timeZone: 'Asia/Tokyo' },
			],
		});
		expect(result.error).toBeUndefined();
		// C's 11:00 in Tokyo would be B's 10:00 in Shanghai: C gets 12:00 Tokyo time, 11:00 in Shanghai.
		expect(result.json(NODE_UNDER_TEST, 0).map((o) => (o.revisit as { slotStart: string }).slotStart)).toEqual([
			'2025-09-30T09:00:00+08:00',
			'2025-09-30T10:00:00+08:00',
			'2025-09-30T12:00:00+09:00',
		]);
		expect(result.json(NODE_UNDER_TEST, 1)[0].message).toMatch(/\n10:00 Phone call — B, [^\n]*\n11:00 \(customer's time 12:00 Asia\/Tokyo\) Phone call — C, /);
	});

	it('reports customers that cannot be placed within the horizon on the main output', async () => {
		const result = await runNode({
			type: 'scheduleRevisit',
			parameters: { ...base, ownersInput: 'text', ownerList: 'alice:1', horizonDays: 0 },
			items: [
				{ customerId: 'A', churn: { level: 'critical' } },
				{ customerId: 'B', churn: { level: 'critical' } },
			],
		});
		expect(result.error).toBeUndefined();
		expect(result.json(NODE_UNDER_TEST, 0).map((o) => (o.revisit as { status: string }).status)).toEqual(['scheduled', 'unschedulable']);
		expect(result.json(NODE_UNDER_TEST, 0)[1].revisit).toMatchObject({ unschedulableBecause: 'ownersFull', dueAt: null });
	});

	it.each([
		[{ timeZone: 'Mars/Olympus' }, 'Time zone "Mars/Olympus" is not a known time zone'],
		[{ workingHours: '25:00-26:00' }, 'Working hours "25:00-26:00" are not valid: "25:00-26:00" starts at 25:00, which is not a time of day'],
		[{ workingHours: '9-12' }, 'Working hours "9-12" are not valid: "9-12" is not a time window'],
		[{ extraClosedDates: '2025-12-24, 2025-13-01' }, 'Extra Closed Dates: "2025-13-01" is not a date or date range'],
		[{ owners: {} }, 'The owner pool is empty'],
		[{ owners: { owner: [{ id: 'alice', dailyCapacity: 0 }] } }, 'Parameter "Owners › Owner 1 › Daily Capacity" is 0, which is not valid (expected a whole number of revisits from 1 to 1000)'],
		// Text that JavaScript's Number() would read (hex, binary, an exponent) is no capacity anyone wrote: 0x10 was 16 revisits a day.
		[{ ownersInput: 'text', ownerList: 'alice:0x10' }, 'Owner "alice": daily capacity "0x10" is not valid (expected a whole number from 1 to 1000)'],
		[{ ownersInput: 'text', ownerList: 'alice:0b11' }, 'Owner "alice": daily capacity "0b11" is not valid'],
		[{ ownersInput: 'text', ownerList: 'alice:1e2' }, 'Owner "alice": daily capacity "1e2" is not valid'],
		[{ owners: { owner: [{ id: 'alice', dailyCapacity: '={{ "0x8" }}' }] } }, 'Parameter "Owners › Owner 1 › Daily Capacity" is "0x8", which is not a number (expected a number)'],
		[{ cadenceRules: { rule: [{ name: 'X', field: 'a', operator: 'atLeast', value: 'many', interval: 1 }] } }, 'Cadence rule 1 ("X"): "many" is not a number to compare with (expected digits such as 30 or 1.5)'],
	])('stops with a clear message for a bad parameter %#', async (override, message) => {
		const result = await runNode({ type: 'scheduleRevisit', parameters: { ...base, ...override }, items: customers });
		expect(result.error?.message).toContain(message);
	});

	// An expression gives text: "30" from an upstream item was refused as "Horizon 30 is not valid (expected a
	// whole number…)"; the number is read from it, and text that is no number is named as such.
	it.each([
		[{ horizonDays: '={{ "30" }}' }],
		[{ appointmentMinutes: '={{ "30" }}' }],
		[{ defaultInterval: '={{ "30" }}' }],
		[{ cadenceRules: { rule: [{ ...rules.rule[0], interval: '={{ "1" }}' }] } }],
	])('reads a number given as text by an expression: %j', async (override) => {
		const result = await runNode({ type: 'scheduleRevisit', parameters: { ...base, ...override }, items: customers });
		expect(result.error).toBeUndefined();
		expect(result.json(NODE_UNDER_TEST, 0)[0].revisit).toMatchObject({ status: 'scheduled', dueAt: '2025-09-30T09:30:00+08:00' });
	});

	it.each([
		[{ horizonDays: '={{ "soon" }}' }, 'Parameter "Horizon (Days)" is "soon", which is not a number (expected a number)'],
		[{ appointmentMinutes: '={{ "half an hour" }}' }, 'Parameter "Appointment Length (Minutes)" is "half an hour", which is not a number (expected a number)'],
		[{ defaultInterval: '={{ "monthly" }}' }, 'Parameter "Default Interval" is "monthly", which is not a number (expected a number)'],
		[{ cadenceRules: { rule: [{ ...rules.rule[0], interval: '={{ "daily" }}' }] } }, 'Parameter "Cadence Rules › Rule 1 › Interval" is "daily", which is not a number (expected a number)'],
	])('names a number parameter given as text that is no number: %j', async (override, message) => {
		expect((await runNode({ type: 'scheduleRevisit', parameters: { ...base, ...override }, items: customers })).error?.message).toBe(message);
	});

	it('stops on a bad item naming the item, field and value', async () => {
		const result = await runNode({
			type: 'scheduleRevisit',
			parameters: base,
			items: [customers[0], { customerId: 'X', timeZone: 'Beijing' }],
		});
		expect(result.error?.message).toBe(
			'Item 1: field "timeZone" is "Beijing", which is not a known time zone (expected an IANA time zone such as "Asia/Shanghai", "America/New_York" or "UTC")',
		);
	});

	it('routes bad items to the error output under continue-on-fail and schedules the rest', async () => {
		const result = await runNode({
			type: 'scheduleRevisit',
			parameters: base,
			onError: 'continueErrorOutput',
			items: [
				customers[0],
				{ customerId: 'X', lastContactAt: '2025-02-30' },
				{ customerId: 'Y', revisit: 'taken' },
				{ customerId: 'Z', satisfaction: { nps: 'n/a' } },
			],
		});
		expect(result.error).toBeUndefined();
		expect(result.json(NODE_UNDER_TEST, 0).map((o) => o.customerId)).toEqual(['C1']);
		const errors = result.json(NODE_UNDER_TEST, 2);
		expect(errors.map((e) => e.error)).toEqual([
			'Item 1: field "lastContactAt" is "2025-02-30", which is not a date (expected a date from 1900-01-01 to 2199-12-31 (ISO 8601, YYYY-MM-DD, YYYY/MM/DD, YYYYMMDD or epoch seconds/milliseconds))',
			'Item 2: field "revisit" is "taken", which already exists in the item (expected a free output field: change "Output Field")',
			'Item 3: field "satisfaction.nps" is "n/a", which is not a number (cadence rule 2 "Detractor" compares it) (expected a number)',
		]);
		expect(result.items(NODE_UNDER_TEST, 2).map((i) => i.pairedItem)).toEqual([1, 2, 3].map((item) => ({ item })));
	});

	it.each([
		['continueErrorOutput' as const, 2],
		['continueRegularOutput' as const, 0],
	])('under %s puts every item, with the reason, on output %i when a parameter is bad (never passed through unchanged)', async (onError, output) => {
		const result = await runNode({ type: 'scheduleRevisit', parameters: { ...base, workingHours: '25:00-26:00' }, onError, items: customers });
		expect(result.error).toBeUndefined();
		const out = result.json(NODE_UNDER_TEST, output);
		expect(out).toHaveLength(customers.length);
		for (const item of out) expect(String(item.error)).toMatch(/25:00-26:00/);
		expect(out.every((item) => item.revisit === undefined)).toBe(true);
		expect(result.items(NODE_UNDER_TEST, output).map((i) => i.pairedItem)).toEqual(customers.map((_, item) => ({ item })));
		if (output !== 0) expect(result.json(NODE_UNDER_TEST, 0)).toEqual([]);
	});

	it('shows each owner\'s agenda in the node\'s time zone, with a New York customer\'s local time beside it', async () => {
		const result = await runNode({ type: 'scheduleRevisit', parameters: base, items: customers });
		const agendas = result.json(NODE_UNDER_TEST, 1) as Array<{ owner: string; date: string; timeZone: string; message: string }>;
		const withNewYork = agendas.find((a) => a.message.includes('C5'))!;
		expect(withNewYork.timeZone).toBe('Asia/Shanghai');
		expect(withNewYork.message).toMatch(/\(times in Asia\/Shanghai\)/);
		expect(withNewYork.message).toMatch(/^2[12]:30 \(customer's time 09:30 America\/New_York\) Phone call — C5, /m);
	});
});
