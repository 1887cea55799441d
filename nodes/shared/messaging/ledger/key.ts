import { TZDate } from '@date-fns/tz';
import { getISOWeek, getISOWeekYear } from 'date-fns';

/** How often the same care message may go to the same customer on the same channel. */
export type KeyPeriod = 'day' | 'week' | 'month' | 'year' | 'once';
export const KEY_PERIODS: readonly KeyPeriod[] = ['day', 'week', 'month', 'year', 'once'];

const pad = (n: number) => String(n).padStart(2, '0');

/** The period an instant falls in, in the recipient's zone: 2026-03-08, 2026-W10, 2026-03, 2026 or "once". */
export function periodOf(instant: Date, period: KeyPeriod, timeZone: string): string {
	if (period === 'once') return 'once';
	const local = new TZDate(instant.getTime(), timeZone);
	const year = local.getFullYear();
	switch (period) {
		case 'day':
			return `${year}-${pad(local.getMonth() + 1)}-${pad(local.getDate())}`;
		case 'week':
			return `${getISOWeekYear(local)}-W${pad(getISOWeek(local))}`;
		case 'month':
			return `${year}-${pad(local.getMonth() + 1)}`;
		case 'year':
			return String(year);
	}
}

/** ':' separates the parts, so it (and '%', the escape) is percent-encoded inside a part. */
function keyPart(text: string): string {
	return text.replace(/%/g, '%25').replace(/:/g, '%3A');
}

export interface KeyParts {
	customerId: string;
	careType: string;
	channel: string;
	period: string;
}

/** The default idempotency key: customer, care type, channel and period, e.g. `C17:birthday:smtp:2026`. */
export function idempotencyKey(parts: KeyParts): string {
	return [parts.customerId, parts.careType, parts.channel, parts.period].map(keyPart).join(':');
}
