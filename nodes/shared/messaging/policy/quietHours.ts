import { localDayAndMinute, offsetMinutes } from '../../calendar';
import { describeValue, parameterError, wallClockInstant } from '../../input';

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
		if (!m) throw parameterError(`Sending Hours ${name}`, text, 'is not a time of day', 'HH:MM on a 24-hour clock, such as 09:00 or 20:30');
		return Number(m[1]) * 60 + Number(m[2]);
	};
	const window = { startMinute: toMinute(start, 'Start'), endMinute: toMinute(end, 'End') };
	if (window.startMinute === window.endMinute) {
		throw parameterError(
			'Sending Hours End',
			end,
			`is the same time as Sending Hours Start (${describeValue(start)}) and leaves no time to send`,
			'an end different from the start; turn Quiet Hours off to send at any time',
		);
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
