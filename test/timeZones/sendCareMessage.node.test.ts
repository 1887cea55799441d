import { startWebhookServer, type ProviderServer } from '../helpers/providers';
import { nonFinite, outputsOf } from '../helpers/runChecks';
import { runCare } from '../SendCareMessage/helpers/run';
import { AS_OF_LOCAL, ZONES, daysBefore, instantOf, localDate, wallMs, withOffset } from './zoneCases';

/**
 * Send Care Message judges quiet hours and takes the key's period in the recipient's zone (Time Zone
 * Field, else the workflow's; README, Send Care Message), at As Of. A dry run in every workflow zone, with
 * As Of at each hard moment and recipients in all six zones (and one without a zone): each recipient is
 * skipped for quiet hours exactly when As Of lies outside 09:00-20:00 on their clock, deferred to their
 * next 09:00 with its offset, and keyed by their own day, ISO week, month or year.
 */
const PERIODS = ['day', 'week', 'month', 'year'] as const;

/** ISO 8601 week of a calendar date: the week (Monday first) holding its Thursday. */
function isoWeek(day: string): string {
	const date = Date.parse(`${day}T00:00:00Z`);
	const weekday = (new Date(date).getUTCDay() + 6) % 7;
	const thursday = new Date(date + (3 - weekday) * 86_400_000);
	const year = thursday.getUTCFullYear();
	const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * 86_400_000)) + 1;
	return `${year}-W${String(week).padStart(2, '0')}`;
}

function periodOf(day: string, period: (typeof PERIODS)[number]): string {
	return period === 'day' ? day : period === 'week' ? isoWeek(day) : period === 'month' ? day.slice(0, 7) : day.slice(0, 4);
}

const CASES = ZONES.flatMap((zone, z) => AS_OF_LOCAL.map((asOf, a) => [zone, asOf, PERIODS[(z + a) % PERIODS.length]] as const));

describe('Send Care Message: quiet hours and key periods on the recipient clock', () => {
	let server: ProviderServer;
	beforeAll(async () => {
		server = await startWebhookServer();
	});
	afterAll(() => server.close());

	it.each(CASES)('workflow zone %s, As Of %s, Key Period %s', async (zone, asOfText, keyPeriod) => {
		const asOfInstant = instantOf(asOfText, zone);
		const recipients: Array<string | undefined> = [...ZONES, undefined];
		const items = recipients.map((timeZone, i) => ({ customerId: `C${i}`, name: 'Ann', orderId: 'O1', ...(timeZone ? { timeZone } : {}) }));
		const run = await runCare(server, items, { dryRun: true, keyPeriod, options: { asOf: asOfText } }, { timezone: zone, onError: 'continueErrorOutput' });
		expect(run.result.error).toBeUndefined();
		expect(run.sent).toEqual([]);
		expect(run.failed).toEqual([]);
		expect(nonFinite(outputsOf(run.result))).toEqual([]);
		const actual = run.care('skipped').map((care) => ({ key: care.key, reason: care.reason, deferUntil: care.deferUntil }));
		const expected = recipients.map((timeZone, i) => {
			const recipientZone = timeZone ?? zone;
			const day = localDate(asOfInstant, recipientZone);
			const minute = Math.floor((wallMs(asOfInstant, recipientZone) - Date.parse(`${day}T00:00:00Z`)) / 60_000);
			const quiet = minute < 9 * 60 || minute >= 20 * 60;
			const opens = minute < 9 * 60 ? day : daysBefore(day, -1);
			return {
				key: `C${i}:custom:webhook:${periodOf(day, keyPeriod)}`,
				reason: quiet ? 'quietHours' : 'dryRun',
				deferUntil: quiet ? withOffset(instantOf(`${opens}T09:00:00`, recipientZone), recipientZone) : undefined,
			};
		});
		expect(actual).toEqual(expected);
	});
});

/**
 * The frequency cap's window of D days starts D days before As Of on the recipient's calendar, as every
 * day count does: in New York a contact at 09:30 on 5 March 2024 is 7 days and 30 minutes before As Of
 * 10:00 on 12 March, outside "1 per 7 days". A window of 7 × 24 hours would start at 09:00 EST (the
 * clocks went forward on 10 March) and cap the customer. Request: /work/brief/requests/O-to-P.md (second
 * part); the generated cases across every zone's changes are in test/messaging/capWindow.test.ts.
 */
describe('Send Care Message: the frequency cap window on the recipient calendar (request O-to-P.md)', () => {
	let server: ProviderServer;
	beforeAll(async () => {
		server = await startWebhookServer();
	});
	afterAll(() => server.close());

	it('a contact 7 days and 30 minutes before As Of, across the spring change, is outside 1 per 7 days', async () => {
		const items = [
			{ customerId: 'A', name: 'Ann', orderId: 'O1', timeZone: 'America/New_York', lastContactedAt: '2024-03-05T09:30:00-05:00' },
			// Half an hour later it is inside the window on any reading.
			{ customerId: 'B', name: 'Ann', orderId: 'O1', timeZone: 'America/New_York', lastContactedAt: '2024-03-05T10:30:00-05:00' },
		];
		const run = await runCare(server, items, { dryRun: true, options: { asOf: '2024-03-12T10:00:00-04:00' } }, { timezone: 'UTC', onError: 'continueErrorOutput' });
		expect(run.care('skipped').map((care) => care.reason)).toEqual(['dryRun', 'capped']);
	});
});
