import { periodOf, type KeyPeriod } from './ledger/key';
import { capWindowStart, type FrequencyCap } from './policy/frequencyCap';
import { checkSendingWindow, type SendingWindow, type WindowDecision } from './policy/quietHours';

/**
 * A value that depends only on the recipient's zone (given the run's As Of and settings), worked out once
 * per zone: a batch of 100,000 recipients has a handful of zones, and a zone calculation per item was
 * most of a run's time (the key period with Key Period week: about 300 µs a message).
 */
export function perZone<T>(compute: (timeZone: string) => T): (timeZone: string) => T {
	const byZone = new Map<string, T>();
	return (timeZone) => {
		if (byZone.has(timeZone)) return byZone.get(timeZone) as T;
		const value = compute(timeZone);
		byZone.set(timeZone, value);
		return value;
	};
}

/** The idempotency key's period of As Of in each recipient zone. */
export function keyPeriods(asOf: Date, period: KeyPeriod): (timeZone: string) => string {
	return perZone((timeZone) => periodOf(asOf, period, timeZone));
}

/** Where the frequency cap's window starts in each recipient zone. */
export function capWindowStarts(asOf: Date, cap: FrequencyCap): (timeZone: string) => Date {
	return perZone((timeZone) => capWindowStart(asOf, cap, timeZone));
}

/** Whether As Of is inside the sending hours in each recipient zone, and if not when they open. */
export function sendingWindowsAt(asOf: Date, window: SendingWindow): (timeZone: string) => WindowDecision {
	return perZone((timeZone) => checkSendingWindow(asOf, timeZone, window));
}
