import ICAL from 'ical.js';
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
	return buildOwnerAgendas(requests, results, owners, language);
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
