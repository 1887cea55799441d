import { appointmentSlots, BusinessCalendar, formatDayNumber, localDayAndMinute, parseWorkingHours } from '../../nodes/shared/calendar';
import { buildCadencePolicy, buildOwnerPool, DEFAULT_REVISIT_COLUMNS, readRevisitRequest, scheduleRevisits } from '../../nodes/shared/revisit';
import { seededRandom } from '../helpers/random';

/**
 * Random schedules across the cases where a day coordinate goes wrong: DST nights (New York, Berlin,
 * London, Lord Howe's half hour, Santiago's midnight change), 45-minute offsets, night shifts, slots from
 * 1 minute to a whole day, capacities, revisits planned earlier (at any second), customers of one owner
 * in two zones. Whatever the draw, no revisit starts before the as-of, lies off its slot grid or on a
 * closed day, exceeds an owner's daily capacity (counted per customer-local date), or overlaps another
 * revisit of the same owner in time, whatever the zones (one planned earlier included).
 */
const policy = buildCadencePolicy(
	[
		{ name: 'Urgent', field: 'urgent', operator: 'isNotEmpty', interval: 1, priority: 'urgent', unit: 'businessDays' },
		{ name: 'Today', field: 'today', operator: 'isNotEmpty', interval: 0, priority: 'normal' },
	],
	{ interval: 3, unit: 'calendarDays', reason: 'Regular' },
);
const ZONES = ['Asia/Shanghai', 'America/New_York', 'Europe/Berlin', 'Asia/Kathmandu', 'Asia/Kolkata', 'Australia/Lord_Howe', 'America/Santiago', 'Europe/London'];
const HOURS = ['00:00-24:00', '09:30-12:00, 14:00-18:00', '00:00-03:00, 22:00-24:00', '01:00-04:00', '23:00-24:00', '02:00-03:00'];
// Just before DST changes in 2025 (March and October/November, both hemispheres) and two plain days.
const AS_OF = ['2025-03-08T12:00:00Z', '2025-03-29T20:00:00Z', '2025-10-25T21:00:00Z', '2025-11-01T22:00:00Z', '2025-04-05T10:00:00Z', '2025-09-05T20:00:00Z', '2025-09-29T02:00:00Z'];

it.each(Array.from({ length: 200 }, (_, i) => i + 1))('keeps every scheduling rule in random draw %i', (seed) => {
	const random = seededRandom(seed);
	const pick = <T,>(list: readonly T[]) => list[Math.floor(random() * list.length)];
	const asOf = new Date(pick(AS_OF));
	const windows = parseWorkingHours(pick(HOURS));
	const longest = Math.max(...windows.map((w) => w.end - w.start));
	const minutes = pick([1, 7, 15, 30, 45, 60, 90, 180, 1440].filter((m) => m <= longest));
	const slots = appointmentSlots(windows, minutes);
	const ownerCount = 1 + Math.floor(random() * 3);
	const owners = buildOwnerPool(Array.from({ length: ownerCount }, (_, k) => ({ id: `o${k}` })), 1 + Math.floor(random() * 6));
	const zones = [pick(ZONES), pick(ZONES)];
	const items = Array.from({ length: 30 }, (_, i) => {
		const item: Record<string, unknown> = { customerId: `c${String(i).padStart(2, '0')}`, timeZone: pick(zones) };
		if (random() < 0.3) item.urgent = 1;
		else if (random() < 0.5) item.today = 1;
		if (random() < 0.4) item.accountManager = `o${Math.floor(random() * ownerCount)}`;
		if (random() < 0.2) item.nextRevisitAt = new Date(asOf.getTime() + Math.floor(random() * 4 * 86_400) * 1000).toISOString();
		return item;
	});
	const calendar = new BusinessCalendar({ workingDays: pick([[0, 1, 2, 3, 4, 5, 6], [1, 2, 3, 4, 5]]), publicHolidays: pick(['CN', 'none'] as const) });
	const requests = items.map((item, i) => readRevisitRequest(item, i, DEFAULT_REVISIT_COLUMNS, { policy, defaultTimeZone: 'UTC', asOf }));
	const results = scheduleRevisits(requests, {
		asOf,
		calendar,
		slots,
		owners,
		assignment: pick(['roundRobin', 'leastLoaded'] as const),
		overflow: pick(['nextOpenDay', 'otherOwner'] as const),
		horizonDays: 20,
		reschedule: false,
		language: 'en',
	});

	const problems: string[] = [];
	const times = new Map<string, Array<{ start: number; end: number; id: string; isNew: boolean }>>();
	const perDay = new Map<string, { planned: number; added: number }>();
	const asOfMinute = Math.floor(asOf.getTime() / 60_000) * 60_000;
	for (const r of results) {
		if (r.status === 'unschedulable' || r.owner === null) continue;
		const isNew = r.status === 'scheduled';
		const start = Date.parse(r.slotStart!);
		const end = isNew ? Date.parse(r.slotEnd!) : start + minutes * 60_000;
		const key = r.owner;
		times.set(key, [...(times.get(key) ?? []), { start, end, id: r.customerId, isNew }]);
		const day = perDay.get(`${key} ${r.dueDate}`) ?? { planned: 0, added: 0 };
		day[isNew ? 'added' : 'planned']++;
		perDay.set(`${key} ${r.dueDate}`, day);
		if (!isNew) continue;
		const local = localDayAndMinute(new Date(start), r.timeZone);
		if (start < asOfMinute) problems.push(`${r.customerId} starts ${r.slotStart}, before the as-of`);
		if (!(end > start)) problems.push(`${r.customerId} ends ${r.slotEnd}, not after its start ${r.slotStart}`);
		if (formatDayNumber(local.dayNumber) !== r.dueDate) problems.push(`${r.customerId} starts on ${formatDayNumber(local.dayNumber)}, due ${r.dueDate}`);
		if (!slots.some((s) => s.start === local.minute)) problems.push(`${r.customerId} starts ${r.slotStart}, off the slot grid`);
		if (!calendar.isOpen(local.dayNumber)) problems.push(`${r.customerId} is on closed day ${r.dueDate}`);
		if (r.dueDate! < r.targetDate) problems.push(`${r.customerId} is due ${r.dueDate}, before its target ${r.targetDate}`);
	}
	for (const [key, list] of times) {
		list.sort((a, b) => a.start - b.start);
		for (let k = 1; k < list.length; k++) {
			const [a, b] = [list[k - 1], list[k]];
			if (b.start < a.end && (a.isNew || b.isNew)) problems.push(`${key}: ${a.id} and ${b.id} overlap`);
		}
	}
	for (const [key, { planned, added }] of perDay) {
		const owner = owners.find((o) => key.startsWith(`${o.id} `))!;
		if (added > 0 && planned + added > owner.dailyCapacity) problems.push(`${key}: ${planned} + ${added} revisits for a capacity of ${owner.dailyCapacity}`);
	}
	expect(problems).toEqual([]);
});
