import { choiceTable, InputError, isEmpty, lookupChoice, NO_WORDS, YES_WORDS } from '../../input';

/**
 * How consent is read: `optIn` sends only to customers whose field says yes (PIPL / GDPR marketing);
 * `optOut` sends unless the field says no; `ignore` is for messages to staff.
 */
export type ConsentMode = 'optIn' | 'optOut' | 'ignore';

/** What the mapped field records: permission to contact (`consent`), or a request not to (`optedOut`). */
export type ConsentFieldMeaning = 'consent' | 'optedOut';

type Answer = { value: boolean; status: boolean };

/**
 * Answers to the question the field asks ("has the customer consented?" or, for an opt-out field, "has
 * the customer opted out?"): what they mean depends on the field. Every yes/no field's words
 * (YES_WORDS, NO_WORDS), and consent's own.
 */
const YES = [...YES_WORDS, 'on', 'agree', 'agreed', 'allow', 'allowed', '同意', '已同意', '允许'];
const NO = [...NO_WORDS, 'off', 'disagree', '不同意'];
/**
 * Words that name the customer's consent status themselves: "unsubscribed" or 退订 means no consent in an
 * opt-out field as much as in a consent field, so they are never read the other way round.
 */
const CONSENTED = ['opt-in', 'opt_in', 'optin', 'opted-in', 'opted_in', 'optedin', 'subscribed', 'granted', 'consented', '已授权', '订阅', '已订阅'];
const NOT_CONSENTED = [
	'opt-out', 'opt_out', 'optout', 'opted-out', 'opted_out', 'optedout', 'unsubscribed', 'denied', 'refused', 'withdrawn',
	'revoked', 'deny', 'stop', '拒绝', '未授权', '撤回', '已撤回', '退订', '已退订',
];
const answers = (words: readonly string[], answer: Answer) => words.map((word) => [word, answer] as const);
const ANSWERS = choiceTable([
	...answers(YES, { value: true, status: false }),
	...answers(NO, { value: false, status: false }),
	...answers(CONSENTED, { value: true, status: true }),
	...answers(NOT_CONSENTED, { value: false, status: true }),
]);
const EXPECTED = 'yes/no, true/false, 1/0, opted_in/opted_out, subscribed/unsubscribed, 同意/拒绝 or 是/否';

function readAnswer(value: unknown, field: string): Answer | undefined {
	if (isEmpty(value)) return undefined;
	if (typeof value === 'boolean') return { value, status: false };
	// Text by the choice rule (full-width "ＹＥＳ", "１" as half-width); a number by its digits: 1 or 0.
	const answer = lookupChoice(ANSWERS, value);
	if (answer !== undefined) return answer;
	throw new InputError(field, value, 'is not a recognised yes/no value', EXPECTED);
}

/** Reads a yes/no field the way CRMs write it. Empty means "not recorded"; anything else unknown is an error. */
export function parseYesNo(value: unknown, field: string): boolean | undefined {
	return readAnswer(value, field)?.value;
}

export type ConsentDecision = { allowed: true } | { allowed: false; detail: string };

/** Whether the customer may receive this message, from the mapped consent or opt-out field. */
export function checkConsent(
	value: unknown,
	field: string,
	mode: ConsentMode,
	meaning: ConsentFieldMeaning = 'consent',
): ConsentDecision {
	if (mode === 'ignore') return { allowed: true };
	const answer = readAnswer(value, field);
	const consented = answer === undefined ? undefined : meaning === 'consent' || answer.status ? answer.value : !answer.value;
	if (consented === false) return { allowed: false, detail: `"${field}" records that the customer opted out` };
	if (consented === undefined && mode === 'optIn') {
		return { allowed: false, detail: `"${field}" records no opt-in consent` };
	}
	return { allowed: true };
}

/** The consent rule a message's purpose calls for, unless the user chose one. */
export function consentModeFor(purpose: 'marketing' | 'service' | 'staff'): ConsentMode {
	return purpose === 'marketing' ? 'optIn' : purpose === 'service' ? 'optOut' : 'ignore';
}
