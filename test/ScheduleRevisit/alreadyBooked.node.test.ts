import type { IDataObject } from 'n8n-workflow';
import { NODE_UNDER_TEST, runNode, type WorkflowResult } from '../helpers/runWorkflow';
import { names, nonFinite, RAW_ERROR, valueForms } from '../helpers/runChecks';

/**
 * Already Booked: a base scheduled page by page, each page told what the pages before it booked, never
 * exceeds an owner's capacity or overlaps a slot; with the pages in booking order it is the one-run schedule.
 */

const asOf = '2025-09-29T10:00:00+08:00'; // Monday 10:00 in Shanghai, National Day week ahead
const OWNERS = [
	{ id: 'alice', dailyCapacity: 3 },
	{ id: 'bob', dailyCapacity: 5 },
	{ id: 'carol', dailyCapacity: 2 },
	{ id: 'dave', dailyCapacity: 4 },
];
const PRIORITY_ORDER = ['urgent', 'high', 'normal', 'low'];
const base: IDataObject = {
	operation: 'scheduleRevisit',
	asOf,
	timeZone: 'Asia/Shanghai',
	publicHolidays: 'CN',
	workingHours: '09:30-12:00, 14:00-18:00',
	horizonDays: 12,
	cadenceRules: {
		rule: [
			{ name: 'Critical churn', field: 'churn.level', operator: 'is', value: 'critical', interval: 1, unit: 'businessDays', priority: 'urgent', channel: 'call', reason: 'Critical churn risk' },
			{ name: 'Detractor', field: 'satisfaction.nps', operator: 'atMost', value: '6', interval: 2, unit: 'businessDays', priority: 'high', channel: 'call', reason: 'Detractor' },
			{ name: 'Dormant', field: 'valueTier', operator: 'is', value: 'C', interval: 20, unit: 'calendarDays', priority: 'low', channel: 'message', reason: 'Dormant' },
		],
	},
	defaultInterval: 14,
	owners: { owner: OWNERS },
};

/** A small deterministic generator (mulberry32): the same customers on every run. */
function random(seed: number): () => number {
	return () => {
		seed = (seed + 0x6d2b79f5) | 0;
		let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/**
 * Customers of every kind: urgent, high, normal and low, with and without a last contact, account managers in
 * and out of the pool, and some with a revisit planned earlier (one per account manager and day, at 10:00).
 */
function customers(count: number, seed: number, zones: string[] = ['Asia/Shanghai']): IDataObject[] {
	const next = random(seed);
	const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)];
	let planned = 0;
	return Array.from({ length: count }, (_, i) => {
		const customer: IDataObject = { customerId: `C${String(i).padStart(4, '0')}`, timeZone: pick(zones) };
		const kind = next();
		if (kind < 0.15) customer.churn = { level: 'critical' };
		else if (kind < 0.35) customer.satisfaction = { nps: Math.floor(next() * 7) };
		else if (kind < 0.5) customer.valueTier = 'C';
		if (next() < 0.7) customer.lastContactAt = `2025-09-${String(1 + Math.floor(next() * 28)).padStart(2, '0')}`;
		const manager = next();
		if (manager < 0.4) customer.accountManager = pick(OWNERS).id;
		else if (manager < 0.45) customer.accountManager = 'zoe';
		if (customer.accountManager !== undefined && customer.accountManager !== 'zoe' && next() < 0.15) {
			// Planned earlier: one a day per account manager, so the planned revisits alone fit.
			const day = 30 + Math.floor(planned++ / OWNERS.length);
			customer.accountManager = OWNERS[(planned - 1) % OWNERS.length].id;
			customer.nextRevisitAt = day <= 30 ? `2025-09-${day}T10:00:00+08:00` : `2025-10-${String(day - 30).padStart(2, '0')}T10:00:00+08:00`;
		}
		return customer;
	});
}

type Revisit = Record<string, unknown> & { customerId: string; status: string; owner: string | null; slotStart: string | null; slotEnd: string | null; dueDate: string | null };

async function schedule(parameters: IDataObject, items: IDataObject[], alreadyBooked?: unknown[]): Promise<{ result: WorkflowResult; revisits: Revisit[]; agendas: IDataObject[] }> {
	// Indented JSON: "}}" in the list would end the expression.
	const booked = alreadyBooked === undefined ? {} : { alreadyBooked: `={{ (${JSON.stringify(alreadyBooked, null, 1)}) }}` };
	const result = await runNode({ type: 'scheduleRevisit', parameters: { ...parameters, ...booked }, items });
	if (result.error) throw result.error;
	const revisits = result.json(NODE_UNDER_TEST, 0).map((item) => item.revisit as Revisit);
	return { result, revisits, agendas: result.json(NODE_UNDER_TEST, 1) };
}

/** The order pages must come in: priority, due date, customers with an account manager in the pool, customer ID. */
function bookingOrder(all: IDataObject[], byId: Map<string, Revisit>): IDataObject[] {
	const pool = new Set(OWNERS.map((owner) => owner.id));
	const key = (customer: IDataObject) => {
		const revisit = byId.get(customer.customerId as string)!;
		return [PRIORITY_ORDER.indexOf(revisit.priority as string), revisit.targetDate as string, pool.has(customer.accountManager as string) ? 0 : 1, customer.customerId as string] as const;
	};
	return [...all].sort((a, b) => {
		const [ka, kb] = [key(a), key(b)];
		for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i] < kb[i] ? -1 : 1;
		return 0;
	});
}

/** Uneven page ends for `count` customers. */
function pageEnds(count: number): number[] {
	const cuts = [0.09, 0.21, 0.22, 0.47, 0.71, 0.9, 1].map((f) => Math.round(count * f));
	return [...new Set(cuts)];
}

/**
 * The revisits customers planned before the run, as a bookings table returns them (UTC text, snake_case
 * columns), with the customer's zone: capacity is counted per day of the customer's zone.
 */
function plannedRows(all: IDataObject[]): IDataObject[] {
	return all
		.filter((c) => c.nextRevisitAt !== undefined)
		.map((c) => {
			const start = new Date(c.nextRevisitAt as string);
			const slot_end = new Date(start.getTime() + 30 * 60_000).toISOString();
			return { owner: c.accountManager, customer_id: c.customerId, time_zone: c.timeZone, slot_start: start.toISOString(), slot_end };
		});
}

/** Every schedule rule across pages: one result per customer, capacity per owner and customer-local day, no overlap per owner. */
function checkSchedule(all: IDataObject[], revisits: Revisit[]): void {
	expect(revisits.map((r) => r.customerId).sort()).toEqual(all.map((c) => c.customerId).sort());
	expect(revisits.filter((r) => !['scheduled', 'alreadyScheduled', 'unschedulable'].includes(r.status))).toEqual([]);
	expect(revisits.flatMap((r) => nonFinite(r))).toEqual([]);
	const capacity = new Map(OWNERS.map((o) => [o.id, o.dailyCapacity]));
	const perDay = new Map<string, number>();
	const times = new Map<string, Array<[number, number, string]>>();
	for (const r of revisits) {
		if (r.status === 'unschedulable' || r.owner === null || !capacity.has(r.owner)) continue;
		const day = `${r.owner} ${r.dueDate}`;
		perDay.set(day, (perDay.get(day) ?? 0) + 1);
		const start = Date.parse(r.slotStart!);
		const list = times.get(r.owner) ?? [];
		list.push([start, r.slotEnd === null ? start + 30 * 60_000 : Date.parse(r.slotEnd), r.customerId]);
		times.set(r.owner, list);
	}
	const over = [...perDay].filter(([day, count]) => count > capacity.get(day.split(' ')[0])!);
	expect(over).toEqual([]);
	const overlaps: string[] = [];
	for (const [owner, list] of times) {
		list.sort((a, b) => a[0] - b[0]);
		for (let i = 1; i < list.length; i++) if (list[i][0] < list[i - 1][1]) overlaps.push(`${owner}: ${list[i - 1][2]} and ${list[i][2]}`);
	}
	expect(overlaps).toEqual([]);
}

describe('Schedule Revisit, Already Booked: page by page', () => {
	it.each([
		['round-robin, wait for the owner', { assignment: 'roundRobin', overflow: 'nextOpenDay' }],
		['least loaded, another owner', { assignment: 'leastLoaded', overflow: 'otherOwner' }],
	])('pages in any order, each given the Owner Agenda items of the pages before it, never exceed a capacity or overlap a slot (%s, three zones)', async (_, how) => {
		const all = customers(420, 7, ['Asia/Shanghai', 'Asia/Shanghai', 'Asia/Tokyo', 'America/New_York']);
		const parameters = { ...base, ...how };
		const bookings: unknown[] = plannedRows(all);
		const revisits: Revisit[] = [];
		let start = 0;
		// By customer ID, not in booking order: capacity and slots hold whatever the order.
		for (const end of pageEnds(all.length)) {
			const page = await schedule(parameters, all.slice(start, end), bookings);
			revisits.push(...page.revisits);
			bookings.push(...page.agendas);
			start = end;
		}
		expect(revisits.filter((r) => r.status === 'scheduled').length).toBeGreaterThan(100);
		expect(revisits.filter((r) => r.status === 'unschedulable').length).toBeGreaterThan(10);
		checkSchedule(all, revisits);
	});

	/** What a page must equal of the one-run result: all of it in one zone; with several zones see below. */
	const sameIn = (zones: number) => (page: Revisit[], whole: Revisit[]) => {
		if (zones === 1) return expect(page).toEqual(whole);
		// Several zones: one run hands out an owner's slots of a day in slot order whatever the customer's zone, and
		// never goes back to an earlier slot; a page, told the earlier bookings' times, takes the first slot free in
		// time. Status, owner and day are the one run's; the time is the one run's or earlier that day.
		const plan = (r: Revisit) => `${r.customerId} ${r.status} ${r.owner} ${r.dueDate}`;
		expect(page.map(plan)).toEqual(whole.map(plan));
		expect(page.filter((r, i) => r.slotStart !== null && Date.parse(r.slotStart) > Date.parse(whole[i].slotStart!)).map((r) => r.customerId)).toEqual([]);
	};

	it.each([
		['least loaded, wait for the account manager', { assignment: 'leastLoaded', overflow: 'nextOpenDay' }, ['Asia/Shanghai']],
		['least loaded, another owner', { assignment: 'leastLoaded', overflow: 'otherOwner' }, ['Asia/Shanghai']],
		['least loaded, another owner, three zones', { assignment: 'leastLoaded', overflow: 'otherOwner' }, ['Asia/Shanghai', 'Asia/Tokyo', 'America/New_York']],
	])('pages in booking order, given the bookings table and the pages before, equal the one-run schedule (%s)', async (_, how, zones) => {
		const all = customers(420, 11, zones);
		const parameters = { ...base, ...how };
		const same = sameIn(zones.length);
		// The one run, with the items in another order than the pages (item order does not matter).
		const whole = await schedule(parameters, [...all].reverse());
		checkSchedule(all, whole.revisits);
		const byId = new Map(whole.revisits.map((r) => [r.customerId, r]));
		const ordered = bookingOrder(all, byId);

		const rows = plannedRows(all);
		const agendas: IDataObject[] = [];
		const pageRows: IDataObject[] = [];
		const revisits: Revisit[] = [];
		let start = 0;
		for (const end of pageEnds(ordered.length)) {
			// Half the pages read the earlier pages back as the Owner Agenda items, half as rows written to the
			// table (wall-clock text without an offset, as MySQL DATETIME, read in the customer's zone).
			const bookings = start % 2 === 0 ? [...rows, ...agendas] : [...rows, ...pageRows];
			const page = await schedule(parameters, ordered.slice(start, end), bookings);
			same(page.revisits, ordered.slice(start, end).map((c) => byId.get(c.customerId as string)!));
			revisits.push(...page.revisits);
			agendas.push(...page.agendas);
			for (const r of page.revisits) {
				if (r.status !== 'scheduled') continue;
				const [slot_start, slot_end] = [r.slotStart!, r.slotEnd!].map((time) => time.slice(0, 19).replace('T', ' '));
				pageRows.push({ owner: r.owner, customer_id: r.customerId, time_zone: r.timeZone as string, slot_start, slot_end });
			}
			start = end;
		}
		checkSchedule(all, revisits);
	});

	it('with Round-Robin the pages keep capacity and slots but not the one run\'s owners: the turn starts again in every run', async () => {
		const parameters = { ...base, assignment: 'roundRobin', overflow: 'otherOwner' };
		const all = customers(420, 11);
		const whole = await schedule(parameters, all);
		const byId = new Map(whole.revisits.map((r) => [r.customerId, r]));
		const ordered = bookingOrder(all, byId);
		const bookings: unknown[] = plannedRows(all);
		const revisits: Revisit[] = [];
		let start = 0;
		for (const end of pageEnds(ordered.length)) {
			const page = await schedule(parameters, ordered.slice(start, end), bookings);
			revisits.push(...page.revisits);
			bookings.push(...page.agendas);
			start = end;
		}
		checkSchedule(all, revisits);
		expect(revisits.filter((r) => r.owner !== byId.get(r.customerId)!.owner).length).toBeGreaterThan(0);
	});

	it.each([
		['one zone', ['Asia/Shanghai']],
		['three zones', ['Asia/Shanghai', 'Asia/Tokyo', 'America/New_York']],
	])('a booking holds what the customer\'s own planned revisit holds: the others are scheduled the same (%s)', async (_, zones) => {
		for (const assignment of ['roundRobin', 'leastLoaded']) {
			const parameters = { ...base, assignment };
			const all = customers(420, 5, zones);
			const own = await schedule(parameters, all);
			const others = all.filter((c) => c.nextRevisitAt === undefined);
			const ids = new Set(others.map((c) => c.customerId));
			const expected = own.revisits.filter((r) => ids.has(r.customerId));
			expect((await schedule(parameters, others, plannedRows(all))).revisits).toEqual(expected);
			// The planned revisits matter: without them the others get other slots.
			expect((await schedule(parameters, others)).revisits).not.toEqual(expected);
		}
	});

	it('without Already Booked each page fills the capacities again (what the option is for)', async () => {
		const all = customers(420, 7);
		const revisits: Revisit[] = [];
		let start = 0;
		for (const end of pageEnds(all.length)) {
			revisits.push(...(await schedule(base, all.slice(start, end))).revisits);
			start = end;
		}
		expect(() => checkSchedule(all, revisits)).toThrow();
	});
});

describe('Schedule Revisit, Already Booked: what a booking holds', () => {
	const one = [{ customerId: 'N1', churn: { level: 'critical' } }];
	const parameters = { ...base, owners: { owner: [{ id: 'alice', dailyCapacity: 2 }] } };

	it('a booking takes its owner capacity that day and holds its time; its own end holds longer than a slot', async () => {
		// Critical: due Tuesday 09-30. Alice has two a day; one booking 09:30-11:00 and one at 14:00 fill Tuesday.
		const full = await schedule(parameters, one, [
			{ owner: 'alice', slotStart: '2025-09-30T09:30:00+08:00', slotEnd: '2025-09-30T11:00:00+08:00' },
			{ owner: 'alice', slotStart: '2025-09-30T14:00:00+08:00' },
		]);
		expect(full.revisits[0]).toMatchObject({ status: 'scheduled', owner: 'alice', slotStart: '2025-10-09T09:30:00+08:00', movedBecause: ['ownerCapacity'] });
		// One booking 09:30-11:00: the next free slot that day is 11:00.
		const held = await schedule(parameters, one, [{ owner: 'alice', slot_start: '2025-09-30 09:30:00', slot_end: '2025-09-30 11:00:00' }]);
		expect(held.revisits[0]).toMatchObject({ status: 'scheduled', slotStart: '2025-09-30T11:00:00+08:00' });
		// The agenda of this run lists its own customers only.
		expect(held.agendas.map((a) => a.count)).toEqual([1]);
	});

	it('a list written as JSON text in the parameter (no expression) is read as the list', async () => {
		const text = JSON.stringify([{ owner: 'alice', slotStart: '2025-09-30T09:30:00+08:00' }]);
		const result = await runNode({ type: 'scheduleRevisit', parameters: { ...parameters, alreadyBooked: text }, items: one });
		expect(result.json(NODE_UNDER_TEST, 0)[0].revisit).toMatchObject({ status: 'scheduled', slotStart: '2025-09-30T10:00:00+08:00' });
	});

	it('a booking of a customer in the input is left out (their item says what they have); one given twice counts once', async () => {
		const mine = { owner: 'alice', customerId: 'N1', slotStart: '2025-09-30T09:30:00+08:00' };
		const other = { owner: 'alice', customerId: 'X9', slotStart: '2025-09-30T10:00:00+08:00' };
		const { revisits } = await schedule(parameters, one, [mine, other, { ...other }, { json: other }]);
		expect(revisits[0]).toMatchObject({ status: 'scheduled', slotStart: '2025-09-30T09:30:00+08:00' });
	});

	it('a booking of an owner outside the pool takes no capacity, and a hint names that owner', async () => {
		const { result, revisits } = await schedule(parameters, one, [
			{ owner: 'Alice', slotStart: '2025-09-30T09:30:00+08:00' },
			{ owner: 'Alice', slotStart: '2025-09-30T10:00:00+08:00' },
		]);
		expect(revisits[0]).toMatchObject({ status: 'scheduled', slotStart: '2025-09-30T09:30:00+08:00' });
		const hints = result.run.data.resultData.runData[NODE_UNDER_TEST][0].hints ?? [];
		expect(hints.map((h) => h.message)).toEqual([expect.stringContaining('an owner not in the owner pool ("Alice")')]);
	});

	it('least loaded counts a booking in its owner total even beyond the days this page may book (pages equal one run)', async () => {
		// Urgent U is booked first, on 10-21, by alice (pool order). N is due 09-30 with no horizon: both owners
		// have room that day, and bob has fewer revisits in total, so one run gives N to bob. The page of N alone
		// books no later than 09-30, but alice's booking on 10-21 must still count in her total.
		const parameters = {
			...base,
			assignment: 'leastLoaded',
			horizonDays: 0,
			defaultInterval: 1,
			cadenceRules: { rule: [{ name: 'Urgent', field: 'churn.level', operator: 'is', value: 'critical', interval: 22, unit: 'calendarDays', priority: 'urgent', channel: 'call', reason: 'Urgent' }] },
			owners: { owner: [{ id: 'alice', dailyCapacity: 1 }, { id: 'bob', dailyCapacity: 1 }] },
		};
		const urgent = { customerId: 'U', churn: { level: 'critical' } };
		const normal = { customerId: 'N' };
		const whole = await schedule(parameters, [urgent, normal]);
		expect(whole.revisits.map((r) => `${r.customerId} ${r.owner} ${r.dueDate}`)).toEqual(['U alice 2025-10-21', 'N bob 2025-09-30']);
		const first = await schedule(parameters, [urgent]);
		const second = await schedule(parameters, [normal], first.agendas);
		expect([...first.revisits, ...second.revisits]).toEqual(whole.revisits);
	});

	it('a booking earlier on the as-of day, already over, still took its owner\'s capacity that day', async () => {
		const today = { ...parameters, defaultInterval: 1, owners: { owner: [{ id: 'alice', dailyCapacity: 1 }] } };
		const due = [{ customerId: 'T1', lastContactAt: '2025-09-28' }];
		expect((await schedule(today, due)).revisits[0]).toMatchObject({ slotStart: '2025-09-29T10:00:00+08:00' });
		const morning = await schedule(today, due, [{ owner: 'alice', slotStart: '2025-09-29T09:00:00+08:00', slotEnd: '2025-09-29T09:30:00+08:00' }]);
		expect(morning.revisits[0]).toMatchObject({ slotStart: '2025-09-30T09:30:00+08:00', movedBecause: ['ownerCapacity'] });
	});

	it('bookings before the as-of day take nothing; none given and an empty list are no bookings; null is refused', async () => {
		const plain = (await schedule(parameters, one)).revisits;
		for (const booked of [[], [{ owner: 'alice', slotStart: '2025-09-20T09:30:00+08:00' }]]) {
			expect((await schedule(parameters, one, booked)).revisits).toEqual(plain);
		}
		// A lookup that found nothing: read as none, every owner's capacity would be refilled without a word.
		for (const nothing of ['={{ null }}', 'null']) {
			const nulled = await runNode({ type: 'scheduleRevisit', parameters: { ...parameters, alreadyBooked: nothing }, items: one });
			expect(nulled.error?.message).toMatch(/^Parameter "Already Booked" is "?null"?, which is not a list of bookings \(expected /);
		}
	});
});

describe('Schedule Revisit, Already Booked: bad entries stop the run naming the entry, field and value', () => {
	const one = [{ customerId: 'N1' }];
	const good = { owner: 'alice', slotStart: '2025-09-30T09:30:00+08:00' };
	const cases: Array<[string, unknown, string, unknown]> = [
		['text that is no JSON', '[{"owner": "alice"', 'Already Booked', '[{"owner": "alice"'],
		['a number', 5, 'Already Booked', 5],
		['an entry that is text', [good, 'alice 09:30'], '[1]', 'alice 09:30'],
		['an entry that is null', [null], '[0]', null],
		['an entry that is a list', [[good]], '[0]', [good]],
		['no owner', [{ slotStart: good.slotStart }], 'owner', undefined],
		['an owner that is an object', [{ ...good, owner: { id: 'alice' } }], 'owner', { id: 'alice' }],
		['an owner that is true', [{ ...good, owner: true }], 'owner', true],
		['no start', [{ owner: 'alice', slotEnd: good.slotStart }], 'slotStart', undefined],
		['a start that is no date', [good, { owner: 'alice', slotStart: '2025-13-01 10:00' }], 'slotStart', '2025-13-01 10:00'],
		['a start that is a word', [{ owner: 'alice', slot_start: 'tomorrow' }], 'slot_start', 'tomorrow'],
		['a start of Excel days', [{ owner: 'alice', slotStart: 45000 }], 'slotStart', 45000],
		['an end before the start', [{ ...good, slotEnd: '2025-09-30T09:00:00+08:00' }], 'slotEnd', '2025-09-30T09:00:00+08:00'],
		['an end two days later', [{ ...good, slotEnd: '2025-10-02T09:30:00+08:00' }], 'slotEnd', '2025-10-02T09:30:00+08:00'],
		['a zone abbreviation', [{ ...good, timeZone: 'CST' }], 'timeZone', 'CST'],
		['two starts that differ', [{ ...good, slot_start: '2025-09-30T10:00:00+08:00' }], 'slot_start', '2025-09-30T10:00:00+08:00'],
		['a customer ID that is a list', [{ ...good, customerId: ['N1'] }], 'customerId', ['N1']],
		['an agenda entry without a start', [{ owner: 'alice', date: '2025-09-30', customers: [{ slotStart: good.slotStart }, { customerId: 'X1' }] }], '[0].customers[1]', undefined],
	];
	it.each(cases)('%s', async (_, booked, field, value) => {
		const result = await runNode({ type: 'scheduleRevisit', parameters: { ...base, alreadyBooked: `={{ (${JSON.stringify(booked, null, 1)}) }}` }, items: one });
		const message = result.error?.message ?? '';
		expect(message).toContain('Already Booked');
		expect(message.includes(field) || names(message, field)).toBe(true);
		expect(valueForms(value).some((form) => message.includes(form))).toBe(true);
		expect(message).toMatch(/expected/);
		expect(message).not.toMatch(RAW_ERROR);
	});
});
