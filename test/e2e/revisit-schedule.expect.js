// Expectations for examples/revisit-schedule.json, worked out by hand. As of Monday 2025-09-29 10:00 in
// Asia/Shanghai, mainland China calendar (Sunday 09-28 a make-up working day, 10-01..10-08 closed),
// 30-minute slots from 09:30, owners zhangwei and lina with 2 revisits a day each, round-robin with
// overflow to the other owner. Urgent customers are booked first; within a day and priority, customers
// with an account manager in the pool go first, then by customer ID.
const assert = require('node:assert/strict');

const EXPECTED = {
	// critical churn, last contact 08-20: 1 business day later has long passed -> overdue, today's first
	// slot at or after 10:00, with its account manager.
	C01: ['scheduled', '2025-09-29T10:00:00+08:00', 'zhangwei', 'accountManager'],
	// critical churn, no last contact: 1 business day after the as-of date -> Tuesday 09-30.
	C02: ['scheduled', '2025-09-30T09:30:00+08:00', 'zhangwei', 'roundRobin'],
	C03: ['scheduled', '2025-09-30T09:30:00+08:00', 'lina', 'roundRobin'],
	// detractor: Friday 09-26 + 2 business days = 09-28 (调休 Sunday), 09-29; zhangwei's next slot today.
	C04: ['scheduled', '2025-09-29T10:30:00+08:00', 'zhangwei', 'roundRobin'],
	// VIP: 09-05 + 30 days = 10-05, inside the National Day week -> 10-09.
	C05: ['scheduled', '2025-10-09T09:30:00+08:00', 'lina', 'roundRobin'],
	// default: 07-10 + 90 days = 10-08, the last holiday -> 10-09.
	C06: ['scheduled', '2025-10-09T09:30:00+08:00', 'zhangwei', 'roundRobin'],
	// a revisit is already planned for 10-20.
	C07: ['alreadyScheduled', '2025-10-20T15:00:00+08:00', 'lina', 'existing'],
};

module.exports = {
	checks: {
		'every customer gets the hand-computed revisit': ({ output }) => {
			const customers = output('Schedule Revisit', 0);
			assert.equal(customers.length, 7);
			const got = Object.fromEntries(
				customers.map((c) => [c.customerId, [c.revisit.status, c.revisit.dueAt, c.revisit.owner, c.revisit.ownerSource]]),
			);
			assert.deepEqual(got, EXPECTED);
		},
		'moves over the National Day week are explained, labels in zh-CN, input kept': ({ output }) => {
			const byId = Object.fromEntries(output('Schedule Revisit', 0).map((c) => [c.customerId, c]));
			assert.equal(byId.C05.name, '张丽');
			assert.equal(byId.C05.revisit.targetDate, '2025-10-05');
			assert.deepEqual(byId.C05.revisit.movedBecause, ['closedDay']);
			assert.deepEqual(byId.C05.revisit.closedDay, { date: '2025-10-05', kind: 'publicHoliday', holiday: '国庆节' });
			assert.equal(byId.C05.revisit.channelLabel, '上门拜访');
			assert.equal(byId.C01.revisit.priorityLabel, '紧急');
			assert.equal(byId.C01.revisit.reason, '流失风险高，尽快致电');
			assert.equal(byId.C04.revisit.countedFrom.date, '2025-09-26');
			assert.equal(byId.C01.revisit.overdue, true);
			assert.equal(byId.C02.revisit.overdue, false);
		},
		'the VEVENT is RFC 5545 text: CRLF lines of at most 75 octets, UTC times, stable UID': ({ output }) => {
			const c01 = output('Schedule Revisit', 0).find((c) => c.customerId === 'C01');
			const lines = c01.revisit.vevent.split('\r\n');
			assert.equal(lines[0], 'BEGIN:VEVENT');
			assert.equal(lines.at(-1), '');
			assert.ok(lines.every((line) => Buffer.byteLength(line, 'utf8') <= 75));
			assert.ok(lines.includes('UID:revisit-C01-20250929@n8n-nodes-customer-care'));
			assert.ok(lines.includes('DTSTART:20250929T020000Z'));
			assert.ok(lines.includes('DTEND:20250929T023000Z'));
			assert.ok(lines.includes('DTSTAMP:20250929T020000Z'));
		},
		'one agenda per owner and day, in pool order then date': ({ output }) => {
			const agendas = output('Schedule Revisit', 1).map((a) => `${a.owner} ${a.date} ${a.customers.map((c) => c.customerId).join(',')}`);
			assert.deepEqual(agendas, [
				'zhangwei 2025-09-29 C01,C04',
				'zhangwei 2025-09-30 C02',
				'zhangwei 2025-10-09 C06',
				'lina 2025-09-30 C03',
				'lina 2025-10-09 C05',
				'lina 2025-10-20 C07',
			]);
			const [monday] = output('Schedule Revisit', 1);
			assert.equal(
				monday.message,
				'zhangwei 2025-09-29 回访安排（共 2 位客户）：\n' +
					'10:00 电话回访 — 王芳（C01），紧急：流失风险高，尽快致电\n' +
					'10:30 电话回访 — James Wilson（C04），高：NPS 贬损者回访',
			);
			assert.match(monday.ics, /^BEGIN:VCALENDAR\r\n/);
			assert.equal(monday.ics.match(/BEGIN:VEVENT/g).length, 2);
		},
		'care occasions in the next 30 days': ({ output }) => {
			const care = Object.fromEntries(
				output('Find Care Occasions', 0).map((c) => [c.customerId, c.care.occasions.map((o) => `${o.date} ${o.key} +${o.daysUntil}${o.age !== undefined ? ` age ${o.age}` : ''}${o.years !== undefined ? ` years ${o.years}` : ''}`)]),
			);
			const festivals = ['2025-10-01 nationalDay +2', '2025-10-06 midAutumnFestival +7', '2025-10-29 doubleNinthFestival +30'];
			assert.deepEqual(care.C01, ['2025-10-01 nationalDay +2', '2025-10-03 birthday +4 age 40', '2025-10-06 midAutumnFestival +7', '2025-10-29 doubleNinthFestival +30']);
			// Born 29 February: not in this window. Member since 2021-10-10: 4 years on 2025-10-10.
			assert.deepEqual(care.C02, ['2025-10-01 nationalDay +2', '2025-10-06 midAutumnFestival +7', '2025-10-10 membershipAnniversary +11 years 4', '2025-10-29 doubleNinthFestival +30']);
			// Lunar 8/20: five days after Mid-Autumn (8/15 = 2025-10-06).
			assert.deepEqual(care.C03, ['2025-10-01 nationalDay +2', '2025-10-06 midAutumnFestival +7', '2025-10-11 lunarBirthday +12 age 47', '2025-10-29 doubleNinthFestival +30']);
			// Birthday on the window's last day, after the festival of that day (personal occasions sort first).
			assert.deepEqual(care.C04, ['2025-10-01 nationalDay +2', '2025-10-06 midAutumnFestival +7', '2025-10-29 birthday +30 age 35', '2025-10-29 doubleNinthFestival +30']);
			assert.deepEqual(care.C05, festivals);
			assert.equal(output('Find Care Occasions', 0)[0].care.occasions[1].label, '生日');
		},
	},
};
