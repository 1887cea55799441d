import { TZDate } from '@date-fns/tz';
import { getISOWeek, getISOWeekYear } from 'date-fns';
import { periodOf, KEY_PERIODS, type KeyPeriod } from '../../nodes/shared/messaging/ledger';
import { seededRandom } from '../helpers/random';

/** The period as @date-fns/tz and date-fns work it out on the zone's calendar: the reference. */
function referencePeriod(instant: Date, period: KeyPeriod, timeZone: string): string {
	if (period === 'once') return 'once';
	const local = new TZDate(instant.getTime(), timeZone);
	const pad = (n: number) => String(n).padStart(2, '0');
	if (period === 'day') return `${local.getFullYear()}-${pad(local.getMonth() + 1)}-${pad(local.getDate())}`;
	if (period === 'week') return `${getISOWeekYear(local)}-W${pad(getISOWeek(local))}`;
	if (period === 'month') return `${local.getFullYear()}-${pad(local.getMonth() + 1)}`;
	return String(local.getFullYear());
}

/** The two ends of the date line (+14 and -11, a calendar day apart), DST zones north and south, 30- and 45-minute offsets. */
const ZONES = [
	'UTC',
	'Pacific/Kiritimati',
	'Pacific/Pago_Pago',
	'Asia/Shanghai',
	'America/New_York',
	'Europe/London',
	'Australia/Lord_Howe',
	'Pacific/Chatham',
	'Asia/Kathmandu',
	'America/St_Johns',
];

/**
 * Each zone's local midnights from 29 December to 3 January and the millisecond before each: years whose
 * 31 December is a Thursday (2020, 2026: week 53), a Monday (2024: 30 December is 2025-W01), a Saturday
 * (2022: 1 January 2022 is 2021-W52), and 2021, 2027.
 */
function newYearEdges(timeZone: string): Date[] {
	const instants: Date[] = [];
	for (const year of [2020, 2021, 2022, 2024, 2026, 2027]) {
		for (let day = 29; day <= 31 + 3; day++) {
			const midnight = new TZDate(year, 11, day, 0, 0, 0, timeZone).getTime();
			instants.push(new Date(midnight - 1), new Date(midnight));
		}
	}
	return instants;
}

function mismatches(instantsIn: (timeZone: string) => readonly Date[], periods: readonly KeyPeriod[]): string[] {
	const found: string[] = [];
	for (const timeZone of ZONES) {
		for (const instant of instantsIn(timeZone)) {
			for (const period of periods) {
				const got = periodOf(instant, period, timeZone);
				const expected = referencePeriod(instant, period, timeZone);
				if (got !== expected) found.push(`${instant.toISOString()} ${timeZone} ${period}: ${got}, expected ${expected}`);
			}
		}
	}
	return found;
}

describe('periodOf', () => {
	it('gives the zone calendar period of @date-fns/tz for every period at random instants 1950-2100', () => {
		const random = seededRandom(20261207);
		const from = Date.UTC(1950, 0, 1);
		const to = Date.UTC(2100, 0, 1);
		const instants = Array.from({ length: 250 }, () => new Date(from + Math.floor(random() * (to - from))));
		expect(mismatches(() => instants, KEY_PERIODS)).toEqual([]);
	});

	it('agrees on both sides of each local midnight around New Year, where the ISO week year and the calendar year part', () => {
		expect(mismatches(newYearEdges, ['day', 'week', 'year'])).toEqual([]);
	});

	it('puts 31 December 2026 at Kiritimati and Pago Pago, a calendar day apart at one instant, in their own weeks and years', () => {
		// 2026-12-31T10:30Z: Friday 1 January 2027 00:30 at Kiritimati (+14), Wednesday 30 December 23:30 at Pago Pago (-11).
		const instant = new Date('2026-12-31T10:30:00Z');
		expect(periodOf(instant, 'day', 'Pacific/Kiritimati')).toBe('2027-01-01');
		expect(periodOf(instant, 'year', 'Pacific/Kiritimati')).toBe('2027');
		expect(periodOf(instant, 'week', 'Pacific/Kiritimati')).toBe('2026-W53');
		expect(periodOf(instant, 'day', 'Pacific/Pago_Pago')).toBe('2026-12-30');
		expect(periodOf(instant, 'week', 'Pacific/Pago_Pago')).toBe('2026-W53');
		// Monday 4 January 2027 at Kiritimati while Pago Pago still has Saturday 2 January.
		const monday = new Date('2027-01-03T10:30:00Z');
		expect(periodOf(monday, 'week', 'Pacific/Kiritimati')).toBe('2027-W01');
		expect(periodOf(monday, 'week', 'Pacific/Pago_Pago')).toBe('2026-W53');
	});
});
