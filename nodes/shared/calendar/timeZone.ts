import { ConfigError, describeValue, InputError, offsetMs, wallClockInstant } from '../input';

const TIME_ZONE_EXPECTED = 'an IANA time zone such as "Asia/Shanghai", "America/New_York" or "UTC"';
export const ABBREVIATION_PROBLEM = 'is an abbreviation, not an IANA time zone (CST is China Standard Time as often as US Central)';

const canonicalZones = new Map<string, string>();

/**
 * ICU also takes Java's three-letter IDs, which are no IANA names and often mean another zone than the
 * data does: "CST" (China Standard Time in a Chinese export) is America/Chicago there, "BST" (British
 * Summer Time) Asia/Dhaka, "IST" Asia/Kolkata. The IANA names of three letters are these.
 */
const IANA_THREE_LETTER_NAMES = new Set(['UTC', 'UCT', 'GMT', 'EST', 'MST', 'HST', 'CET', 'EET', 'WET', 'MET', 'PRC', 'ROC', 'ROK']);

/** A three-letter abbreviation ICU would read as some zone, but that names no IANA zone. */
export function isZoneAbbreviation(name: string): boolean {
	return /^[A-Za-z]{3}$/.test(name) && !IANA_THREE_LETTER_NAMES.has(name.toUpperCase());
}

export const OFFSET_PROBLEM = 'is a UTC offset, not an IANA time zone (an offset follows no daylight-saving or local rules; +08:00 in China is Asia/Shanghai)';

/**
 * A UTC offset written as a zone: "+08:00", "-0500", "GMT+8", "UTC+08:00". Node 24's ICU takes the plain
 * ones ("+08:00") as fixed-offset zones where Node 20's refuses them, so the same workflow would run on
 * one n8n and stop on the other: they are refused everywhere.
 */
export function isUtcOffset(name: string): boolean {
	return /^(?:(?:GMT|UTC)\s*)?[+\-\u2212]\s*\d/i.test(name);
}

/**
 * The POSIX-style names, links to these zones since tzdata 2024b. Node 20's ICU resolves them so, Node 24's
 * keeps them as given: named here, a customer's zone reads the same on both engines.
 */
const POSIX_STYLE_LINKS: Record<string, string> = { EST5EDT: 'America/New_York', CST6CDT: 'America/Chicago', MST7MDT: 'America/Denver', PST8PDT: 'America/Los_Angeles' };

/** The canonical spelling of an IANA zone name, or undefined when it is none. */
export function canonicalZone(name: string): string | undefined {
	const cached = canonicalZones.get(name);
	if (cached !== undefined) return cached;
	if (isZoneAbbreviation(name) || isUtcOffset(name)) return undefined;
	try {
		const resolved = new Intl.DateTimeFormat('en-US', { timeZone: POSIX_STYLE_LINKS[name.toUpperCase()] ?? name }).resolvedOptions().timeZone;
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
	const problem = isZoneAbbreviation(name) ? ABBREVIATION_PROBLEM : isUtcOffset(name) ? OFFSET_PROBLEM : 'is not a known time zone';
	if (field) throw new InputError(field, value, problem, TIME_ZONE_EXPECTED);
	throw new ConfigError(`Time zone ${describeValue(value)} ${problem} (expected ${TIME_ZONE_EXPECTED})`);
}

/** Minutes east of UTC in `timeZone` at `instant` (+480 for Asia/Shanghai). */
export function offsetMinutes(timeZone: string, instant: Date): number {
	return timeZone === 'UTC' ? 0 : offsetMs(timeZone, instant.getTime()) / 60_000;
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

/** The instant of a wall-clock time on a local day, as wallClockInstant reads it (RFC 5545). */
export function zonedInstant(dayNumber: number, minuteOfDay: number, timeZone: string): Date {
	return new Date(wallClockInstant((dayNumber * 1440 + minuteOfDay) * 60_000, timeZone));
}

/**
 * The zone's UTC offset (minutes) when it is the same all through a local day, or undefined on a
 * day with a DST change. On uniform days wall-clock times convert with plain arithmetic. Whole
 * minutes, as ISO 8601 writes offsets: a local mean time with seconds (Shanghai's +08:05:43 before
 * 1901, Kolkata's +05:21:10 before 1942) is +08:06 and +05:21, not "+08:05.716…" (no date at all).
 */
export function uniformDayOffset(dayNumber: number, timeZone: string): number | undefined {
	if (timeZone === 'UTC') return 0;
	const wallMidnight = dayNumber * DAY_MS;
	const offset = offsetMs(timeZone, wallMidnight + 12 * HOUR_MS);
	const start = wallMidnight - offset;
	return offsetMs(timeZone, start) === offset && offsetMs(timeZone, start + DAY_MS - 1) === offset ? Math.round(offset / 60_000) : undefined;
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/** "+08:00", "-04:00", "+05:45" for an offset in minutes. */
export function formatOffset(offsetMinutes: number): string {
	const abs = Math.abs(offsetMinutes);
	return `${offsetMinutes < 0 ? '-' : '+'}${pad2(Math.floor(abs / 60))}:${pad2(abs % 60)}`;
}
