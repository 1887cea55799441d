import ICAL from 'ical.js';
import { toIsoWithOffset } from '../../nodes/shared/format/isoDate';
import { appointmentSlots, BusinessCalendar, parseWorkingHours } from '../../nodes/shared/calendar';
import {
	buildCadencePolicy,
	buildOwnerAgendas,
	buildOwnerPool,
	DEFAULT_REVISIT_COLUMNS,
	readRevisitRequest,
	scheduleRevisits,
	type Language,
} from '../../nodes/shared/revisit';

const policy = buildCadencePolicy(
	[{ name: 'Critical churn', field: 'churn', operator: 'is', value: 'critical', interval: 1, priority: 'urgent', reason: 'Critical churn risk' }],
	{ interval: 30, unit: 'calendarDays', reason: 'Regular revisit' },
);
const owners = buildOwnerPool([{ id: 'alice' }, { id: 'bob' }], 2);
const asOf = new Date('2025-09-29T10:00:00+08:00');
const items = [
	{ customerId: 'C1', name: '王五', churn: 'critical' },
	{ customerId: 'C2', churn: 'critical' },
	{ customerId: 'C3', churn: 'critical', accountManager: 'bob' },
	{ customerId: 'C4', churn: 'critical' },
	{ customerId: 'C5', churn: 'critical' },
	{ customerId: 'E1', name: 'Zhao', accountManager: 'bob', nextRevisitAt: '2025-09-30T16:00:00+08:00' },
	{ customerId: 'X1', accountManager: 'zoe', nextRevisitAt: '2025-10-10T11:00:00+08:00' },
];

function agendas(language: Language) {
	const requests = items.map((item, i) => readRevisitRequest(item, i, DEFAULT_REVISIT_COLUMNS, { policy, defaultTimeZone: 'Asia/Shanghai', asOf }));
	const results = scheduleRevisits(requests, {
		asOf,
		calendar: new BusinessCalendar({ publicHolidays: 'CN' }),
		slots: appointmentSlots(parseWorkingHours('09:30-12:00, 14:00-18:00'), 30),
		owners,
		assignment: 'roundRobin',
		overflow: 'otherOwner',
		horizonDays: 30,
		reschedule: false,
		language,
	});
	return buildOwnerAgendas(requests, results, owners, language, 'Asia/Shanghai');
}

describe('owner agenda', () => {
	it('has one entry per owner and day: pool order, then date; outside owners last', () => {
		const list = agendas('en');
		// bob: C3 (his account) + E1 (planned earlier) fill his 2 places on 09-30, so C2 and C4 overflow.
		expect(list.map((a) => `${a.owner} ${a.date} ${a.count} [${a.customers.map((c) => c.customerId).join(',')}] items ${a.itemIndices.join(',')}`)).toEqual([
			'alice 2025-09-30 2 [C1,C2] items 0,1',
			'alice 2025-10-09 1 [C5] items 4',
			'bob 2025-09-30 2 [C3,E1] items 2,5',
			'bob 2025-10-09 1 [C4] items 3',
			'zoe 2025-10-10 1 [X1] items 6',
		]);
		expect(list[2].customers[1]).toMatchObject({ customerId: 'E1', name: 'Zhao', slotStart: '2025-09-30T16:00:00+08:00', slotEnd: null, alreadyScheduled: true });
		expect(list[4].dailyCapacity).toBeNull();
		expect(list[0].dailyCapacity).toBe(2);
	});

	it('writes a message ready to send, in English and Chinese', () => {
		expect(agendas('en')[0].message).toBe(
			'Revisits for alice on 2025-09-30 (2):\n' +
				'09:30 Phone call — 王五 (C1), Urgent: Critical churn risk\n' +
				'10:00 Phone call — C2, Urgent: Critical churn risk',
		);
		expect(agendas('zh-CN')[2].message).toBe(
			'bob 2025-09-30 回访安排（共 2 位客户）：\n' +
				'09:30 电话回访 — C3，紧急：Critical churn risk\n' +
				'16:00 电话回访 — Zhao（E1），普通：Regular revisit［已有安排］',
		);
	});

	it('attaches an iCalendar file of the new appointments that ical.js reads back', () => {
		const bob = agendas('en')[2];
		const calendar = new ICAL.Component(ICAL.parse(bob.ics));
		const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
		expect(events.map((e) => [e.uid, e.startDate.toJSDate().toISOString(), e.summary])).toEqual([
			['revisit-C3-20250930@n8n-nodes-customer-care', '2025-09-30T01:30:00.000Z', 'Phone call: C3'],
		]);
		expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Revisits bob 2025-09-30');
	});
});

describe('owner agenda across time zones: times in the owner\'s zone, the customer\'s local time beside them', () => {
	const everyDay = new BusinessCalendar({ workingDays: [0, 1, 2, 3, 4, 5, 6], publicHolidays: 'none' });
	function mixed(ownerInputs: Array<{ id: string; timeZone?: string }>, customers: Array<{ customerId: string; timeZone: string; accountManager: string }>, language: Language = 'en') {
		const pool = buildOwnerPool(ownerInputs, 8);
		const at = new Date('2025-09-29T14:00:00Z'); // 22:00 in Shanghai, 10:00 in New York, 15:00 in London
		const requests = customers.map((item, i) => readRevisitRequest({ ...item, churn: 'critical' }, i, DEFAULT_REVISIT_COLUMNS, { policy, defaultTimeZone: 'Asia/Shanghai', asOf: at }));
		const results = scheduleRevisits(requests, {
			asOf: at,
			calendar: everyDay,
			slots: appointmentSlots(parseWorkingHours('09:30-10:30, 14:00-15:00'), 30),
			owners: pool,
			assignment: 'roundRobin',
			overflow: 'nextOpenDay',
			horizonDays: 30,
			reschedule: false,
			language,
		});
		return buildOwnerAgendas(requests, results, pool, language, 'Asia/Shanghai');
	}

	it('lists New York and Shanghai customers of one Shanghai owner at Shanghai times, in time order, by the owner\'s date', () => {
		const list = mixed([{ id: 'AM01' }], [
			{ customerId: 'SH1', timeZone: 'Asia/Shanghai', accountManager: 'AM01' },
			{ customerId: 'SH2', timeZone: 'Asia/Shanghai', accountManager: 'AM01' },
			{ customerId: 'NY1', timeZone: 'America/New_York', accountManager: 'AM01' },
			{ customerId: 'NY2', timeZone: 'America/New_York', accountManager: 'AM01' },
			{ customerId: 'NY3', timeZone: 'America/New_York', accountManager: 'AM01' },
		]);
		expect(list.map((a) => `${a.owner} ${a.date} ${a.timeZone}`)).toEqual(['AM01 2025-09-30 Asia/Shanghai', 'AM01 2025-10-01 Asia/Shanghai']);
		// Booked by customer ID into the owner's slots of the customers' day 09-30: NY1-NY3 at 09:30, 10:00 and
		// 14:00 EDT (21:30, 22:00 and 02:00 next day in Shanghai), SH1 at 14:30; SH2 finds the day full.
		expect(list[0].message).toBe(
			'Revisits for AM01 on 2025-09-30 (3) (times in Asia/Shanghai):\n' +
				'14:30 Phone call — SH1, Urgent: Critical churn risk\n' +
				"21:30 (customer's time 09:30 America/New_York) Phone call — NY1, Urgent: Critical churn risk\n" +
				"22:00 (customer's time 10:00 America/New_York) Phone call — NY2, Urgent: Critical churn risk",
		);
		expect(list[1].message).toBe(
			'Revisits for AM01 on 2025-10-01 (2) (times in Asia/Shanghai):\n' +
				"02:00 (customer's time 09-30 14:00 America/New_York) Phone call — NY3, Urgent: Critical churn risk\n" +
				'09:30 Phone call — SH2, Urgent: Critical churn risk',
		);
		expect(list[1].customers[0]).toMatchObject({
			customerId: 'NY3',
			ownerStart: '2025-10-01T02:00:00+08:00',
			customerLocalTime: '2025-09-30 14:00',
			slotStart: '2025-09-30T14:00:00-04:00',
			timeZone: 'America/New_York',
		});
		expect(list[0].customers[0]).toMatchObject({ customerId: 'SH1', ownerStart: '2025-09-30T14:30:00+08:00', customerLocalTime: null });
	});

	it('uses an owner\'s own zone, in Chinese too, and leaves a single-zone agenda without zone notes', () => {
		const list = mixed(
			[{ id: 'ny', timeZone: 'america/new_york' }, { id: 'sh' }],
			[
				{ customerId: 'A', timeZone: 'Europe/London', accountManager: 'ny' },
				{ customerId: 'B', timeZone: 'America/New_York', accountManager: 'ny' },
				{ customerId: 'C', timeZone: 'Asia/Shanghai', accountManager: 'sh' },
			],
			'zh-CN',
		);
		expect(list.map((a) => `${a.owner} ${a.date} ${a.timeZone}`)).toEqual(['ny 2025-09-30 America/New_York', 'sh 2025-09-30 Asia/Shanghai']);
		// London 09:30 BST = 04:30 EDT.
		expect(list[0].message).toBe(
			'ny 2025-09-30 回访安排（共 2 位客户）（时间为 America/New_York 时间）：\n' +
				'04:30（客户当地 09:30 Europe/London） 电话回访 — A，紧急：Critical churn risk\n' +
				'10:00 电话回访 — B，紧急：Critical churn risk',
		);
		expect(list[1].message).toBe('sh 2025-09-30 回访安排（共 1 位客户）：\n09:30 电话回访 — C，紧急：Critical churn risk');
	});

	it('writes a start already in the owner\'s zone as it is, the same text as converting it, on a DST day and with a zone of the same offset', () => {
		const pool = buildOwnerPool([{ id: 'ny', timeZone: 'America/New_York' }, { id: 'sh' }], 6);
		const at = new Date('2025-11-01T12:00:00Z');
		const customers = [
			...['N1', 'N2', 'N3', 'N4', 'N5', 'N6'].map((customerId) => ({ customerId, timeZone: 'America/New_York', accountManager: 'ny' })),
			// 2025-11-02 01:00-02:00 happens twice in New York: slots take its first occurrence, this one the second.
			{ customerId: 'N7', timeZone: 'America/New_York', accountManager: 'ny', nextRevisitAt: '2025-11-02T01:45:30.250-05:00' },
			{ customerId: 'S1', timeZone: 'Asia/Singapore', accountManager: 'sh' },
			{ customerId: 'S2', timeZone: 'Asia/Shanghai', accountManager: 'sh' },
		];
		const requests = customers.map((item, i) => readRevisitRequest({ ...item, churn: 'critical' }, i, DEFAULT_REVISIT_COLUMNS, { policy, defaultTimeZone: 'Asia/Shanghai', asOf: at }));
		const results = scheduleRevisits(requests, {
			asOf: at,
			calendar: everyDay,
			slots: appointmentSlots(parseWorkingHours('00:30-03:00'), 30),
			owners: pool,
			assignment: 'roundRobin',
			overflow: 'nextOpenDay',
			horizonDays: 30,
			reschedule: false,
			language: 'en',
		});
		const list = buildOwnerAgendas(requests, results, pool, 'en', 'Asia/Shanghai');
		const entries = list.flatMap((agenda) => agenda.customers.map((entry) => ({ agenda, entry })));
		expect(entries.map(({ entry }) => entry.customerId).sort()).toEqual(['N1', 'N2', 'N3', 'N4', 'N5', 'N6', 'N7', 'S1', 'S2']);
		expect(entries.map(({ entry }) => entry.slotStart)).toEqual(
			expect.arrayContaining(['2025-11-02T01:00:00-04:00', '2025-11-02T01:45:30.250-05:00', '2025-11-02T00:30:00+08:00']),
		);
		for (const { agenda, entry } of entries) {
			expect(entry.ownerStart).toBe(toIsoWithOffset(new Date(entry.slotStart), agenda.timeZone));
			expect(entry.ownerStart.slice(0, 10)).toBe(agenda.date);
			expect(entry.customerLocalTime).toBeNull();
		}
		const ny = list.find((agenda) => agenda.owner === 'ny' && agenda.date === '2025-11-02')!;
		// In time order through the repeated hour: 01:00 EDT, then 01:45:30 EST, then 02:30 EST. N7's half hour
		// holds the 01:30 EDT slot (which lasts until 02:00 EST, 90 minutes) and the 02:00 EST slot.
		expect(ny.customers.map((entry) => entry.ownerStart.slice(11))).toEqual(['00:30:00-04:00', '01:00:00-04:00', '01:45:30.250-05:00', '02:30:00-05:00']);
		const times = ny.customers.map((entry) => Date.parse(entry.ownerStart));
		expect(times).toEqual([...times].sort((a, b) => a - b));
	});

	it('refuses an owner time zone that does not exist', () => {
		expect(() => buildOwnerPool([{ id: 'x', timeZone: 'Mars/Olympus' }], 8)).toThrow('Owner "x": Time zone "Mars/Olympus" is not a known time zone');
	});
});
