import { tzOffset } from '@date-fns/tz';
import { ConfigError, InputError } from '../input';

const TIME_ZONE_EXPECTED = 'an IANA time zone such as "Asia/Shanghai", "America/New_York" or "UTC"';

const canonicalZones = new Map<string, string>();

function canonicalZone(name: string): string | undefined {
	const cached = canonicalZones.get(name);
	if (cached !== undefined) return cached;
	try {
		const resolved = new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
		canonicalZones.set(name, resolved);
		return resolved;
	} catch {
		return undefined;
	}
}

/**
 * Checks an IANA zone name and returns its canonical spelling ("asia/shanghai" -> "Asia/Shanghai").
 * With a field name the error is an item error; without, a parameter error.
 */
export function checkTimeZone(value: unknown, field?: string): string {
	const name = typeof value === 'string' ? value.trim() : '';
	const zone = name ? canonicalZone(name) : undefined;
	if (zone) return zone;
	if (field) throw new InputError(field, value, 'is not a known time zone', TIME_ZONE_EXPECTED);
	throw new ConfigError(`Time zone "${String(value)}" is not a known time zone (expected ${TIME_ZONE_EXPECTED})`);
}

/** Minutes east of UTC in `timeZone` at `instant` (+480 for Asia/Shanghai). */
export function offsetMinutes(timeZone: string, instant: Date): number {
	return timeZone === 'UTC' ? 0 : tzOffset(timeZone, instant);
}

/** The local calendar day (day number) and minute of day of an instant in a zone. */
export function localDayAndMinute(instant: Date, timeZone: string): { dayNumber: number; minute: number } {
	const localMs = instant.getTime() + offsetMinutes(timeZone, instant) * 60_000;
	const dayNumber = Math.floor(localMs / 86_400_000);
	return { dayNumber, minute: Math.floor((localMs - dayNumber * 86_400_000) / 60_000) };
}

export function localDayNumber(instant: Date, timeZone: string): number {
	return localDayAndMinute(instant, timeZone).dayNumber;
}

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/**
 * The instant of a wall-clock time on a local day. As RFC 5545 (3.3.5) reads local times:
 * a time skipped by a DST change is taken with the offset before the gap (02:30 on the spring-forward
 * night becomes 03:30), and a time that occurs twice means its first occurrence, east of UTC as
 * much as west of it (02:30 on Berlin's autumn night is 02:30 CEST, not CET).
 */
export function zonedInstant(dayNumber: number, minuteOfDay: number, timeZone: string): Date {
	const wall = (dayNumber * 1440 + minuteOfDay) * 60_000;
	if (timeZone === 'UTC') return new Date(wall);
	// The offsets a day either side of the wall time: any change near it lies between them.
	const before = tzOffset(timeZone, new Date(wall - DAY_MS));
	const earlier = wall - before * 60_000;
	if (earlier + tzOffset(timeZone, new Date(earlier)) * 60_000 === wall) return new Date(earlier);
	const after = tzOffset(timeZone, new Date(wall + DAY_MS));
	const later = wall - after * 60_000;
	// Neither reads back as the wall time: it lies in a gap, and takes the offset before it.
	return new Date(later + tzOffset(timeZone, new Date(later)) * 60_000 === wall ? later : earlier);
}

/**
 * The zone's UTC offset (minutes) when it is the same all through a local day, or undefined on a
 * day with a DST change. On uniform days wall-clock times convert with plain arithmetic.
 */
export function uniformDayOffset(dayNumber: number, timeZone: string): number | undefined {
	if (timeZone === 'UTC') return 0;
	const wallMidnight = dayNumber * DAY_MS;
	const offset = tzOffset(timeZone, new Date(wallMidnight + 12 * HOUR_MS));
	const start = wallMidnight - offset * 60_000;
	const atStart = tzOffset(timeZone, new Date(start));
	const atEnd = tzOffset(timeZone, new Date(start + DAY_MS - 1));
	return atStart === offset && atEnd === offset ? offset : undefined;
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/** "+08:00", "-04:00", "+05:45" for an offset in minutes. */
export function formatOffset(offsetMinutes: number): string {
	const abs = Math.abs(offsetMinutes);
	return `${offsetMinutes < 0 ? '-' : '+'}${pad2(Math.floor(abs / 60))}:${pad2(abs % 60)}`;
}
