import type { IDataObject } from 'n8n-workflow';
import { assignGroup, assignmentPosition } from '../../nodes/shared/impact';
import { NODE_UNDER_TEST, runNode } from '../helpers/runWorkflow';
import { callNodeAsTool, fromAgent, TOOL_PATHS, toolNodeNames } from './toolHarness';

/**
 * Segment Customer, Score Satisfaction, Schedule Revisit and Measure Care Impact called the way an AI
 * agent calls them (n8n-core's node-as-tool wrapper, and the AI Agent 3's engine request): one customer
 * in, a complete answer on output 0 (whatever output the batch run would use), refusals and errors as
 * answers saying what to set or pass.
 */
const asOf = '2024-07-01T00:00:00Z';
const segmentColumns = {
	customerIdColumn: fromAgent('customerId', 'the customer ID'),
	lastPurchaseColumn: fromAgent('lastPurchaseAt', 'date of the last purchase, YYYY-MM-DD'),
	purchaseCountColumn: fromAgent('orderCount', 'number of orders', 'number'),
	totalSpendColumn: fromAgent('totalSpend', 'total spent', 'number'),
};
const base = (n: number) =>
	Array.from({ length: n }, (_, i) => ({
		customerId: `B${i}`,
		lastPurchaseAt: new Date(Date.parse(asOf) - ((i * 37) % 400) * 86_400_000).toISOString().slice(0, 10),
		orderCount: 1 + ((i * 7) % 20),
		totalSpend: 50 + ((i * 131) % 3000),
	}));

it('offers all six nodes as tools (Measure Care Impact for Assign Holdout only)', () => {
	expect(toolNodeNames.sort()).toEqual(['detectChurnRisk', 'measureCareImpact', 'scheduleRevisit', 'scoreSatisfaction', 'segmentCustomer', 'sendCareMessage']);
});

describe.each(TOOL_PATHS)('care nodes as AI-agent tools (%s path)', (via) => {
	it('Segment Customer, RFM applied from a learned state: the customer scores as in the run that learned it', async () => {
		const customers = base(200);
		const learn = await runNode({ type: 'segmentCustomer', parameters: { method: 'rfm', asOf, cutPoints: 'learn', outputLearnedState: true }, items: customers });
		const summary = learn.json(NODE_UNDER_TEST, 1);
		const learned = summary[summary.length - 1];
		expect(learned.key).toBe('learnedState');
		const inBatch = learn.json(NODE_UNDER_TEST, 0)[17];
		const call = await callNodeAsTool({
			type: 'segmentCustomer',
			parameters: { method: 'rfm', cutPoints: 'apply', learnedState: `={{ (${JSON.stringify(learned, null, 1)}) }}`, ...segmentColumns },
			args: { customerId: customers[17].customerId, lastPurchaseAt: customers[17].lastPurchaseAt, orderCount: customers[17].orderCount, totalSpend: customers[17].totalSpend },
			via,
		});
		expect(call.description).toMatch(/^Segment one customer/);
		for (const field of ['customerId', 'lastPurchaseAt', 'orderCount', 'totalSpend']) expect(call.description).toContain(field);
		expect(call.answer).toEqual([expect.objectContaining({ customerId: 'B17', segment: inBatch.segment })]);
	});

	it.each([
		['rfm', 'RFM with cut points learned from the incoming customers cannot be used: one customer ranked against itself always scores in the middle'],
		['valueTier', 'Value Tier with cut points learned from the incoming customers cannot be used: one customer alone holds all the revenue'],
	])('Segment Customer refuses %s learned from the one customer, saying to apply a learned state', async (method, reason) => {
		const call = await callNodeAsTool({ type: 'segmentCustomer', parameters: { method, asOf, ...segmentColumns }, args: base(1)[0], via });
		expect(call.answer).toEqual([expect.objectContaining({ error: expect.stringContaining(reason) })]);
		expect((call.answer as IDataObject[])[0].error).toContain('Cut Points → Apply Learned State');
	});

	it('Segment Customer, lifecycle: one customer is judged alone', async () => {
		const call = await callNodeAsTool({
			type: 'segmentCustomer',
			parameters: { method: 'lifecycle', asOf, firstPurchaseColumn: fromAgent('firstPurchaseAt', 'date of the first purchase'), ...segmentColumns },
			args: { customerId: 'L1', firstPurchaseAt: '2022-01-10', lastPurchaseAt: '2023-02-01', orderCount: 6, totalSpend: 900 },
			via,
		});
		expect(call.answer).toEqual([expect.objectContaining({ customerId: 'L1', segment: expect.objectContaining({ method: 'lifecycle', key: expect.any(String) }) })]);
	});

	it('Score Satisfaction: one response comes back classified, without a report row', async () => {
		const call = await callNodeAsTool({
			type: 'scoreSatisfaction',
			parameters: { metrics: ['nps', 'csat'], npsColumn: fromAgent('nps', 'the 0-10 answer', 'number'), csatColumn: fromAgent('csat', 'the 1-5 answer', 'number') },
			args: { nps: 3, csat: 2 },
			via,
		});
		expect(call.description).toMatch(/^Score one survey response/);
		const answer = call.answer as Array<{ satisfaction: IDataObject }>;
		expect(answer).toHaveLength(1);
		expect(answer[0].satisfaction).toMatchObject({ nps: expect.objectContaining({ score: 3, category: 'detractor' }), csat: expect.objectContaining({ score: 2, satisfied: false }) });
	});

	it('Score Satisfaction: an answer off the scale comes back as an error naming the field', async () => {
		const call = await callNodeAsTool({ type: 'scoreSatisfaction', parameters: { metrics: ['nps'], npsColumn: fromAgent('nps', 'the 0-10 answer', 'number') }, args: { nps: 11 }, via });
		expect(call.answer).toEqual([expect.objectContaining({ error: expect.stringContaining('field "nps" is 11') })]);
	});

	const revisit = {
		operation: 'scheduleRevisit',
		asOf: '2025-09-29T10:00:00+08:00',
		timeZone: 'Asia/Shanghai',
		publicHolidays: 'CN',
		workingHours: '09:30-12:00, 14:00-18:00',
		cadenceRules: { rule: [{ name: 'Critical churn', field: 'riskLevel', operator: 'is', value: 'critical', interval: 1, unit: 'businessDays', priority: 'urgent', channel: 'call', reason: 'Critical churn risk' }] },
		customerIdColumn: fromAgent('customerId', 'the customer ID'),
		owners: { owner: [{ id: 'alice', dailyCapacity: 2 }] },
	};
	const riskArgument = { field: `={{ ($fromAI('riskLevel', 'churn risk level: low, medium, high or critical'), 'riskLevel') }}` };

	it('Schedule Revisit: the plan of one customer, without the owner agenda', async () => {
		const call = await callNodeAsTool({
			type: 'scheduleRevisit',
			parameters: { ...revisit, cadenceRules: { rule: [{ ...revisit.cadenceRules.rule[0], ...riskArgument }] } },
			args: { customerId: 'R1', riskLevel: 'critical' },
			via,
		});
		expect(call.description).toMatch(/^Plan the next revisit of one customer/);
		expect(call.answer).toEqual([
			expect.objectContaining({ customerId: 'R1', revisit: expect.objectContaining({ status: 'scheduled', dueAt: '2025-09-30T09:30:00+08:00', owner: 'alice', priority: 'urgent' }) }),
		]);
	});

	it('Schedule Revisit: a customer that cannot be placed comes back with the reason', async () => {
		const call = await callNodeAsTool({
			type: 'scheduleRevisit',
			parameters: {
				...revisit,
				cadenceRules: { rule: [{ ...revisit.cadenceRules.rule[0], ...riskArgument, unit: 'calendarDays' }] },
				extraClosedDates: '2025-09-29..2025-10-31',
				horizonDays: 10,
			},
			args: { customerId: 'R2', riskLevel: 'critical' },
			via,
		});
		expect(call.answer).toEqual([expect.objectContaining({ customerId: 'R2', revisit: expect.objectContaining({ status: 'unschedulable', unschedulableBecause: 'noOpenDay', dueAt: null, notes: [expect.stringContaining('No open day between')] }) })]);
	});

	const holdout = { operation: 'assignHoldout', campaign: 'win-back-2026-03', holdoutPercent: 10, customerIdColumn: fromAgent('customerId', 'the customer ID') };
	const inGroup = (group: string) => {
		for (let i = 0; ; i++) if (assignGroup(assignmentPosition(holdout.campaign, `H${i}`), 0.1) === group) return `H${i}`;
	};

	it.each(['holdout', 'treatment'])('Measure Care Impact, Assign Holdout: a customer of the %s group gets its group on the one answer', async (group) => {
		const customerId = inGroup(group);
		const call = await callNodeAsTool({ type: 'measureCareImpact', parameters: holdout, args: { customerId }, via });
		expect(call.description).toMatch(/^Whether one customer is in the treatment group/);
		expect(call.answer).toEqual([expect.objectContaining({ customerId, impact: expect.objectContaining({ campaign: 'win-back-2026-03', group, holdoutShare: 0.1 }) })]);
	});

	it.each([
		['measureUplift', 'Operation "Measure Uplift" cannot be used'],
		['kpiReport', 'Operation "KPI Report" cannot be used'],
	])('Measure Care Impact refuses %s, which needs a whole population', async (operation, reason) => {
		const call = await callNodeAsTool({ type: 'measureCareImpact', parameters: { ...holdout, operation }, args: { customerId: 'H1' }, via });
		expect(call.answer).toEqual([expect.objectContaining({ error: expect.stringContaining(reason) })]);
	});
});
