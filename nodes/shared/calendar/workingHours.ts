import { ConfigError, describeValue } from '../input';

/** A stretch of a working day in minutes after local midnight, end exclusive. */
export interface TimeWindow {
	start: number;
	end: number;
}

const WINDOW = /^(\d{1,2}):(\d{2})\s*[-–—~～至]\s*(\d{1,2}):(\d{2})$/;
const SEPARATORS = /[,;，；、\n]+/;
export const WORKING_HOURS_EXPECTED = 'windows like "09:30-12:00, 14:00-18:00" (HH:MM-HH:MM, 24-hour clock)';

function minuteOfDay(hours: string, minutes: string, allow24: boolean): number | undefined {
	const h = Number(hours);
	const m = Number(minutes);
	if (m > 59) return undefined;
	if (h < 24) return h * 60 + m;
	return allow24 && h === 24 && m === 0 ? 1440 : undefined;
}

function invalid(text: string, part: string, problem: string): ConfigError {
	return new ConfigError(`Working hours ${describeValue(text)} are not valid: ${describeValue(part)} ${problem} (expected ${WORKING_HOURS_EXPECTED})`);
}

/** Parses "09:30-12:00, 14:00-18:00" into sorted, non-overlapping windows. */
export function parseWorkingHours(text: string): TimeWindow[] {
	const source = String(text ?? '').trim();
	if (!source) throw new ConfigError(`Working hours are empty (expected ${WORKING_HOURS_EXPECTED})`);
	const windows: TimeWindow[] = [];
	for (const raw of source.split(SEPARATORS)) {
		const part = raw.trim();
		if (!part) continue;
		const m = WINDOW.exec(part);
		if (!m) throw invalid(source, part, 'is not a time window');
		const start = minuteOfDay(m[1], m[2], false);
		const end = minuteOfDay(m[3], m[4], true);
		if (start === undefined) throw invalid(source, part, `starts at ${m[1]}:${m[2]}, which is not a time of day`);
		if (end === undefined) throw invalid(source, part, `ends at ${m[3]}:${m[4]}, which is not a time of day`);
		if (end === start) throw invalid(source, part, 'ends when it starts');
		if (end < start) {
			// A night shift: each local day has its own hours, from 00:00 to 24:00.
			throw invalid(source, part, `crosses midnight; a day's hours run from 00:00 to 24:00, so write it as ${m[1]}:${m[2]}-24:00, 00:00-${m[3]}:${m[4]} (the hours after midnight are then the next day's)`);
		}
		windows.push({ start, end });
	}
	windows.sort((a, b) => a.start - b.start);
	for (let i = 1; i < windows.length; i++) {
		if (windows[i].start < windows[i - 1].end) {
			throw invalid(source, formatWindow(windows[i]), `overlaps ${formatWindow(windows[i - 1])}`);
		}
	}
	return windows;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

export function formatMinute(minute: number): string {
	return `${pad2(Math.floor(minute / 60))}:${pad2(minute % 60)}`;
}

export function formatWindow(window: TimeWindow): string {
	return `${formatMinute(window.start)}-${formatMinute(window.end)}`;
}

/**
 * Cuts the working windows into back-to-back appointment slots of `durationMinutes`; a remainder
 * shorter than one appointment at the end of a window is not a slot.
 */
export function appointmentSlots(windows: TimeWindow[], durationMinutes: number): TimeWindow[] {
	if (!Number.isInteger(durationMinutes) || durationMinutes < 1) {
		throw new ConfigError(`Appointment length ${describeValue(durationMinutes)} is not valid (expected a whole number of minutes of at least 1)`);
	}
	const slots: TimeWindow[] = [];
	for (const window of windows) {
		for (let start = window.start; start + durationMinutes <= window.end; start += durationMinutes) {
			slots.push({ start, end: start + durationMinutes });
		}
	}
	if (slots.length === 0) {
		throw new ConfigError(
			`No ${durationMinutes}-minute appointment fits in the working hours ${windows.map(formatWindow).join(', ')} (expected a window at least as long as one appointment, or a shorter appointment length)`,
		);
	}
	return slots;
}
