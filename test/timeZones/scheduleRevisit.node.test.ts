import type { IDataObject } from 'n8n-workflow';
import { runNode } from '../helpers/runWorkflow';
import { nonFinite, outputsOf } from '../helpers/runChecks';
import { ZONES, ZONE_AS_OF, dateForms, daysBefore, instantOf, localDate, wallMs, withOffset } from './zoneCases';

/**
 * Schedule Revisit counts due dates on each customer's calendar (README, Schedule Revisit: the business
 * calendar in the customer's zone, else the node's, else the workflow's). With the workflow zone and As Of
 * at every hard moment and customers in all six zones, last contacts in every form: the target date is the
 * last contact's local date plus the interval, a passed one is due on the as-of day (overdue), no slot
 * starts before As Of (a slot in the spring-forward gap read as the hour after it did: see below), and
 * every time carries its zone's offset at that instant.
 */
const EVERY_DAY = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const parameters = {
	operation: 'scheduleRevisit',
	workingDays: EVERY_DAY,
	publicHolidays: 'none',
	workingHours: '00:00-24:00',
	appointmentMinutes: 30,
	defaultInterval: 1,
	defaultUnit: 'calendarDays',
	// The workflow zone's customers are urgent, booked first: the as-of day's first slots in time are theirs.
	cadenceRules: {
		rule: [
			{ field: 'tier', operator: 'is', value: 'month', interval: 29, unit: 'calendarDays' },
			{ field: 'tier', operator: 'is', value: 'month urgent', interval: 29, unit: 'calendarDays', priority: 'urgent' },
			{ field: 'tier', operator: 'is', value: 'week urgent', interval: 1, unit: 'calendarDays', priority: 'urgent' },
		],
	},
	owners: { owner: Array.from({ length: 12 }, (_, i) => ({ id: `owner${i}`, dailyCapacity: 48 })) },
};
const daysAfter = (day: string, days: number) => daysBefore(day, -days);

describe.each(ZONE_AS_OF)('Schedule Revisit in %s, As Of %s', (zone, asOfText) => {
	it('target and due dates on the customer calendar, no slot before As Of, offsets of the zone', async () => {
		const asOfInstant = instantOf(asOfText, zone);
		const customers = ZONES.flatMap((customerZone, z) =>
			dateForms(asOfInstant, customerZone)
				.filter((_, f) => (f + z) % 4 === 0)
				.map((form, f) => ({ customerZone, form, interval: f % 2 ? 29 : 1 })),
		);
		const items = customers.map((c, i) => ({
			customerId: `C${i}`,
			lastContactAt: c.form.value,
			tier: `${c.interval === 29 ? 'month' : 'week'}${c.customerZone === zone ? ' urgent' : ''}`,
			// The workflow's own zone is left to the workflow setting.
			...(c.customerZone === zone ? {} : { timeZone: c.customerZone }),
		}));
		const result = await runNode({ type: 'scheduleRevisit', parameters: { ...parameters, asOf: asOfText }, items, timezone: zone, onError: 'continueErrorOutput' });
		expect(result.error).toBeUndefined();
		const outputs = outputsOf(result);
		expect(outputs.at(-1)).toEqual([]);
		expect(nonFinite(outputs)).toEqual([]);
		const revisits = new Map(outputs[0].map((j) => [j.customerId, j.revisit as IDataObject]));
		expect(revisits.size).toBe(items.length);

		const asOfMinute = Math.floor(asOfInstant / 60_000) * 60_000;
		const problems: unknown[] = [];
		customers.forEach((c, i) => {
			const r = revisits.get(`C${i}`)!;
			const asOfDay = localDate(asOfInstant, c.customerZone);
			const contactDay = localDate(c.form.instant, c.customerZone);
			// The last contact plus the interval, not before the as-of day; every day is open, so it is the due date.
			const intervalAfterContact = daysAfter(contactDay, c.interval);
			const targetDate = intervalAfterContact < asOfDay ? asOfDay : intervalAfterContact;
			// Due on the as-of day, or the next when its last slot (23:30) has begun or the few slots left are taken.
			const slotLeftToday = instantOf(`${asOfDay}T23:30:00`, c.customerZone) >= asOfMinute;
			const dueDate =
				targetDate !== asOfDay ? targetDate : !slotLeftToday || r.dueDate === daysAfter(asOfDay, 1) ? daysAfter(asOfDay, 1) : asOfDay;
			const slotStart = Date.parse(r.slotStart as string);
			const slotDay = (r.slotStart as string).slice(0, 10);
			const expected = {
				status: 'scheduled',
				timeZone: c.customerZone,
				countedFrom: contactDay,
				targetDate,
				dueDate,
				overdue: intervalAfterContact < asOfDay,
				slotNotBeforeAsOf: true,
				slotOnDueDay: true,
				slotStart: withOffset(slotStart, c.customerZone),
				// The wall-clock end read as any local time (on the night the clocks go back, 01:30 EDT ends at 02:00 EST).
				slotEnd: withOffset(instantOf(new Date(wallMs(slotStart, c.customerZone) + 30 * 60_000).toISOString().slice(0, 19), c.customerZone), c.customerZone),
			};
			const actual = {
				status: r.status,
				timeZone: r.timeZone,
				countedFrom: (r.countedFrom as IDataObject).date,
				targetDate: r.targetDate,
				dueDate: r.dueDate,
				overdue: r.overdue,
				slotNotBeforeAsOf: slotStart >= asOfMinute,
				slotOnDueDay: slotDay === dueDate,
				slotStart: r.slotStart,
				slotEnd: r.slotEnd,
			};
			if (JSON.stringify(actual) !== JSON.stringify(expected)) problems.push({ lastContactAt: c.form.value, form: c.form.form, zone: c.customerZone, actual, expected });
		});
		expect(problems).toEqual([]);
	});
});

describe('Schedule Revisit: the spring-forward gap on the as-of day', () => {
	it('As Of 02:30 in New York on 10 March 2024 (03:30 EDT) books 03:30, not the 03:00 slot before it', async () => {
		const result = await runNode({
			type: 'scheduleRevisit',
			parameters: { ...parameters, asOf: '2024-03-10T02:30:00', owners: { owner: [{ id: 'alice', dailyCapacity: 48 }] } },
			items: [{ customerId: 'A', lastContactAt: '2024-03-01' }],
			timezone: 'America/New_York',
		});
		expect(result.error).toBeUndefined();
		expect((outputsOf(result)[0][0].revisit as IDataObject).slotStart).toBe('2024-03-10T03:30:00-04:00');
	});
});

/**
 * Find Care Occasions takes the window from As Of's date in each customer's zone: with birthdays a few
 * days either side of that date and the workflow zone and As Of at each hard moment, a customer gets
 * exactly the birthdays 0 to 30 days ahead of their own date, each with its local date and daysUntil.
 */
describe.each(ZONE_AS_OF)('Find Care Occasions in %s, As Of %s', (zone, asOfText) => {
	it('birthdays 0 to 30 days ahead of the as-of date on the customer calendar', async () => {
		const asOfInstant = instantOf(asOfText, zone);
		const DAYS_AHEAD = [-2, -1, 0, 1, 29, 30, 31];
		const customers = ZONES.flatMap((customerZone) => DAYS_AHEAD.map((days) => ({ customerZone, days, date: daysAfter(localDate(asOfInstant, customerZone), days) })));
		const items = customers.map((c, i) => ({
			customerId: `C${i}`,
			birthday: `1992${c.date.slice(4)}`,
			...(c.customerZone === zone ? {} : { timeZone: c.customerZone }),
		}));
		const result = await runNode({
			type: 'scheduleRevisit',
			parameters: { operation: 'findOccasions', asOf: asOfText, lookAheadDays: 30 },
			items,
			timezone: zone,
			onError: 'continueErrorOutput',
		});
		expect(result.error).toBeUndefined();
		const outputs = outputsOf(result);
		expect(outputs.at(-1)).toEqual([]);
		expect(nonFinite(outputs)).toEqual([]);
		const birthdays = (j: Record<string, unknown>) => ((j.revisit as IDataObject).occasions as IDataObject[]).filter((o) => o.type === 'birthday');
		const found = outputs[0].map((j) => birthdays(j).map((o) => ({ key: o.key, date: o.date, daysUntil: o.daysUntil })));
		expect(found).toEqual(customers.map((c) => (c.days >= 0 && c.days <= 30 ? [{ key: 'birthday', date: c.date, daysUntil: c.days }] : [])));
	});
});

/**
 * A next revisit given as a date without a time counts for that whole day (README, Schedule Revisit), also
 * in zones whose clocks go forward at midnight, where the day starts at 01:00 (Santiago, Havana, Beirut):
 * with As Of at 10:00 that day the customer is already scheduled. Before, only a revisit at minute 0 of its
 * day counted as a date, so there the customer was booked again a month later.
 */
describe('Schedule Revisit: a next revisit without a time on the as-of day', () => {
	const MIDNIGHT_CHANGES: Array<[string, string]> = [
		['America/Santiago', '2024-09-08'],
		['America/Havana', '2024-03-10'],
		['Asia/Beirut', '2024-03-31'],
		...ZONES.flatMap((zone) => ['2024-02-29', '2024-03-10', '2024-04-07', '2024-10-06', '2024-11-03', '2024-12-31'].map((day) => [zone, day] as [string, string])),
	];
	it.each(MIDNIGHT_CHANGES)('in %s on %s is already scheduled at 10:00 that day', async (zone, day) => {
		const result = await runNode({
			type: 'scheduleRevisit',
			parameters: { ...parameters, asOf: `${day}T10:00:00` },
			items: [{ customerId: 'A', nextRevisitAt: day }, { customerId: 'B', nextRevisitAt: daysBefore(day, 1) }],
			timezone: zone,
			onError: 'continueErrorOutput',
		});
		expect(result.error).toBeUndefined();
		const outputs = outputsOf(result);
		expect(outputs.at(-1)).toEqual([]);
		const revisits = outputs[0].map((j) => j.revisit as IDataObject);
		// The day before is over: B gets a new revisit.
		expect(revisits.map((r) => [r.customerId, r.status, r.slotStart])).toEqual([
			['A', 'alreadyScheduled', withOffset(instantOf(day, zone), zone)],
			['B', 'scheduled', revisits[1].slotStart],
		]);
	});
});
