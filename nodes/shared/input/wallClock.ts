import { tzOffset } from '@date-fns/tz';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
/** Hours whose offset a zone keeps outside its day table and on days with a change; past it the zone starts again. */
const MAX_CACHED_HOURS = 200_000;
/** Zones whose offsets are kept; past it every zone starts again (recipients' zones are a few dozen). */
const MAX_CACHED_ZONES = 64;

/** The zone's offset from UTC at an instant, worked out by Intl (about 3 µs a call). */
function computedOffsetMs(timeZone: string, instant: number): number {
	return Math.round(tzOffset(timeZone, new Date(instant)) * 60_000);
}

const readers = new Map<string, (instant: number) => number>();
/** The zone and reader asked for last: callers asking per value (calendarDays, offsetMs) skip the map. */
let lastZone: string | undefined;
let lastReader: (instant: number) => number = () => 0;

/** UTC days kept in a table, from two days before PLAUSIBLE_DATES (1900-01-01) to two days after its end (2200-01-01). */
const FIRST_TABLE_DAY = Math.floor(Date.UTC(1899, 11, 30) / DAY_MS);
const TABLE_DAYS = Math.floor(Date.UTC(2200, 0, 3) / DAY_MS) - FIRST_TABLE_DAY;
/** Table entries that are no offset (offsets are within ±14 hours, far from these): not yet looked up; changes within the day. */
const UNKNOWN = -0x80000000;
const CHANGES = UNKNOWN + 1;

/**
 * offsetMs for one zone, for a loop over many instants. Offsets are kept per UTC day in a typed array
 * (an array read per value, 440 KB per zone), taken when the offset is the same at the day's first and
 * last millisecond: changes of a zone's offset lie days apart (about 4 at the closest in the tz
 * database). A day with a change, and an instant outside the table, is read per UTC hour in the same way
 * (offsets change at most once within an hour), and worked out exactly within an hour with a change.
 */
export function offsetReader(timeZone: string): (instant: number) => number {
	if (timeZone === lastZone) return lastReader;
	const reader = zoneReader(timeZone);
	lastZone = timeZone;
	lastReader = reader;
	return reader;
}

function zoneReader(timeZone: string): (instant: number) => number {
	if (timeZone === 'UTC') return () => 0;
	let reader = readers.get(timeZone);
	if (reader !== undefined) return reader;
	const byHour = new Map<number, number>();
	const hourly = (instant: number): number => {
		const hour = Math.floor(instant / HOUR_MS);
		let offset = byHour.get(hour);
		if (offset === undefined) {
			offset = computedOffsetMs(timeZone, hour * HOUR_MS);
			if (offset !== computedOffsetMs(timeZone, hour * HOUR_MS + HOUR_MS - 1)) return computedOffsetMs(timeZone, instant);
			if (byHour.size >= MAX_CACHED_HOURS) byHour.clear();
			byHour.set(hour, offset);
		}
		return offset;
	};
	const byDay = new Int32Array(TABLE_DAYS).fill(UNKNOWN);
	reader = (instant: number): number => {
		const day = Math.floor(instant / DAY_MS) - FIRST_TABLE_DAY;
		if (!(day >= 0 && day < TABLE_DAYS)) return hourly(instant);
		let offset = byDay[day];
		if (offset > CHANGES) return offset;
		if (offset === CHANGES) return hourly(instant);
		const start = (day + FIRST_TABLE_DAY) * DAY_MS;
		offset = computedOffsetMs(timeZone, start);
		if (offset !== computedOffsetMs(timeZone, start + DAY_MS - 1)) {
			byDay[day] = CHANGES;
			return hourly(instant);
		}
		byDay[day] = offset;
		return offset;
	};
	if (readers.size >= MAX_CACHED_ZONES) readers.clear();
	readers.set(timeZone, reader);
	return reader;
}

/** The calendar day number (days since 1970-01-01) of an instant on the zone's calendar. */
export function dayNumber(instant: number, timeZone = 'UTC'): number {
	return Math.floor((instant + offsetMs(timeZone, instant)) / DAY_MS);
}

/** dayNumber for one zone, for a loop over many instants. */
export function dayNumberReader(timeZone: string | undefined): (instant: number) => number {
	if (!timeZone || timeZone === 'UTC') return (instant) => Math.floor(instant / DAY_MS);
	const offsetAt = offsetReader(timeZone);
	return (instant) => Math.floor((instant + offsetAt(instant)) / DAY_MS);
}

/** The zone's offset from UTC at an instant, in whole milliseconds (a local mean time such as Shanghai's +08:05:43 before 1901 has seconds). */
export function offsetMs(timeZone: string, instant: number): number {
	return offsetReader(timeZone)(instant);
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

/**
 * Days from one instant to another as the zone's calendar counts them: the difference of their wall-clock
 * times. Midnight to midnight 90 days later is 90 across a clock change too (elapsed time says 90.04 when
 * New York's clocks go back, and a customer who bought 90 calendar days ago would not be "within 90
 * days"); a fraction is wall-clock hours. In UTC it is the elapsed days. Offsets come from offsetReader.
 */
export function calendarDaysCounter(timeZone = 'UTC'): (fromMs: number, toMs: number) => number {
	if (timeZone === 'UTC') return (fromMs, toMs) => (toMs - fromMs) / DAY_MS;
	const offsetAt = offsetReader(timeZone);
	return (fromMs, toMs) => (toMs + offsetAt(toMs) - (fromMs + offsetAt(fromMs))) / DAY_MS;
}

/** calendarDaysCounter's days for one pair of instants. */
export function calendarDays(fromMs: number, toMs: number, timeZone = 'UTC'): number {
	if (timeZone === 'UTC') return (toMs - fromMs) / DAY_MS;
	const offsetAt = offsetReader(timeZone);
	return (toMs + offsetAt(toMs) - (fromMs + offsetAt(fromMs))) / DAY_MS;
}
