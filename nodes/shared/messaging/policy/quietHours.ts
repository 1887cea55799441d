import { TZDate } from '@date-fns/tz';
import { ConfigError } from '../../input';

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
 * opens there (DST-aware: the wall-clock start on that local day).
 */
export function checkSendingWindow(now: Date, timeZone: string, window: SendingWindow): WindowDecision {
	const local = new TZDate(now.getTime(), timeZone);
	const minute = local.getHours() * 60 + local.getMinutes();
	const { startMinute, endMinute } = window;
	const inside =
		startMinute < endMinute ? minute >= startMinute && minute < endMinute : minute >= startMinute || minute < endMinute;
	if (inside) return { allowed: true };
	const opensLaterToday = minute < startMinute;
	const day = opensLaterToday ? local : new TZDate(local.getFullYear(), local.getMonth(), local.getDate() + 1, timeZone);
	const opens = new TZDate(
		day.getFullYear(),
		day.getMonth(),
		day.getDate(),
		Math.floor(startMinute / 60),
		startMinute % 60,
		0,
		0,
		timeZone,
	);
	return { allowed: false, deferUntil: new Date(opens.getTime()) };
}
