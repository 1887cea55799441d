import { localDayAndMinute, offsetMinutes } from '../../calendar';
import { ConfigError, wallClockInstant } from '../../input';

/** The hours in which messages may reach a recipient, as minutes after local midnight; end exclusive. */
export interface SendingWindow {
	startMinute: number;
	endMinute: number;
}

export const DEFAULT_SENDING_WINDOW = { start: '09:00', end: '20:00' };

const CLOCK = /^([01]?\d|2[0-3]):([0-5]\d)$/;

/** "09:00" -> 540. The window may cross midnight (22:00-06:00 for a night desk). */
export function parseSendingWindow(start: string, end: string): SendingWindow {
	const toMinute = (text: string, name: string) => {
		const m = CLOCK.exec(text.trim());
		if (!m) throw new ConfigError(`Sending hours ${name} "${text}" is not a time of day like 09:00`);
		return Number(m[1]) * 60 + Number(m[2]);
	};
	const window = { startMinute: toMinute(start, 'start'), endMinute: toMinute(end, 'end') };
	if (window.startMinute === window.endMinute) {
		throw new ConfigError(`Sending hours start and end are both ${start}; turn quiet hours off to send at any time`);
	}
	return window;
}

export type WindowDecision = { allowed: true } | { allowed: false; deferUntil: Date };

/**
 * Whether `now` lies inside the sending window in the recipient's zone, and if not, the next moment it
 * opens there: the wall-clock start on that local day, read as the calendar reads local times (a start
 * the clocks skip opens at the change, a start they show twice at its first showing, or at its second
 * when `now` is between the two).
 */
export function checkSendingWindow(now: Date, timeZone: string, window: SendingWindow): WindowDecision {
	const { dayNumber, minute } = localDayAndMinute(now, timeZone);
	const { startMinute, endMinute } = window;
	const inside =
		startMinute < endMinute ? minute >= startMinute && minute < endMinute : minute >= startMinute || minute < endMinute;
	if (inside) return { allowed: true };
	const day = minute < startMinute ? dayNumber : dayNumber + 1;
	const wallMs = (day * 1440 + startMinute) * 60_000;
	const opens = wallClockInstant(wallMs, timeZone);
	if (opens > now.getTime()) return { allowed: false, deferUntil: new Date(opens) };
	// Inside the hour the clocks repeat, after the start's first showing: it opens at its second.
	return { allowed: false, deferUntil: new Date(wallMs - offsetMinutes(timeZone, now) * 60_000) };
}
