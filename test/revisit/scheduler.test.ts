import { appointmentSlots, BusinessCalendar, parseWorkingHours, toDayNumber } from '../../nodes/shared/calendar';
import * as timeZone from '../../nodes/shared/calendar/timeZone';
import { InputError } from '../../nodes/shared/input';
import {
	buildCadencePolicy,
	buildOwnerPool,
	DEFAULT_REVISIT_COLUMNS,
	readRevisitRequest,
	RevisitRequestReader,
	scheduleRevisits,
	type RevisitResult,
	type ScheduleOptions,
} from '../../nodes/shared/revisit';

const policy = buildCadencePolicy(
	[
		{ name: 'Critical churn', field: 'churn', operator: 'is', value: 'critical', interval: 1, priority: 'urgent', reason: 'Critical churn risk' },
		{ name: 'Detractor', field: 'nps', operator: 'atMost', value: '6', interval: 2, priority: 'high', reason: 'Detractor' },
		{ name: 'Today', field: 'today', operator: 'isNotEmpty', interval: 0, priority: 'normal' },
	],
	{ interval: 30, unit: 'calendarDays', reason: 'Regular revisit' },
);

type Item = Record<string, unknown>;

function plan(items: Item[], overrides: Partial<ScheduleOptions> & { timeZone?: string; owners?: ScheduleOptions['owners'] } = {}) {
	const asOf = overrides.asOf ?? new Date('2025-09-29T10:00:00+08:00'); // Monday 10:00 in Shanghai
	const timeZone = overrides.timeZone ?? 'Asia/Shanghai';
	const requests = items.map((item, i) => readRevisitRequest(item, i, DEFAULT_REVISIT_COLUMNS, { policy, defaultTimeZone: timeZone, asOf }));
	const results = scheduleRevisits(requests, {
		asOf,
		calendar: new BusinessCalendar({ publicHolidays: 'CN' }),
		slots: appointmentSlots(parseWorkingHours('09:30-12:00, 14:00-18:00'), 30),
		owners: buildOwnerPool([{ id: 'alice' }, { id: 'bob' }, { id: 'carol' }], 8),
		assignment: 'roundRobin',
		overflow: 'otherOwner',
		horizonDays: 30,
		reschedule: false,
		language: 'en',
		...overrides,
	});
	return { requests, results };
}

const brief = (r: RevisitResult) => `${r.customerId} ${r.owner} ${r.dueAt}`;

describe('due dates from the cadence and the business calendar (Asia/Shanghai, China holidays)', () => {
	it('calls a critical churn risk the next business day at the first slot', () => {
		const [r] = plan([{ customerId: 'C1', churn: 'critical' }]).results;
		expect(r).toMatchObject({
			status: 'scheduled',
			dueAt: '2025-09-30T09:30:00+08:00',
			dueDate: '2025-09-30',
			slotStart: '2025-09-30T09:30:00+08:00',
			slotEnd: '2025-09-30T10:00:00+08:00',
			owner: 'alice',
			ownerSource: 'roundRobin',
			priority: 'urgent',
			priorityLabel: 'Urgent',
			channel: 'call',
			reason: 'Critical churn risk',
			rule: { index: 1, name: 'Critical churn' },
			targetDate: '2025-09-30',
			countedFrom: { basis: 'asOf', date: '2025-09-29' },
			overdue: false,
			movedFrom: null,
			movedBecause: [],
		});
	});

	it('counts business days over the 调休 Sunday 2025-09-28 and books the first slot after the as-of time', () => {
		// Last contact Friday 09-26; +2 business days: Sunday 09-28 (make-up workday), Monday 09-29.
		const [r] = plan([{ customerId: 'C2', nps: 3, lastContactAt: '2025-09-26' }]).results;
		expect(r.targetDate).toBe('2025-09-29');
		expect(r.countedFrom).toEqual({ basis: 'lastContact', date: '2025-09-26' });
		expect(r.dueAt).toBe('2025-09-29T10:00:00+08:00');
	});

	it('moves a due date on National Day to the first open day after the holiday week', () => {
		const [r] = plan([{ customerId: 'C3', lastContactAt: '2025-09-01' }]).results;
		expect(r.targetDate).toBe('2025-10-01');
		expect(r.dueAt).toBe('2025-10-09T09:30:00+08:00');
		expect(r.movedFrom).toBe('2025-10-01');
		expect(r.movedBecause).toEqual(['closedDay']);
		expect(r.closedDay).toEqual({ date: '2025-10-01', kind: 'publicHoliday', holiday: 'National Day' });
	});

	it('names the holiday in Chinese when labels are zh-CN', () => {
		const [r] = plan([{ customerId: 'C3', lastContactAt: '2025-09-01' }], { language: 'zh-CN' }).results;
		expect(r.closedDay?.holiday).toBe('国庆节');
		expect(r.statusLabel).toBe('已排期');
		expect(r.priorityLabel).toBe('普通');
		expect(r.channelLabel).toBe('电话回访');
	});

	it('books an overdue revisit today, from the next slot', () => {
		const [r] = plan([{ customerId: 'C4', lastContactAt: '2025-06-01' }], { asOf: new Date('2025-09-29T10:40:00+08:00') }).results;
		expect(r.overdue).toBe(true);
		expect(r.targetDate).toBe('2025-09-29');
		expect(r.dueAt).toBe('2025-09-29T11:00:00+08:00');
	});

	it('moves to the next open day when no slot is left today', () => {
		const [r] = plan([{ customerId: 'C5', today: 'yes' }], { asOf: new Date('2025-09-29T17:45:00+08:00') }).results;
		expect(r.targetDate).toBe('2025-09-29');
		expect(r.dueAt).toBe('2025-09-30T09:30:00+08:00');
		expect(r.movedBecause).toEqual(['noSlotLeftToday']);
	});

	it('lands on the Spring Festival make-up Saturday 2026-02-28 when it is the next open day', () => {
		// As of Friday 2026-02-27 18:30: nothing left today; Saturday 02-28 is a working day.
		const [r] = plan([{ customerId: 'C6', today: 'yes' }], { asOf: new Date('2026-02-27T18:30:00+08:00') }).results;
		expect(r.dueAt).toBe('2026-02-28T09:30:00+08:00');
	});

	it('notes years without official holiday data', () => {
		const [r] = plan([{ customerId: 'C7', lastContactAt: '2026-12-10' }], { asOf: new Date('2026-12-20T10:00:00+08:00') }).results;
		expect(r.dueDate).toBe('2027-01-11');
		expect(r.notes).toEqual(['No official China holiday data for 2027 yet: only working days and custom dates were applied']);
	});
});

describe('time zones and DST (America/New_York, no public holidays)', () => {
	const ny = { timeZone: 'America/New_York', calendar: new BusinessCalendar() };

	it('keeps 09:30 local across the March change: Friday EST to Monday EDT', () => {
		const { results } = plan([{ customerId: 'A', churn: 'critical' }, { customerId: 'B', today: 'x' }], {
			...ny,
			asOf: new Date('2025-03-07T15:00:00Z'), // Friday 10:00 EST
		});
		expect(results.map((r) => r.dueAt)).toEqual(['2025-03-10T09:30:00-04:00', '2025-03-07T10:00:00-05:00']);
		expect(results[0].slotEnd).toBe('2025-03-10T10:00:00-04:00');
	});

	it('keeps 09:30 local across the November change: Friday EDT to Monday EST', () => {
		const [r] = plan([{ customerId: 'A', churn: 'critical' }], { ...ny, asOf: new Date('2025-10-31T14:00:00Z') }).results;
		expect(r.dueAt).toBe('2025-11-03T09:30:00-05:00');
	});

	it('skips a night slot that the spring-forward change removes, and keeps a repeated hour once', () => {
		const everyDay = new BusinessCalendar({ workingDays: [0, 1, 2, 3, 4, 5, 6] });
		const night = appointmentSlots(parseWorkingHours('01:00-04:00'), 60);
		const owners = buildOwnerPool([{ id: 'alice' }], 3);
		const three = [{ customerId: 'A', today: 'x' }, { customerId: 'B', today: 'x' }, { customerId: 'C', today: 'x' }];
		// Sunday 2025-03-09: 02:00-03:00 does not exist in New York.
		const spring = plan(three, { ...ny, calendar: everyDay, slots: night, owners, asOf: new Date('2025-03-09T05:00:00Z') }).results;
		expect(spring.map((r) => `${r.slotStart}..${r.slotEnd}`)).toEqual([
			'2025-03-09T01:00:00-05:00..2025-03-09T03:00:00-04:00',
			'2025-03-09T03:00:00-04:00..2025-03-09T04:00:00-04:00',
			'2025-03-10T01:00:00-04:00..2025-03-10T02:00:00-04:00',
		]);
		// Sunday 2025-11-02: 01:00-02:00 happens twice; the slot is its first (EDT) occurrence.
		const autumn = plan(three, { ...ny, calendar: everyDay, slots: night, owners, asOf: new Date('2025-11-02T04:00:00Z') }).results;
		expect(autumn.map((r) => r.slotStart)).toEqual(['2025-11-02T01:00:00-04:00', '2025-11-02T02:00:00-05:00', '2025-11-02T03:00:00-05:00']);
		const ics = autumn[0].vevent!;
		expect(ics).toContain('DTSTART:20251102T050000Z\r\nDTEND:20251102T070000Z');
	});

	// After the clocks go back the wall clock repeats an hour: the first slots of the day may already be
	// past although their wall-clock minute lies ahead of the as-of's, and a slot in the repeated hour is
	// its first occurrence whichever side of UTC the zone is.
	it.each([
		// as-of in the second 01:00 in New York (06:00Z): 01:00 EDT was 05:00Z, an hour ago
		['America/New_York', '2025-11-02T06:00:00Z', '00:00-04:00', 60, ['2025-11-02T02:00:00-05:00', '2025-11-02T03:00:00-05:00', '2025-11-03T00:00:00-05:00']],
		// as-of 02:10 CET, the second 02:10 in Berlin (01:10Z): 02:30 CEST (00:30Z) is past, 03:00 CET is next
		['Europe/Berlin', '2025-10-26T01:10:00Z', '01:00-05:00', 30, ['2025-10-26T03:00:00+01:00', '2025-10-26T03:30:00+01:00', '2025-10-26T04:00:00+01:00']],
		// as-of 00:30 CEST: 02:00 and 02:30 are their first (CEST) occurrences
		['Europe/Berlin', '2025-10-25T22:30:00Z', '02:00-04:00', 30, ['2025-10-26T02:00:00+02:00', '2025-10-26T02:30:00+02:00', '2025-10-26T03:00:00+01:00']],
		['Europe/London', '2025-10-25T23:00:00Z', '01:00-03:00', 30, ['2025-10-26T01:00:00+01:00', '2025-10-26T01:30:00+01:00', '2025-10-26T02:00:00+00:00']],
		['Australia/Sydney', '2025-04-05T13:00:00Z', '02:00-04:00', 30, ['2025-04-06T02:00:00+11:00', '2025-04-06T02:30:00+11:00', '2025-04-06T03:00:00+10:00']],
		// Lord Howe goes back half an hour at 02:00: 01:30-02:00 happens twice
		['Australia/Lord_Howe', '2025-04-05T13:00:00Z', '01:30-03:00', 30, ['2025-04-06T01:30:00+11:00', '2025-04-06T02:00:00+10:30', '2025-04-06T02:30:00+10:30']],
	])('on the night the clocks go back in %s (as of %s) books no past slot and a repeated time once, first', (timeZone, asOf, hours, minutes, starts) => {
		const everyDay = new BusinessCalendar({ workingDays: [0, 1, 2, 3, 4, 5, 6] });
		const { results } = plan([{ customerId: 'A', today: 'x' }, { customerId: 'B', today: 'x' }, { customerId: 'C', today: 'x' }], {
			timeZone,
			asOf: new Date(asOf),
			calendar: everyDay,
			slots: appointmentSlots(parseWorkingHours(hours), minutes),
			owners: buildOwnerPool([{ id: 'alice' }], 10),
		});
		expect(results.map((r) => r.slotStart)).toEqual(starts);
		for (const r of results) {
			expect(Date.parse(r.slotStart!)).toBeGreaterThanOrEqual(Date.parse(asOf));
			expect(Date.parse(r.slotEnd!)).toBeGreaterThan(Date.parse(r.slotStart!));
		}
		const instants = results.map((r) => [Date.parse(r.slotStart!), Date.parse(r.slotEnd!)]);
		for (let i = 1; i < instants.length; i++) expect(instants[i][0]).toBeGreaterThanOrEqual(instants[i - 1][1]);
	});

	it('uses each customer\'s own zone and local "today"', () => {
		// 2025-09-29T23:00Z: Tuesday 07:00 in Shanghai, Monday 19:00 in New York.
		const { results } = plan(
			[
				{ customerId: 'SH', today: 'x' },
				{ customerId: 'NY', today: 'x', timeZone: 'America/New_York' },
			],
			{ asOf: new Date('2025-09-29T23:00:00Z'), calendar: new BusinessCalendar() },
		);
		expect(results.map((r) => [r.dueAt, r.timeZone])).toEqual([
			['2025-09-30T09:30:00+08:00', 'Asia/Shanghai'],
			['2025-09-30T09:30:00-04:00', 'America/New_York'],
		]);
	});
});

describe('one day coordinate: the texts of a slot belong to its own day, however many slots a day has', () => {
	const allDay = appointmentSlots(parseWorkingHours('00:00-24:00'), 1);
	const everyDay = new BusinessCalendar({ workingDays: [0, 1, 2, 3, 4, 5, 6], publicHolidays: 'none' });
	const [hh, mm] = [(m: number) => String(Math.floor(m / 60)).padStart(2, '0'), (m: number) => String(m % 60).padStart(2, '0')];

	// With 1,440 one-minute slots, slot 1024 + k of one day and slot k of the next once shared a cache key.
	it.each([0, 1, 26, 300, 415])('books slot 1024 + k today and slot k tomorrow, each on its own day (k = %i)', (k) => {
		const minute = 1024 + k;
		const asOf = new Date(`2025-09-29T${hh(minute)}:${mm(minute)}:00+08:00`);
		const items = [{ customerId: 'today', today: 'yes' }, ...Array.from({ length: k + 1 }, (_, i) => ({ customerId: `t${String(i).padStart(4, '0')}`, churn: 'critical' }))];
		const { results } = plan(items, { asOf, calendar: everyDay, slots: allDay, owners: buildOwnerPool([{ id: 'solo' }], 1000), overflow: 'nextOpenDay' });
		expect(results[0].slotStart).toBe(`2025-09-29T${hh(minute)}:${mm(minute)}:00+08:00`);
		const last = results[results.length - 1];
		expect(last.dueDate).toBe('2025-09-30');
		expect(last.slotStart).toBe(`2025-09-30T${hh(k)}:${mm(k)}:00+08:00`);
		for (const r of results) {
			expect(r.slotStart!.slice(0, 10)).toBe(r.dueDate);
			expect(r.vevent).toContain(`-${r.dueDate!.replace(/-/g, '')}@`);
		}
	});

	it('keeps every slot start on its due date over days of 1,440 slots in three zones', () => {
		const asOf = new Date('2025-09-29T09:17:00Z');
		const zones = ['Asia/Shanghai', 'America/New_York', 'Asia/Kolkata'];
		const items = Array.from({ length: 3000 }, (_, i) => ({ customerId: `c${i}`, timeZone: zones[i % 3], ...(i % 2 ? { nps: 1 } : { today: 'y' }) }));
		const { results } = plan(items, { asOf, calendar: everyDay, slots: allDay, owners: buildOwnerPool([{ id: 'a' }, { id: 'b' }], 700), overflow: 'otherOwner' });
		expect(results.every((r) => r.status === 'scheduled')).toBe(true);
		const days = new Set(results.map((r) => r.dueDate));
		expect(days.size).toBeGreaterThan(2);
		for (const r of results) {
			expect(r.slotStart!.slice(0, 10)).toBe(r.dueDate);
			expect(Date.parse(r.slotEnd!) - Date.parse(r.slotStart!)).toBe(60_000);
		}
	});
});

describe('owner assignment and capacity', () => {
	const ten = Array.from({ length: 10 }, (_, i) => ({ customerId: `C${String(i + 1).padStart(2, '0')}`, churn: 'critical' }));
	const pool = buildOwnerPool([{ id: 'alice' }, { id: 'bob' }, { id: 'carol' }], 2);

	it('round-robin with overflow to another owner fills each day across the pool', () => {
		const { results } = plan(ten, { owners: pool });
		expect(results.map(brief)).toEqual([
			'C01 alice 2025-09-30T09:30:00+08:00',
			'C02 bob 2025-09-30T09:30:00+08:00',
			'C03 carol 2025-09-30T09:30:00+08:00',
			'C04 alice 2025-09-30T10:00:00+08:00',
			'C05 bob 2025-09-30T10:00:00+08:00',
			'C06 carol 2025-09-30T10:00:00+08:00',
			// 10-01..10-08 are the National Day holiday
			'C07 alice 2025-10-09T09:30:00+08:00',
			'C08 bob 2025-10-09T09:30:00+08:00',
			'C09 carol 2025-10-09T09:30:00+08:00',
			'C10 alice 2025-10-09T10:00:00+08:00',
		]);
		expect(results[6].movedBecause).toEqual(['ownerCapacity']);
	});

	it('round-robin with overflow to the owner\'s next open day keeps the rotation', () => {
		const { results } = plan(ten, { owners: buildOwnerPool([{ id: 'alice' }, { id: 'bob' }, { id: 'carol' }], 1), overflow: 'nextOpenDay' });
		expect(results.map(brief)).toEqual([
			'C01 alice 2025-09-30T09:30:00+08:00',
			'C02 bob 2025-09-30T09:30:00+08:00',
			'C03 carol 2025-09-30T09:30:00+08:00',
			'C04 alice 2025-10-09T09:30:00+08:00',
			'C05 bob 2025-10-09T09:30:00+08:00',
			'C06 carol 2025-10-09T09:30:00+08:00',
			'C07 alice 2025-10-10T09:30:00+08:00',
			'C08 bob 2025-10-10T09:30:00+08:00',
			'C09 carol 2025-10-10T09:30:00+08:00',
			// Saturday 10-11 is a make-up working day
			'C10 alice 2025-10-11T09:30:00+08:00',
		]);
	});

	it('least-loaded balances around account managers; rotation would not', () => {
		const items = [
			{ customerId: 'C1', churn: 'critical', accountManager: 'alice' },
			{ customerId: 'C2', churn: 'critical', accountManager: 'alice' },
			{ customerId: 'C3', churn: 'critical', accountManager: 'alice' },
			{ customerId: 'C4', churn: 'critical' },
			{ customerId: 'C5', churn: 'critical' },
			{ customerId: 'C6', churn: 'critical' },
		];
		const owners = buildOwnerPool([{ id: 'alice' }, { id: 'bob' }, { id: 'carol' }], 5);
		const least = plan(items, { owners, assignment: 'leastLoaded' }).results;
		expect(least.map((r) => `${r.customerId}:${r.owner}:${r.ownerSource}`)).toEqual([
			'C1:alice:accountManager',
			'C2:alice:accountManager',
			'C3:alice:accountManager',
			'C4:bob:leastLoaded',
			'C5:carol:leastLoaded',
			'C6:bob:leastLoaded',
		]);
		const rotation = plan(items, { owners, assignment: 'roundRobin' }).results;
		expect(rotation.slice(3).map((r) => r.owner)).toEqual(['alice', 'bob', 'carol']);
	});

	it('keeps a full account manager by moving to their next open day, or hands over, as configured', () => {
		const owners = buildOwnerPool([{ id: 'alice' }, { id: 'bob' }], 1);
		const items = [
			{ customerId: 'C1', churn: 'critical', accountManager: 'bob' },
			{ customerId: 'C2', churn: 'critical', accountManager: 'bob' },
		];
		expect(plan(items, { owners, overflow: 'nextOpenDay' }).results.map(brief)).toEqual([
			'C1 bob 2025-09-30T09:30:00+08:00',
			'C2 bob 2025-10-09T09:30:00+08:00',
		]);
		const handed = plan(items, { owners, overflow: 'otherOwner' }).results;
		expect(handed.map(brief)).toEqual(['C1 bob 2025-09-30T09:30:00+08:00', 'C2 alice 2025-09-30T09:30:00+08:00']);
		expect(handed[1].ownerSource).toBe('roundRobin');
	});

	it('assigns from the pool, with a note, when the account manager is not in it', () => {
		const [r] = plan([{ customerId: 'C1', churn: 'critical', accountManager: 'dave' }]).results;
		expect(r.owner).toBe('alice');
		expect(r.notes).toEqual(['Account manager "dave" is not in the owner pool; assigned from the pool instead']);
	});

	it('books urgent customers first whatever their input position', () => {
		const owners = buildOwnerPool([{ id: 'alice' }], 1);
		const { results } = plan(
			[
				{ customerId: 'N1', today: 'x' },
				{ customerId: 'U1', churn: 'critical', lastContactAt: '2025-09-25' },
			],
			{ owners },
		);
		// U1 is due 09-26 (overdue -> today) and urgent, so it takes today's only place.
		expect(results.map(brief)).toEqual(['N1 alice 2025-09-30T09:30:00+08:00', 'U1 alice 2025-09-29T10:00:00+08:00']);
		expect(results[1].overdue).toBe(true);
	});

	it('reports customers it cannot place within the horizon instead of dropping them', () => {
		const owners = buildOwnerPool([{ id: 'alice' }], 1);
		const five = Array.from({ length: 5 }, (_, i) => ({ customerId: `C${i + 1}`, today: 'x' }));
		const { results } = plan(five, { owners, horizonDays: 2, asOf: new Date('2025-10-13T08:00:00+08:00') });
		expect(results).toHaveLength(5);
		expect(results.map((r) => `${r.customerId} ${r.status} ${r.dueDate}`)).toEqual([
			'C1 scheduled 2025-10-13',
			'C2 scheduled 2025-10-14',
			'C3 scheduled 2025-10-15',
			'C4 unschedulable null',
			'C5 unschedulable null',
		]);
		expect(results[3]).toMatchObject({
			status: 'unschedulable',
			statusLabel: 'Not schedulable within the horizon',
			unschedulableBecause: 'ownersFull',
			owner: null,
			dueAt: null,
			vevent: null,
			targetDate: '2025-10-13',
			notes: ['Every eligible owner is fully booked from 2025-10-13 to 2025-10-15'],
		});
	});

	it('reports a due date whose whole horizon is closed', () => {
		const [r] = plan([{ customerId: 'C1', lastContactAt: '2025-09-01' }], { horizonDays: 3 }).results;
		expect(r).toMatchObject({ status: 'unschedulable', unschedulableBecause: 'noOpenDay', targetDate: '2025-10-01' });
		expect(r.notes).toEqual(['No open day between 2025-10-01 and 2025-10-04']);
	});

	it('caps the day by the number of slots when capacity is larger', () => {
		const owners = buildOwnerPool([{ id: 'alice' }], 50);
		const items = Array.from({ length: 14 }, (_, i) => ({ customerId: `C${String(i).padStart(2, '0')}`, churn: 'critical' }));
		const { results } = plan(items, { owners });
		// 13 half-hour slots a day (5 in the morning, 8 in the afternoon).
		expect(results.filter((r) => r.dueDate === '2025-09-30')).toHaveLength(13);
		expect(results[12].slotStart).toBe('2025-09-30T17:30:00+08:00');
		expect(results[13].dueAt).toBe('2025-10-09T09:30:00+08:00');
	});
});

describe('existing revisits', () => {
	const owners = buildOwnerPool([{ id: 'alice' }, { id: 'bob' }], 1);

	it('leaves a customer with a future revisit alone and counts it against the owner', () => {
		const { results } = plan(
			[
				{ customerId: 'E1', churn: 'critical', accountManager: 'alice', nextRevisitAt: '2025-09-30T15:00:00+08:00' },
				{ customerId: 'N1', churn: 'critical', accountManager: 'alice' },
			],
			{ owners, overflow: 'nextOpenDay' },
		);
		expect(results[0]).toMatchObject({
			status: 'alreadyScheduled',
			statusLabel: 'Already scheduled',
			dueAt: '2025-09-30T15:00:00+08:00',
			owner: 'alice',
			ownerSource: 'existing',
			vevent: null,
		});
		expect(brief(results[1])).toBe('N1 alice 2025-10-09T09:30:00+08:00');
	});

	// A revisit planned earlier holds its owner's time: no new revisit of that owner may overlap it.
	it.each([
		['at the first free slot', '09:00-12:00', ['2025-09-30T09:30:00+08:00'], ['09-30 09:00', '09-30 10:00', '09-30 10:30']],
		['between two slots, overlapping both', '09:00-12:00', ['2025-09-30T10:15:00+08:00'], ['09-30 09:00', '09-30 09:30', '09-30 11:00']],
		['two of them, one at the start of the afternoon', '09:00-10:30, 14:00-15:00', ['2025-09-30T09:00:00+08:00', '2025-09-30T14:00:00+08:00'], ['09-30 09:30', '09-30 10:00', '09-30 14:30']],
		['at the last slot of the day, which leaves no slot for the third', '09:00-10:30', ['2025-09-30T10:00:00+08:00'], ['09-30 09:00', '09-30 09:30', '10-09 09:00']],
	])('books no new revisit of the owner over one planned earlier, %s', (_label, hours, planned, starts) => {
		const slots = appointmentSlots(parseWorkingHours(hours), 30);
		const earlier = planned.map((at, i) => ({ customerId: `E${i}`, accountManager: 'alice', nextRevisitAt: at }));
		const fresh = Array.from({ length: 3 }, (_, i) => ({ customerId: `N${i}`, today: 'x', accountManager: 'alice' }));
		const { results } = plan([...earlier, ...fresh], { asOf: new Date('2025-09-30T08:00:00+08:00'), slots, owners: buildOwnerPool([{ id: 'alice' }], 8) });
		expect(results.slice(earlier.length).map((r) => `${r.owner} ${r.slotStart!.slice(5, 16).replace('T', ' ')}`)).toEqual(starts.map((t) => `alice ${t}`));
		const held = planned.map((at) => Date.parse(at));
		for (const r of results.slice(earlier.length)) {
			for (const start of held) expect(Date.parse(r.slotEnd!) <= start || Date.parse(r.slotStart!) >= start + 30 * 60_000).toBe(true);
		}
	});

	it('holds the next day\'s first slots when a revisit planned earlier runs past midnight', () => {
		const { results } = plan(
			[{ customerId: 'E', accountManager: 'alice', nextRevisitAt: '2025-09-30T23:30:00+08:00' }, ...['N0', 'N1', 'N2'].map((customerId) => ({ customerId, today: 'x', accountManager: 'alice' }))],
			{
				asOf: new Date('2025-09-30T21:00:00+08:00'),
				calendar: new BusinessCalendar({ workingDays: [0, 1, 2, 3, 4, 5, 6] }),
				slots: appointmentSlots(parseWorkingHours('00:00-03:00, 22:00-24:00'), 60),
				owners: buildOwnerPool([{ id: 'alice' }], 8),
			},
		);
		// E holds 23:30-00:30: the 23:00 slot of its day and the 00:00 slot of the next.
		expect(results.slice(1).map((r) => r.slotStart)).toEqual(['2025-09-30T22:00:00+08:00', '2025-10-01T01:00:00+08:00', '2025-10-01T02:00:00+08:00']);
	});

	it('measures that overlap in time on the night the clocks go back (01:10 EST holds the 01:30 EDT slot, which lasts until 02:00 EST, not the 01:00 EDT one)', () => {
		const { results } = plan(
			[{ customerId: 'E', accountManager: 'alice', nextRevisitAt: '2025-11-02T01:10:00-05:00' }, ...['N0', 'N1', 'N2', 'N3'].map((customerId) => ({ customerId, today: 'x', accountManager: 'alice' }))],
			{
				timeZone: 'America/New_York',
				asOf: new Date('2025-11-02T04:00:00Z'),
				calendar: new BusinessCalendar({ workingDays: [0, 1, 2, 3, 4, 5, 6] }),
				slots: appointmentSlots(parseWorkingHours('00:00-03:00'), 30),
				owners: buildOwnerPool([{ id: 'alice' }], 8),
			},
		);
		expect(results.slice(1).map((r) => r.slotStart)).toEqual(['2025-11-02T00:00:00-04:00', '2025-11-02T00:30:00-04:00', '2025-11-02T01:00:00-04:00', '2025-11-02T02:00:00-05:00']);
	});

	// On a DST-change day the slots' instants are worked out once for the day, not again for each revisit
	// planned earlier on it: with one-minute slots that was 2,880 time-zone conversions (13 ms) per customer.
	it.each([
		['the night the clocks go back', '2025-11-02T04:00:00Z'],
		['the night the clocks go forward', '2025-03-09T05:00:00Z'],
	])('works out the slots of %s once, however many revisits were planned earlier on it', (_label, midnight) => {
		const earlier = Array.from({ length: 60 }, (_, i) => ({
			customerId: `E${i}`,
			accountManager: 'alice',
			nextRevisitAt: new Date(Date.parse(midnight) + (3 * 60 + i * 17) * 60_000).toISOString(),
		}));
		const conversions = jest.spyOn(timeZone, 'zonedInstant');
		try {
			const { results } = plan([...earlier, { customerId: 'N', today: 'x', accountManager: 'alice' }], {
				timeZone: 'America/New_York',
				asOf: new Date(Date.parse(midnight) + 60_000),
				calendar: new BusinessCalendar({ workingDays: [0, 1, 2, 3, 4, 5, 6] }),
				slots: appointmentSlots(parseWorkingHours('00:00-24:00'), 1),
				owners: buildOwnerPool([{ id: 'alice' }], 100),
			});
			expect(results.slice(0, -1).every((r) => r.status === 'alreadyScheduled')).toBe(true);
			expect(results[results.length - 1].status).toBe('scheduled');
			// Two per slot of the day (start and end), and a few for the as-of and the booked slot.
			expect(conversions.mock.calls.length).toBeLessThan(2 * 1440 + 1440);
		} finally {
			conversions.mockRestore();
		}
	});

	it('plans anew when told to reschedule, or when the planned revisit has passed', () => {
		const rescheduled = plan([{ customerId: 'E1', churn: 'critical', nextRevisitAt: '2025-10-20T15:00:00+08:00' }], { reschedule: true }).results[0];
		expect([rescheduled.status, rescheduled.dueAt]).toEqual(['scheduled', '2025-09-30T09:30:00+08:00']);
		const passed = plan([{ customerId: 'E2', churn: 'critical', nextRevisitAt: '2025-09-20T15:00:00+08:00' }]).results[0];
		expect(passed.status).toBe('scheduled');
	});
});

describe('determinism', () => {
	it('gives every customer the same revisit whatever the input order', () => {
		const items: Item[] = [];
		for (let i = 0; i < 60; i++) {
			items.push({
				customerId: `C${i}`,
				churn: i % 7 === 0 ? 'critical' : 'low',
				nps: i % 5,
				lastContactAt: `2025-09-${String((i % 28) + 1).padStart(2, '0')}`,
				accountManager: i % 4 === 0 ? 'bob' : undefined,
			});
		}
		const owners = buildOwnerPool([{ id: 'alice' }, { id: 'bob' }, { id: 'carol' }], 3);
		for (const assignment of ['roundRobin', 'leastLoaded'] as const) {
			const forward = plan(items, { owners, assignment }).results;
			const reversed = plan([...items].reverse(), { owners, assignment }).results;
			const byId = new Map(reversed.map((r) => [r.customerId, r]));
			expect(forward.map((r) => byId.get(r.customerId))).toEqual(forward);
			expect(plan(items, { owners, assignment }).results).toEqual(forward);
		}
	});
});

describe('reading items', () => {
	const asOf = new Date('2025-09-29T10:00:00+08:00');
	const read = (item: Item) => readRevisitRequest(item, 0, DEFAULT_REVISIT_COLUMNS, { policy, defaultTimeZone: 'Asia/Shanghai', asOf });

	it.each([
		[{ customerId: 'C1', timeZone: 'Beijing' }, 'field "timeZone" is "Beijing", which is not a known time zone'],
		[{ customerId: 'C1', lastContactAt: '31/02/2024' }, 'field "lastContactAt" is "31/02/2024", which is not a date'],
		[{ customerId: 'C1', lastContactAt: '2025-10-01' }, 'field "lastContactAt" is "2025-10-01", which lies after the as-of date 2025-09-29T02:00:00.000Z'],
		[{ customerId: 'C1', lastContactAt: '2025-09-29T11:00:00+08:00' }, 'which lies after the as-of date 2025-09-29T02:00:00.000Z'],
		[{ customerId: 'C1', nextRevisitAt: 'soon' }, 'field "nextRevisitAt" is "soon", which is not a date'],
		[{ customerId: '' }, 'field "customerId" is "", which is empty'],
		[{ name: 'x' }, 'field "customerId" is missing'],
	])('rejects %j with an error naming the field and value', (item, message) => {
		expect(() => read(item)).toThrow(InputError);
		expect(() => read(item)).toThrow(message);
	});

	// Numbers and texts that are no plausible date (issue: birthday 0 -> 1970, microseconds -> year 57971).
	it.each([
		['nextRevisitAt', 1767225600000000],
		['nextRevisitAt', 0],
		['nextRevisitAt', -1],
		['nextRevisitAt', 1e-320],
		['nextRevisitAt', '2300-01-01'],
		['nextRevisitAt', '0099-06-01T10:00:00Z'],
		['lastContactAt', 0],
		['lastContactAt', -1],
		['lastContactAt', '1850-03-01'],
		['lastContactAt', 1767225600000000],
	])('rejects %s %j as no plausible date, naming the field, the value and the expected range', (field, value) => {
		const error = (() => {
			try {
				read({ customerId: 'C1', [field]: value });
			} catch (e) {
				return e as InputError;
			}
			throw new Error('no error');
		})();
		expect(error).toBeInstanceOf(InputError);
		expect(error.field).toBe(field);
		expect(error.message).toMatch(new RegExp(`^field "${field}" is "?${String(value).replace(/[.+-]/g, '\\$&').slice(0, 20)}`));
		expect(error.message).toMatch(/a date from 1900-01-01 to 2199-12-31/);
	});

	it('reads the customer\'s zone and dates in that zone', () => {
		const request = read({ customerId: 7, timeZone: 'america/new_york', lastContactAt: '2025-09-01' });
		expect(request.customerId).toBe('7');
		expect(request.timeZone).toBe('America/New_York');
		expect(request.lastContactDay).toBe(toDayNumber(2025, 9, 1));
		// A date-time is taken on the customer's local calendar: 03:00 UTC on 09-02 is still 09-01 in New York.
		expect(read({ customerId: 7, timeZone: 'America/New_York', lastContactAt: '2025-09-02T03:00:00Z' }).lastContactDay).toBe(toDayNumber(2025, 9, 1));
	});

	it('reads a date text seen before the same way, checking it against each customer\'s own as-of day', () => {
		// 2025-09-29 01:00 in Shanghai is still 09-28 in New York.
		const reader = new RevisitRequestReader(DEFAULT_REVISIT_COLUMNS, { policy, defaultTimeZone: 'Asia/Shanghai', asOf: new Date('2025-09-28T17:00:00Z') });
		const day = (item: Item) => reader.read(item, 0).lastContactDay;
		expect([day({ customerId: 'C1', lastContactAt: '2025-09-29' }), day({ customerId: 'C2', lastContactAt: '2025-09-29' })]).toEqual([
			toDayNumber(2025, 9, 29),
			toDayNumber(2025, 9, 29),
		]);
		expect(() => reader.read({ customerId: 'C3', lastContactAt: '2025-09-29', timeZone: 'America/New_York' }, 2)).toThrow(
			'field "lastContactAt" is "2025-09-29", which lies after the as-of date 2025-09-28T17:00:00.000Z',
		);
		expect(day({ customerId: 'C4', lastContactAt: ' 2025-09-28 ', timeZone: 'America/New_York' })).toBe(toDayNumber(2025, 9, 28));
		expect(day({ customerId: 'C5', lastContactAt: '2025-09-28T16:00:00Z', timeZone: 'America/New_York' })).toBe(toDayNumber(2025, 9, 28));
		expect(() => reader.read({ customerId: 'C6', lastContactAt: '2025-02-30' }, 5)).toThrow('field "lastContactAt" is "2025-02-30", which is not a date');
		expect(() => reader.read({ customerId: 'C7', lastContactAt: '2025-02-30' }, 6)).toThrow('which is not a date');
	});
});

describe('parts of results shared between customers', () => {
	it('shares frozen rule references, "counted from", closed days and empty lists; a note gives a result its own list', () => {
		const { results } = plan([
			{ customerId: 'C1', churn: 'critical' },
			{ customerId: 'C2', churn: 'critical' },
			{ customerId: 'C3', churn: 'critical', accountManager: 'dave' },
			{ customerId: 'C4', lastContactAt: '2025-09-01' },
			{ customerId: 'C5', lastContactAt: '2025-09-01' },
		]);
		const [c1, c2, c3, c4, c5] = results;
		expect(c2.rule).toBe(c1.rule);
		expect(c2.countedFrom).toBe(c1.countedFrom);
		expect(c5.closedDay).toBe(c4.closedDay);
		expect(c4.closedDay).toEqual({ date: '2025-10-01', kind: 'publicHoliday', holiday: 'National Day' });
		expect(c2.notes).toBe(c1.notes);
		expect(c1.notes).toEqual([]);
		expect(c3.notes).toEqual(['Account manager "dave" is not in the owner pool; assigned from the pool instead']);
		expect(c1.notes).toEqual([]);
		for (const shared of [c1.rule, c1.countedFrom, c4.closedDay, c1.notes, c1.movedBecause]) expect(Object.isFrozen(shared)).toBe(true);
		expect(() => (c1.notes as string[]).push('x')).toThrow(TypeError);
	});
});
