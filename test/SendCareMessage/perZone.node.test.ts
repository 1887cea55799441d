import type { IDataObject } from 'n8n-workflow';
import { startWebhookServer, type ProviderServer } from '../helpers/providers';
import { runCare } from './helpers/run';

/** Calls per zone of the calculations that depend only on As Of (and the settings) and the recipient's zone. */
const calls = { periodOf: [] as string[], capWindowStart: [] as string[], checkSendingWindow: [] as string[] };

jest.mock('../../nodes/shared/messaging/ledger/key', () => {
	const actual = jest.requireActual('../../nodes/shared/messaging/ledger/key');
	return { ...actual, periodOf: (instant: Date, period: string, timeZone: string) => (calls.periodOf.push(timeZone), actual.periodOf(instant, period, timeZone)) };
});
jest.mock('../../nodes/shared/messaging/policy/frequencyCap', () => {
	const actual = jest.requireActual('../../nodes/shared/messaging/policy/frequencyCap');
	return { ...actual, capWindowStart: (asOf: Date, cap: unknown, timeZone: string) => (calls.capWindowStart.push(timeZone), actual.capWindowStart(asOf, cap, timeZone)) };
});
jest.mock('../../nodes/shared/messaging/policy/quietHours', () => {
	const actual = jest.requireActual('../../nodes/shared/messaging/policy/quietHours');
	return { ...actual, checkSendingWindow: (now: Date, timeZone: string, window: unknown) => (calls.checkSendingWindow.push(timeZone), actual.checkSendingWindow(now, timeZone, window)) };
});

const ZONES = ['Asia/Shanghai', 'America/New_York', 'Europe/London'];

describe('Send Care Message: what depends only on As Of and the zone is worked out once per zone', () => {
	let server: ProviderServer;
	beforeAll(async () => {
		server = await startWebhookServer();
	});
	afterAll(() => server.close());

	it('1,000 recipients in 3 zones: one key period, cap window and sending-hours decision per zone, each item its own', async () => {
		const items: IDataObject[] = Array.from({ length: 1000 }, (_, i) => ({ customerId: `C${i}`, name: `N${i}`, orderId: `O-${i}`, timeZone: ZONES[i % 3], lastContactedAt: null }));
		for (const list of Object.values(calls)) list.length = 0;
		// As Of 2026-03-08T04:00Z: noon on Sunday 8 March in Shanghai, 04:00 in London, 23:00 on Saturday in New
		// York (whose clocks go forward that night): ISO week 10 everywhere; quiet hours outside Shanghai.
		const run = await runCare(server, items, { dryRun: true, keyPeriod: 'week', frequencyCap: 'field', lastContactedField: 'lastContactedAt' });

		expect(run.result.error).toBeUndefined();
		expect(run.skipped).toHaveLength(1000);
		const care = run.care('skipped');
		items.forEach((item, i) => expect(care[i].key).toBe(`C${i}:custom:webhook:2026-W10`));
		care.forEach((c, i) => expect(c.reason).toBe(ZONES[i % 3] === 'Asia/Shanghai' ? 'dryRun' : 'quietHours'));
		expect(new Set(care.filter((c) => c.reason === 'quietHours').map((c) => c.deferUntil))).toEqual(new Set(['2026-03-08T09:00:00-04:00', '2026-03-08T09:00:00+00:00']));

		const perZone = (zones: string[]) => Object.fromEntries(ZONES.map((zone) => [zone, zones.filter((z) => z === zone).length]));
		const once = Object.fromEntries(ZONES.map((zone) => [zone, 1]));
		expect({ periodOf: perZone(calls.periodOf), capWindowStart: perZone(calls.capWindowStart), checkSendingWindow: perZone(calls.checkSendingWindow) }).toEqual({
			periodOf: once,
			capWindowStart: once,
			checkSendingWindow: once,
		});
	});
});
