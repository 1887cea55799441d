import { offsetMs } from '../input/wallClock';

const pad = (n: number, width = 2) => String(Math.trunc(Math.abs(n))).padStart(width, '0');

/**
 * ISO 8601 with an explicit numeric offset in the given IANA zone, e.g. "2026-03-08T09:30:00+08:00".
 * Milliseconds are written only when present. UTC is written as "+00:00" so every date carries an offset.
 */
export function toIsoWithOffset(date: Date, timeZone = 'UTC'): string {
	const offset = timeZone === 'UTC' ? 0 : offsetMs(timeZone, date.getTime()) / 60_000;
	const local = new Date(date.getTime() + offset * 60_000);
	const ms = local.getUTCMilliseconds();
	const sign = offset < 0 ? '-' : '+';
	return (
		`${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}` +
		`T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}` +
		(ms ? `.${pad(ms, 3)}` : '') +
		`${sign}${pad(offset / 60)}:${pad(offset % 60)}`
	);
}

/** The calendar date (YYYY-MM-DD) of an instant in the given zone. */
export function toLocalDateString(date: Date, timeZone = 'UTC'): string {
	return toIsoWithOffset(date, timeZone).slice(0, 10);
}
