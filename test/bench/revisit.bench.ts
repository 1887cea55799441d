import type { IDataObject } from 'n8n-workflow';
import { appointmentSlots, BusinessCalendar, parseWorkingHours } from '../../nodes/shared/calendar';
import {
	buildCadencePolicy,
	buildOwnerAgendas,
	buildOwnerPool,
	DEFAULT_REVISIT_COLUMNS,
	OccasionFinder,
	RevisitRequestReader,
	scheduleRevisits,
	type RevisitRequest,
} from '../../nodes/shared/revisit';
import { OwnerBusyTimes } from '../../nodes/shared/revisit/busyTimes';
import { collectGarbage, PASS_THROUGH, runInEngine, seconds, type EngineRun } from './engineTiming';
import type { Report } from './run';
import { seededRandom as random } from '../helpers/random';

const pad = (n: number) => String(n).padStart(2, '0');
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

const AS_OF = '2025-09-15T08:00:00+08:00';
const OWNER_COUNT = 20;
const LEVELS = ['critical', 'high', 'medium', 'low'];

/** 100,000 customers: churn levels, NPS, value tier, last contact in the past 120 days, 30% with an account manager. */
function scheduleItems(): Array<Record<string, unknown>> {
	const rand = random(5);
	const asOf = Date.parse(AS_OF);
	const items: Array<Record<string, unknown>> = [];
	for (let i = 0; i < 100_000; i++) {
		const item: Record<string, unknown> = {
			customerId: `C${String(i).padStart(6, '0')}`,
			name: `Customer ${i}`,
			churn: { level: LEVELS[Math.floor(rand() * rand() * 4)] },
			satisfaction: { nps: Math.floor(rand() * 11) },
			valueTier: rand() < 0.2 ? 'A' : 'B',
			lastContactAt: isoDay(asOf - Math.floor(rand() * 120) * 86_400_000),
		};
		if (rand() < 0.3) item.accountManager = `owner${Math.floor(rand() * OWNER_COUNT)}`;
		items.push(item);
	}
	return items;
}

const RULES = [
	{ name: 'Critical churn', field: 'churn.level', operator: 'is' as const, value: 'critical', interval: 1, unit: 'businessDays' as const, priority: 'urgent' as const },
	{ name: 'Detractor', field: 'satisfaction.nps', operator: 'atMost' as const, value: '6', interval: 2, unit: 'businessDays' as const, priority: 'high' as const },
	{ name: 'Top tier', field: 'valueTier', operator: 'is' as const, value: 'A', interval: 30, unit: 'calendarDays' as const, channel: 'visit' as const },
];
const OWNERS = Array.from({ length: OWNER_COUNT }, (_, i) => ({ id: `owner${i}`, dailyCapacity: 16 + (i % 5) * 2 }));

export function scheduleBench(report: Report, hooks: { before?: () => void; after?: () => void } = {}): void {
	const asOf = new Date(AS_OF);
	const items = scheduleItems();
	const policy = buildCadencePolicy(RULES, { interval: 90, unit: 'calendarDays' });
	const owners = buildOwnerPool(OWNERS);
	const options = {
		asOf,
		calendar: new BusinessCalendar({ publicHolidays: 'CN' as const }),
		slots: appointmentSlots(parseWorkingHours('09:00-12:00, 13:30-18:00'), 15),
		owners,
		assignment: 'leastLoaded' as const,
		overflow: 'otherOwner' as const,
		horizonDays: 365,
		reschedule: false,
		language: 'zh-CN' as const,
	};

	// Warm-up on 10,000 customers so the figures are steady-state, not JIT compilation.
	const warmReader = new RevisitRequestReader(DEFAULT_REVISIT_COLUMNS, { policy, defaultTimeZone: 'Asia/Shanghai', asOf });
	const warm = items.slice(0, 10_000).map((item, i) => warmReader.read(item, i));
	buildOwnerAgendas(warm, scheduleRevisits(warm, options), owners, 'zh-CN', 'Asia/Shanghai');

	collectGarbage();
	hooks.before?.();
	let start = process.hrtime.bigint();
	const reader = new RevisitRequestReader(DEFAULT_REVISIT_COLUMNS, { policy, defaultTimeZone: 'Asia/Shanghai', asOf });
	const requests: RevisitRequest[] = items.map((item, i) => reader.read(item, i));
	const readSeconds = seconds(start);
	start = process.hrtime.bigint();
	const results = scheduleRevisits(requests, options);
	const scheduleSeconds = seconds(start);
	hooks.after?.();
	start = process.hrtime.bigint();
	const agendas = buildOwnerAgendas(requests, results, owners, 'zh-CN', 'Asia/Shanghai');
	const agendaSeconds = seconds(start);
	const scheduled = results.filter((r) => r.status === 'scheduled').length;
	const lastDue = results.reduce((max, r) => (r.dueDate && r.dueDate > max ? r.dueDate : max), '');
	report('read + schedule 100,000 customers, 20 owners (nodes/shared)', readSeconds + scheduleSeconds, {
		budgetSeconds: 1,
		read: Number(readSeconds.toFixed(3)),
		schedule: Number(scheduleSeconds.toFixed(3)),
		scheduled,
		unschedulable: results.length - scheduled,
		lastDue,
	});
	report('owner agendas for 100,000 revisits (nodes/shared)', agendaSeconds, { agendas: agendas.length });

	// The hard case: everyone due on the same day, so most searches run into full days.
	const sameDay = requests.map((r) => ({ ...r, lastContactDay: undefined, rule: policy.rules[0] }));
	start = process.hrtime.bigint();
	const crowded = scheduleRevisits(sameDay, { ...options, assignment: 'roundRobin', overflow: 'nextOpenDay' });
	report('schedule 100,000 all due the same day, round-robin waiting for the own owner (nodes/shared)', seconds(start), {
		scheduled: crowded.filter((r) => r.status === 'scheduled').length,
	});
	busyTimesAddOrders(report);
}

/**
 * One owner's busy times (multi-zone runs check every slot against them): 200,000 half-hour bookings
 * added in time order and in random order, as priority passes fill gaps between earlier bookings.
 * Random order should cost a small multiple of time order, not grow with the square of the bookings.
 */
function busyTimesAddOrders(report: Report): void {
	const slot = 30 * 60_000;
	const inOrder = Array.from({ length: 200_000 }, (_, i) => Date.UTC(2026, 0, 1) + i * slot + (i % 2) * 7 * 60_000);
	const shuffled = inOrder.slice();
	const rand = random(7);
	for (let i = shuffled.length - 1; i > 0; i--) {
		const j = Math.floor(rand() * (i + 1));
		[shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
	}
	for (const [order, starts] of [['time order', inOrder], ['random order', shuffled]] as const) {
		const busy = new OwnerBusyTimes(1);
		const start = process.hrtime.bigint();
		let overlapping = 0;
		for (const at of starts) {
			if (busy.overlaps(0, at, at + slot)) overlapping++;
			busy.add(0, at, at + slot);
		}
		report(`owner busy times: 200,000 bookings of one owner added in ${order}, each checked first (nodes/shared)`, seconds(start), { overlapping });
	}
}

/** 1,000,000 customers drawn from 20,000 birthdays, half with a membership date, a tenth with a lunar birthday. */
function occasionItems(): Array<Record<string, unknown>> {
	const rand = random(11);
	const birthdays: string[] = [];
	for (let i = 0; i < 20_000; i++) birthdays.push(isoDay(Date.UTC(1950, 0, 1) + Math.floor(rand() * 55 * 365.25) * 86_400_000));
	const joins: string[] = [];
	for (let i = 0; i < 3_000; i++) joins.push(isoDay(Date.UTC(2015, 0, 1) + Math.floor(rand() * 3_800) * 86_400_000));
	const lunar: string[] = [];
	for (let m = 1; m <= 12; m++) for (let d = 1; d <= 29; d++) lunar.push(`19${60 + (m % 30)}-${pad(m)}-${pad(d)}`);
	const items: Array<Record<string, unknown>> = new Array(1_000_000);
	for (let i = 0; i < items.length; i++) {
		const item: Record<string, unknown> = { customerId: i, birthday: birthdays[Math.floor(rand() * birthdays.length)] };
		if (rand() < 0.5) item.memberSince = joins[Math.floor(rand() * joins.length)];
		if (rand() < 0.1) item.lunarBirthday = lunar[Math.floor(rand() * lunar.length)];
		items[i] = item;
	}
	return items;
}

const FESTIVALS = ['midAutumnFestival', 'nationalDay', 'christmas'] as const;

export function occasionBench(report: Report): void {
	const items = occasionItems();
	const customers = items.length;
	const finder = new OccasionFinder({
		asOf: new Date(AS_OF),
		defaultTimeZone: 'Asia/Shanghai',
		window: { mode: 'nextDays', days: 30 },
		types: ['birthday', 'lunarBirthday', 'membershipAnniversary', 'firstPurchaseAnniversary'],
		festivals: [...FESTIVALS],
		feb29: 'feb28',
		lunarFromBirthday: true,
		language: 'zh-CN',
	});
	for (let i = 0; i < 50_000; i++) finder.find(items[i]); // warm-up
	collectGarbage();
	let withPersonal = 0;
	let occasions = 0;
	const start = process.hrtime.bigint();
	for (let i = 0; i < customers; i++) {
		const found = finder.find(items[i]);
		occasions += found.count;
		if (found.occasions.some((o) => o.type !== 'festival')) withPersonal++;
	}
	report('care occasions for 1,000,000 customers (nodes/shared)', seconds(start), {
		budgetSeconds: 2,
		occasions,
		customersWithPersonalOccasion: withPersonal,
	});
}

/** Runs a node on the items in n8n's engine; every item must come out on the first output. */
async function runRevisit(type: string, items: Array<Record<string, unknown>>, parameters: IDataObject): Promise<EngineRun> {
	const run = await runInEngine({ type, className: type === PASS_THROUGH ? undefined : 'ScheduleRevisit', parameters, items, timezone: 'Asia/Shanghai' });
	if (run.outputs[0] !== items.length) throw new Error(`${type}: expected ${items.length} items on the first output, got ${run.outputs[0]}`);
	return run;
}

const SCHEDULE_PARAMETERS: IDataObject = {
	operation: 'scheduleRevisit',
	asOf: AS_OF,
	language: 'zh-CN',
	cadenceRules: { rule: RULES.map((r) => ({ channel: 'call', reason: '', ...r })) },
	defaultInterval: 90,
	publicHolidays: 'CN',
	workingHours: '09:00-12:00, 13:30-18:00',
	appointmentMinutes: 15,
	owners: { owner: OWNERS },
	assignment: 'leastLoaded',
	overflow: 'otherOwner',
	horizonDays: 365,
};

const OCCASION_PARAMETERS: IDataObject = {
	operation: 'findOccasions',
	asOf: AS_OF,
	language: 'zh-CN',
	festivals: [...FESTIVALS],
	lunarFromBirthday: true,
	lookAheadDays: 30,
};

/** The same work as the node in n8n's engine: parameters, reading items, copies of them, both outputs. */
export async function nodeScheduleBench(report: Report): Promise<void> {
	const customers = scheduleItems();
	// Warm-up, as in a running n8n instance: the first execution compiles the code.
	await runRevisit('scheduleRevisit', customers.slice(0, 10_000), SCHEDULE_PARAMETERS);
	await runRevisit(PASS_THROUGH, customers.slice(0, 10_000), {});

	const schedule = await runRevisit('scheduleRevisit', customers, SCHEDULE_PARAMETERS);
	const scheduleEngine = await runRevisit(PASS_THROUGH, customers, {});
	report('Schedule Revisit node, 100,000 customers, 20 owners, with agendas (node time in the engine)', schedule.seconds, {
		budgetSeconds: 1,
		inExecute: Number(schedule.executeSeconds.toFixed(3)),
		inExecuteCpu: Number(schedule.executeCpuSeconds.toFixed(3)),
		peakRssMb: Math.round(schedule.peakRssMb),
		customers: schedule.outputs[0],
		agendas: schedule.outputs[1],
	});
	report('pass-through node on the same 100,000 items (n8n engine alone)', scheduleEngine.seconds);
}

export async function nodeOccasionBench(report: Report): Promise<void> {
	const occasionCustomers = occasionItems();
	await runRevisit('scheduleRevisit', occasionCustomers.slice(0, 50_000), OCCASION_PARAMETERS);
	const occasions = await runRevisit('scheduleRevisit', occasionCustomers, OCCASION_PARAMETERS);
	const occasionsEngine = await runRevisit(PASS_THROUGH, occasionCustomers, {});
	report('Find care occasions node, 1,000,000 customers (node time in the engine)', occasions.seconds, {
		budgetSeconds: 2,
		inExecute: Number(occasions.executeSeconds.toFixed(3)),
		inExecuteCpu: Number(occasions.executeCpuSeconds.toFixed(3)),
		peakRssMb: Math.round(occasions.peakRssMb),
		customers: occasions.outputs[0],
	});
	report('pass-through node on the same 1,000,000 items (n8n engine alone)', occasionsEngine.seconds);
}

export async function run(report: Report): Promise<void> {
	scheduleBench(report);
	occasionBench(report);
	await nodeScheduleBench(report);
	await nodeOccasionBench(report);
}

if (require.main === module) {
	void run((name, s, extra) => console.log(`${name}: ${s.toFixed(3)} s`, extra ?? ''));
}
