import type { IDataObject } from 'n8n-workflow';
import { byCustomer, expectInvariants, runBatch, shuffled, type BatchRun } from '../helpers/batchShapes';

/**
 * The batch-shapes audit of Schedule Revisit: one customer, two, every item refused, every item the same
 * customer, every customer due the same day far past the owners' capacity (a few owners, 60 and
 * 100,000 customers), and Find Care Occasions on one customer, every item refused, duplicates and
 * 100,000 customers sharing a birthday. Each run keeps the invariants of test/helpers/batchShapes.ts; a schedule
 * keeps every owner within its daily capacity with no two revisits of an owner at one time, reports each
 * customer it cannot place as unschedulable with the reason (never dropped), its Owner Agenda counts what
 * the Customers output booked, and the same customers in another order get the same schedule (README:
 * "the same input always gives the same schedule, whatever the item order").
 */

const ZONE = 'Asia/Shanghai';
const cadenceRules = {
	rule: [{ name: 'Churn', field: 'churn.level', operator: 'is', value: 'critical, high', interval: 1, unit: 'businessDays', priority: 'urgent', channel: 'call' }],
};
const owners = (capacities: number[]) => ({ owner: capacities.map((dailyCapacity, k) => ({ id: `m${k}`, dailyCapacity })) });
const schedule = (capacities: number[], horizonDays = 5): IDataObject => ({
	operation: 'scheduleRevisit',
	asOf: '2026-03-02T10:00:00+08:00',
	timeZone: ZONE,
	publicHolidays: 'CN',
	horizonDays,
	cadenceRules,
	owners: owners(capacities),
});
const due = (id: string, manager?: string): IDataObject => ({ customerId: id, lastContactAt: '2026-02-20', churn: { level: 'critical' }, ...(manager ? { accountManager: manager } : {}) });
const many = (n: number, f: (k: number) => IDataObject) => Array.from({ length: n }, (_, k) => f(k));

interface Revisit {
	status: string;
	customerId: string;
	owner: string | null;
	slotStart: string | null;
	dueDate: string;
	unschedulableBecause: string | null;
}
interface Agenda {
	owner: string;
	date: string;
	count: number;
	dailyCapacity: number;
}

const CASES: Array<[string, IDataObject, IDataObject[]]> = [
	['one customer', schedule([3]), [due('a')]],
	['two customers', schedule([3]), [due('a'), due('b', 'm0')]],
	['every item refused', schedule([3]), many(5, (k) => ({ ...due(`c${k}`), lastContactAt: 'soon' }))],
	['every item the same customer', schedule([3]), many(10, () => due('same'))],
	['60 customers due the same day, capacity 2 + 1, horizon 5 days', schedule([2, 1]), many(60, (k) => due(`c${k}`, k % 4 === 0 ? 'm1' : undefined))],
	['100,000 customers due the same day, capacity 50 × 3', schedule([50, 50, 50], 10), many(100_000, (k) => due(`c${String(k).padStart(6, '0')}`))],
];

const OCCASIONS = { operation: 'findOccasions', asOf: '2026-03-01T10:00:00+08:00', timeZone: ZONE, lookAheadDays: 60, festivals: ['womensDay'] };
const person = (id: string): IDataObject => ({ customerId: id, birthday: '1990-03-15', lunarBirthday: '1980-02-20', memberSince: '2020-04-01', firstPurchaseAt: '2021-03-20', timeZone: ZONE });
const OCCASION_CASES: Array<[string, IDataObject[]]> = [
	['one customer', [person('a')]],
	['every item refused', many(5, (k) => ({ ...person(`c${k}`), birthday: 'soon' }))],
	['every item the same customer', many(10, () => person('same'))],
	['100,000 customers sharing a birthday', many(100_000, (k) => person(`c${k}`))],
];

const revisits = (run: BatchRun) => run.outputs[0].map((i) => i.json.revisit as unknown as Revisit);

describe('Schedule Revisit: batch shapes', () => {
	it.each(CASES.map((c) => [c[0], c] as const))('Schedule Revisit, %s', async (_name, [, parameters, items]) => {
		const run = await runBatch({ type: 'scheduleRevisit', parameters }, items);
		expectInvariants(run, items.length, { itemOutputs: [0] });
		const capacity = new Map(((parameters.owners as IDataObject).owner as IDataObject[]).map((o) => [o.id as string, o.dailyCapacity as number]));
		const booked = new Map<string, number>();
		const slots = new Set<string>();
		for (const r of revisits(run)) {
			if (r.status === 'unschedulable') {
				expect(r.unschedulableBecause).toEqual(expect.any(String));
				continue;
			}
			expect(r.status).toBe('scheduled');
			const day = `${r.owner}/${r.slotStart!.slice(0, 10)}`;
			booked.set(day, (booked.get(day) ?? 0) + 1);
			expect(slots.has(`${r.owner}/${r.slotStart}`)).toBe(false);
			slots.add(`${r.owner}/${r.slotStart}`);
		}
		for (const [day, count] of booked) expect(count).toBeLessThanOrEqual(capacity.get(day.split('/')[0])!);
		const agendas = run.outputs[1].map((i) => i.json as unknown as Agenda);
		expect(new Map(agendas.map((a) => [`${a.owner}/${a.date}`, a.count]))).toEqual(booked);
		if (items.length > 1 && items.length <= 1_000) {
			const again = byCustomer((await runBatch({ type: 'scheduleRevisit', parameters }, shuffled(items))).outputs[0], (json) => json.customerId);
			for (const [id, json] of byCustomer(run.outputs[0], (j) => j.customerId)) expect(again.get(id)?.revisit).toEqual(json.revisit);
		}
	}, 120_000);

	it.each(OCCASION_CASES.map((c) => [c[0], c] as const))('Find Care Occasions, %s', async (_name, [, items]) => {
		const run = await runBatch({ type: 'scheduleRevisit', parameters: OCCASIONS }, items);
		expectInvariants(run, items.length, { itemOutputs: [0] });
	}, 120_000);
});
