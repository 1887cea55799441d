import { InputError } from '../input/errors';
import { choiceTable, lookupChoice, yesNoTable } from '../input/choices';
import { isEmpty } from '../input/fields';
import { luxonDate } from '../input/luxon';
import { checkKeyNumber } from '../input/numbers';
import type { Group } from './assignment';

// 干預組 / 對照組: the traditional forms (Hong Kong, Taiwan).
const GROUPS = choiceTable<Group>(Object.entries({ treatment: 'treatment', holdout: 'holdout', control: 'holdout', 干预组: 'treatment', 对照组: 'holdout', 干預組: 'treatment', 對照組: 'holdout' }));
const YES_NO = yesNoTable();

/** "treatment" or "holdout" ("control", 干预组 and 对照组 are accepted too, traditional and full-width forms included: the rule of choices.ts). */
export function parseGroup(value: unknown, field: string): Group {
	const group = lookupChoice(GROUPS, value);
	if (!group) throw new InputError(field, value, isEmpty(value) ? 'is empty' : 'is not a group', '"treatment" or "holdout", as Assign Holdout writes it');
	return group;
}

/** A yes/no outcome as 1 or 0: booleans, 1/0, "yes"/"no", "true"/"false", "是"/"否", in any case or width (the rule of choices.ts). */
export function parseYesNo(value: unknown, field: string): number {
	const answer = typeof value === 'boolean' ? value : lookupChoice(YES_NO, value);
	if (answer === undefined) throw new InputError(field, value, isEmpty(value) ? 'is empty' : 'is not yes or no', 'true/false, yes/no or 1/0 (write 0 or false for customers without the outcome)');
	return answer ? 1 : 0;
}

/**
 * A key such as a customer ID, stratum or group value: non-empty text without its surrounding spaces (as
 * customerIdText reads customer IDs in the other nodes), or a finite number or BigInt (as text). `noun` names it in
 * the error ("a customer ID"), `expected` says what would do. A whole number beyond 2^53 − 1 is refused
 * (checkKeyNumber): two customers would share one key, and Assign Holdout would hash a text no system
 * holding the real ID reproduces.
 */
export function parseKey(value: unknown, field: string, noun: string, expected: string): string {
	// Untrimmed, "C001 " from a padded export was another customer than "C001": another hash, group and buyer.
	if (typeof value === 'string' && !isEmpty(value)) return value.trim();
	if (typeof value === 'number' && Number.isFinite(value)) {
		checkKeyNumber(value, field, 'keys', 'values');
		return String(value);
	}
	// A BigInt (a Code node's or a driver's 64-bit ID) is exact: its digits, as customerIdText reads it.
	if (typeof value === 'bigint') return String(value);
	throw new InputError(field, value, isEmpty(value) ? 'is empty' : `is not ${noun}`, expected);
}

/**
 * A stratum or group-by value: a key (parseKey), or a date (a Date, or a luxon DateTime from an expression) as
 * the ISO instant it names, the text Score Satisfaction's report groups a date by (groupKeyOf in
 * shared/satisfaction/report.ts). So a week from a Date & Time node is one stratum or group whether it comes as
 * a date or as its ISO text, and both nodes name it the same. An invalid date is an item error.
 */
export function parseGroupingKey(value: unknown, field: string, noun: string, expected: string): string {
	const date = value instanceof Date ? value : luxonDate(value);
	if (!date) return parseKey(value, field, noun, expected);
	if (Number.isNaN(date.getTime())) throw new InputError(field, value, 'is an invalid date', expected);
	return date.toISOString();
}

/**
 * The share a percent parameter names, as that decimal: 14.3 % is 0.143, 99.9 % is 0.999. Divided in
 * binary, 14.3 / 100 is 0.14300000000000002 and 99.9 / 100 is 0.9990000000000001, which the outputs
 * recorded (holdoutShare, confidenceLevel) and the holdout rule compared positions with; 15 significant
 * digits give back the decimal.
 */
export function shareOfPercent(percent: number): number {
	return Number((percent / 100).toPrecision(15));
}
