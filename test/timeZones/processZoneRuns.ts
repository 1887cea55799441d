import type { IDataObject } from 'n8n-workflow';
import { runNode, NODE_UNDER_TEST } from '../helpers/runWorkflow';
import { outputsOf } from '../helpers/runChecks';
import { startWebhookServer } from '../helpers/providers';
import { runCare } from '../SendCareMessage/helpers/run';

/**
 * One run of every node on dates without an offset around clock changes, 29 February and the year's end,
 * for test/timeZones/processZone.node.test.ts to run under different process time zones (process.env.TZ):
 * nothing a node writes may depend on the machine's zone.
 */
const LOCAL_DATES = ['2024-02-29', '2024-03-10T02:30:00', '2024-11-03T01:30:00', '2024-12-31T23:59:59.999', '2025-01-01', '20240310', '2024/11/03'];

export async function runEveryNode(): Promise<unknown> {
	const zone = 'America/New_York';
	const asOf = '2025-01-01T00:00:00';
	const runs: Record<string, unknown> = {};
	const customers = LOCAL_DATES.map((date, i) => ({ customerId: `C${i}`, firstPurchaseAt: '2024-01-01', lastPurchaseAt: date, orderCount: 2, totalSpend: 10 }));
	const orders = LOCAL_DATES.map((orderDate, i) => ({ customerId: `C${i % 3}`, orderDate, amount: 10 }));
	const run = async (name: string, type: string, parameters: IDataObject, items: IDataObject[], timezone = zone) => {
		const result = await runNode({ type, parameters, items, timezone, onError: 'continueErrorOutput' });
		runs[name] = result.error ? String(result.error.message) : outputsOf(result);
	};
	await run('segment rfm', 'segmentCustomer', { method: 'rfm', asOf }, customers);
	await run('segment lifecycle', 'segmentCustomer', { method: 'lifecycle', asOf }, customers);
	await run('segment transactions', 'segmentCustomer', { method: 'rfm', inputShape: 'transaction', asOf }, orders);
	await run('churn rules', 'detectChurnRisk', { method: 'rules', asOf }, customers);
	const model = { method: 'bgNbd', source: 'fitted', parameters: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, timeUnit: 'days', typicalIntervalDays: 30 };
	const supplied = { method: 'bgNbd', modelSource: 'supplied', suppliedParameters: JSON.stringify(model), timeUnit: 'days', asOf };
	await run('churn transactions', 'detectChurnRisk', { ...supplied, inputShape: 'transaction' }, orders);
	await run('churn dates', 'detectChurnRisk', { ...supplied, inputShape: 'customer' }, customers);
	await run('satisfaction', 'scoreSatisfaction', { metrics: ['csat'], aggregatePerCustomer: true, combineBy: 'recencyWeighted', halfLifeDays: 30 }, LOCAL_DATES.map((respondedAt, i) => ({ customerId: `C${i % 2}`, respondedAt, csat: (i % 5) + 1 })), 'Australia/Lord_Howe');
	await run('kpi report', 'measureCareImpact', { operation: 'kpiReport', source: 'orders', months: 12, asOf }, orders, 'Pacific/Kiritimati');
	await run(
		'revisit',
		'scheduleRevisit',
		{
			operation: 'scheduleRevisit',
			asOf: '2024-03-10T02:30:00',
			workingDays: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'],
			workingHours: '00:00-24:00',
			owners: { owner: [{ id: 'alice', dailyCapacity: 48 }] },
			alreadyBooked: JSON.stringify([{ owner: 'alice', slotStart: '2024-03-10T04:00:00', customerId: 'X' }]),
		},
		[{ customerId: 'A', lastContactAt: '2024-03-01' }, { customerId: 'B', lastContactAt: '2024-03-09T23:00:00', timeZone: 'Australia/Lord_Howe' }, { customerId: 'C', nextRevisitAt: '2024-03-10T05:00:00' }],
	);
	await run('occasions', 'scheduleRevisit', { operation: 'findOccasions', asOf: '2024-02-28T23:59:59.999' }, [{ customerId: 'A', birthday: '1996-02-29' }, { customerId: 'B', birthday: '1990-03-01' }], 'Pacific/Pago_Pago');
	const server = await startWebhookServer();
	try {
		const care = await runCare(
			server,
			['America/New_York', 'Australia/Lord_Howe', 'Pacific/Kiritimati', undefined].map((timeZone, i) => ({ customerId: `C${i}`, name: 'Ann', orderId: 'O1', lastContactedAt: '2024-11-01', ...(timeZone ? { timeZone } : {}) })),
			{ dryRun: true, keyPeriod: 'week', options: { asOf: '2024-11-03T01:30:00' } },
			{ timezone: zone, onError: 'continueErrorOutput' },
		);
		runs['care'] = care.result.error ? String(care.result.error.message) : outputsOf(care.result);
	} finally {
		await server.close();
	}
	return { runs, items: NODE_UNDER_TEST };
}
