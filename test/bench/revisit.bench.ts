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

import type { Report } from './run';

/** A small deterministic generator (mulberry32), so every run measures the same data. */
function random(seed: number): () => number {
	let a = seed;
	return () => {
		a = (a + 0x6d2b79f5) | 0;
		let t = Math.imul(a ^ (a >>> 15), 1 | a);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const pad = (n: number) => String(n).padStart(2, '0');
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
/** Collects the set-up's garbage before timing, when node runs with --expose-gc. */
const collectGarbage = () => (globalThis as { gc?: () => void }).gc?.();
const seconds = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9;

export function scheduleBench(report: Report, hooks: { before?: () => void; after?: () => void } = {}): void {
	const rand = random(5);
	const asOf = new Date('2025-09-15T08:00:00+08:00');
	const customers = 100_000;
	const ownerCount = 20;
	const levels = ['critical', 'high', 'medium', 'low'];
	const items: Record<string, unknown>[] = [];
	for (let i = 0; i < customers; i++) {
		items.push({
			customerId: `C${String(i).padStart(6, '0')}`,
			name: `Customer ${i}`,
			churn: { level: levels[Math.floor(rand() * rand() * 4)] },
			satisfaction: { nps: Math.floor(rand() * 11) },
			valueTier: rand() < 0.2 ? 'A' : 'B',
			lastContactAt: isoDay(asOf.getTime() - Math.floor(rand() * 120) * 86_400_000),
			accountManager: rand() < 0.3 ? `owner${Math.floor(rand() * ownerCount)}` : undefined,
		});
	}
	const policy = buildCadencePolicy(
		[
			{ name: 'Critical churn', field: 'churn.level', operator: 'is', value: 'critical', interval: 1, priority: 'urgent' },
			{ name: 'Detractor', field: 'satisfaction.nps', operator: 'atMost', value: '6', interval: 2, priority: 'high' },
			{ name: 'Top tier', field: 'valueTier', operator: 'is', value: 'A', interval: 30, unit: 'calendarDays', channel: 'visit' },
		],
		{ interval: 90, unit: 'calendarDays' },
	);
	const owners = buildOwnerPool(
		Array.from({ length: ownerCount }, (_, i) => ({ id: `owner${i}`, dailyCapacity: 16 + (i % 5) * 2 })),
		20,
	);
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
	buildOwnerAgendas(warm, scheduleRevisits(warm, options), owners, 'zh-CN');

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
	const agendas = buildOwnerAgendas(requests, results, owners, 'zh-CN');
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
}

function occasionBench(report: Report): void {
	const rand = random(11);
	const customers = 1_000_000;
	const birthdays: string[] = [];
	for (let i = 0; i < 20_000; i++) {
		const ms = Date.UTC(1950, 0, 1) + Math.floor(rand() * 55 * 365.25) * 86_400_000;
		birthdays.push(isoDay(ms));
	}
	const joins: string[] = [];
	for (let i = 0; i < 3_000; i++) joins.push(isoDay(Date.UTC(2015, 0, 1) + Math.floor(rand() * 3_800) * 86_400_000));
	const lunar: string[] = [];
	for (let m = 1; m <= 12; m++) for (let d = 1; d <= 29; d++) lunar.push(`19${60 + (m % 30)}-${pad(m)}-${pad(d)}`);
	const items: Record<string, unknown>[] = new Array(customers);
	for (let i = 0; i < customers; i++) {
		const item: Record<string, unknown> = { customerId: i, birthday: birthdays[Math.floor(rand() * birthdays.length)] };
		if (rand() < 0.5) item.memberSince = joins[Math.floor(rand() * joins.length)];
		if (rand() < 0.1) item.lunarBirthday = lunar[Math.floor(rand() * lunar.length)];
		items[i] = item;
	}
	const finder = new OccasionFinder({
		asOf: new Date('2025-09-15T08:00:00+08:00'),
		defaultTimeZone: 'Asia/Shanghai',
		window: { mode: 'nextDays', days: 30 },
		types: ['birthday', 'lunarBirthday', 'membershipAnniversary', 'firstPurchaseAnniversary'],
		festivals: ['midAutumnFestival', 'nationalDay', 'christmas'],
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

export async function run(report: Report): Promise<void> {
	scheduleBench(report);
	occasionBench(report);
}

if (require.main === module) {
	void run((name, s, extra) => console.log(`${name}: ${s.toFixed(3)} s`, extra ?? ''));
}
