import { ConfigError, offsetMs } from '../../input';

/** How often the same care message may go to the same customer on the same channel. */
export type KeyPeriod = 'day' | 'week' | 'month' | 'year' | 'once';
export const KEY_PERIODS: readonly KeyPeriod[] = ['day', 'week', 'month', 'year', 'once'];

const DAY_MS = 86_400_000;
const pad = (n: number) => String(n).padStart(2, '0');

/**
 * ISO 8601's week of a local date, given as the epoch ms of its midnight read as UTC: the week belongs
 * to the year of its Thursday, and week 1 is the one with that year's first Thursday.
 */
function isoWeek(localMidnight: number): string {
	const day = Math.floor(localMidnight / DAY_MS);
	const mondayBased = (new Date(localMidnight).getUTCDay() + 6) % 7;
	const thursday = day - mondayBased + 3;
	const year = new Date(thursday * DAY_MS).getUTCFullYear();
	const week = Math.floor((thursday - Date.UTC(year, 0, 1) / DAY_MS) / 7) + 1;
	return `${year}-W${pad(week)}`;
}

/** The period an instant falls in, in the recipient's zone: 2026-03-08, 2026-W10, 2026-03, 2026 or "once". */
export function periodOf(instant: Date, period: KeyPeriod, timeZone: string): string {
	if (period === 'once') return 'once';
	// The zone's wall-clock time, read through UTC fields (offsets kept per hour by wallClock).
	const local = new Date(instant.getTime() + offsetMs(timeZone, instant.getTime()));
	const year = local.getUTCFullYear();
	switch (period) {
		case 'day':
			return `${year}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}`;
		case 'week':
			return isoWeek(Date.UTC(year, local.getUTCMonth(), local.getUTCDate()));
		case 'month':
			return `${year}-${pad(local.getUTCMonth() + 1)}`;
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

/** A literal piece of a custom key template, or a placeholder. */
export type KeyTemplatePart = { kind: 'text'; text: string } | { kind: 'placeholder'; path: string };

const WORD_CHARACTER = /[\p{L}\p{N}%]/u;

/**
 * A custom key template keeps keys apart only if each pair of placeholders is split by a separator
 * (a character that is not a letter, digit or "%"): `{{customerId}}{{surveyId}}` or
 * `{{customerId}}x{{surveyId}}` cannot tell ("A1", "2") from ("A", "12").
 */
export function checkKeyTemplate(parts: readonly KeyTemplatePart[]): void {
	let previous: string | undefined;
	let literal = '';
	for (const part of parts) {
		if (part.kind === 'text') {
			literal += part.text;
			continue;
		}
		if (previous !== undefined && ![...literal].some((ch) => !WORD_CHARACTER.test(ch))) {
			throw new ConfigError(
				`The custom key puts {{${previous}}} and {{${part.path}}} next to each other without a separator, so different values could make the same key (expected a separator such as ":" between placeholders)`,
			);
		}
		previous = part.path;
		literal = '';
	}
}

const percentEncoded = (ch: string) =>
	[...Buffer.from(ch, 'utf8')].map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`).join('');

const escapes = new WeakMap<readonly KeyTemplatePart[], (value: string) => string>();

/**
 * The escape for placeholder values in a custom key: "%" and every separator the template's own text
 * uses are percent-encoded, so a value can never imitate the template's structure (with
 * `{{customerId}}:apology:{{surveyId}}`, ("A", "apology:B") and ("A:apology", "B") stay apart).
 * Built once per template: every item of a run shares it unless Custom Key is an expression.
 */
export function keyValueEscape(parts: readonly KeyTemplatePart[]): (value: string) => string {
	const known = escapes.get(parts);
	if (known) return known;
	const separators = new Set<string>(['%']);
	for (const part of parts) if (part.kind === 'text') for (const ch of part.text) if (!WORD_CHARACTER.test(ch)) separators.add(ch);
	const escape = (value: string) => {
		let out = '';
		for (const ch of value) out += separators.has(ch) ? percentEncoded(ch) : ch;
		return out;
	};
	escapes.set(parts, escape);
	return escape;
}
