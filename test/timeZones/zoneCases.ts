/**
 * The time zones and As Of values every node is run with, and an independent reference for the zone's
 * calendar (Intl, not the nodes' code): a day count is the difference of two wall-clock times.
 */
export const ZONES = ['UTC', 'Asia/Shanghai', 'America/New_York', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'Australia/Lord_Howe'] as const;

/** As Of as local text, read in the workflow's zone. */
export const AS_OF_LOCAL = [
	'2024-02-29', // leap day
	'2024-06-15T00:00:00', // local midnight
	'2024-06-14T23:59:59.999', // one millisecond before it
	'2024-12-31T23:59:59.999', // year boundary
	'2025-01-01',
	'2024-03-10T02:30:00', // New York spring-forward gap
	'2024-11-03T01:30:00', // New York fall-back repeated hour
	'2024-10-06T02:15:00', // Lord Howe's 30-minute gap (02:00 -> 02:30)
	'2024-04-07T01:45:00', // Lord Howe's repeated half hour (02:00 -> 01:30)
] as const;

const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

/** The wall-clock time an instant has in a zone, as the epoch ms that time would have in UTC. */
export function wallMs(instant: number, zone: string): number {
	let format = formatters.get(zone);
	if (!format) {
		format = new Intl.DateTimeFormat('en-US', {
			timeZone: zone,
			hourCycle: 'h23',
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit',
			second: '2-digit',
		});
		formatters.set(zone, format);
	}
	const p = Object.fromEntries(format.formatToParts(new Date(instant)).map((part) => [part.type, part.value]));
	return Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute, +p.second) + (((instant % 1000) + 1000) % 1000);
}

/** The epoch ms of a local wall-clock text in a zone, as RFC 5545 reads it: first occurrence, a gap takes the offset before it. */
export function instantOf(localText: string, zone: string): number {
	const [date, time = '00:00:00'] = localText.split('T');
	const [y, mo, d] = date.split('-').map(Number);
	const [h, mi, sFull] = time.split(':');
	const [s, ms = '0'] = sFull.split('.');
	const wall = Date.UTC(y, mo - 1, d, +h, +mi, +s, +ms.padEnd(3, '0'));
	// Candidates from every offset the zone has within a day of it; the earliest that reads back is the first occurrence.
	const offsets = new Set<number>();
	for (let k = -48; k <= 48; k++) offsets.add(wallMs(wall + k * 1_800_000, zone) - (wall + k * 1_800_000));
	const readsBack = [...offsets].map((o) => wall - o).filter((t) => wallMs(t, zone) === wall);
	if (readsBack.length) return Math.min(...readsBack);
	// In a gap: the offset before it (the offset a day earlier).
	return wall - (wallMs(wall - DAY_MS, zone) - (wall - DAY_MS));
}

/** Days from one instant to another on a zone's calendar. */
export function calendarDaysBetween(fromMs: number, toMs: number, zone: string): number {
	return (wallMs(toMs, zone) - wallMs(fromMs, zone)) / DAY_MS;
}

/** The local calendar date (YYYY-MM-DD) of an instant in a zone. */
export function localDate(instant: number, zone: string): string {
	return new Date(wallMs(instant, zone)).toISOString().slice(0, 10);
}

/** Text of a local date a whole number of days before another (date-only arithmetic, no zone). */
export function daysBefore(localDay: string, days: number): string {
	return new Date(Date.parse(`${localDay}T00:00:00Z`) - days * DAY_MS).toISOString().slice(0, 10);
}

/** An instant as ISO text with the zone's numeric offset (e.g. 2024-03-10T03:30:00-04:00). */
export function withOffset(instant: number, zone: string): string {
	const offsetMinutes = Math.round((wallMs(instant, zone) - instant) / 60_000);
	const sign = offsetMinutes < 0 ? '-' : '+';
	const abs = Math.abs(offsetMinutes);
	const local = new Date(wallMs(instant, zone)).toISOString().slice(0, 23).replace(/\.000$/, '');
	return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** Every zone with every As Of: [zone, As Of text]. */
export const ZONE_AS_OF: Array<[string, string]> = ZONES.flatMap((zone) => AS_OF_LOCAL.map((asOf) => [zone, asOf] as [string, string]));

/** A past moment written as a node input: its text or number and the instant it stands for. */
export interface DateForm {
	form: 'date' | 'local date-time' | 'date-time with offset' | 'epoch ms' | 'epoch s';
	value: string | number;
	instant: number;
}

const HOUR_MS = 3_600_000;
/** Days back from As Of's local date: around a month, two clock changes and a leap year apart. */
const DAYS_BACK = [0, 1, 2, 7, 30, 31, 59, 60, 61, 90, 180, 365, 366];
/** Hours back from As Of: across a clock change in either direction when As Of sits next to one. */
const HOURS_BACK = [0.001 / 3600, 1, 2.5, 23, 24, 25, 47.75, 24 * 7 + 0.5, 24 * 90 + 3];

/** The same past moments in every form a date column takes, none after As Of. */
export function dateForms(asOfInstant: number, zone: string): DateForm[] {
	const asOfDay = localDate(asOfInstant, zone);
	const forms: DateForm[] = DAYS_BACK.map((days) => {
		const value = daysBefore(asOfDay, days);
		return { form: 'date', value, instant: instantOf(value, zone) };
	});
	for (const hours of HOURS_BACK) {
		const instant = Math.round(asOfInstant - hours * HOUR_MS);
		const localText = new Date(wallMs(instant, zone)).toISOString().slice(0, 23);
		forms.push(
			{ form: 'local date-time', value: localText, instant: instantOf(localText, zone) },
			{ form: 'date-time with offset', value: withOffset(instant, zone), instant },
			{ form: 'epoch ms', value: instant, instant },
			{ form: 'epoch s', value: Math.floor(instant / 1000), instant: Math.floor(instant / 1000) * 1000 },
		);
	}
	return forms;
}

/** A number as the nodes write day counts: two decimals. */
export const round2 = (n: number) => Math.round(n * 100) / 100;
