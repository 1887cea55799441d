import { tzOffset } from '@date-fns/tz';

const DAY_MS = 86_400_000;

/** The zone's offset from UTC at an instant, in whole milliseconds (a local mean time such as Shanghai's +08:05:43 before 1901 has seconds). */
function offsetMs(timeZone: string, instant: number): number {
	return Math.round(tzOffset(timeZone, new Date(instant)) * 60_000);
}

/**
 * The instant (epoch ms) at which the zone's clocks show a wall-clock time, given as the epoch ms that
 * time has in UTC (Date.UTC of its fields). As RFC 5545 (3.3.5) reads local times: a time that occurs
 * twice means its first occurrence, east of UTC as much as west of it (02:30 on Berlin's autumn night
 * is 02:30 CEST), and a time skipped by a change takes the offset before the gap (02:30 on New York's
 * spring night is 03:30 EDT).
 */
export function wallClockInstant(wallMs: number, timeZone: string): number {
	if (timeZone === 'UTC') return wallMs;
	// The offsets a day either side of the wall time: any change near it lies between them, and the
	// earlier offset gives the earlier instant.
	const earlier = wallMs - offsetMs(timeZone, wallMs - DAY_MS);
	if (earlier + offsetMs(timeZone, earlier) === wallMs) return earlier;
	const later = wallMs - offsetMs(timeZone, wallMs + DAY_MS);
	// Neither reads back as the wall time: it lies in a gap, and takes the offset before it.
	return later + offsetMs(timeZone, later) === wallMs ? later : earlier;
}
